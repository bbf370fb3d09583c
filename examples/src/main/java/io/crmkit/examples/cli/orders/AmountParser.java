package io.crmkit.examples.cli.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads a non-negative decimal amount into minor currency units (cents for USD), exactly.
 *
 * <p>Plain decimals ({@code 12}, {@code 12.5}, {@code 12.50}) are decoded directly; every other
 * form goes through {@link BigDecimal#BigDecimal(String)}, which decides what is accepted (for
 * example {@code 1.2E3}) and rejected ({@code 1,200.00}, {@code NaN}). Both paths give the same
 * result (a property test checks this). Stateless and thread-safe.
 */
final class AmountParser {

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
        10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
        100_000_000_000_000_000L, 1_000_000_000_000_000_000L};

    private AmountParser() {
    }

    /**
     * Reads an amount.
     *
     * @param text the decimal text, not null
     * @param scale the number of decimal places of the currency, not negative
     * @param currencyCode the currency's code, for messages, not null
     * @return the amount in minor units, not negative
     * @throws IllegalArgumentException with a reason (not repeating the text) if the text is not a
     *     decimal number, is negative, has more decimal places than the currency allows, or is too large
     */
    static long toMinorUnits(String text, int scale, String currencyCode) {
        long fast = fast(text, scale);
        return fast >= 0 ? fast : slow(text, scale, currencyCode);
    }

    /** Decodes [0-9]+(.[0-9]+)? of at most 18 digits; returns -1 otherwise or when rescaling fails. */
    private static long fast(String s, int scale) {
        int n = s.length();
        if (n == 0 || n > 19) {
            return -1;
        }
        long v = 0;
        int fraction = -1;
        int digits = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                v = v * 10 + (c - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0 && i > 0 && i < n - 1) {
                fraction = 0;
            } else {
                return -1;
            }
        }
        if (digits > 18) {
            return -1;
        }
        int f = Math.max(fraction, 0);
        if (f <= scale) {
            int up = scale - f;
            if (up >= POW10.length || v > Long.MAX_VALUE / POW10[up]) {
                return -1;
            }
            return v * POW10[up];
        }
        long down = POW10[f - scale];
        return v % down == 0 ? v / down : -1;
    }

    private static long slow(String text, int scale, String currencyCode) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a decimal number (such as 12.34)", e);
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("must not be negative (returns and refunds are not read from"
                    + " this file format)");
        }
        BigDecimal scaled;
        try {
            scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("has more decimal places than " + currencyCode + " allows ("
                    + scale + ")", e);
        }
        try {
            return scaled.unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is too large", e);
        }
    }
}
