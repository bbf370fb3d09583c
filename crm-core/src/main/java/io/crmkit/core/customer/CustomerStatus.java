package io.crmkit.core.customer;

/**
 * The administrative status of a customer record, independent of the commercial lifecycle.
 *
 * <p>Immutable and thread-safe.
 */
public enum CustomerStatus {
    /** The record is in normal use. */
    ACTIVE,
    /** The record is kept but not in use (dormant account, no longer served). */
    INACTIVE,
    /** Business with the party is suspended (fraud, credit hold, legal reasons). */
    BLOCKED,
    /** Personal data was erased on request; the record remains for aggregate history only. */
    ERASED
}
