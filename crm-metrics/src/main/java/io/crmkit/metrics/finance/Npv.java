package io.crmkit.metrics.finance;

import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Net present value in the two conventions that spreadsheets and libraries disagree on, each
 * named, and XNPV for dated flows.
 *
 * <ul>
 *   <li>{@link #fromTimeZero}: {@code sum_{t=0..n-1} v_t / (1+r)^t}; the first flow is at time 0,
 *       undiscounted (numpy-financial's {@code npv}, and the textbook definition).</li>
 *   <li>{@link #excel}: {@code sum_{t=1..n} v_t / (1+r)^t}; every flow, the first included, is one
 *       period later than the previous (Excel's, LibreOffice's and Apache POI's {@code NPV}). An
 *       outlay at time 0 is added outside: {@code initial + excel(r, rest)}.</li>
 *   <li>{@link #xnpv}: {@code sum v_i / (1+r)^{y_i}} with {@code y_i} the year fraction from the
 *       first (earliest) date under a day count (Excel's XNPV: actual/365).</li>
 * </ul>
 *
 * <p>Rates are fractions per period (per year for XNPV) and must be greater than -1: at -1 the
 * discount factor is infinite, and below it the value has no financial meaning; both are rejected.
 *
 * <p>Stateless and thread-safe.
 */
public final class Npv {

    private Npv() {
    }

    /**
     * Returns the NPV with the first flow at time 0 (numpy-financial convention).
     *
     * @param rate the discount rate per period, greater than -1
     * @param flows the flows at t = 0, 1, 2..., finite, at least one, not null
     * @return the net present value
     * @throws IllegalArgumentException if the rate is not greater than -1 or a flow is not finite
     */
    public static double fromTimeZero(double rate, double... flows) {
        Flows.rate(rate, "rate");
        Flows.check(flows, 1);
        double s = 0;
        for (int t = flows.length - 1; t >= 0; t--) {
            s = s / (1 + rate) + flows[t];
        }
        return s;
    }

    /**
     * Returns the NPV with every flow discounted from t = 1 (Excel, LibreOffice, Apache POI).
     *
     * @param rate the discount rate per period, greater than -1
     * @param flows the flows at t = 1, 2, 3..., finite, at least one, not null
     * @return the net present value
     * @throws IllegalArgumentException if the rate is not greater than -1 or a flow is not finite
     */
    public static double excel(double rate, double... flows) {
        return fromTimeZero(rate, flows) / (1 + rate);
    }

    /**
     * Returns the NPV of periodic amounts in one currency, first flow at time 0: computed in double
     * precision (about 15 significant digits) and rounded half-even to the currency's scale.
     *
     * @param rate the discount rate per period, greater than -1
     * @param flows the amounts at t = 0, 1, 2..., all in one currency, at least one, not null
     * @return the net present value, never null
     * @throws io.crmkit.core.CurrencyMismatchException if the amounts are in different currencies
     */
    public static Money fromTimeZero(double rate, List<Money> flows) {
        return inCurrency(flows, fromTimeZero(rate, amounts(flows)));
    }

    /**
     * Returns the NPV of periodic amounts in one currency, every flow discounted from t = 1 (as
     * Excel), rounded half-even to the currency's scale.
     *
     * @param rate the discount rate per period, greater than -1
     * @param flows the amounts at t = 1, 2, 3..., all in one currency, at least one, not null
     * @return the net present value, never null
     * @throws io.crmkit.core.CurrencyMismatchException if the amounts are in different currencies
     */
    public static Money excel(double rate, List<Money> flows) {
        return inCurrency(flows, excel(rate, amounts(flows)));
    }

    private static double[] amounts(List<Money> flows) {
        Checks.notNull(flows, "flows");
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("flows must have at least 1 value, had 0");
        }
        Money first = Checks.notNull(flows.get(0), "flows[0]");
        double[] v = new double[flows.size()];
        for (int t = 0; t < v.length; t++) {
            Money m = Checks.notNull(flows.get(t), "flows[" + t + "]");
            first.requireSameCurrency(m, "NPV flows[" + t + "]");
            v[t] = m.amount().doubleValue();
        }
        return v;
    }

    private static Money inCurrency(List<Money> flows, double value) {
        return Money.of(BigDecimal.valueOf(value), flows.get(0).currency(), RoundingMode.HALF_EVEN);
    }

    /**
     * Returns the NPV of dated flows: each discounted by {@code (1+r)^y} with {@code y} the year
     * fraction from the first flow's date, which must be the earliest (as in Excel).
     *
     * @param rate the annual discount rate, greater than -1
     * @param flows the dated flows, the earliest first, not empty, not null
     * @param dayCount the day-count convention, not null
     * @return the net present value at the first date
     * @throws IllegalArgumentException if the rate is not greater than -1, or a flow is dated
     *     before the first one
     */
    public static double xnpv(double rate, List<DatedCashFlow> flows, DayCount dayCount) {
        Flows.rate(rate, "rate");
        double[] years = Flows.yearFractions(flows, dayCount);
        double logBase = Math.log1p(rate);
        double s = 0;
        for (int i = 0; i < years.length; i++) {
            s += flows.get(i).amount() * Math.exp(-years[i] * logBase);
        }
        return s;
    }

    /**
     * Returns the XNPV under actual/365 (Excel's convention).
     *
     * @param rate the annual discount rate, greater than -1
     * @param flows the dated flows, the earliest first, not empty, not null
     * @return the net present value at the first date
     */
    public static double xnpv(double rate, List<DatedCashFlow> flows) {
        return xnpv(rate, flows, StandardDayCount.ACTUAL_365_FIXED);
    }
}
