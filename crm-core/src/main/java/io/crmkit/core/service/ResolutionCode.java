package io.crmkit.core.service;

/**
 * How a service case was resolved.
 *
 * <p>Immutable and thread-safe.
 */
public enum ResolutionCode {
    /** The problem was fixed or the request fulfilled. */
    FIXED,
    /** A workaround was given. */
    WORKAROUND,
    /** The question was answered. */
    ANSWERED,
    /** The customer was compensated (refund, voucher, replacement). */
    COMPENSATED,
    /** No action was needed or possible. */
    NO_ACTION,
    /** A duplicate of another case. */
    DUPLICATE,
    /** The customer withdrew the case. */
    WITHDRAWN,
    /** The request or complaint was rejected. */
    REJECTED,
    /** Another resolution. */
    OTHER
}
