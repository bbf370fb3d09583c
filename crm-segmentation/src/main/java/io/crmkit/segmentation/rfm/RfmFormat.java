package io.crmkit.segmentation.rfm;

import java.math.BigDecimal;

/** Number formatting for descriptions: shortest exact decimal text of a double. Stateless. */
final class RfmFormat {

    private RfmFormat() {
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
