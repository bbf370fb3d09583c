package io.crmkit.segmentation.lifecycle;

/** Where the purchase rhythm (typical days between purchases) of a customer came from. */
public enum RhythmSource {
    /** The median of the customer's own gaps between purchase days. */
    OWN,
    /** A quantile of every customer's gaps, because the customer had too few gaps of their own. */
    POPULATION,
    /** The configured fallback, because nobody had a gap. */
    FALLBACK,
    /** No rhythm: fixed thresholds in days, or a prospect. */
    NONE
}
