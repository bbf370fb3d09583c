package io.crmkit.metrics.finance;

import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.List;

/** Validation and preparation of cash-flow inputs shared by the finance functions. */
final class Flows {

    private Flows() {
    }

    static void check(double[] flows, int minLength) {
        Checks.notNull(flows, "flows");
        if (flows.length < minLength) {
            throw new IllegalArgumentException("flows must have at least " + minLength + " values, had "
                    + flows.length);
        }
        for (int t = 0; t < flows.length; t++) {
            if (!Double.isFinite(flows[t])) {
                throw new IllegalArgumentException("flows[" + t + "] must be a finite number: " + flows[t]);
            }
        }
    }

    static void rate(double rate, String field) {
        if (!Double.isFinite(rate) || rate <= -1) {
            throw new IllegalArgumentException(field + " must be a finite number greater than -1 (-100 %): " + rate);
        }
    }

    /**
     * Checks dated flows: not empty, no date before the first listed one (Excel's rule for XNPV
     * and XIRR), and returns their year fractions from the first date.
     */
    static double[] yearFractions(List<DatedCashFlow> flows, DayCount dayCount) {
        Checks.notNull(flows, "flows");
        Checks.notNull(dayCount, "dayCount");
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("flows must not be empty");
        }
        LocalDate first = Checks.notNull(flows.get(0), "flows[0]").date();
        double[] t = new double[flows.size()];
        for (int i = 0; i < flows.size(); i++) {
            DatedCashFlow f = Checks.notNull(flows.get(i), "flows[" + i + "]");
            if (f.date().isBefore(first)) {
                throw new IllegalArgumentException("flows[" + i + "] is dated " + f.date()
                        + ", before the first flow's date " + first
                        + "; the first flow must carry the earliest date (as in Excel's XNPV and XIRR)");
            }
            t[i] = dayCount.yearFraction(first, f.date());
            if (!(t[i] >= 0) || Double.isInfinite(t[i])) {
                throw new IllegalArgumentException("dayCount returned " + t[i] + " years from " + first + " to "
                        + f.date());
            }
        }
        return t;
    }
}
