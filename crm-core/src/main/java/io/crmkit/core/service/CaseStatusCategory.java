package io.crmkit.core.service;

/**
 * What a case status means for service metrics, whatever the host calls it.
 *
 * <p>Immutable and thread-safe.
 */
public enum CaseStatusCategory {
    /** Being worked on by the business (new, assigned, in progress, escalated). */
    OPEN,
    /** Waiting on the customer or a third party. */
    WAITING,
    /** A resolution was given; the case may still be reopened. */
    RESOLVED,
    /** Finished; no more work. */
    CLOSED
}
