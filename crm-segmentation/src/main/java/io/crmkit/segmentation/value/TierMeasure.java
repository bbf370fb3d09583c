package io.crmkit.segmentation.value;

/**
 * What customers are ranked by for heavy/medium/light tiers.
 *
 * <p>Immutable and thread-safe.
 */
public enum TierMeasure {
    /** Number of purchases. */
    FREQUENCY,
    /** Total revenue. */
    REVENUE,
    /** Total margin: revenue less the cost of the goods; needs {@link io.crmkit.segmentation.CustomerColumns#hasMargin()}. */
    MARGIN
}
