package io.crmkit.segmentation.rfm;

import java.util.Objects;

/**
 * The R x FM grid: how many customers have each recency score (rows) and each FM score
 * (columns: the mean of F and M rounded half up).
 *
 * <p>Immutable and thread-safe.
 */
public final class ScoreGrid {

    private final long[][] counts;

    ScoreGrid(long[][] counts) {
        this.counts = counts;
    }

    /**
     * Returns the number of recency scores (rows).
     *
     * @return the count
     */
    public int recencyScores() {
        return counts.length;
    }

    /**
     * Returns the number of FM scores (columns).
     *
     * @return the count
     */
    public int fmScores() {
        return counts[0].length;
    }

    /**
     * Returns how many customers have a recency score and an FM score.
     *
     * @param r the recency score, 1 to {@link #recencyScores()}
     * @param fm the FM score, 1 to {@link #fmScores()}
     * @return the count
     */
    public long customers(int r, int fm) {
        Objects.checkIndex(r - 1, counts.length);
        Objects.checkIndex(fm - 1, counts[0].length);
        return counts[r - 1][fm - 1];
    }

    /**
     * Returns the grid as text: one line per recency score from the highest, one column per FM
     * score.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("R\\FM");
        for (int c = 1; c <= fmScores(); c++) {
            sb.append(String.format("%8d", c));
        }
        sb.append('\n');
        for (int r = recencyScores(); r >= 1; r--) {
            sb.append(String.format("%4d", r));
            for (int c = 1; c <= fmScores(); c++) {
                sb.append(String.format("%8d", counts[r - 1][c - 1]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
