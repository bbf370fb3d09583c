package io.crmkit.segmentation.rfm;

/**
 * Which monetary value of a customer is scored.
 *
 * <p>Immutable and thread-safe.
 */
public enum MonetaryMeasure {
    /** Total revenue of the customer (the R {@code rfm} package's {@code amount}). */
    SUM,
    /** Revenue per purchase: total revenue divided by the frequency. */
    MEAN
}
