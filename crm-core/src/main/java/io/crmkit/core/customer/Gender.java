package io.crmkit.core.customer;

/**
 * Gender as recorded by the host, when recorded at all.
 *
 * <p>Immutable and thread-safe.
 */
public enum Gender {
    /** Female. */
    FEMALE,
    /** Male. */
    MALE,
    /** Non-binary or another gender. */
    NON_BINARY,
    /** The customer chose not to say. */
    UNDISCLOSED
}
