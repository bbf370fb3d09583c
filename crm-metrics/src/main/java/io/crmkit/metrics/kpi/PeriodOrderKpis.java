package io.crmkit.metrics.kpi;

import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The order KPIs of one reporting period (see {@link OrderKpiOptions} for the definitions of
 * active and new customers).
 *
 * <p>Counts: {@code orders}, {@code revenue}; {@code buyers} (distinct customers with a counted
 * order in the period), of which {@code newCustomers} (first purchase ever in the period) and the
 * returning rest; {@code multiPurchaseBuyers} (two or more orders in the period);
 * {@code activeAtStart} (S), {@code activeAtEnd} (E), {@code retained} (active at both),
 * {@code reactivated} (active at the end, not at the start, not new). By construction
 * {@code E = retained + newCustomers + reactivated} and {@code churned = S - retained}.
 *
 * <p>Ratios are empty when their denominator is zero (never NaN): retention {@code retained / S}
 * and churn {@code churned / S} (they add up to 1), the textbook retention {@code (E - N) / S}
 * (which also counts reactivated customers as retained), repeat purchase rate
 * {@code multiPurchaseBuyers / buyers}, returning-customer rate {@code (buyers - new) / buyers},
 * purchase frequency {@code orders / buyers}, average order value, the share of revenue from new
 * customers, and revenue growth over the previous period.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label the period's label, such as {@code 2026-03}, not null
 * @param start the first instant of the period, not null
 * @param end the first instant after the period, not null
 * @param orders counted purchases made in the period: orders, or under {@code PurchaseUnit.DAY} a
 *     customer's calendar days with counted orders
 * @param revenue their revenue, not null
 * @param newCustomerRevenue the part of it from customers new in the period, not null
 * @param buyers distinct customers with a counted order in the period
 * @param newCustomers customers whose first counted order falls in the period
 * @param multiPurchaseBuyers buyers with two or more counted purchases in the period
 * @param activeAtStart customers active at the start (S)
 * @param activeAtEnd customers active at the end (E)
 * @param retained customers active at both the start and the end
 * @param reactivated customers active at the end, not at the start, and not new
 * @param revenueGrowth the revenue change over the previous period as a fraction, if defined, not null
 */
public record PeriodOrderKpis(
        String label, Instant start, Instant end, long orders, Money revenue, Money newCustomerRevenue, long buyers,
        long newCustomers, long multiPurchaseBuyers, long activeAtStart, long activeAtEnd, long retained,
        long reactivated, OptionalDouble revenueGrowth) {

    /**
     * Validates the counts.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the counts are inconsistent
     */
    public PeriodOrderKpis {
        Checks.notNull(label, "label");
        Checks.notNull(start, "start");
        Checks.notNull(end, "end");
        Checks.notNull(revenue, "revenue");
        Checks.notNull(newCustomerRevenue, "newCustomerRevenue");
        Checks.notNull(revenueGrowth, "revenueGrowth");
        if (orders < buyers || buyers < newCustomers || buyers < multiPurchaseBuyers || retained > activeAtStart
                || activeAtEnd != retained + newCustomers + reactivated || Math.min(orders, reactivated) < 0) {
            throw new IllegalArgumentException("inconsistent KPI counts for period " + label + ": orders=" + orders
                    + ", buyers=" + buyers + ", new=" + newCustomers + ", multi=" + multiPurchaseBuyers + ", S="
                    + activeAtStart + ", E=" + activeAtEnd + ", retained=" + retained + ", reactivated=" + reactivated);
        }
    }

    /**
     * Returns the customers active at the start who were not active at the end.
     *
     * @return {@code S - retained}
     */
    public long churned() {
        return activeAtStart - retained;
    }

    /**
     * Returns the returning buyers: buyers who had bought before the period.
     *
     * @return {@code buyers - newCustomers}
     */
    public long returningBuyers() {
        return buyers - newCustomers;
    }

    private static OptionalDouble ratio(double numerator, double denominator) {
        return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of(numerator / denominator);
    }

    /**
     * Returns the retention rate {@code retained / S}.
     *
     * @return the rate in [0, 1], or empty when no customer was active at the start
     */
    public OptionalDouble retentionRate() {
        return ratio(retained, activeAtStart);
    }

    /**
     * Returns the churn rate {@code (S - retained) / S}; retention and churn add up to 1.
     *
     * @return the rate in [0, 1], or empty when no customer was active at the start
     */
    public OptionalDouble churnRate() {
        return ratio(churned(), activeAtStart);
    }

    /**
     * Returns the textbook customer retention rate {@code (E - N) / S}, which counts reactivated
     * customers as retained (it can exceed 1).
     *
     * @return the rate, or empty when no customer was active at the start
     */
    public OptionalDouble textbookRetentionRate() {
        return ratio(activeAtEnd - newCustomers, activeAtStart);
    }

    /**
     * Returns the repeat purchase rate: the share of buyers with two or more orders in the period.
     *
     * @return the rate in [0, 1], or empty without buyers
     */
    public OptionalDouble repeatPurchaseRate() {
        return ratio(multiPurchaseBuyers, buyers);
    }

    /**
     * Returns the share of buyers who had bought before the period.
     *
     * @return the rate in [0, 1], or empty without buyers
     */
    public OptionalDouble returningCustomerRate() {
        return ratio(returningBuyers(), buyers);
    }

    /**
     * Returns the purchase frequency: orders per buyer.
     *
     * @return the frequency, at least 1, or empty without buyers
     */
    public OptionalDouble purchaseFrequency() {
        return ratio(orders, buyers);
    }

    /**
     * Returns the average order value, rounded half-even to the currency's scale.
     *
     * @return the value, or empty without orders, never null
     */
    public Optional<Money> averageOrderValue() {
        return orders == 0 ? Optional.empty()
                : Optional.of(Money.of(revenue.amount().divide(BigDecimal.valueOf(orders), 10, RoundingMode.HALF_EVEN),
                        revenue.currency(), RoundingMode.HALF_EVEN));
    }

    /**
     * Returns the share of the period's revenue that came from customers new in the period.
     *
     * @return the share in [0, 1], or empty without revenue
     */
    public OptionalDouble newCustomerRevenueShare() {
        return ratio(newCustomerRevenue.amount().doubleValue(), revenue.amount().doubleValue());
    }
}
