package io.crmkit.core.service;

import io.crmkit.core.internal.Checks;

/**
 * A service case status: the host's own label and its {@linkplain CaseStatusCategory category}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label the host's label, such as {@code "escalated"}, not null
 * @param category what the status means, not null
 */
public record CaseStatus(String label, CaseStatusCategory category) {

    /** An open case, labelled {@code open}. */
    public static final CaseStatus OPEN = new CaseStatus("open", CaseStatusCategory.OPEN);
    /** A case waiting on the customer, labelled {@code waiting}. */
    public static final CaseStatus WAITING = new CaseStatus("waiting", CaseStatusCategory.WAITING);
    /** A resolved case, labelled {@code resolved}. */
    public static final CaseStatus RESOLVED = new CaseStatus("resolved", CaseStatusCategory.RESOLVED);
    /** A closed case, labelled {@code closed}. */
    public static final CaseStatus CLOSED = new CaseStatus("closed", CaseStatusCategory.CLOSED);

    /**
     * Validates the status.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the label is blank, too long or padded
     */
    public CaseStatus {
        Checks.text(label, "status label");
        Checks.notNull(category, "status category");
    }

    /**
     * Returns the status.
     *
     * @param label the label, not null
     * @param category the category, not null
     * @return the status, never null
     */
    public static CaseStatus of(String label, CaseStatusCategory category) {
        return new CaseStatus(label, category);
    }
}
