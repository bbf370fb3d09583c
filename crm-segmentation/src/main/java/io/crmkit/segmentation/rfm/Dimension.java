package io.crmkit.segmentation.rfm;

/**
 * The three dimensions of RFM, in the order of the three-digit code.
 *
 * <p>Immutable and thread-safe.
 */
public enum Dimension {
    /** Days from the last purchase to the as-of point. */
    RECENCY("R"),
    /** Number of purchases. */
    FREQUENCY("F"),
    /** Revenue, as a sum or a mean per purchase ({@link MonetaryMeasure}). */
    MONETARY("M");

    private final String letter;

    Dimension(String letter) {
        this.letter = letter;
    }

    /**
     * Returns the dimension's letter: R, F or M.
     *
     * @return the letter, never null
     */
    public String letter() {
        return letter;
    }
}
