package io.crmkit.quality.match;

/**
 * What a scored pair of records is taken to be. Households and namesakes are kept apart from
 * duplicates: they are reported, never clustered or merged. Immutable and thread-safe.
 */
public enum PairKind {
    /** The same customer: the score is at least the threshold and the pair is no household. */
    DUPLICATE,
    /**
     * Members of one household: the same family name and a shared phone, e-mail or street, but
     * different given names (whatever the score).
     */
    HOUSEHOLD,
    /** Different people of the same name: the names agree but the score stays under the threshold. */
    NAMESAKE,
    /** Anything else under the threshold. */
    UNRELATED
}
