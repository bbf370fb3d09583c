package io.crmkit.metrics.finance;

import io.crmkit.core.internal.Checks;
import java.util.OptionalDouble;

/**
 * The financial evaluation of an investment such as a CRM system: what it costs and returns per
 * period, and the figures management asks for (ROI, NPV, IRR, payback). Built by
 * {@link #of(double, double[], double[])}.
 *
 * <p>Conventions: period 0 is the start (the initial outlay), flows of period {@code t} are
 * discounted by {@code (1 + rate)^t} ({@link Npv#fromTimeZero}); ROI is undiscounted
 * {@code (benefits - costs) / costs}, discounted ROI uses present values; payback periods are
 * final crossings ({@link Payback}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param periods the number of periods, including period 0
 * @param discountRate the discount rate per period
 * @param totalCost the sum of the costs, positive
 * @param totalBenefit the sum of the benefits
 * @param roi {@code (totalBenefit - totalCost) / totalCost}
 * @param discountedRoi {@code (PV(benefits) - PV(costs)) / PV(costs)}
 * @param npv the net present value of {@code benefits - costs}
 * @param irr the internal rate of return of {@code benefits - costs}, not null
 * @param payback the simple payback in periods, if the investment pays back, not null
 * @param discountedPayback the discounted payback in periods, if it pays back, not null
 */
public record CostBenefitReport(
        int periods, double discountRate, double totalCost, double totalBenefit, double roi, double discountedRoi,
        double npv, RateResult irr, OptionalDouble payback, OptionalDouble discountedPayback) {

    /**
     * Validates the report.
     *
     * @throws NullPointerException if a component is null
     */
    public CostBenefitReport {
        Checks.notNull(irr, "irr");
        Checks.notNull(payback, "payback");
        Checks.notNull(discountedPayback, "discountedPayback");
    }

    /**
     * Evaluates an investment from its costs and benefits per period.
     *
     * @param discountRate the discount rate per period, greater than -1
     * @param costs the costs of each period (positive numbers; the outlay at index 0), not null
     * @param benefits the benefits of each period, same length as {@code costs}, not null
     * @return the report, never null
     * @throws IllegalArgumentException if the arrays differ in length or are empty, a value is not
     *     finite, a cost is negative, or the costs sum to zero (ROI undefined)
     */
    public static CostBenefitReport of(double discountRate, double[] costs, double[] benefits) {
        Flows.rate(discountRate, "discountRate");
        Flows.check(costs, 1);
        Flows.check(benefits, 1);
        if (costs.length != benefits.length) {
            throw new IllegalArgumentException("costs and benefits must cover the same periods: " + costs.length
                    + " costs, " + benefits.length + " benefits");
        }
        int n = costs.length;
        double[] net = new double[n];
        double totalCost = 0;
        double totalBenefit = 0;
        for (int t = 0; t < n; t++) {
            if (costs[t] < 0) {
                throw new IllegalArgumentException("costs[" + t + "] must not be negative: " + costs[t]);
            }
            net[t] = benefits[t] - costs[t];
            totalCost += costs[t];
            totalBenefit += benefits[t];
        }
        if (totalCost == 0) {
            throw new IllegalArgumentException("ROI is undefined: the costs sum to zero");
        }
        double pvCost = Npv.fromTimeZero(discountRate, costs);
        double pvBenefit = Npv.fromTimeZero(discountRate, benefits);
        RateResult irr = n >= 2 ? Irr.irr(net)
                : new RateResult.NoRoot("a single period has no internal rate of return", 0);
        return new CostBenefitReport(n, discountRate, totalCost, totalBenefit, (totalBenefit - totalCost) / totalCost,
                (pvBenefit - pvCost) / pvCost, Npv.fromTimeZero(discountRate, net), irr, Payback.simple(net),
                Payback.discounted(discountRate, net));
    }
}
