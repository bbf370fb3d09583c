package io.crmkit.segmentation.lifecycle;

/**
 * Cut-offs on the churn probability that name its level: none below {@code low}, low from
 * {@code low}, medium from {@code medium}, high from {@code high}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param low the probability from which the level is low, in (0, 1]
 * @param medium the probability from which it is medium, at least {@code low}, at most 1
 * @param high the probability from which it is high, at least {@code medium}, at most 1
 */
public record ProbabilityLevels(double low, double medium, double high) {

    /** The default cut-offs: low from 0.5, medium from 0.7, high from 0.85. */
    public static final ProbabilityLevels DEFAULT = new ProbabilityLevels(0.5, 0.7, 0.85);

    /**
     * Validates the cut-offs.
     *
     * @throws IllegalArgumentException naming the cut-off and value when out of range or order
     */
    public ProbabilityLevels {
        if (!(low > 0 && low <= 1)) {
            throw new IllegalArgumentException("low cut-off must be in (0, 1]: " + low);
        }
        if (!(medium >= low && medium <= 1)) {
            throw new IllegalArgumentException("medium cut-off must be in [low, 1] = [" + low + ", 1]: " + medium);
        }
        if (!(high >= medium && high <= 1)) {
            throw new IllegalArgumentException("high cut-off must be in [medium, 1] = [" + medium + ", 1]: " + high);
        }
    }

    /**
     * Returns the level of a probability.
     *
     * @param probability the churn probability
     * @return the level, never null
     */
    public RiskLevel of(double probability) {
        if (probability >= high) {
            return RiskLevel.HIGH;
        }
        if (probability >= medium) {
            return RiskLevel.MEDIUM;
        }
        return probability >= low ? RiskLevel.LOW : RiskLevel.NONE;
    }

    /**
     * Returns a one-line description.
     *
     * @return the description, never null
     */
    public String describe() {
        return "levels on the probability: low >= " + low + ", medium >= " + medium + ", high >= " + high;
    }
}
