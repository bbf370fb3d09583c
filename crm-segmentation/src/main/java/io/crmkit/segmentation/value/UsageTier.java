package io.crmkit.segmentation.value;

/**
 * Heavy, medium and light buyers.
 *
 * <p>Immutable and thread-safe.
 */
public enum UsageTier {
    /** The top share of customers by the measure. */
    HEAVY,
    /** The next share. */
    MEDIUM,
    /** The rest. */
    LIGHT
}
