package io.crmkit.cli.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Turns cell values into text: in full for CSV and JSON, rounded for tables. Stateless. */
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

    /** Returns the text shown in a table: doubles rounded half-up to the column's decimals. */
    static String table(Object v, Column column) {
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).setScale(column.tableDecimals(), RoundingMode.HALF_UP).toPlainString();
        }
        return plain(v);
    }
}
