package io.crmkit.segmentation.lifecycle;

import java.util.Locale;

/** The kinds of churn early-warning signal (see {@link WarningOptions} for their rules). */
public enum SignalKind {
    /** Days since the last purchase, in multiples of the customer's rhythm, at or above the threshold. */
    OVERDUE,
    /** Purchase days in the recent window fell by at least the threshold share against the window before. */
    FREQUENCY_DECLINE,
    /** Revenue in the recent window fell by at least the threshold share against the window before. */
    MONETARY_DECLINE,
    /** More complaints in the recent window than in the one before, and at least the minimum. */
    RISING_COMPLAINTS,
    /** The latest survey score is low. */
    LOW_SATISFACTION,
    /** The latest survey score fell by at least the threshold against the previous response. */
    FALLING_SATISFACTION,
    /** The probability of being alive under a fitted model is below the threshold. */
    LOW_P_ALIVE;

    /** The label, computed once, in every locale the same (a Turkish default lower-cases I to a dotless ı). */
    private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /**
     * Returns the kind's name in lower case with hyphens, as printed by the CLI.
     *
     * @return the label, never null
     */
    public String label() {
        return label;
    }
}
