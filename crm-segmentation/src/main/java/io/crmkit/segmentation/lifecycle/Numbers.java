package io.crmkit.segmentation.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fixed-point formatting of the numbers in warning reasons without {@link String#format}, which
 * dominated the warning of a million customers: the shortest decimal that identifies the double (as {@link Double#toString}) rounded
 * half-up, as {@code %.Nf} does for values that are not negative. Internal; stateless and
 * thread-safe.
 */
final class Numbers {

    /** 10^0 to 10^3: the decimals a reason shows. */
    private static final long[] POWERS = {1, 10, 100, 1000};

    /** How far from a half the scaled value must be for its rounding to be read off the double. */
    private static final double MARGIN = 1e-6;

    /** The largest scaled magnitude read off the double: its ulp stays far below {@link #MARGIN}. */
    private static final double LARGEST = 1e9;

    private Numbers() {
    }

    /**
     * Appends a finite {@code value} rounded half-up to {@code decimals} places: the text of
     * {@code BigDecimal.valueOf(value).setScale(decimals, HALF_UP).toPlainString()}. Read off the
     * double when the value times 10^decimals is below 10^9 and not within 10^-6 of a half (a
     * decimal that identifies the double lies within half an ulp of it, far closer than that, so it
     * rounds the same way); through the big decimal otherwise.
     */
    static StringBuilder fixed(StringBuilder sb, double value, int decimals) {
        if (decimals >= 0 && decimals < POWERS.length) {
            double scaled = Math.abs(value) * POWERS[decimals];
            double down = Math.floor(scaled);
            double fraction = scaled - down;
            if (scaled < LARGEST && Math.abs(fraction - 0.5) > MARGIN) {
                long k = (long) down + (fraction > 0.5 ? 1 : 0);
                if (k != 0 && value < 0) {
                    sb.append('-');
                }
                long p = POWERS[decimals];
                sb.append(k / p);
                if (decimals > 0) {
                    sb.append('.');
                    long rest = k % p;
                    for (long q = p / 10; q > rest && q > 1; q /= 10) {
                        sb.append('0');
                    }
                    sb.append(rest);
                }
                return sb;
            }
        }
        return exact(sb, value, decimals);
    }

    /** The definition: the double's decimal rounded half-up as a big decimal. */
    static StringBuilder exact(StringBuilder sb, double value, int decimals) {
        return sb.append(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString());
    }
}
