package io.crmkit.segmentation.rfm;

/**
 * The weights of the combined weighted score {@code wR * R + wF * F + wM * M}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param recency the weight of the recency score, finite
 * @param frequency the weight of the frequency score, finite
 * @param monetary the weight of the monetary score, finite
 */
public record ScoreWeights(double recency, double frequency, double monetary) {

    /** SPSS's weights 100/10/1: the weighted score equals the three-digit code. */
    public static final ScoreWeights SPSS = new ScoreWeights(100, 10, 1);

    /** Equal weights 1/1/1: the weighted score is the sum of the scores. */
    public static final ScoreWeights EQUAL = new ScoreWeights(1, 1, 1);

    /**
     * Validates the weights.
     *
     * @throws IllegalArgumentException if a weight is not finite
     */
    public ScoreWeights {
        if (!Double.isFinite(recency) || !Double.isFinite(frequency) || !Double.isFinite(monetary)) {
            throw new IllegalArgumentException("weights must be finite: recency " + recency + ", frequency "
                    + frequency + ", monetary " + monetary);
        }
    }

    /**
     * Returns the weighted score.
     *
     * @param r the recency score
     * @param f the frequency score
     * @param m the monetary score
     * @return {@code recency * r + frequency * f + monetary * m}
     */
    public double apply(int r, int f, int m) {
        return recency * r + frequency * f + monetary * m;
    }

    /**
     * Returns {@code "100/10/1"}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return RfmFormat.number(recency) + "/" + RfmFormat.number(frequency) + "/" + RfmFormat.number(monetary);
    }
}
