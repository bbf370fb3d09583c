package io.crmkit.core.interaction;

/**
 * Who started a contact: the customer (inbound) or the business (outbound).
 *
 * <p>Immutable and thread-safe.
 */
public enum Direction {
    /** The customer contacted the business. */
    INBOUND,
    /** The business contacted the customer. */
    OUTBOUND
}
