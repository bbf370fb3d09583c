package io.crmkit.segmentation.lifecycle;

/**
 * The evidence the churn probability is fitted on (see {@link ChurnProbability}), each with the
 * direction in which it may move the probability: a feature whose fitted coefficient points the
 * other way is removed and the model refitted, so that a purchase on the as-of date never raises
 * a customer's probability and more complaints never lower it.
 */
public enum ChurnFeature {
    /** Logit of the transaction model's P(no purchase in the horizon); raises the probability. */
    MODEL(1, "model"),
    /** {@code ln(1 + days since the last purchase)}; raises. */
    RECENCY(1, "recency"),
    /** {@code ln(1 + days since the last purchase / rhythm)}; raises. */
    OVERDUE(1, "overdue"),
    /** {@code 1 - recent / previous} purchase days over the decline windows, in [-1, 1], 0 without enough purchases before; raises. */
    FREQUENCY_DECLINE(1, "frequency-decline"),
    /** {@code 1 - recent / previous} revenue over the decline windows, in [-1, 1], 0 as above; raises. */
    MONETARY_DECLINE(1, "monetary-decline"),
    /** {@code ln(1 + repeat purchase days)}; lowers. */
    FREQUENCY(-1, "frequency"),
    /** {@code ln(1 + revenue so far in minor units)}; lowers. */
    VALUE(-1, "value"),
    /** {@code ln(1 + days since the first purchase)}; either sign (a purchase on the as-of date does not change it). */
    AGE(0, "age"),
    /** Complaints in the recent complaint window; raises. */
    COMPLAINTS(1, "complaints"),
    /** {@code 1 - latest normalised survey score} within the look-back, 0 without a response; raises. */
    DISSATISFACTION(1, "dissatisfaction");

    private final int direction;
    private final String label;

    ChurnFeature(int direction, String label) {
        this.direction = direction;
        this.label = label;
    }

    /**
     * Returns the sign the feature's coefficient must have: {@code 1} if the feature may only
     * raise the probability, {@code -1} if it may only lower it, {@code 0} if either.
     *
     * @return 1, -1 or 0
     */
    public int direction() {
        return direction;
    }

    /**
     * Returns the feature's name in lower case with hyphens, as printed by the CLI.
     *
     * @return the label, never null
     */
    public String label() {
        return label;
    }
}
