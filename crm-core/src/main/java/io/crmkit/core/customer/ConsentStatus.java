package io.crmkit.core.customer;

/**
 * Whether a customer granted or refused a kind of contact.
 *
 * <p>Immutable and thread-safe.
 */
public enum ConsentStatus {
    /** The customer opted in. */
    GRANTED,
    /** The customer opted out or refused. */
    DENIED
}
