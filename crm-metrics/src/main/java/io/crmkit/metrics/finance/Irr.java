package io.crmkit.metrics.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Internal rates of return: IRR for periodic flows, XIRR for dated flows, and MIRR.
 *
 * <p>IRR and XIRR search only rates greater than -1, bracket every root before refining it
 * (Brent's method), judge convergence in the rate, not in currency units (so a flow of 1e12 or
 * 1e-12 gives the same rate), and report every real root they find when the flows change sign
 * more than once. They need no guess. See {@link RateResult}. A rate where the NPV touches zero
 * without changing sign (a double root, as in flows {@code 0.25, -1, 1} at 100 %) is found and
 * listed once, as are roots closer together than the rounding of the flows can separate: such a
 * rate is one where the NPV cannot be told from zero, accurate to about the square root of the
 * rounding (1e-8 relative) for a double root. A rate closer to -1 than a double
 * can tell apart (the flows all but lost) is reported as the double next above -1, never as -1; a
 * rate beyond the largest double (money multiplied within days) is not reported, and when it is
 * the only one the result says so.
 *
 * <p>Stateless and thread-safe.
 */
public final class Irr {

    private Irr() {
    }

    /**
     * Returns the rates {@code r > -1} that make {@link Npv#fromTimeZero} zero (the IRR of
     * periodic flows at t = 0, 1, 2...). Zero flows count as periods.
     *
     * @param flows the flows, finite, at least two, not null
     * @return the rates found, or the reason there is none, never null
     * @throws IllegalArgumentException if a flow is not finite or there are fewer than two
     */
    public static RateResult irr(double... flows) {
        Flows.check(flows, 2);
        int first = 0;
        while (first < flows.length && flows[first] == 0) {
            first++;
        }
        int last = flows.length - 1;
        while (last > first && flows[last] == 0) {
            last--;
        }
        List<Double> a = new ArrayList<>();
        List<Double> e = new ArrayList<>();
        for (int t = first; t <= last && first < flows.length; t++) {
            a.add(flows[t]);
            e.add((double) (t - first));
        }
        return solve(a, e, "flows");
    }

    /**
     * Returns the annual rates {@code r > -1} that make {@link Npv#xnpv} zero (XIRR).
     *
     * @param flows the dated flows, the earliest first, at least two, not null
     * @param dayCount the day-count convention, not null
     * @return the rates found, or the reason there is none, never null
     * @throws IllegalArgumentException if a flow is dated before the first one
     */
    public static RateResult xirr(List<DatedCashFlow> flows, DayCount dayCount) {
        double[] years = Flows.yearFractions(flows, dayCount);
        if (flows.size() < 2) {
            throw new IllegalArgumentException("flows must have at least 2 values, had " + flows.size());
        }
        TreeMap<Double, Double> byYear = new TreeMap<>();
        for (int i = 0; i < years.length; i++) {
            byYear.merge(years[i], flows.get(i).amount(), Double::sum);
        }
        List<Double> a = new ArrayList<>();
        List<Double> e = new ArrayList<>();
        double origin = Double.NaN;
        for (var entry : byYear.entrySet()) {
            if (entry.getValue() != 0) {
                if (Double.isNaN(origin)) {
                    origin = entry.getKey();
                }
                a.add(entry.getValue());
                e.add(entry.getKey() - origin);
            }
        }
        return solve(a, e, "dated flows");
    }

    /**
     * Returns the XIRR under actual/365 (Excel's convention).
     *
     * @param flows the dated flows, the earliest first, at least two, not null
     * @return the rates found, or the reason there is none, never null
     */
    public static RateResult xirr(List<DatedCashFlow> flows) {
        return xirr(flows, StandardDayCount.ACTUAL_365_FIXED);
    }

    /** The least rate reported: the double next above -1 (-100 %). */
    static final double MIN_RATE = Math.nextUp(-1.0);

    private static RateResult solve(List<Double> coefficients, List<Double> exponents, String what) {
        int n = coefficients.size();
        double[] a = new double[n];
        double[] e = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = coefficients.get(k);
            e[k] = exponents.get(k);
        }
        int v = RootFinder.signChanges(a);
        if (n < 2 || v == 0) {
            return new RateResult.NoRoot("the " + what + " do not change sign, so no rate makes their NPV zero", v);
        }
        List<Double> rates = new ArrayList<>();
        int beyondDouble = 0;
        for (double u : new RootFinder(a, e).roots()) {
            // a root within 1e-16 of -100 % (u above about 37) rounds to -1.0 in a double; report the
            // nearest double above -1 instead, keeping the promise r > -1 (it is the exact rate
            // rounded up)
            // (+ 0.0: a root at u = 0 gives expm1(-0.0) = -0.0, which would print as "-0.0")
            double rate = Math.max(Math.expm1(-u), MIN_RATE) + 0.0;
            if (rate == Double.POSITIVE_INFINITY) {
                beyondDouble++; // above 1.8e308: no double holds it
            } else if (rates.isEmpty() || rates.get(rates.size() - 1) != rate) {
                // roots come ascending in u, so rates descending; two distinct roots beyond a
                // double's resolution of the rate (both within 1e-16 of -100 %) are one rate
                rates.add(rate);
            }
        }
        rates.sort(null);
        if (rates.isEmpty() && beyondDouble > 0) {
            return new RateResult.NoRoot("the rate that makes the NPV of the " + what + " zero is above "
                    + Double.MAX_VALUE + " per period, more than a double holds", v);
        }
        if (rates.isEmpty()) {
            return new RateResult.NoRoot("the " + what + " change sign " + v
                    + " times but no rate above -100 % makes their NPV cross zero", v);
        }
        return rates.size() == 1 ? new RateResult.Unique(rates.get(0), v) : new RateResult.Multiple(rates, v);
    }

    /**
     * Returns the modified internal rate of return: negative flows are discounted to t = 0 at the
     * finance rate, positive flows compounded to the last period at the reinvestment rate, and
     * {@code MIRR = (FV(positives) / -PV(negatives))^(1/(n-1)) - 1}. Zero flows count as periods
     * (unlike Apache POI before 5.4, which skipped them).
     *
     * @param flows the flows at t = 0 .. n-1, finite, at least two, with at least one positive and
     *     one negative value, not null
     * @param financeRate the rate paid on the money invested, per period, greater than -1
     * @param reinvestRate the rate earned on money received, per period, greater than -1
     * @return the MIRR per period, greater than -1
     * @throws IllegalArgumentException if the flows have no positive or no negative value (the MIRR
     *     is then undefined), or a rate is not greater than -1
     */
    public static double mirr(double[] flows, double financeRate, double reinvestRate) {
        Flows.check(flows, 2);
        Flows.rate(financeRate, "financeRate");
        Flows.rate(reinvestRate, "reinvestRate");
        int n = flows.length;
        double fv = 0;
        double pv = 0;
        for (int t = 0; t < n; t++) {
            if (flows[t] > 0) {
                fv += flows[t] * Math.pow(1 + reinvestRate, n - 1 - t);
            } else if (flows[t] < 0) {
                pv += flows[t] / Math.pow(1 + financeRate, t);
            }
        }
        if (fv == 0 || pv == 0) {
            throw new IllegalArgumentException("MIRR is undefined: the flows have no "
                    + (fv == 0 ? "positive" : "negative") + " value");
        }
        return Math.pow(fv / -pv, 1.0 / (n - 1)) - 1;
    }
}
