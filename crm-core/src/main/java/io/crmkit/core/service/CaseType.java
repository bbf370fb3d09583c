package io.crmkit.core.service;

/**
 * What a service case is about.
 *
 * <p>Immutable and thread-safe.
 */
public enum CaseType {
    /** A question about a product, an order or an account. */
    QUESTION,
    /** A problem or fault the customer reports. */
    PROBLEM,
    /** An incident affecting the service (outage, delivery failure). */
    INCIDENT,
    /** A complaint: the customer is dissatisfied and says so. */
    COMPLAINT,
    /** A service request (change, return, cancellation, information). */
    REQUEST,
    /** A suggestion or praise. */
    FEEDBACK,
    /** Anything else. */
    OTHER
}
