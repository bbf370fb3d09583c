package io.crmkit.segmentation.rfm;

/**
 * One cell of the RFM score space: a recency, a frequency and a monetary score.
 *
 * <p>Immutable and thread-safe.
 *
 * @param r the recency score, 1 to 9
 * @param f the frequency score, 1 to 9
 * @param m the monetary score, 1 to 9
 */
public record RfmCell(int r, int f, int m) {

    /**
     * Validates the scores.
     *
     * @throws IllegalArgumentException if a score is not 1 to 9
     */
    public RfmCell {
        if (r < 1 || r > 9 || f < 1 || f > 9 || m < 1 || m > 9) {
            throw new IllegalArgumentException("scores must be 1 to 9: r " + r + ", f " + f + ", m " + m);
        }
    }

    /**
     * Returns the cell of a three-digit code such as 543.
     *
     * @param code the code, each digit 1 to 9
     * @return the cell, never null
     * @throws IllegalArgumentException if the code is not three digits of 1 to 9
     */
    public static RfmCell ofCode(int code) {
        if (code < 111 || code > 999 || code % 10 == 0 || code / 10 % 10 == 0) {
            throw new IllegalArgumentException("an RFM code has three digits of 1 to 9: " + code);
        }
        return new RfmCell(code / 100, code / 10 % 10, code % 10);
    }

    /**
     * Returns the three-digit code {@code 100 r + 10 f + m}.
     *
     * @return the code
     */
    public int code() {
        return 100 * r + 10 * f + m;
    }

    /**
     * Returns the FM score: the mean of the frequency and monetary scores rounded half up,
     * {@code (f + m + 1) / 2} in integers.
     *
     * @return the FM score
     */
    public int fm() {
        return (f + m + 1) / 2;
    }

    /**
     * Returns the code as text, e.g. {@code "543"}.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return Integer.toString(code());
    }
}
