package io.crmkit.cli.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a decimal amount into minor currency units (cents for USD), exactly, with stated rules
 * for the excess digits that real export files carry.
 *
 * <ul>
 *   <li>A negative amount (a return) is read as a negative number of minor units.</li>
 *   <li><b>Floating-point noise.</b> An amount with more decimal places than the currency has, but
 *       within 10<sup>-9</sup> (relative) of a value on the currency's scale, is that value:
 *       {@code 118.22999999999999} is 118.23 USD. The tolerance is relative to that value, or to
 *       one minor unit when it is zero ({@link #lastRounding()} says so, for counting).</li>
 *   <li><b>Other excess precision</b> ({@code 12.345} USD) is rejected, unless a rounding mode was
 *       chosen: then the amount is rounded with it ({@link #lastRounding()}).</li>
 * </ul>
 *
 * <p>Plain decimals ({@code 12}, {@code -12.5}, {@code 0.30000000000000004}) of at most 18
 * significant digits are decoded directly from the bytes; every other form goes through
 * {@link BigDecimal#BigDecimal(String)}, which decides what is accepted (for example
 * {@code 1.2E3}) and rejected ({@code 1,200.00}, {@code NaN}). Both paths give the same result (a
 * property test checks this).
 *
 * <p><b>Limits</b>, checked before any {@link BigDecimal} is built, so that one hostile value
 * costs next to nothing: an amount has at most {@value #MAX_CHARS} characters, and its magnitude
 * lies below 10<sup>19</sup> (no long of minor units holds more) and, unless it is zero, at or
 * above 10<sup>{@value #MIN_EXPONENT}</sup> (smaller values are not amounts, even as noise). Others
 * are rejected with the limit they break.
 *
 * <p>Not thread-safe (it remembers how the last amount was rounded).
 */
final class AmountParser {

    /** Relative distance from a value on the currency's scale within which excess digits are noise. */
    static final double NOISE_TOLERANCE = 1e-9;
    /** The most characters an amount may have (sign, digits, point, exponent). */
    static final int MAX_CHARS = 64;
    /** The smallest decimal exponent of a non-zero amount's leading digit. */
    static final int MIN_EXPONENT = -30;
    /** The largest decimal exponent of an amount's leading digit: 10^19 exceeds every long. */
    private static final int MAX_EXPONENT = 18;
    /** The last amount was on its currency's scale. */
    static final int EXACT = 0;
    /** The last amount was floating-point noise around a value on the scale. */
    static final int NOISE = 1;
    /** The last amount was rounded with the chosen mode. */
    static final int MODE = 2;

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
        10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
        100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    private final Optional<RoundingMode> rounding;
    private int lastRounding;

    /**
     * Creates a parser.
     *
     * @param rounding how to round amounts with more decimal places than their currency has (other
     *     than floating-point noise); empty to reject them; not null
     */
    AmountParser(Optional<RoundingMode> rounding) {
        this.rounding = rounding;
    }

    /**
     * Says how the last amount read was brought to its currency's scale.
     *
     * @return {@link #EXACT}, {@link #NOISE} or {@link #MODE}
     */
    int lastRounding() {
        return lastRounding;
    }

    /**
     * Reads an amount from text.
     *
     * @param text the decimal text, not null
     * @param scale the number of decimal places of the currency, not negative
     * @param currencyCode the currency's code, for messages, not null
     * @return the amount in minor units, negative for a return
     * @throws IllegalArgumentException with a reason (not repeating the text) if the text is not a
     *     decimal number, has more decimal places than the currency allows (and is not noise, and no
     *     rounding mode was chosen), or is too large
     */
    long toMinorUnits(String text, int scale, String currencyCode) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return toMinorUnits(b, 0, b.length, scale, currencyCode);
    }

    /**
     * Reads an amount from UTF-8 bytes, as {@link #toMinorUnits(String, int, String)}.
     *
     * @param b the bytes, not null
     * @param from the first byte
     * @param to after the last byte
     * @param scale the number of decimal places of the currency, not negative
     * @param currencyCode the currency's code, for messages, not null
     * @return the amount in minor units, negative for a return
     * @throws IllegalArgumentException as {@link #toMinorUnits(String, int, String)}
     */
    long toMinorUnits(byte[] b, int from, int to, int scale, String currencyCode) {
        lastRounding = EXACT;
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        int start = i;
        long v = 0;
        int significant = 0;
        int fraction = -1;
        for (; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                if (v != 0 || c != '0') {
                    significant++;
                }
                v = v * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
                if (significant > 18) {
                    return slow(b, from, to, scale, currencyCode);
                }
            } else if (c == '.' && fraction < 0 && i > start && i < to - 1) {
                fraction = 0;
            } else {
                return slow(b, from, to, scale, currencyCode);
            }
        }
        if (i == start) {
            return slow(b, from, to, scale, currencyCode);
        }
        int f = Math.max(fraction, 0);
        long minor;
        if (f <= scale) {
            int up = scale - f;
            if (up >= POW10.length || v > Long.MAX_VALUE / POW10[up]) {
                return slow(b, from, to, scale, currencyCode);
            }
            minor = v * POW10[up];
        } else if (f - scale >= POW10.length) {
            return slow(b, from, to, scale, currencyCode);
        } else {
            long down = POW10[f - scale];
            long q = v / down;
            long rem = v % down;
            if (rem != 0) {
                boolean up = rem * 2 > down || (rem * 2 == down && (q & 1) == 1);
                long nearest = up ? q + 1 : q;
                long distance = up ? down - rem : rem;
                // decided here only when clearly inside the tolerance; BigDecimal decides the rest exactly
                if (distance >= NOISE_TOLERANCE * Math.max(nearest, 1) * down * (1 - 1e-9)) {
                    return slow(b, from, to, scale, currencyCode);
                }
                lastRounding = NOISE;
                q = nearest;
            }
            minor = q;
        }
        return negative ? -minor : minor;
    }

    private long slow(byte[] b, int from, int to, int scale, String currencyCode) {
        if (to - from > MAX_CHARS) {
            throw new IllegalArgumentException("has " + (to - from) + " characters; an amount has at most " + MAX_CHARS);
        }
        String text = new String(b, from, to - from, StandardCharsets.UTF_8);
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a decimal number (such as 12.34)", e);
        }
        if (value.signum() == 0) {
            return 0;
        }
        long exponent = (long) value.precision() - value.scale() - 1;
        if (exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException("is too large (10^" + exponent + "; amounts are below 10^"
                    + (MAX_EXPONENT + 1) + ")");
        }
        if (exponent < MIN_EXPONENT) {
            throw new IllegalArgumentException("is too small to be an amount (10^" + exponent + "; a non-zero amount"
                    + " is at least 10^" + MIN_EXPONENT + ")");
        }
        BigDecimal scaled;
        try {
            scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            BigDecimal nearest = value.setScale(scale, RoundingMode.HALF_EVEN);
            BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
            BigDecimal tolerance = nearest.abs().max(unit).multiply(BigDecimal.valueOf(NOISE_TOLERANCE));
            if (value.subtract(nearest).abs().compareTo(tolerance) <= 0) {
                lastRounding = NOISE;
                scaled = nearest;
            } else if (rounding.isPresent()) {
                lastRounding = MODE;
                scaled = value.setScale(scale, rounding.get());
            } else {
                throw new IllegalArgumentException("has more decimal places than " + currencyCode + " allows ("
                        + scale + ") and is not floating-point noise; choose how to round with --amount-rounding"
                        + " (half-even, half-up, down...)", e);
            }
        }
        try {
            return scaled.unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is too large", e);
        }
    }
}
