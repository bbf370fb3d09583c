package io.crmkit.segmentation.cluster;

/**
 * How the log-RFM features are scaled before clustering.
 *
 * <p>Immutable and thread-safe.
 */
public enum Scaling {
    /** Subtract the mean, divide by the population standard deviation (a constant feature becomes 0). */
    Z_SCORE,
    /** Map the minimum to 0 and the maximum to 1 (a constant feature becomes 0). */
    MIN_MAX,
    /** Keep the log features as they are. */
    NONE
}
