package io.crmkit.core.interaction;

/**
 * How a contact ended.
 *
 * <p>Immutable and thread-safe.
 */
public enum InteractionOutcome {
    /** Planned, not yet happened. */
    SCHEDULED,
    /** Happened: the parties were in contact. */
    COMPLETED,
    /** Attempted, but nobody answered or replied. */
    NO_ANSWER,
    /** Could not be delivered (bounced e-mail, wrong number). */
    FAILED,
    /** Planned, then cancelled. */
    CANCELLED
}
