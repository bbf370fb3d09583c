package io.crmkit.segmentation.lifecycle;

/** A customer's combined churn-risk level, from the number of signals raised (see {@link WarningOptions}). */
public enum RiskLevel {
    /** No signal. */
    NONE,
    /** Signals below the medium count. */
    LOW,
    /** At least the medium count of signals. */
    MEDIUM,
    /** At least the high count of signals. */
    HIGH;

    /**
     * Returns the level's name in lower case, as printed by the CLI.
     *
     * @return the label, never null
     */
    public String label() {
        return name().toLowerCase();
    }
}
