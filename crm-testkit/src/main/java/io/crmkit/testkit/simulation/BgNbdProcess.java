package io.crmkit.testkit.simulation;

import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.internal.Checks;

/**
 * The parameters of the BG/NBD purchase process (Fader, Hardie and Lee, 2005) that the simulator
 * draws from: while alive a customer buys as a Poisson process with rate {@code lambda}, which
 * varies across customers as Gamma(shape {@code r}, rate {@code alpha}); after each repeat purchase
 * the customer drops out with probability {@code p}, which varies as Beta({@code a}, {@code b}).
 * Rates are per {@code unit}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param r the shape of the purchase-rate distribution, positive
 * @param alpha the rate (inverse scale) of the purchase-rate distribution, positive, per unit
 * @param a the first shape of the drop-out distribution, positive
 * @param b the second shape of the drop-out distribution, positive
 * @param unit the time unit of {@code alpha}, not null
 */
public record BgNbdProcess(double r, double alpha, double a, double b, PeriodUnit unit) {

    /**
     * The published estimates on the CDNOW sample, in weeks: r = 0.243, alpha = 4.414, a = 0.793,
     * b = 2.426 (Fader, Hardie and Lee, 2005).
     */
    public static final BgNbdProcess CDNOW = new BgNbdProcess(0.243, 4.414, 0.793, 2.426, PeriodUnit.WEEKS);

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if a parameter is not a positive finite number
     * @throws NullPointerException if the unit is null
     */
    public BgNbdProcess {
        positive(r, "r");
        positive(alpha, "alpha");
        positive(a, "a");
        positive(b, "b");
        Checks.notNull(unit, "unit");
    }

    static void positive(double value, String field) {
        if (!(Checks.finite(value, field) > 0)) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
    }
}
