package io.crmkit.segmentation.rfm;

import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.internal.Checks;
import io.crmkit.segmentation.CustomerColumns;

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
 * the rank-based methods on non-integer values (O(n + range) on whole numbers). Stateless and
 * thread-safe.
 */
public final class RfmScorer {

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
        DimensionScores r = Binner.apply(Dimension.RECENCY, recency, options.recency(), options.recencyDirection());
        DimensionScores f = Binner.apply(Dimension.FREQUENCY, frequency, options.frequency(),
                options.frequencyDirection());
        DimensionScores m = Binner.apply(Dimension.MONETARY, monetary, options.monetary(),
                options.monetaryDirection());
        return new RfmResult(customers, options, r, f, m);
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
}
