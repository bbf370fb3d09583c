package io.crmkit.quality.merge;

/**
 * A rule that ranks the records of a cluster when choosing the surviving record and each field's
 * value. Rules apply in the order given to {@link MergePlanner}; the identifier breaks the last tie
 * (smallest first). Immutable and thread-safe.
 */
public enum SurvivorshipRule {
    /** The record from the source listed first in the source priority wins; unlisted sources last. */
    SOURCE_PRIORITY,
    /** The most recently updated record wins; records without {@code updatedAt} last. */
    MOST_RECENT,
    /** The record with the most fields present wins. */
    MOST_COMPLETE
}
