package io.crmkit.cli.report;

import io.crmkit.core.CustomerId;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.metrics.clv.BgNbdModel;
import io.crmkit.metrics.clv.BtydData;
import io.crmkit.metrics.clv.CustomerValue;
import io.crmkit.metrics.clv.DiscountRate;
import io.crmkit.metrics.clv.GammaGammaModel;
import io.crmkit.metrics.clv.Horizon;
import io.crmkit.metrics.clv.LifetimeValue;
import io.crmkit.metrics.clv.ModelFitException;
import io.crmkit.metrics.clv.TransactionModel;
import io.crmkit.metrics.kpi.CohortMatrix;
import io.crmkit.metrics.kpi.OrderKpiOptions;
import io.crmkit.metrics.kpi.OrderKpiReport;
import io.crmkit.metrics.kpi.OrderKpis;
import io.crmkit.metrics.kpi.PeriodGrid;
import io.crmkit.metrics.kpi.PeriodOrderKpis;
import io.crmkit.metrics.kpi.ReportingPeriod;
import io.crmkit.segmentation.CustomerColumns;
import io.crmkit.segmentation.lifecycle.ChurnModel;
import io.crmkit.segmentation.lifecycle.ChurnModelOptions;
import io.crmkit.segmentation.lifecycle.ChurnProbability;
import io.crmkit.segmentation.lifecycle.ChurnScores;
import io.crmkit.segmentation.lifecycle.EngagementHistory;
import io.crmkit.segmentation.lifecycle.ForecastOptions;
import io.crmkit.segmentation.lifecycle.NextPurchase;
import io.crmkit.segmentation.lifecycle.NextPurchaseReport;
import io.crmkit.segmentation.lifecycle.PurchaseForecast;
import io.crmkit.segmentation.lifecycle.PurchaseTimelines;
import io.crmkit.segmentation.lifecycle.TimelineOptions;
import io.crmkit.segmentation.rfm.Binning;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.RfmOptions;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmScorer;
import io.crmkit.segmentation.segment.SegmentMap;
import io.crmkit.segmentation.segment.SegmentSummary;
import io.crmkit.segmentation.segment.Segmentation;
import io.crmkit.segmentation.value.LorenzCurve;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the HTML report shows, computed from one {@link OrderBatch} by the library's own
 * analytics: RFM segments and the recency x frequency grid ({@link RfmScorer}, quantile binning,
 * five bins, the eleven-segment map), the Lorenz curve and Gini ({@link LorenzCurve}), monthly
 * order KPIs and the cohort matrix ({@link OrderKpis}), lifetime value (BG/NBD with Gamma-Gamma
 * spend over 52 weeks), the churn probability ({@link ChurnProbability}, 90-day horizon) and the
 * next-purchase due calendar ({@link NextPurchase}, the 28 days after the as-of date). The
 * settings are fixed and stated in each section's caption.
 *
 * <p>An analytic that cannot be computed on the data (a model that does not converge, say) is
 * {@linkplain Outcome#unavailable unavailable} with the reason, and the report says so in its
 * section; the other sections are unaffected.
 *
 * <p>Immutable once computed; computed from one thread.
 */
public final class ReportData {

    /** The RFM bins per dimension. */
    public static final int BINS = 5;
    /** The horizon of the lifetime value. */
    public static final String CLV_HORIZON = "52w";
    /** The horizon of the churn probability, in days. */
    public static final int CHURN_HORIZON_DAYS = 90;
    /** The days after the as-of date covered by the due calendar. */
    public static final int DUE_DAYS = 28;
    /** The days a purchase keeps a customer active, for the KPIs. */
    public static final int ACTIVE_WINDOW_DAYS = 90;

    /**
     * The value of an analytic, or why it could not be computed.
     *
     * @param <T> the value's type
     * @param value the value, null when unavailable
     * @param unavailable the reason, null when available
     */
    public record Outcome<T>(T value, String unavailable) {

        /**
         * Validates that exactly one of value and reason is given.
         *
         * @throws IllegalArgumentException if both or neither are given
         */
        public Outcome {
            if ((value == null) == (unavailable == null)) {
                throw new IllegalArgumentException("exactly one of value and unavailable must be given");
            }
        }

        static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> failed(String reason) {
            return new Outcome<>(null, reason);
        }

        /**
         * Returns whether the value is there.
         *
         * @return true when computed
         */
        public boolean available() {
            return value != null;
        }
    }

    /**
     * The input of the report.
     *
     * @param batch the orders, not null
     * @param currency the currency of the amounts, not null
     * @param zone the zone of calendar days, not null
     * @param asOf the last day observed (orders through its end count), not null
     * @param source a description of the input for the header, without personal data, not null
     * @param names masked display names by customer (from a customers file), not null, may be empty
     * @param engagement complaints and survey scores for the churn probability, not null
     *     ({@link EngagementHistory#none()} without service or survey data)
     * @param purchaseUnit what one purchase is in every section (summaries, RFM, KPIs, CLV, churn), not null
     */
    public record Input(OrderBatch batch, Currency currency, ZoneId zone, LocalDate asOf, String source,
            Map<CustomerId, String> names, EngagementHistory engagement, PurchaseUnit purchaseUnit) {

        /**
         * Validates the input and copies the names.
         *
         * @throws NullPointerException if a component is null
         */
        public Input {
            Objects.requireNonNull(batch, "batch");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(engagement, "engagement");
            Objects.requireNonNull(purchaseUnit, "purchaseUnit");
            names = Map.copyOf(names);
        }
    }

    /**
     * The RFM result and its segmentation.
     *
     * @param result the scores, not null
     * @param segments the segment table, not null
     * @param segmentation the segment of every customer, not null
     */
    public record Rfm(RfmResult result, List<SegmentSummary> segments, Segmentation segmentation) {
    }

    /**
     * The monthly KPIs, with whether the first and last months are only partly observed.
     *
     * @param report the KPI report, not null
     * @param firstIncomplete whether the first month starts before the first order's day
     * @param lastIncomplete whether the last month ends after the as-of date
     */
    public record Trends(OrderKpiReport report, boolean firstIncomplete, boolean lastIncomplete) {

        /**
         * Returns the periods.
         *
         * @return the periods, never null
         */
        public List<PeriodOrderKpis> periods() {
            return report.periods();
        }

        /**
         * Returns the cohort matrix.
         *
         * @return the matrix, never null
         */
        public CohortMatrix cohorts() {
            return report.cohorts();
        }
    }

    /**
     * The lifetime values.
     *
     * @param model the transaction model used, not null
     * @param settings the valuation settings, not null
     * @param values one per customer, not null
     */
    public record Values(TransactionModel model, LifetimeValue.Settings settings, List<CustomerValue> values) {
    }

    /**
     * The next-purchase forecasts expected in the due window.
     *
     * @param report the forecasts, not null
     * @param from the window's first day, not null
     * @param due the forecasts expected in the window, not null
     */
    public record Due(NextPurchaseReport report, LocalDate from, List<PurchaseForecast> due) {
    }

    private final Input input;
    private final PurchaseSummaries summaries;
    private final Rfm rfm;
    private final Outcome<LorenzCurve> lorenz;
    private final Outcome<Trends> trends;
    private final Outcome<Values> values;
    private final Outcome<ChurnScores> churn;
    private final Outcome<Due> due;

    private ReportData(Input input, PurchaseSummaries summaries, Rfm rfm, Outcome<LorenzCurve> lorenz,
            Outcome<Trends> trends, Outcome<Values> values, Outcome<ChurnScores> churn, Outcome<Due> due) {
        this.input = input;
        this.summaries = summaries;
        this.rfm = rfm;
        this.lorenz = lorenz;
        this.trends = trends;
        this.values = values;
        this.churn = churn;
        this.due = due;
    }

    /**
     * Computes every analytic of the report.
     *
     * @param input the input, not null
     * @return the data, never null
     * @throws IllegalArgumentException if no customer has a counted purchase by the as-of date
     */
    public static ReportData compute(Input input) {
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(input.asOf()))
                .zone(input.zone()).purchaseUnit(input.purchaseUnit()).revenueBasis(RevenueBasis.NET)
                .currency(input.currency()).timeUnit(PeriodUnit.WEEKS).build();
        PurchaseSummaries summaries = PurchaseHistory.summarize(input.batch(), options);
        if (summaries.size() == 0) {
            throw new IllegalArgumentException("no customer has a counted purchase by " + input.asOf());
        }
        CustomerColumns columns = CustomerColumns.from(summaries);
        Rfm rfm = rfm(columns);
        Outcome<LorenzCurve> lorenz;
        try {
            lorenz = Outcome.of(LorenzCurve.of(columns));
        } catch (IllegalArgumentException e) {
            lorenz = Outcome.failed(e.getMessage());
        }
        PurchaseTimelines timelines = PurchaseTimelines.builder(TimelineOptions.builder().zone(input.zone())
                        .purchaseUnit(input.purchaseUnit()).build())
                .acceptAll(input.batch()).build();
        return new ReportData(input, summaries, rfm, lorenz, trends(input, summaries), values(input),
                churn(input, timelines), due(input, timelines));
    }

    private static Rfm rfm(CustomerColumns columns) {
        RfmOptions.Builder b = RfmOptions.builder();
        for (Dimension d : Dimension.values()) {
            b.binning(d, Binning.quantiles(BINS));
        }
        RfmResult result = RfmScorer.score(columns, b.build());
        SegmentMap map = SegmentMap.elevenSegments();
        Segmentation segmentation = map.assign(result);
        return new Rfm(result, segmentation.summary().rows(), segmentation);
    }

    private static Outcome<Trends> trends(Input input, PurchaseSummaries summaries) {
        try {
            LocalDate first = firstPurchaseDay(summaries, input.zone());
            PeriodGrid grid = PeriodGrid.covering(ReportingPeriod.MONTH, input.zone(), first, input.asOf());
            OrderKpiOptions o = OrderKpiOptions.builder(grid, ACTIVE_WINDOW_DAYS).currency(Optional.of(input.currency()))
                    .purchaseUnit(input.purchaseUnit()).build();
            OrderKpiReport report = OrderKpis.compute(input.batch(), o);
            boolean firstIncomplete = grid.startDate(0).isBefore(first);
            List<PeriodOrderKpis> periods = report.periods();
            LocalDate lastDay = periods.get(periods.size() - 1).end().atZone(input.zone()).toLocalDate().minusDays(1);
            return Outcome.of(new Trends(report, firstIncomplete, lastDay.isAfter(input.asOf())));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private static LocalDate firstPurchaseDay(PurchaseSummaries summaries, ZoneId zone) {
        LocalDate first = null;
        for (int i = 0; i < summaries.size(); i++) {
            LocalDate d = summaries.firstPurchaseAt(i).atZone(zone).toLocalDate();
            if (first == null || d.isBefore(first)) {
                first = d;
            }
        }
        return first;
    }

    private static Outcome<Values> values(Input input) {
        try {
            PurchaseSummaries days = PurchaseHistory.summarize(input.batch(),
                    PurchaseHistoryOptions.builder(AsOf.endOfDay(input.asOf())).zone(input.zone())
                            .purchaseUnit(input.purchaseUnit()).revenueBasis(RevenueBasis.NET).currency(input.currency())
                            .timeUnit(PeriodUnit.WEEKS).build());
            BtydView view = days.btyd(PeriodUnit.WEEKS);
            TransactionModel model;
            try {
                model = BgNbdModel.fit(BtydData.of(view));
            } catch (ModelFitException e) {
                if (e.boundary().isPresent() && e.boundary().get().nested().isPresent()) {
                    model = e.boundary().get().nested().get();
                } else {
                    return Outcome.failed("BG/NBD cannot be fitted: " + e.getMessage());
                }
            }
            GammaGammaModel spend;
            try {
                spend = GammaGammaModel.fit(view);
            } catch (ModelFitException | IllegalArgumentException e) {
                return Outcome.failed("the Gamma-Gamma spend model cannot be fitted: " + e.getMessage());
            }
            LifetimeValue.Settings settings = new LifetimeValue.Settings(Horizon.parse(CLV_HORIZON),
                    DiscountRate.of(0, PeriodUnit.YEARS), 1);
            return Outcome.of(new Values(model, settings, CustomerValue.of(model, Optional.of(spend), view, settings)));
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | ModelFitException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private static Outcome<ChurnScores> churn(Input input, PurchaseTimelines timelines) {
        try {
            ChurnModelOptions options = ChurnModelOptions.builder(input.asOf(), CHURN_HORIZON_DAYS).build();
            ChurnModel model = ChurnProbability.fit(timelines, input.engagement(), options);
            return Outcome.of(model.score(timelines, input.engagement()));
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | ModelFitException e) {
            return Outcome.failed("the churn probability cannot be fitted: " + e.getMessage());
        }
    }

    private static Outcome<Due> due(Input input, PurchaseTimelines timelines) {
        try {
            NextPurchaseReport report = NextPurchase.forecast(timelines, new ForecastOptions(input.asOf(), 0.8));
            LocalDate from = input.asOf().plusDays(1);
            return Outcome.of(new Due(report, from, report.expectedBetween(from, from.plusDays(DUE_DAYS - 1))));
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    /**
     * Returns the input.
     *
     * @return the input, never null
     */
    public Input input() {
        return input;
    }

    /**
     * Returns the purchase summaries (one purchase per order) at the as-of date.
     *
     * @return the summaries, never null
     */
    public PurchaseSummaries summaries() {
        return summaries;
    }

    /**
     * Returns the RFM scores and segments.
     *
     * @return the RFM result, never null
     */
    public Rfm rfm() {
        return rfm;
    }

    /**
     * Returns the Lorenz curve of revenue, or why it is undefined.
     *
     * @return the outcome, never null
     */
    public Outcome<LorenzCurve> lorenz() {
        return lorenz;
    }

    /**
     * Returns the monthly KPIs and cohorts.
     *
     * @return the outcome, never null
     */
    public Outcome<Trends> trends() {
        return trends;
    }

    /**
     * Returns the lifetime values.
     *
     * @return the outcome, never null
     */
    public Outcome<Values> values() {
        return values;
    }

    /**
     * Returns the churn probabilities.
     *
     * @return the outcome, never null
     */
    public Outcome<ChurnScores> churn() {
        return churn;
    }

    /**
     * Returns the due calendar's forecasts.
     *
     * @return the outcome, never null
     */
    public Outcome<Due> due() {
        return due;
    }
}
