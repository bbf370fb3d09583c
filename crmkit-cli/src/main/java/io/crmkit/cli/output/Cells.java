package io.crmkit.cli.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Turns cell values into text: in full for JSON, at natural or full precision for CSV, rounded for tables. Stateless. */
final class Cells {

    private Cells() {
    }

    /**
     * Returns the full text of a value: doubles in their shortest exact decimal form without an
     * exponent ({@code 38.857142857142854}, {@code 272}), big decimals in plain notation.
     */
    static String plain(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            double x = d;
            if (x == Math.rint(x) && Math.abs(x) < 1e15) {
                return Long.toString((long) x);
            }
            String shortest = Double.toString(x);
            return shortest.indexOf('E') < 0 ? shortest
                    : new BigDecimal(shortest).stripTrailingZeros().toPlainString();
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v.toString();
    }

    /**
     * Returns the text of a number in CSV at its natural precision: a double rounded (half-even) to
     * six significant digits, or to the column's table decimals when those keep more, trailing zeros
     * dropped ({@code 23.723333333333333} with 2 decimals is {@code 23.7233}, {@code 156996.391} is
     * {@code 156996.39}); whole doubles, big decimals (money at its currency's scale) and other
     * values as {@link #plain}.
     */
    static String natural(Object v, Column column) {
        return v instanceof Double d ? natural(d.doubleValue(), column.tableDecimals()) : plain(v);
    }

    /** {@link #natural(Object, Column)} of a double, in a column of the given table decimals. */
    static String natural(double d, int tableDecimals) {
        if (Double.isFinite(d) && !(d == Math.rint(d) && Math.abs(d) < 1e15)) {
            String shortest = Double.toString(d);
            if (shortest.indexOf('E') < 0 && (shortest.length() - shortest.indexOf('.') - 1 <= tableDecimals
                    || significantDigits(shortest) <= 6)) {
                // neither rounding changes it, and a fraction's shortest form has no trailing zero
                return shortest;
            }
            return byDecimal(shortest, tableDecimals);
        }
        return plain(d);
    }

    /**
     * Rounds a double's shortest decimal text as {@link #natural} says, with big decimals (the
     * definition; {@code natural} skips it when neither rounding can change the text).
     */
    static String byDecimal(String shortest, int tableDecimals) {
        BigDecimal exact = new BigDecimal(shortest);
        BigDecimal significant = exact.round(new java.math.MathContext(6, RoundingMode.HALF_EVEN));
        BigDecimal decimals = exact.setScale(tableDecimals, RoundingMode.HALF_EVEN);
        BigDecimal shown = significant.scale() >= decimals.scale() ? significant : decimals;
        String text = shown.stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** Counts the digits of a plain decimal text after its leading zeros. */
    private static int significantDigits(String plain) {
        int count = 0;
        boolean leading = true;
        for (int i = 0; i < plain.length(); i++) {
            char ch = plain.charAt(i);
            if (ch >= '0' && ch <= '9') {
                leading &= ch == '0';
                count += leading ? 0 : 1;
            }
        }
        return count;
    }

    /** Returns the text shown in a table: doubles rounded half-up to the column's decimals. */
    static String table(Object v, Column column) {
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).setScale(column.tableDecimals(), RoundingMode.HALF_UP).toPlainString();
        }
        return plain(v);
    }
}
