package io.crmkit.metrics.clv;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} for real parameters and real
 * {@code z < 1} (and {@code z = 1} when {@code c - a - b > 0}).
 *
 * <p>Method, chosen by region:
 * <ul>
 *   <li>{@code z < 0}: Pfaff's transformation {@code (1 - z)^-a 2F1(a, c - b; c; z / (z - 1))}
 *       (or its twin in {@code b}), which maps to {@code [0, 1)};</li>
 *   <li>{@code 0 <= z <= 1/2}: the power series, summed with running rescaling so that terms of
 *       any magnitude (large parameters, thousands of purchases) neither overflow nor underflow;
 *       the result is carried as a logarithm and a sign;</li>
 *   <li>{@code 1/2 < z <= 0.9} with {@code a, b, c > 0} and either {@code c - a - b >= 0} or
 *       {@code c - a, c - b > 0}: the power series (in Euler's form when {@code c - a - b < 0}),
 *       whose terms are all positive;</li>
 *   <li>otherwise, for {@code 1/2 < z < 1}: the linear transformation to {@code 1 - z} (Abramowitz and Stegun
 *       15.3.6), whose two series converge fast, when {@code c - a - b} is not within 1e-5 of an
 *       integer, neither {@code c - a} nor {@code c - b} is within {@link #POLE_DISTANCE} of a
 *       non-positive integer (a pole of the Gamma factors, where the two terms are large and
 *       cancel; unless {@code 1 - z < 1e-5}, where the series would be too long), the parameters are moderate and the two terms do not cancel otherwise; else the
 *       power series (in Euler's form when {@code c - a - b < 0}), which converges for every
 *       {@code z < 1}, with a term budget.</li>
 * </ul>
 * A terminating series (a or b a non-positive integer) is summed exactly. A non-positive integer
 * {@code c} (a pole) is rejected.
 *
 * <p>Stateless and thread-safe.
 */
final class Hypergeometric {

    private static final double EPS = 1e-17;
    private static final double BIG = 1e250;
    private static final double LN_BIG = Math.log(BIG);
    private static final long MAX_TERMS = 20_000_000L;
    /** Distance from a pole of Gamma within which {@code c - a} or {@code c - b} rules out the 1 - z transformation. */
    static final double POLE_DISTANCE = 0.05;
    /** The 1 - z transformation is skipped near a pole only for 1 - z at least this (the series' cost). */
    static final double SERIES_MIN_DISTANCE = 1e-5;
    /** Up to this z the power series is preferred to the 1 - z transformation when all its terms are positive. */
    static final double POSITIVE_SERIES_Z = 0.9;

    private Hypergeometric() {
    }

    /**
     * Returns {@code 2F1(a, b; c; z)}.
     *
     * @param a the first numerator parameter, finite
     * @param b the second numerator parameter, finite
     * @param c the denominator parameter, finite, not a non-positive integer
     * @param z the argument, at most 1 ({@code z = 1} only when {@code c - a - b > 0})
     * @return the value, finite
     * @throws IllegalArgumentException if an argument is outside the domain
     * @throws ArithmeticException if the value overflows a double or the series does not converge
     */
    public static double hyp2f1(double a, double b, double c, double z) {
        double[] v = lnHyp2f1Signed(a, b, c, z);
        double r = v[1] * Math.exp(v[0]);
        if (Double.isInfinite(r)) {
            throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") overflows a double");
        }
        return r;
    }

    /**
     * Returns {@code ln 2F1(a, b; c; z)} for a positive value (for example when
     * {@code a, b, c > 0} and {@code 0 <= z < 1}, where every term of the series is positive).
     *
     * @param a the first numerator parameter
     * @param b the second numerator parameter
     * @param c the denominator parameter
     * @param z the argument
     * @return the natural logarithm of the value
     * @throws ArithmeticException if the value is not positive
     */
    public static double lnHyp2f1(double a, double b, double c, double z) {
        double[] v = lnHyp2f1Signed(a, b, c, z);
        if (v[1] <= 0) {
            throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") is not positive");
        }
        return v[0];
    }

    /**
     * Returns {@code {ln |2F1(a, b; c; z)|, sign}}; the sign is 0 when the value is 0.
     *
     * @param a the first numerator parameter
     * @param b the second numerator parameter
     * @param c the denominator parameter
     * @param z the argument
     * @return a new two-element array
     */
    public static double[] lnHyp2f1Signed(double a, double b, double c, double z) {
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("2F1 arguments must be finite: a=" + a + ", b=" + b + ", c=" + c
                    + ", z=" + z);
        }
        if (c <= 0 && c == Math.rint(c)) {
            throw new IllegalArgumentException("2F1 has a pole at non-positive integer c=" + c);
        }
        if (z > 1) {
            throw new IllegalArgumentException("2F1 is only supported for z <= 1, got z=" + z);
        }
        if (z == 0 || a == 0 || b == 0) {
            return new double[] {0, 1};
        }
        if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
            return series(a, b, c, z);
        }
        if (z == 1) {
            return gaussAtOne(a, b, c);
        }
        if (z < 0) {
            double w = z / (z - 1);
            double ln1mz = Math.log1p(-z);
            if (isNonPositiveInteger(c - a) && !isNonPositiveInteger(c - b)) {
                double[] inner = lnHyp2f1Signed(c - a, b, c, w);
                return new double[] {inner[0] - b * ln1mz, inner[1]};
            }
            double[] inner = lnHyp2f1Signed(a, c - b, c, w);
            return new double[] {inner[0] - a * ln1mz, inner[1]};
        }
        if (z <= 0.5) {
            return series(a, b, c, z);
        }
        double m = c - a - b;
        if (z <= POSITIVE_SERIES_Z && a > 0 && b > 0 && c > 0 && (m >= 0 || c - a > 0 && c - b > 0)) {
            // every term of the series (in Euler's form when m < 0) is positive: exact to rounding,
            // and short at this z, where the transformation to 1 - z can lose digits to its two
            // terms' cancellation (1e-10 of the value with b = 20, z = 0.6)
            return m >= 0 ? series(a, b, c, z) : euler(a, b, c, z);
        }
        boolean moderate = Math.max(Math.abs(a), Math.max(Math.abs(b), Math.abs(c))) <= 200;
        // The transformation to 1 - z divides by Gamma(c - a) Gamma(c - b): near a pole of either
        // its two terms are large multiples of that small distance and cancel to the value, so
        // it loses as many digits as the distance has below 1 (1e-10 of the value at a distance
        // of 1e-8, issue 21). There the value comes from the series below, which has no Gamma
        // factors: near c - b = -n it is (1 - z)^(c-a-b) times a polynomial of degree n plus
        // terms that carry the small distance as a factor. Only while the series stays within
        // its term budget (about 40 / (1 - z) terms): closer to z = 1 the transformation remains.
        boolean pole = (nearPole(c - a) || nearPole(c - b)) && 1 - z >= SERIES_MIN_DISTANCE;
        if (moderate && Math.abs(m - Math.rint(m)) > 1e-5 && !pole) {
            double[] t = oneMinusZ(a, b, c, z);
            if (t != null) {
                return t;
            }
        }
        if (m < 0) {
            // Euler: 2F1(a, b; c; z) = (1 - z)^(c - a - b) 2F1(c - a, c - b; c; z). The terms of the
            // series on the left grow like k^(-m - 1) z^k before they fall, so near z = 1 it needs
            // about -m / (1 - z) terms (billions for a heavy buyer far ahead); those on the right
            // fall like k^(m - 1) z^k from the start.
            return euler(a, b, c, z);
        }
        return series(a, b, c, z);
    }

    /** Euler's transformation: {@code (1 - z)^(c - a - b) 2F1(c - a, c - b; c; z)}. */
    private static double[] euler(double a, double b, double c, double z) {
        double[] t = series(c - a, c - b, c, z);
        return new double[] {t[0] + (c - a - b) * Math.log1p(-z), t[1]};
    }

    /**
     * Whether {@code x} lies within {@link #POLE_DISTANCE} of a non-positive integer (a pole of
     * Gamma), where the transformation to {@code 1 - z} cancels.
     */
    static boolean nearPole(double x) {
        return x < 0.5 && Math.abs(x - Math.rint(x)) < POLE_DISTANCE;
    }

    static boolean isNonPositiveInteger(double x) {
        return x <= 0 && x == Math.rint(x);
    }

    /** Gauss: 2F1(a, b; c; 1) = Gamma(c) Gamma(c - a - b) / (Gamma(c - a) Gamma(c - b)). */
    private static double[] gaussAtOne(double a, double b, double c) {
        double m = c - a - b;
        if (!(m > 0)) {
            throw new IllegalArgumentException("2F1 diverges at z=1 unless c - a - b > 0, got c - a - b = " + m);
        }
        if (isNonPositiveInteger(c - a) || isNonPositiveInteger(c - b)) {
            return new double[] {Double.NEGATIVE_INFINITY, 0};
        }
        double ln = Special.lnAbsGamma(c) + Special.lnAbsGamma(m) - Special.lnAbsGamma(c - a)
                - Special.lnAbsGamma(c - b);
        double sign = Special.signGamma(c) * Special.signGamma(c - a) * Special.signGamma(c - b);
        return new double[] {ln, sign};
    }

    /**
     * Abramowitz and Stegun 15.3.6. Returns null when the two terms cancel too much to trust.
     */
    private static double[] oneMinusZ(double a, double b, double c, double z) {
        double m = c - a - b;
        double y = 1 - z;
        double lnY = Math.log1p(-z);
        // term 1: Gamma(c) Gamma(m) / (Gamma(c-a) Gamma(c-b)) 2F1(a, b; 1 - m; y)
        double ln1 = Double.NEGATIVE_INFINITY;
        double s1 = 0;
        if (!isNonPositiveInteger(c - a) && !isNonPositiveInteger(c - b)) {
            double[] f = series(a, b, 1 - m, y);
            ln1 = Special.lnAbsGamma(c) + Special.lnAbsGamma(m) - Special.lnAbsGamma(c - a)
                    - Special.lnAbsGamma(c - b) + f[0];
            s1 = Special.signGamma(c) * Special.signGamma(m) * Special.signGamma(c - a) * Special.signGamma(c - b)
                    * f[1];
        }
        // term 2: y^m Gamma(c) Gamma(-m) / (Gamma(a) Gamma(b)) 2F1(c - a, c - b; 1 + m; y)
        double[] f2 = series(c - a, c - b, 1 + m, y);
        double ln2 = m * lnY + Special.lnAbsGamma(c) + Special.lnAbsGamma(-m) - Special.lnAbsGamma(a)
                - Special.lnAbsGamma(b) + f2[0];
        double s2 = Special.signGamma(c) * Special.signGamma(-m) * Special.signGamma(a) * Special.signGamma(b)
                * f2[1];
        double big = Math.max(ln1, ln2);
        double v = s1 * Math.exp(ln1 - big) + s2 * Math.exp(ln2 - big);
        if (v == 0 || Math.abs(v) < 1e-6) {
            return null; // catastrophic cancellation: let the caller sum the power series instead
        }
        return new double[] {big + Math.log(Math.abs(v)), Math.signum(v)};
    }

    /**
     * Sums the power series with rescaling; returns {ln |sum|, sign}.
     */
    static double[] series(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        double lnScale = 0;
        double compensation = 0;
        boolean terminating = isNonPositiveInteger(a) || isNonPositiveInteger(b);
        for (long k = 0; k < MAX_TERMS; k++) {
            double ak = a + k;
            double bk = b + k;
            if (ak == 0 || bk == 0) {
                break;
            }
            term *= ak * bk / ((c + k) * (k + 1)) * z;
            // Neumaier's compensated sum: near z = 1 the series adds up hundreds of thousands of
            // terms, whose rounding would otherwise reach 1e-12 of the value
            double next = sum + term;
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - next) + term : (term - next) + sum;
            sum = next;
            double at = Math.abs(term);
            if (at > BIG || Math.abs(sum) > BIG) {
                term /= BIG;
                sum /= BIG;
                compensation /= BIG;
                lnScale += LN_BIG;
            } else if (at < 1e-280 && Math.abs(sum) < 1e-200) {
                term *= BIG;
                sum *= BIG;
                compensation *= BIG;
                lnScale -= LN_BIG;
            }
            if (!terminating && at <= EPS * Math.abs(sum) && ak > 0 && bk > 0 && c + k > 0) {
                double ratio = Math.abs((ak + 1) * (bk + 1) / ((c + k + 1) * (k + 2)) * z);
                if (ratio < 1) {
                    sum += compensation;
                    return new double[] {Math.log(Math.abs(sum)) + lnScale, Math.signum(sum)};
                }
            }
            if (term == 0 && sum != 0 && at == 0) {
                break;
            }
        }
        if (!terminating && sum != 0 && Math.abs(term) > EPS * Math.abs(sum)) {
            throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z
                    + ") series did not converge within " + MAX_TERMS + " terms");
        }
        sum += compensation;
        if (sum == 0) {
            return new double[] {Double.NEGATIVE_INFINITY, 0};
        }
        return new double[] {Math.log(Math.abs(sum)) + lnScale, Math.signum(sum)};
    }
}
