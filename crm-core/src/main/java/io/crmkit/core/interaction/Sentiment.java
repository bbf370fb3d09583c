package io.crmkit.core.interaction;

/**
 * The tone of a contact as recorded by an agent or a classifier.
 *
 * <p>Immutable and thread-safe.
 */
public enum Sentiment {
    /** Negative: dissatisfied, angry, complaining. */
    NEGATIVE,
    /** Neutral. */
    NEUTRAL,
    /** Positive: satisfied, grateful, enthusiastic. */
    POSITIVE
}
