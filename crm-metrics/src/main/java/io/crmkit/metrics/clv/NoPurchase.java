package io.crmkit.metrics.clv;


/**
 * The probability that a customer with history {@code (x, t_x, T)} makes no transaction in
 * {@code (T, T + t]}: {@code P(X(T, T + t] = 0 | x, t_x, T) = 1 - P(alive) + P(alive) P(none | alive)}.
 * Given alive at {@code T}, the purchase rate's posterior is {@code Gamma(r + x, alpha + T)} under
 * every model of the family (the alive component of each likelihood is {@code lambda^x e^(-lambda T)}
 * times terms free of {@code lambda}).
 * <ul>
 *   <li>BG/NBD, MBG/NBD, NBD: drop-out happens only right after a purchase, so an alive customer
 *       who makes no purchase stays alive: {@code P(none | alive) = ((alpha + T) / (alpha + T + t))^(r + x)}.</li>
 *   <li>Pareto/NBD: given alive, the remaining lifetime is exponential with rate {@code mu}, whose
 *       posterior is {@code Gamma(s, beta + T)} independent of {@code lambda}. The first purchase
 *       after {@code T} falls at {@code T + v} with density {@code lambda e^(-lambda v)} if the
 *       customer is still alive then ({@code e^(-mu v)}), so
 *       {@code P(some | alive) = int_0^t E[lambda e^(-lambda v)] E[e^(-mu v)] dv
 *       = int_0^t (a1 / b1) (b1 / (b1 + v))^(a1 + 1) (b2 / (b2 + v))^s dv} with
 *       {@code a1 = r + x, b1 = alpha + T, b2 = beta + T}. With {@code z = a1 ln(1 + v / b1)}
 *       this is {@code int_0^Z e^(-z) m(z) dz}, {@code m(z) = (1 + (b1 / b2) (e^(z / a1) - 1))^(-s)},
 *       {@code Z = a1 ln(1 + t / b1)}: {@code m} is smooth, decreasing and at most 1 (so the result
 *       is at most the NBD's {@code 1 - e^(-Z)}), integrated by adaptive Gauss-Legendre to 1e-10.
 *       The range is cut at {@code z = }{@value #Z_CUT}: as {@code m} decreases, the part beyond a
 *       cut {@code c} is at most {@code e^(-c) m(c)} and the part before it at least
 *       {@code (1 - e^(-c)) m(c)}, so the cut changes the result by less than 5e-18 of itself.
 *       (In the variable {@code w = 1 - e^(-z)}, used before, the integrand behaves like
 *       {@code (1 - w)^(s / a1)} near {@code w = 1}, and the quadrature took about 750 evaluations
 *       where it now takes about 100.)</li>
 * </ul>
 * Internal; stateless and thread-safe.
 */
final class NoPurchase {

    private NoPurchase() {
    }

    /** P(no purchase in (T, T + t] | alive) for a Gamma(a1, b1) rate and no drop-out while not buying. */
    static double noneIfAliveBg(double a1, double b1, double t) {
        if (t == 0) {
            return 1;
        }
        return Math.exp(-a1 * Math.log1p(t / b1));
    }

    /** P(some purchase in (T, T + t] | alive) under Pareto/NBD; see the class comment. */
    static double someIfAlivePareto(double a1, double b1, double s, double b2, double t) {
        if (t == 0) {
            return 0;
        }
        double z = a1 * Math.log1p(t / b1);
        double upper = -Math.expm1(-z);
        if (upper <= 0) {
            return 0;
        }
        double c = b1 / b2;
        double q = Quadrature.integrate(u -> Math.exp(-u - s * Math.log1p(c * Math.expm1(u / a1))), 0,
                Math.min(z, Z_CUT), 1e-10);
        return Math.min(upper, Math.max(0, q));
    }

    /** Where the integral of {@link #someIfAlivePareto} is cut (see the class comment). */
    static final double Z_CUT = 40;

    /** Combines P(alive) with P(none | alive), clamped to [0, 1]. */
    static double combine(double alive, double noneIfAlive) {
        double p = 1 - alive + alive * noneIfAlive;
        return Math.min(1, Math.max(0, p));
    }
}
