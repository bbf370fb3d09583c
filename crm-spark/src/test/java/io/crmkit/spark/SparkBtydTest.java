package io.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.metrics.clv.BgNbdModel;
import io.crmkit.metrics.clv.BgBbData;
import io.crmkit.metrics.clv.CalibrationHoldout;
import io.crmkit.metrics.clv.HoldoutCounts;
import io.crmkit.metrics.clv.HoldoutScorecard;
import io.crmkit.metrics.clv.BtydData;
import io.crmkit.metrics.clv.CustomerValue;
import io.crmkit.metrics.clv.DiscountRate;
import io.crmkit.metrics.clv.Estimate;
import io.crmkit.metrics.clv.GammaGammaModel;
import io.crmkit.metrics.clv.Horizon;
import io.crmkit.metrics.clv.NbdModel;
import io.crmkit.metrics.clv.LifetimeValue;
import io.crmkit.metrics.clv.PredictionIntervals;
import io.crmkit.metrics.clv.ParetoNbdModel;
import io.crmkit.metrics.clv.TransactionModel;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BTYD fits from the patterns Spark counts equal the single-machine fits (1e-9 relative), and the
 * distributed predictions equal the single-machine model's.
 */
class SparkBtydTest {

    private static final double RELATIVE = 1e-9;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static void assertSameEstimates(TransactionModel actual, TransactionModel expected) {
        List<Estimate> a = actual.parameters();
        List<Estimate> e = expected.parameters();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < e.size(); i++) {
            assertThat(a.get(i).name()).isEqualTo(e.get(i).name());
            assertThat(a.get(i).value()).as(e.get(i).name()).isCloseTo(e.get(i).value(),
                    withinPercentage(RELATIVE * 100));
        }
        assertThat(actual.fit().orElseThrow().logLikelihood()).isCloseTo(expected.fit().orElseThrow().logLikelihood(),
                withinPercentage(RELATIVE * 100));
    }

    private static void assertSamePredictions(SparkSummaries summaries, TransactionModel sparkModel,
            TransactionModel expected, PurchaseSummaries single, Horizon horizon) {
        List<Row> rows = SparkBtyd.predict(summaries, sparkModel, horizon).collectAsList();
        Map<String, Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.getString(0), r));
        BtydView v = single.btyd();
        double t = horizon.in(v.unit());
        assertThat(rows).hasSize(v.size());
        for (int i = 0; i < v.size(); i++) {
            Row r = byId.get(v.customerId(i).value());
            double alive = expected.probabilityAlive(v.x(i), v.tx(i), v.bigT(i));
            double e = expected.conditionalExpectedTransactions(v.x(i), v.tx(i), v.bigT(i), t);
            assertThat(r.getDouble(4)).isCloseTo(alive, withinPercentage(RELATIVE * 100));
            assertThat(r.getDouble(5)).isCloseTo(e, withinPercentage(RELATIVE * 100));
        }
    }

    @Test
    void cdnowParetoNbdAndBgNbdFitsEqualTheSingleMachineFits() throws Exception {
        OrderData cdnow = OrderData.cdnow();
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(1997, 9, 30)))
                .zone(ZoneOffset.UTC).purchaseUnit(PurchaseUnit.DAY).timeUnit(PeriodUnit.WEEKS)
                .currency(OrderData.USD).build();
        PurchaseSummaries single = PurchaseHistory.summarize(cdnow.batch(false), options);
        SparkSummaries summaries = SparkPurchaseHistory.summarize(cdnow.dataset(spark, 3), OrderColumns.defaults(),
                options).cache();
        BtydData patterns = SparkBtyd.patterns(summaries);
        BtydData reference = BtydData.of(single.btyd());
        assertThat(patterns.customerCount()).isEqualTo(2357.0);
        assertThat(patterns.patternCount()).isEqualTo(reference.patternCount());

        ParetoNbdModel pareto = ParetoNbdModel.fit(patterns);
        ParetoNbdModel paretoSingle = ParetoNbdModel.fit(reference);
        assertSameEstimates(pareto, paretoSingle);
        // the published CDNOW estimates (Fader, Hardie and Lee 2005): r 0.55, alpha 10.58, s 0.61, beta 11.67
        assertThat(pareto.r()).isCloseTo(0.55, withinPercentage(2));
        assertThat(pareto.beta()).isCloseTo(11.67, withinPercentage(3));
        assertSamePredictions(summaries, pareto, paretoSingle, single, Horizon.of(39, PeriodUnit.WEEKS));

        BgNbdModel bg = BgNbdModel.fit(patterns);
        BgNbdModel bgSingle = BgNbdModel.fit(reference);
        assertSameEstimates(bg, bgSingle);
        assertSamePredictions(summaries, bg, bgSingle, single, Horizon.of(52, PeriodUnit.WEEKS));
        summaries.rows().unpersist();
    }

    @Test
    void simulatedLogInSeveralPartitionsFitsAsOnOneMachine() {
        OrderData data = OrderData.btyd(31, 1500);
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2025, 12, 31)))
                .purchaseUnit(PurchaseUnit.DAY).timeUnit(PeriodUnit.WEEKS).currency(OrderData.USD).build();
        PurchaseSummaries single = PurchaseHistory.summarize(data.batch(true), options);
        SparkSummaries summaries = SparkPurchaseHistory.summarize(data.dataset(spark, 4),
                OrderColumns.defaults().withOrderId("order_id").withStatus("status"), options, 6);
        BgNbdModel bg = BgNbdModel.fit(SparkBtyd.patterns(summaries));
        BgNbdModel bgSingle = BgNbdModel.fit(BtydData.of(single.btyd()));
        assertSameEstimates(bg, bgSingle);
        assertSamePredictions(summaries, bg, bgSingle, single, Horizon.of(26, PeriodUnit.WEEKS));
    }

    @Test
    void holdoutCountsAndScorecardEqualTheSingleMachineSplitInEveryPartitioning() {
        OrderData data = OrderData.btyd(37, 1200);
        LocalDate calibrationEnd = LocalDate.of(2025, 3, 31);
        LocalDate holdoutEnd = LocalDate.of(2025, 12, 31);
        for (PurchaseUnit purchaseUnit : PurchaseUnit.values()) {
            CalibrationHoldout split = CalibrationHoldout.split(data.batch(true), calibrationEnd, holdoutEnd,
                    ZoneOffset.UTC, PeriodUnit.WEEKS, purchaseUnit);
            BgNbdModel model = BgNbdModel.fit(split.data());
            HoldoutScorecard expected = HoldoutScorecard.evaluate(model, split);
            for (int partitions : new int[] {1, 5}) {
                HoldoutCounts counts = SparkBtyd.holdout(data.dataset(spark, 3),
                        OrderColumns.defaults().withOrderId("order_id").withStatus("status"), OrderData.USD,
                        calibrationEnd, holdoutEnd, ZoneOffset.UTC, PeriodUnit.WEEKS, purchaseUnit, partitions);
                assertThat(counts.customers()).isEqualTo(split.calibration().size());
                BgNbdModel fitted = BgNbdModel.fit(counts.data());
                assertThat(fitted.parameters()).isEqualTo(model.parameters());
                // a record of doubles: equal to the bit
                assertThat(HoldoutScorecard.evaluate(fitted, counts)).as("%s, %d partitions", purchaseUnit, partitions)
                        .isEqualTo(expected);
            }
        }
        assertThatThrownBy(() -> SparkBtyd.holdout(data.dataset(spark, 1), OrderColumns.defaults(), OrderData.USD,
                holdoutEnd, calibrationEnd, ZoneOffset.UTC, PeriodUnit.WEEKS, PurchaseUnit.DAY, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be after calibrationEnd");
    }

    @Test
    void bgBbDataEqualTheSingleMachineDataInEveryPartitioning() {
        OrderData data = OrderData.btyd(41, 1200);
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2025, 9, 30)))
                .currency(OrderData.USD).build();
        for (PeriodUnit period : new PeriodUnit[] {PeriodUnit.WEEKS, PeriodUnit.MONTHS}) {
            BgBbData expected = BgBbData.of(data.batch(true), options, period);
            for (int partitions : new int[] {1, 4}) {
                BgBbData actual = SparkBtyd.bgBb(data.dataset(spark, 3),
                        OrderColumns.defaults().withOrderId("order_id").withStatus("status"), options, period,
                        partitions);
                assertThat(actual.patternCount()).isEqualTo(expected.patternCount()).isGreaterThan(10);
                assertThat(actual.customers()).isEqualTo(expected.customers());
                assertThat(actual.withoutOpportunities()).isEqualTo(expected.withoutOpportunities());
                for (int k = 0; k < expected.patternCount(); k++) {
                    assertThat(new double[] {actual.x(k), actual.tx(k), actual.n(k), actual.weight(k)})
                            .isEqualTo(new double[] {expected.x(k), expected.tx(k), expected.n(k), expected.weight(k)});
                }
            }
        }
    }

    @Test
    void aModelInAnotherTimeUnitIsRefused() {
        OrderData data = OrderData.simulated(2, 10);
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2025, 12, 31)))
                .timeUnit(PeriodUnit.DAYS).currency(OrderData.USD).build();
        SparkSummaries summaries = SparkPurchaseHistory.summarize(data.dataset(spark, 1),
                OrderColumns.defaults().withOrderId("order_id"), options);
        ParetoNbdModel weeks = ParetoNbdModel.of(0.55, 10.58, 0.61, 11.67, PeriodUnit.WEEKS);
        assertThatThrownBy(() -> SparkBtyd.predict(summaries, weeks, Horizon.of(1, PeriodUnit.WEEKS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time unit WEEKS differs");
    }

    @Test
    void spendFitAndCustomerValuesEqualTheSingleMachineOnes() throws Exception {
        // CDNOW: the Gamma-Gamma fit of Fader, Hardie and Lee's note (p 6.25, q 3.74, gamma 15.44)
        OrderData cdnow = OrderData.cdnow();
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(1997, 9, 30)))
                .zone(ZoneOffset.UTC).purchaseUnit(PurchaseUnit.DAY).timeUnit(PeriodUnit.WEEKS)
                .currency(OrderData.USD).build();
        PurchaseSummaries single = PurchaseHistory.summarize(cdnow.batch(false), options);
        SparkSummaries summaries = SparkPurchaseHistory.summarize(cdnow.dataset(spark, 3), OrderColumns.defaults(),
                options, 5).cache();
        BtydView view = single.btyd();
        BgNbdModel model = BgNbdModel.fit(BtydData.of(view));

        GammaGammaModel spend = SparkBtyd.fitSpend(summaries);
        GammaGammaModel spendSingle = GammaGammaModel.fit(view);
        // the same numbers in the same order: the same estimates, to the last bit
        assertThat(new double[] {spend.p(), spend.q(), spend.gamma()})
                .containsExactly(spendSingle.p(), spendSingle.q(), spendSingle.gamma());
        assertThat(spend.excludedNonPositive()).isEqualTo(spendSingle.excludedNonPositive());
        assertThat(spend.p()).isCloseTo(6.25, withinPercentage(2));
        assertThat(spend.gamma()).isCloseTo(15.44, withinPercentage(3));

        LifetimeValue.Settings settings = new LifetimeValue.Settings(Horizon.of(12, PeriodUnit.MONTHS),
                DiscountRate.of(0.1, PeriodUnit.YEARS), 0.3);
        for (Optional<GammaGammaModel> s : List.of(Optional.of(spend), Optional.<GammaGammaModel>empty())) {
            Map<String, Row> byId = new HashMap<>();
            SparkBtyd.values(summaries, model, s, settings).collectAsList().forEach(r -> byId.put(r.getString(0), r));
            List<CustomerValue> expected = CustomerValue.of(model, s, view, settings);
            assertThat(byId).hasSize(expected.size());
            for (CustomerValue v : expected) {
                Row r = byId.get(v.customerId().value());
                assertThat(r.getInt(1)).isEqualTo(v.x());
                assertThat(new double[] {r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5)})
                        .as(v.customerId().value())
                        .containsExactly(v.tx(), v.bigT(), v.probabilityAlive(), v.expectedTransactions());
                if (s.isPresent()) {
                    assertThat(r.getDouble(6)).isEqualTo(v.expectedSpend().getAsDouble());
                    assertThat(r.getDouble(7)).isEqualTo(v.clv().getAsDouble());
                } else {
                    assertThat(r.isNullAt(6) && r.isNullAt(7)).isTrue();
                }
            }
        }
        summaries.rows().unpersist();
    }

    @Test
    void intervalsEqualTheSingleMachineBootstrapInEveryPartitioning() throws Exception {
        OrderData cdnow = OrderData.cdnow();
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(1997, 9, 30)))
                .zone(ZoneOffset.UTC).purchaseUnit(PurchaseUnit.DAY).timeUnit(PeriodUnit.WEEKS)
                .currency(OrderData.USD).build();
        BtydView view = PurchaseHistory.summarize(cdnow.batch(false), options).btyd();
        BgNbdModel model = BgNbdModel.fit(BtydData.of(view));
        GammaGammaModel spend = GammaGammaModel.fit(view);
        LifetimeValue.Settings settings = new LifetimeValue.Settings(Horizon.of(39, PeriodUnit.WEEKS),
                DiscountRate.of(0.1, PeriodUnit.YEARS), 0.3);
        PredictionIntervals.Options o = new PredictionIntervals.Options(0.9, 40, 11);
        for (int partitions : new int[] {1, 4}) {
            SparkSummaries summaries = SparkPurchaseHistory.summarize(cdnow.dataset(spark, 3), OrderColumns.defaults(),
                    options, partitions).cache();
            for (Optional<GammaGammaModel> s : List.of(Optional.of(spend), Optional.<GammaGammaModel>empty())) {
                List<PredictionIntervals.Bounds> expected = PredictionIntervals.bootstrap(model, s, view, settings, o);
                Map<String, Row> byId = new HashMap<>();
                SparkBtyd.intervals(summaries, model, s, settings, o).collectAsList()
                        .forEach(r -> byId.put(r.getString(0), r));
                assertThat(byId).hasSize(view.size());
                for (int i = 0; i < view.size(); i++) {
                    PredictionIntervals.Bounds b = expected.get(i);
                    Row r = byId.get(view.customerId(i).value());
                    assertThat(new double[] {r.getDouble(1), r.getDouble(2)}).as(view.customerId(i).value())
                            .containsExactly(b.transactionsLower(), b.transactionsUpper());
                    if (s.isPresent()) {
                        assertThat(new double[] {r.getDouble(3), r.getDouble(4)})
                                .containsExactly(b.clvLower().getAsDouble(), b.clvUpper().getAsDouble());
                    } else {
                        assertThat(r.isNullAt(3) && r.isNullAt(4)).isTrue();
                    }
                }
            }
            summaries.rows().unpersist();
        }
        // a model given by its parameters has no covariance to draw from: refused on the driver
        SparkSummaries summaries = SparkPurchaseHistory.summarize(cdnow.dataset(spark, 2), OrderColumns.defaults(),
                options, 2);
        assertThatThrownBy(() -> SparkBtyd.intervals(summaries, BgNbdModel.of(0.24, 4.4, 0.79, 2.4, PeriodUnit.WEEKS),
                Optional.empty(), settings, o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no covariance");
        assertThatThrownBy(() -> SparkBtyd.intervals(summaries, BgNbdModel.of(0.24, 4.4, 0.79, 2.4, PeriodUnit.DAYS),
                Optional.empty(), settings, o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time unit");
    }

    @Test
    void anInfiniteExpectedSpendIsRefusedOnTheDriver() {
        OrderData data = OrderData.simulated(3, 40);
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2025, 12, 31)))
                .timeUnit(PeriodUnit.WEEKS).currency(OrderData.USD).build();
        SparkSummaries summaries = SparkPurchaseHistory.summarize(data.dataset(spark, 2),
                OrderColumns.defaults().withOrderId("order_id"), options);
        NbdModel nbd = NbdModel.of(0.5, 10, PeriodUnit.WEEKS);
        LifetimeValue.Settings settings = new LifetimeValue.Settings(Horizon.of(1, PeriodUnit.YEARS),
                DiscountRate.of(0, PeriodUnit.YEARS), 1);
        assertThatThrownBy(() -> SparkBtyd.values(summaries, nbd, Optional.of(GammaGammaModel.of(2, 0.5, 10)),
                settings)).isInstanceOf(IllegalStateException.class).hasMessageContaining("q <= 1");
    }
}
