package io.crmkit.metrics.finance;

import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Return on investment, {@code (gain - cost) / cost}, computed in decimal arithmetic so that
 * {@code gain = 0.3, cost = 0.1} gives exactly 2 (binary floating point gives 1.9999999999999996).
 *
 * <p>The result is a fraction ({@code 0.5} is 50 %), rounded to 34 significant digits
 * ({@link MathContext#DECIMAL128}). A zero or negative cost has no meaningful ROI and is rejected.
 *
 * <p>Stateless and thread-safe.
 */
public final class Roi {

    private Roi() {
    }

    /**
     * Returns {@code (gain - cost) / cost}.
     *
     * @param gain what the investment returned, not null
     * @param cost what it cost, positive, not null
     * @return the ROI as a fraction, never null
     * @throws IllegalArgumentException if the cost is zero or negative
     */
    public static BigDecimal of(BigDecimal gain, BigDecimal cost) {
        Checks.notNull(gain, "gain");
        Checks.notNull(cost, "cost");
        if (cost.signum() <= 0) {
            throw new IllegalArgumentException("ROI is undefined for a cost that is not positive: cost = "
                    + cost.toPlainString());
        }
        return gain.subtract(cost).divide(cost, MathContext.DECIMAL128).stripTrailingZeros();
    }

    /**
     * Returns {@code (gain - cost) / cost} for amounts in one currency.
     *
     * @param gain what the investment returned, not null
     * @param cost what it cost, positive, same currency, not null
     * @return the ROI as a fraction, never null
     * @throws io.crmkit.core.CurrencyMismatchException if the currencies differ
     * @throws IllegalArgumentException if the cost is zero or negative
     */
    public static BigDecimal of(Money gain, Money cost) {
        Checks.notNull(gain, "gain");
        Checks.notNull(cost, "cost");
        gain.requireSameCurrency(cost, "ROI");
        return of(gain.amount(), cost.amount());
    }
}
