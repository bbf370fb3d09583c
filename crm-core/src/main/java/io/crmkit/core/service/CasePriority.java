package io.crmkit.core.service;

/**
 * How urgent a service case is.
 *
 * <p>Immutable and thread-safe.
 */
public enum CasePriority {
    /** Low. */
    LOW,
    /** Normal. */
    NORMAL,
    /** High. */
    HIGH,
    /** Urgent. */
    URGENT
}
