package io.crmkit.segmentation.rfm;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for descriptions: the shortest decimal text of a double at 12 significant digits. Stateless. */
final class RfmFormat {

    private RfmFormat() {
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        // 12 significant digits: a computed cut such as 21.546000000000003 prints as 21.546
        return BigDecimal.valueOf(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
