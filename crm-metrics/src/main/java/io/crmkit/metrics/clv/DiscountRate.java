package io.crmkit.metrics.clv;

import io.crmkit.core.history.PeriodUnit;
import java.util.Objects;

/**
 * A compound discount rate with its period: {@code DiscountRate.of(0.10, YEARS)} is 10 % a year.
 * Converting to another period is exact: {@code (1 + rate)^(days / period days) - 1}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rate the rate per period, as a fraction, greater than -1 and finite
 * @param per the period, not null
 */
public record DiscountRate(double rate, PeriodUnit per) {

    /**
     * Validates the rate.
     *
     * @throws IllegalArgumentException if the rate is not finite or not above -1
     * @throws NullPointerException if the period is null
     */
    public DiscountRate {
        Objects.requireNonNull(per, "per");
        if (!Double.isFinite(rate) || rate <= -1) {
            throw new IllegalArgumentException("discount rate must be finite and greater than -1: " + rate);
        }
    }

    /**
     * Returns a discount rate.
     *
     * @param rate the rate per period, greater than -1
     * @param per the period, not null
     * @return the rate, never null
     */
    public static DiscountRate of(double rate, PeriodUnit per) {
        return new DiscountRate(rate, per);
    }

    /**
     * Returns the discount factor of an amount received after {@code time} in {@code unit}:
     * {@code (1 + rate)^-(time in periods)}.
     *
     * @param time the delay, finite
     * @param unit its unit, not null
     * @return the factor
     */
    public double factor(double time, PeriodUnit unit) {
        return Math.exp(-unit.convert(time, per) * Math.log1p(rate));
    }

    /**
     * Returns the equivalent continuous rate per {@code unit}: {@code ln(1 + rate)} per period,
     * converted.
     *
     * @param unit the unit, not null
     * @return the continuous rate per unit
     */
    public double continuousPer(PeriodUnit unit) {
        return Math.log1p(rate) * unit.days() / per.days();
    }
}
