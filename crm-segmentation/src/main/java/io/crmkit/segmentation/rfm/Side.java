package io.crmkit.segmentation.rfm;

/**
 * Where a value exactly equal to a cut goes: the bin below the cut or the bin above it.
 *
 * <p>Immutable and thread-safe.
 */
public enum Side {
    /**
     * A value equal to the cut stays in the lower bin: bins are {@code (c[j-1], c[j]]}, the
     * convention of R's {@code cut(..., right = TRUE)} and of pandas' {@code cut}/{@code qcut}.
     */
    LOWER,
    /**
     * A value equal to the cut goes to the upper bin: bins are {@code [c[j-1], c[j])}, the
     * convention of the R {@code rfm} package ({@code lower <= x < upper}).
     */
    UPPER;

    /**
     * Returns the bin of a value among ascending cuts: 1 plus the number of cuts the value is past.
     *
     * @param value the value
     * @param cuts the cuts, non-decreasing
     * @return the bin, 1 to {@code cuts.length + 1}
     */
    public int bin(double value, double[] cuts) {
        int bin = 1;
        if (this == LOWER) {
            for (double c : cuts) {
                bin += value > c ? 1 : 0;
            }
        } else {
            for (double c : cuts) {
                bin += value >= c ? 1 : 0;
            }
        }
        return bin;
    }
}
