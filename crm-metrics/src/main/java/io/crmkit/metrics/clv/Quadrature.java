package io.crmkit.metrics.clv;

import java.util.function.DoubleUnaryOperator;

/**
 * Adaptive Gauss-Legendre quadrature: each interval is integrated with 10 and 20 nodes and halved
 * until the two agree. Nodes are computed once by Newton's method on the Legendre polynomials.
 *
 * <p>Stateless and thread-safe.
 */
final class Quadrature {

    private static final double[][] G10 = gaussLegendre(10);
    private static final double[][] G20 = gaussLegendre(20);

    private Quadrature() {
    }

    /**
     * Integrates {@code f} over {@code [lo, hi]} to a relative tolerance.
     *
     * @param f the integrand, finite on the open interval
     * @param lo the lower limit
     * @param hi the upper limit, not below {@code lo}
     * @param relTol the relative tolerance, positive
     * @return the integral
     * @throws ArithmeticException if the integrand is not finite at a node or the tolerance is not
     *     reached within the subdivision budget
     */
    public static double integrate(DoubleUnaryOperator f, double lo, double hi, double relTol) {
        double whole = rule(f, lo, hi, G20);
        return adapt(f, lo, hi, whole, relTol, Math.abs(whole), 0);
    }

    /**
     * Integrates {@code f} over {@code [0, infinity)} by the substitution {@code v = s / (1 - s)}.
     *
     * @param f the integrand, decaying fast enough to be integrable
     * @param relTol the relative tolerance, positive
     * @return the integral
     */
    public static double integrateToInfinity(DoubleUnaryOperator f, double relTol) {
        return integrate(s -> {
            double om = 1 - s;
            double v = s / om;
            double y = f.applyAsDouble(v);
            return y == 0 ? 0 : y / (om * om);
        }, 0, 1, relTol);
    }

    private static double adapt(DoubleUnaryOperator f, double lo, double hi, double whole, double relTol,
            double scale, int depth) {
        double coarse = rule(f, lo, hi, G10);
        if (Math.abs(whole - coarse) <= relTol * Math.max(scale, Double.MIN_NORMAL) || depth > 40
                || Math.abs(whole - coarse) <= 1e-300) {
            if (depth > 40) {
                throw new ArithmeticException("quadrature did not reach the tolerance on [" + lo + ", " + hi + "]");
            }
            return whole;
        }
        double mid = 0.5 * (lo + hi);
        double left = rule(f, lo, mid, G20);
        double right = rule(f, mid, hi, G20);
        double s = Math.max(scale, Math.abs(left + right));
        return adapt(f, lo, mid, left, relTol, s, depth + 1) + adapt(f, mid, hi, right, relTol, s, depth + 1);
    }

    private static double rule(DoubleUnaryOperator f, double lo, double hi, double[][] g) {
        double half = 0.5 * (hi - lo);
        double mid = 0.5 * (hi + lo);
        double sum = 0;
        for (int i = 0; i < g[0].length; i++) {
            double y = f.applyAsDouble(mid + half * g[0][i]);
            if (!Double.isFinite(y)) {
                throw new ArithmeticException("integrand is not finite at " + (mid + half * g[0][i]));
            }
            sum += g[1][i] * y;
        }
        return sum * half;
    }

    /**
     * Returns the nodes and weights of the n-point Gauss-Legendre rule on {@code [-1, 1]}.
     *
     * @param n the number of nodes, at least 1
     * @return {@code {nodes, weights}}, new arrays in ascending node order
     */
    public static double[][] gaussLegendre(int n) {
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p1 = 1;
                double p2 = 0;
                for (int j = 1; j <= n; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
                }
                dp = n * (z * p1 - p2) / (z * z - 1);
                double z1 = z;
                z = z1 - p1 / dp;
                if (Math.abs(z - z1) < 1e-16) {
                    break;
                }
            }
            x[i] = -z;
            x[n - 1 - i] = z;
            w[i] = 2 / ((1 - z * z) * dp * dp);
            w[n - 1 - i] = w[i];
        }
        return new double[][] {x, w};
    }
}
