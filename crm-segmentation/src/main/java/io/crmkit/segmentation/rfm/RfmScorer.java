package io.crmkit.segmentation.rfm;

import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.Tasks;
import io.crmkit.segmentation.CustomerColumns;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Scores customers on recency, frequency and monetary value.
 *
 * <pre>{@code
 * PurchaseSummaries summaries = PurchaseHistory.summarize(orders,
 *         PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2006, 12, 31))).build());
 * RfmResult rfm = RfmScorer.score(summaries, RfmOptions.rRfm());
 * String explanation = rfm.describe();       // definitions, cuts, counts, diagnostics
 * Segmentation segments = SegmentMap.rRfmVignette().assign(rfm);
 * }</pre>
 *
 * <p>Time O(n) for value quantiles and thresholds (order statistics by selection), O(n log n) for
 * the rank-based methods on non-integer values (O(n + range) on whole numbers). From 65,536
 * customers, on a machine of two cores or more, the three dimensions are scored side by side: two
 * in the common fork-join pool, one on the calling thread (the result is the same). Stateless and
 * thread-safe.
 */
public final class RfmScorer {

    /** Customers from which the three dimensions are scored side by side (on a machine of two cores or more). */
    static final int PARALLEL_MIN_CUSTOMERS = 1 << 16;

    private RfmScorer() {
    }

    /**
     * Scores the customers of purchase summaries.
     *
     * @param summaries the summaries, not null
     * @param options the scoring definitions, not null
     * @return the explained result, never null
     */
    public static RfmResult score(PurchaseSummaries summaries, RfmOptions options) {
        return score(CustomerColumns.from(Checks.notNull(summaries, "summaries")), options);
    }

    /**
     * Scores the customers of a set of columns; their prospects are carried into the result
     * unscored.
     *
     * @param customers the customers, not null
     * @param options the scoring definitions, not null
     * @return the explained result, never null
     */
    public static RfmResult score(CustomerColumns customers, RfmOptions options) {
        Checks.notNull(customers, "customers");
        Checks.notNull(options, "options");
        int n = customers.size();
        double[] recency = customers.recencyDaysColumn();
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        boolean mean = options.monetaryMeasure() == MonetaryMeasure.MEAN;
        for (int i = 0; i < n; i++) {
            frequency[i] = customers.frequency(i);
            monetary[i] = mean ? customers.revenuePerPurchase(i) : customers.revenue(i);
        }
        Supplier<DimensionScores> r = () -> Binner.apply(Dimension.RECENCY, recency, options.recency(),
                options.recencyDirection());
        Supplier<DimensionScores> f = () -> Binner.apply(Dimension.FREQUENCY, frequency, options.frequency(),
                options.frequencyDirection());
        Supplier<DimensionScores> m = () -> Binner.apply(Dimension.MONETARY, monetary, options.monetary(),
                options.monetaryDirection());
        if (n < PARALLEL_MIN_CUSTOMERS || Runtime.getRuntime().availableProcessors() < 2) {
            return new RfmResult(customers, options, r.get(), f.get(), m.get());
        }
        // the three dimensions are independent (each sorts its own column): two in the common pool,
        // one here; the result is the same as scoring them one after the other
        CompletableFuture<DimensionScores> rFuture = CompletableFuture.supplyAsync(r);
        CompletableFuture<DimensionScores> fFuture = CompletableFuture.supplyAsync(f);
        DimensionScores mScores = m.get();
        return new RfmResult(customers, options, Tasks.join(rFuture), Tasks.join(fFuture), mScores);
    }

    /**
     * Scores one column of values, the building block of {@link #score}: values in row order
     * (the tie-break order of NTILE), copied.
     *
     * @param dimension the dimension the values measure, not null
     * @param values the values, finite, not null
     * @param binning the binning, not null
     * @param direction the direction, not null
     * @return the explained scores, never null
     * @throws IllegalArgumentException if a value is not finite
     */
    public static DimensionScores scoreDimension(Dimension dimension, double[] values, Binning binning,
            Direction direction) {
        Checks.notNull(dimension, "dimension");
        Checks.notNull(values, "values");
        Checks.notNull(binning, "binning");
        Checks.notNull(direction, "direction");
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(dimension + " values[" + i + "] must be finite: " + values[i]);
            }
        }
        return Binner.apply(dimension, values.clone(), binning, direction);
    }

    /**
     * Returns the order statistics that a value binning's cuts of {@code n} customers read, for an
     * engine that holds the values elsewhere (a distributed data set) and selects them itself: the
     * 0-based positions in the ascending order of the values, ascending and distinct. Feed the
     * selected values to {@link #cutsFromOrderStatistics}; scoring every customer with the
     * thresholds it returns gives exactly the scores of {@link #scoreDimension} with
     * {@code binning}. {@link Binning.Thresholds} need none; rank-based binnings cannot be
     * computed this way.
     *
     * @param binning a value binning ({@link Binning.Quantiles}, {@link Binning.RRfm} or
     *     {@link Binning.Thresholds}), not null
     * @param n the number of customers, at least 1
     * @return the positions, never null; empty for thresholds
     * @throws IllegalArgumentException if the binning is rank-based or {@code n} is below 1
     */
    public static int[] orderStatisticsForCuts(Binning binning, int n) {
        Checks.notNull(binning, "binning");
        checkValueBinning(binning, n);
        if (binning instanceof Binning.Thresholds) {
            return new int[0];
        }
        return Binner.cutPositions(n, binning.bins(), estimatorOf(binning));
    }

    /**
     * Returns the thresholds that a value binning cuts {@code n} customers at, from the order
     * statistics {@link #orderStatisticsForCuts} named, with exactly the arithmetic of
     * {@link #scoreDimension} (R's quantile arithmetic, cuts kept ascending, the R rfm package's
     * "+ 1" and side for {@link Binning.RRfm}); thresholds are returned as they are.
     *
     * @param binning a value binning, not null
     * @param n the number of customers, at least 1
     * @param statistics the values at the positions {@link #orderStatisticsForCuts} returned, in
     *     the same order, finite, not null
     * @return the thresholds, never null
     * @throws IllegalArgumentException if the binning is rank-based, {@code n} is below 1, or the
     *     statistics are not one finite value per position
     */
    public static Binning.Thresholds cutsFromOrderStatistics(Binning binning, int n, double[] statistics) {
        Checks.notNull(binning, "binning");
        Checks.notNull(statistics, "statistics");
        int[] positions = orderStatisticsForCuts(binning, n);
        if (statistics.length != positions.length) {
            throw new IllegalArgumentException("statistics must hold one value per position (" + positions.length
                    + "): " + statistics.length);
        }
        for (int i = 0; i < statistics.length; i++) {
            if (!Double.isFinite(statistics[i])) {
                throw new IllegalArgumentException("statistics[" + i + "] must be finite: " + statistics[i]);
            }
        }
        if (binning instanceof Binning.Thresholds t) {
            return t;
        }
        double[] cuts = Binner.cutsFrom(n, binning.bins(), estimatorOf(binning), positions, statistics);
        Side side = Side.LOWER;
        if (binning instanceof Binning.RRfm) {
            for (int j = 0; j < cuts.length; j++) {
                cuts[j] = cuts[j] + 1;
            }
            side = Side.UPPER;
        }
        return Binning.thresholds(side, cuts);
    }

    private static void checkValueBinning(Binning binning, int n) {
        if (binning.rankBased()) {
            throw new IllegalArgumentException("binning " + binning.describe() + " is rank-based: its cuts are not a"
                    + " function of a few order statistics");
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
    }

    private static QuantileEstimator estimatorOf(Binning binning) {
        return binning instanceof Binning.Quantiles q ? q.estimator() : QuantileEstimator.TYPE_7;
    }
}
