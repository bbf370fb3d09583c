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

    private Numbers() {
    }

    /** Appends a finite {@code value} rounded half-up to {@code decimals} places. */
    static StringBuilder fixed(StringBuilder sb, double value, int decimals) {
        return sb.append(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString());
    }
}
