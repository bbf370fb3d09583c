package io.crmkit.metrics.clv;

import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Gamma;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.apache.commons.numbers.gamma.Trigamma;

/**
 * Log-space special functions. Log-gamma, digamma and trigamma come from Apache Commons Numbers;
 * this class adds the log-beta of possibly large arguments, the gamma function's sign and log
 * magnitude for negative non-integers, log-sum-exp and the upper incomplete gamma function of any
 * real order (needed for Tricomi's confluent hypergeometric function in the Pareto/NBD DERT).
 *
 * <p>Stateless and thread-safe.
 */
final class Special {

    private Special() {
    }

    /**
     * Returns {@code ln Gamma(x)} for {@code x > 0}.
     *
     * @param x the argument, positive
     * @return the log-gamma
     */
    public static double lnGamma(double x) {
        return LogGamma.value(x);
    }

    /**
     * Returns the digamma function {@code psi(x)}.
     *
     * @param x the argument
     * @return the digamma
     */
    public static double digamma(double x) {
        return Digamma.value(x);
    }

    /**
     * Returns the trigamma function {@code psi'(x)}.
     *
     * @param x the argument
     * @return the trigamma
     */
    public static double trigamma(double x) {
        return Trigamma.value(x);
    }

    /**
     * Returns {@code ln B(a, b)} for positive arguments, as a sum of log-gammas (accurate enough
     * for the likelihoods here, where the differences of such terms are what matters).
     *
     * @param a the first argument, positive
     * @param b the second argument, positive
     * @return the log-beta
     */
    public static double lnBeta(double a, double b) {
        return LogGamma.value(a) + LogGamma.value(b) - LogGamma.value(a + b);
    }

    /**
     * Returns {@code ln |Gamma(x)|} for any real {@code x} that is not a non-positive integer.
     *
     * @param x the argument
     * @return the log of the magnitude
     */
    public static double lnAbsGamma(double x) {
        if (x > 0) {
            return LogGamma.value(x);
        }
        // reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x)
        return Math.log(Math.PI / Math.abs(sinPi(x))) - LogGamma.value(1 - x);
    }

    /**
     * Returns the sign of {@code Gamma(x)}: +1 for positive {@code x}, alternating on the negative
     * intervals.
     *
     * @param x the argument, not a non-positive integer
     * @return +1 or -1
     */
    public static double signGamma(double x) {
        if (x > 0) {
            return 1;
        }
        return Math.floor(x) % 2 == 0 ? 1 : -1;
    }

    /**
     * Returns {@code sin(pi x)} with exact zeros at the integers.
     *
     * @param x the argument
     * @return the sine
     */
    static double sinPi(double x) {
        double r = x - 2 * Math.floor(x / 2); // in [0, 2)
        if (r == 0 || r == 1) {
            return 0;
        }
        return Math.sin(Math.PI * r);
    }

    /**
     * Returns {@code ln(exp(a) + exp(b))} without overflow.
     *
     * @param a a log value, may be negative infinity
     * @param b a log value, may be negative infinity
     * @return the log of the sum
     */
    public static double logAddExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
    }

    /**
     * Returns {@code ln(exp(a) - exp(b))} for {@code a >= b}.
     *
     * @param a the larger log value
     * @param b the smaller log value
     * @return the log of the difference, negative infinity when they are equal
     */
    public static double logSubExp(double a, double b) {
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double d = b - a;
        return d > -0.6931471805599453 ? a + Math.log(-Math.expm1(d)) : a + Math.log1p(-Math.exp(d));
    }

    /**
     * Returns {@code ln Gamma(a, z)}, the log of the upper incomplete gamma function, for any real
     * order {@code a} (negative included) and {@code z > 0}.
     *
     * @param a the order, any finite real
     * @param z the lower limit, positive
     * @return the log of {@code int_z^inf t^(a-1) e^(-t) dt}
     */
    public static double lnUpperIncompleteGamma(double a, double z) {
        if (!(z > 0)) {
            throw new IllegalArgumentException("z must be positive: " + z);
        }
        if (a > 0) {
            double q = RegularizedGamma.Q.value(a, z);
            if (q > 1e-300) {
                return LogGamma.value(a) + Math.log(q);
            }
            return lnUpperIncompleteGammaCf(a, z);
        }
        if (z >= 1.0) {
            return lnUpperIncompleteGammaCf(a, z);
        }
        // a <= 0 and z < 1: raise the order by upward recurrence from a + m > 0,
        // Gamma(a, z) = (Gamma(a + 1, z) - z^a e^-z) / a, each step exact in sign
        int m = (int) Math.ceil(-a) + 1;
        double top = a + m;
        double g = Math.exp(lnUpperIncompleteGamma(top, z));
        for (int k = m - 1; k >= 0; k--) {
            double order = a + k;
            if (order == 0) {
                throw new ArithmeticException("incomplete gamma of non-positive integer order " + a
                        + " is not supported");
            }
            g = (g - Math.exp(order * Math.log(z) - z)) / order;
        }
        if (!(g > 0)) {
            throw new ArithmeticException("upper incomplete gamma lost precision at a=" + a + ", z=" + z);
        }
        return Math.log(g);
    }

    /** Legendre's continued fraction, modified Lentz; converges for z > 0 and any real a. */
    private static double lnUpperIncompleteGammaCf(double a, double z) {
        double tiny = 1e-300;
        double b = z + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 100_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                return a * Math.log(z) - z + Math.log(h);
            }
        }
        throw new ArithmeticException("incomplete gamma continued fraction did not converge at a=" + a + ", z=" + z);
    }

    /**
     * Returns {@code Gamma(x)}.
     *
     * @param x the argument
     * @return the gamma function
     */
    public static double gamma(double x) {
        return Gamma.value(x);
    }
}
