package io.crmkit.segmentation.rfm;

import io.crmkit.core.internal.Checks;
import java.util.EnumMap;
import java.util.Map;

/**
 * The definitions of RFM scoring: per dimension a {@link Binning} and a {@link Direction}; which
 * monetary value is scored; and the weights of the combined weighted score. What a purchase is,
 * net or gross revenue, the as-of point and its zone belong to the purchase summaries
 * ({@link io.crmkit.core.history.PurchaseHistoryOptions}); both are printed with every result.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}; {@link #defaults()} and
 * {@link #rRfm()} are presets.
 *
 * @param recency how recency is binned, not null
 * @param frequency how frequency is binned, not null
 * @param monetary how the monetary value is binned, not null
 * @param recencyDirection which recency scores highest, not null
 * @param frequencyDirection which frequency scores highest, not null
 * @param monetaryDirection which monetary value scores highest, not null
 * @param monetaryMeasure the monetary value scored, not null
 * @param weights the weights of the weighted score, not null
 */
public record RfmOptions(
        Binning recency,
        Binning frequency,
        Binning monetary,
        Direction recencyDirection,
        Direction frequencyDirection,
        Direction monetaryDirection,
        MonetaryMeasure monetaryMeasure,
        ScoreWeights weights) {

    /**
     * Validates the options.
     *
     * @throws NullPointerException if a component is null
     */
    public RfmOptions {
        Checks.notNull(recency, "recency");
        Checks.notNull(frequency, "frequency");
        Checks.notNull(monetary, "monetary");
        Checks.notNull(recencyDirection, "recencyDirection");
        Checks.notNull(frequencyDirection, "frequencyDirection");
        Checks.notNull(monetaryDirection, "monetaryDirection");
        Checks.notNull(monetaryMeasure, "monetaryMeasure");
        Checks.notNull(weights, "weights");
    }

    /**
     * Returns the defaults: quintiles of the values with R's type-7 estimator on every dimension,
     * most recent scoring highest, monetary as a sum, weights 100/10/1.
     *
     * @return the options, never null
     */
    public static RfmOptions defaults() {
        return builder().build();
    }

    /**
     * Returns the R {@code rfm} 0.3.0 preset ({@code rfm_table_order} with 5 bins): the
     * {@link Binning.RRfm} rule on every dimension, recency reversed, monetary as a sum. Use it on
     * summaries built with one purchase per order row ({@code PurchaseUnit.ORDER}) and the day
     * clock at the analysis date ({@code AsOf.endOfDay(analysisDate)}), whose recency is the R
     * package's {@code analysis_date - date_most_recent}.
     *
     * @return the options, never null
     */
    public static RfmOptions rRfm() {
        return builder().binning(Binning.rRfm(5)).build();
    }

    /**
     * Starts a builder with the {@linkplain #defaults() defaults}.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the binning of a dimension.
     *
     * @param dimension the dimension, not null
     * @return the binning, never null
     */
    public Binning binning(Dimension dimension) {
        return switch (Checks.notNull(dimension, "dimension")) {
            case RECENCY -> recency;
            case FREQUENCY -> frequency;
            case MONETARY -> monetary;
        };
    }

    /**
     * Returns the direction of a dimension.
     *
     * @param dimension the dimension, not null
     * @return the direction, never null
     */
    public Direction direction(Dimension dimension) {
        return switch (Checks.notNull(dimension, "dimension")) {
            case RECENCY -> recencyDirection;
            case FREQUENCY -> frequencyDirection;
            case MONETARY -> monetaryDirection;
        };
    }

    /**
     * Describes every definition on one line, for printing next to results.
     *
     * @return the text, never null
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Dimension d : Dimension.values()) {
            sb.append(d.letter()).append(d == Dimension.MONETARY ? " (" + monetaryMeasure.name().toLowerCase(
                    java.util.Locale.ROOT) + ")" : "").append(" = ").append(binning(d).describe()).append(", ")
                    .append(direction(d) == Direction.HIGHER_IS_BETTER ? "higher" : "lower").append(" is better; ");
        }
        return sb.append("weights ").append(weights).toString();
    }

    /**
     * Returns a builder holding these options, to change some of them.
     *
     * @return a new builder, never null
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.binnings.put(Dimension.RECENCY, recency);
        b.binnings.put(Dimension.FREQUENCY, frequency);
        b.binnings.put(Dimension.MONETARY, monetary);
        b.directions.put(Dimension.RECENCY, recencyDirection);
        b.directions.put(Dimension.FREQUENCY, frequencyDirection);
        b.directions.put(Dimension.MONETARY, monetaryDirection);
        b.monetaryMeasure = monetaryMeasure;
        b.weights = weights;
        return b;
    }

    /**
     * Builds {@link RfmOptions}. Not thread-safe.
     */
    public static final class Builder {
        private final Map<Dimension, Binning> binnings = new EnumMap<>(Dimension.class);
        private final Map<Dimension, Direction> directions = new EnumMap<>(Dimension.class);
        private MonetaryMeasure monetaryMeasure = MonetaryMeasure.SUM;
        private ScoreWeights weights = ScoreWeights.SPSS;

        private Builder() {
            for (Dimension d : Dimension.values()) {
                binnings.put(d, Binning.quantiles(5));
                directions.put(d, d == Dimension.RECENCY ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER);
            }
        }

        /**
         * Uses one binning for every dimension (default: type-7 quintiles).
         *
         * @param value the binning, not null
         * @return this builder
         */
        public Builder binning(Binning value) {
            Checks.notNull(value, "binning");
            for (Dimension d : Dimension.values()) {
                binnings.put(d, value);
            }
            return this;
        }

        /**
         * Sets the binning of one dimension.
         *
         * @param dimension the dimension, not null
         * @param value the binning, not null
         * @return this builder
         */
        public Builder binning(Dimension dimension, Binning value) {
            binnings.put(Checks.notNull(dimension, "dimension"), Checks.notNull(value, "binning"));
            return this;
        }

        /**
         * Sets the direction of one dimension (default: lower recency is better, higher frequency
         * and monetary are better).
         *
         * @param dimension the dimension, not null
         * @param value the direction, not null
         * @return this builder
         */
        public Builder direction(Dimension dimension, Direction value) {
            directions.put(Checks.notNull(dimension, "dimension"), Checks.notNull(value, "direction"));
            return this;
        }

        /**
         * Sets the monetary value scored (default {@link MonetaryMeasure#SUM}).
         *
         * @param value the measure, not null
         * @return this builder
         */
        public Builder monetaryMeasure(MonetaryMeasure value) {
            this.monetaryMeasure = value;
            return this;
        }

        /**
         * Sets the weights of the weighted score (default {@link ScoreWeights#SPSS}).
         *
         * @param value the weights, not null
         * @return this builder
         */
        public Builder weights(ScoreWeights value) {
            this.weights = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options, never null
         */
        public RfmOptions build() {
            return new RfmOptions(binnings.get(Dimension.RECENCY), binnings.get(Dimension.FREQUENCY),
                    binnings.get(Dimension.MONETARY), directions.get(Dimension.RECENCY),
                    directions.get(Dimension.FREQUENCY), directions.get(Dimension.MONETARY), monetaryMeasure, weights);
        }
    }
}
