package io.crmkit.segmentation.value;

/**
 * The class of an ABC analysis: A the most valuable customers, C the least.
 *
 * <p>Immutable and thread-safe.
 */
public enum AbcClass {
    /** The customers that bring the first share of revenue (or the top share of customers). */
    A,
    /** The next ones. */
    B,
    /** The rest, including every customer without positive revenue. */
    C
}
