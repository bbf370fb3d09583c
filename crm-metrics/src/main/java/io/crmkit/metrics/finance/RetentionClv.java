package io.crmkit.metrics.finance;

/**
 * The simple closed-form customer lifetime value for a constant margin and retention, as used in
 * marketing finance: {@code CLV = m * r / (1 + d - r)}, the present value of a margin {@code m}
 * received at the end of every period for as long as the customer is retained, with retention
 * probability {@code r} per period and discount rate {@code d} per period, over an infinite
 * horizon, excluding the margin of the acquisition period itself.
 *
 * <p>Validity conditions, checked: {@code 0 <= r < 1} (a customer retained for sure forever has
 * no finite value) and {@code d >= 0}; then {@code 1 + d - r > 0}. The formula assumes that margin,
 * retention and discount are constant over time and the same for every customer in the group: for
 * individual, history-based values use the probabilistic models of the CLV package.
 *
 * <p>Stateless and thread-safe.
 */
public final class RetentionClv {

    private RetentionClv() {
    }

    /**
     * Returns the margin multiple {@code r / (1 + d - r)}: CLV per unit of margin per period.
     *
     * @param retentionRate the retention probability per period, in [0, 1)
     * @param discountRate the discount rate per period, not negative
     * @return the multiple, not negative
     * @throws IllegalArgumentException if a validity condition fails
     */
    public static double marginMultiple(double retentionRate, double discountRate) {
        if (!(retentionRate >= 0 && retentionRate < 1)) {
            throw new IllegalArgumentException("retentionRate must be in [0, 1): " + retentionRate);
        }
        if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
            throw new IllegalArgumentException("discountRate must be a finite number >= 0: " + discountRate);
        }
        return retentionRate / (1 + discountRate - retentionRate);
    }

    /**
     * Returns {@code m * r / (1 + d - r)}.
     *
     * @param marginPerPeriod the margin per customer per period, finite
     * @param retentionRate the retention probability per period, in [0, 1)
     * @param discountRate the discount rate per period, not negative
     * @return the lifetime value in the margin's units
     * @throws IllegalArgumentException if a validity condition fails
     */
    public static double value(double marginPerPeriod, double retentionRate, double discountRate) {
        io.crmkit.core.internal.Checks.finite(marginPerPeriod, "marginPerPeriod");
        return marginPerPeriod * marginMultiple(retentionRate, discountRate);
    }
}
