package io.crmkit.metrics.finance;

import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.OptionalDouble;

/**
 * Payback periods: how long until the cumulative cash flow turns non-negative for good.
 *
 * <p>Flows are at t = 0, 1, 2... (the outlay usually at t = 0). The payback period is the
 * <em>final</em> crossing of the cumulative flow from negative to non-negative, interpolated
 * linearly within the period in which it happens: if the cumulative flow is {@code c < 0} after
 * period {@code t} and the next flow is {@code v}, payback is {@code t + (-c) / v}. A cumulative flow
 * that dips below zero again later moves the payback to the later crossing. When the cumulative
 * flow is never negative, payback is 0; when it ends negative, there is none (empty result).
 *
 * <p>Stateless and thread-safe.
 */
public final class Payback {

    private Payback() {
    }

    /**
     * Returns the simple (undiscounted) payback period.
     *
     * @param flows the flows at t = 0, 1, 2..., finite, at least one, not null
     * @return the payback in periods (fractional), or empty if the flows never pay back
     */
    public static OptionalDouble simple(double... flows) {
        Flows.check(flows, 1);
        return finalCrossing(flows);
    }

    /**
     * Returns the discounted payback period: as {@link #simple} on the flows discounted to t = 0.
     *
     * @param rate the discount rate per period, greater than -1
     * @param flows the flows at t = 0, 1, 2..., finite, at least one, not null
     * @return the payback in periods (fractional), or empty if the flows never pay back
     */
    public static OptionalDouble discounted(double rate, double... flows) {
        Flows.rate(rate, "rate");
        Flows.check(flows, 1);
        double[] pv = new double[flows.length];
        double factor = 1;
        for (int t = 0; t < flows.length; t++) {
            pv[t] = flows[t] / factor;
            factor *= 1 + rate;
        }
        return finalCrossing(pv);
    }

    private static OptionalDouble finalCrossing(double[] v) {
        double cumulative = 0;
        int lastNegative = -1;
        double[] c = new double[v.length];
        for (int t = 0; t < v.length; t++) {
            cumulative += v[t];
            c[t] = cumulative;
            if (cumulative < 0) {
                lastNegative = t;
            }
        }
        if (lastNegative < 0) {
            return OptionalDouble.of(0);
        }
        if (lastNegative == v.length - 1) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(lastNegative + (-c[lastNegative]) / v[lastNegative + 1]);
    }

    /**
     * Returns the customer-acquisition-cost payback: the months of gross margin a new customer
     * needs to repay what acquiring them cost, {@code CAC / (monthly revenue * gross margin)}.
     *
     * @param acquisitionCost the cost of acquiring one customer, not negative, not null
     * @param monthlyRevenuePerCustomer the revenue per customer per month, positive, same currency,
     *     not null
     * @param grossMarginRate the gross margin as a fraction of revenue, in (0, 1]
     * @return the payback in months
     * @throws IllegalArgumentException if an argument is out of range
     * @throws io.crmkit.core.CurrencyMismatchException if the currencies differ
     */
    public static double cacMonths(Money acquisitionCost, Money monthlyRevenuePerCustomer, double grossMarginRate) {
        Checks.notNull(acquisitionCost, "acquisitionCost");
        Checks.notNull(monthlyRevenuePerCustomer, "monthlyRevenuePerCustomer");
        acquisitionCost.requireSameCurrency(monthlyRevenuePerCustomer, "CAC payback");
        if (acquisitionCost.isNegative()) {
            throw new IllegalArgumentException("acquisitionCost must not be negative: " + acquisitionCost);
        }
        if (monthlyRevenuePerCustomer.amount().signum() <= 0) {
            throw new IllegalArgumentException(
                    "monthlyRevenuePerCustomer must be positive: " + monthlyRevenuePerCustomer);
        }
        if (!(grossMarginRate > 0 && grossMarginRate <= 1)) {
            throw new IllegalArgumentException("grossMarginRate must be in (0, 1]: " + grossMarginRate);
        }
        BigDecimal monthlyMargin = monthlyRevenuePerCustomer.amount().multiply(BigDecimal.valueOf(grossMarginRate));
        return acquisitionCost.amount().divide(monthlyMargin, MathContext.DECIMAL64).doubleValue();
    }
}
