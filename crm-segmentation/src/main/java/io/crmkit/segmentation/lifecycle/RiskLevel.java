package io.crmkit.segmentation.lifecycle;

import java.util.Locale;

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

    /** The label, computed once (in every locale the same: a Turkish default made "hıgh" of HIGH). */
    private final String label = name().toLowerCase(Locale.ROOT);

    /**
     * Returns the level's name in lower case, as printed by the CLI.
     *
     * @return the label, never null
     */
    public String label() {
        return label;
    }
}
