package io.crmkit.segmentation.rfm;

/**
 * Which end of a dimension scores highest. Bins are always cut on ascending values (bin 1 holds
 * the lowest values); the direction only maps bin {@code b} of {@code k} to a score: {@code b} when
 * higher is better, {@code k + 1 - b} when lower is better.
 *
 * <p>Immutable and thread-safe.
 */
public enum Direction {
    /** The highest values get the highest score (frequency, monetary by default). */
    HIGHER_IS_BETTER,
    /** The lowest values get the highest score (recency by default: most recent scores highest). */
    LOWER_IS_BETTER;

    /**
     * Maps a bin to a score.
     *
     * @param bin the bin, 1 (lowest values) to {@code bins}
     * @param bins the number of bins
     * @return the score, 1 to {@code bins}
     */
    public int score(int bin, int bins) {
        return this == HIGHER_IS_BETTER ? bin : bins + 1 - bin;
    }
}
