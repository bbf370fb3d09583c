package io.crmkit.metrics.clv;


/**
 * The formulas of the Pareto/NBD model (Schmittlein, Morrison and Colombo 1987) in the form of
 * Fader and Hardie's note "Deriving an expression for P(X(t) = x) under the Pareto/NBD model" and
 * "A note on deriving the Pareto/NBD model and related expressions" (2005), in log space, with an
 * analytic gradient: the hypergeometric series {@code 2F1(a, b; a + 1; z)} and its derivatives in
 * {@code a}, {@code b} and {@code z} are summed in one pass.
 */
final class ParetoNbdMath {

    private static final double BIG = 1e250;
    private static final double LN_BIG = Math.log(BIG);

    private ParetoNbdMath() {
    }

    /**
     * ln 2F1(a, b; a + 1; z) for a, b > 0, 0 <= z < 1, and when {@code d} is not null the
     * derivatives of that log in a, b and z into d[0..2]. Summed in Euler's form
     * {@code 2F1(a, b; a + 1; z) = (1 - z)^(1 - b) 2F1(1, a + 1 - b; a + 1; z)} (DLMF 15.8.1), whose
     * terms {@code (a + 1 - b)_k / (a + 1)_k z^k} are positive and shrink by less than z from the
     * first: a heavy buyer's large {@code b = r + x} makes them vanish within a few terms. The
     * caller passes {@code 1 - z} computed without cancellation (z close to 1 is where it matters).
     */
    static double lnSeries(double a, double b, double z, double oneMinusZ, double[] d) {
        if (z == 0) {
            if (d != null) {
                d[0] = 0;
                d[1] = 0;
                d[2] = a * b / (a + 1);
            }
            return 0;
        }
        double ln1mz = Math.log(oneMinusZ);
        double term = 1;
        double sum = 1;
        double sa = 0;
        double sb = 0;
        double sk = 0;
        double hb = 0; // sum_{j<=k} 1/(a - b + j)
        double ha = 0; // sum_{j<=k} 1/(a + j)
        double geometric = z / oneMinusZ;
        for (int k = 1; k < 50_000_000; k++) {
            term *= (a - b + k) / (a + k) * z;
            sum += term;
            if (d != null) {
                hb += 1 / (a - b + k);
                ha += 1 / (a + k);
                sa += term * (hb - ha);
                sb -= term * hb;
                sk += term * k;
            }
            if (term * tailBound(a, b, k, geometric) <= 1e-17 * sum) {
                break;
            }
        }
        if (d != null) {
            d[0] = sa / sum;
            d[1] = sb / sum - ln1mz;
            d[2] = sk / sum / z + (b - 1) / oneMinusZ;
        }
        return (1 - b) * ln1mz + Math.log(sum);
    }

    /** Series terms above which {@link #lnTail} is preferred where it applies. */
    static final double SERIES_BUDGET = 300;
    /** The expansion's ratio bound: terms shrink at least this fast. */
    private static final double TAIL_RATIO = 0.8;
    private static final int TAIL_MAX_TERMS = 400;
    /** 1 / k for the expansion's terms (INVERSE[0] unused). */
    private static final double[] INVERSE = new double[TAIL_MAX_TERMS];

    static {
        for (int k = 1; k < TAIL_MAX_TERMS; k++) {
            INVERSE[k] = 1.0 / k;
        }
    }

    /**
     * A bound on the rest of Euler's series after its term k, as a multiple of that term: the
     * term ratios {@code (a - b + j) z / (a + j)} grow towards z, so the rest is at most
     * {@code z / (1 - z)} times the term; for {@code b > 1} they are also at most
     * {@code (1 - 1 / (a + j))^b}, so the rest is at most about {@code (a + k + 1) / (b - 1)} times it.
     */
    static double tailBound(double a, double b, int k, double geometric) {
        return b > 1 ? Math.min(geometric, (a + k + 1) / (b - 1)) : geometric;
    }

    /**
     * An upper bound on the terms {@link #lnSeries} needs for {@code 2F1(a, b; a + 1; z)}: its
     * k-th term is below {@code z^k} and, roughly, below {@code (1 + k / (a + 1))^-b}, so it has
     * fallen by e^-45 (1e-17 of the first, with room for the tail bound) once either has: the fewer
     * of {@code 45 / -ln z} and {@code (a + 1)(e^(45 / b) - 1)} terms.
     */
    static double seriesCost(double a, double b, double z, double oneMinusZ) {
        return z == 0 ? 1 : Math.min(geometricCost(oneMinusZ), powerCost(a, b));
    }

    /** The bound of {@link #seriesCost} from the terms' factor z alone. */
    static double geometricCost(double oneMinusZ) {
        return 45 / -Math.log1p(-oneMinusZ);
    }

    /** The bound of {@link #seriesCost} from the coefficients' decay alone: the same for every z. */
    static double powerCost(double a, double b) {
        return b > 0.5 ? (a + 1) * Math.expm1(45 / b) : Double.POSITIVE_INFINITY;
    }

    /**
     * {@code 1 - z} below which {@link #geometricCost} exceeds {@link #SERIES_BUDGET} (it falls
     * as {@code 1 - z} grows): a series is too long where {@code 0 < 1 - z < } this and
     * {@link #powerCost} exceeds the budget too.
     */
    static final double GEOMETRIC_LIMIT = -Math.expm1(-45 / SERIES_BUDGET);

    /**
     * {@code ln(s J)} with {@code J = integral over (t_x, T) of (alpha + u)^-(r + x) (beta + u)^-(s + 1) du},
     * the likelihood's drop-out term (Fader and Hardie's {@code (s / (r + s + x)) A_0}), by a
     * binomial expansion of the factor whose offset is far larger than the other's plus {@code T}:
     * with {@code A} the smaller and {@code B} the larger of alpha and beta, {@code D = B - A},
     * {@code X = A + t_x} and {@code L = ln((A + T) / X)},
     * {@code J = D^-Q X^(1-P) sum_k (-1)^k (Q)_k / k! (X / D)^k G(k - P + 1)} with
     * {@code G(e) = expm1(e L) / e}, where {@code P} and {@code Q} are the exponents of the near
     * and far factor. The terms come from products alone (near {@code e L = 0} from the series of
     * G), so nothing cancels but the alternating sum, whose ratio is at most 1/2. This is where the hypergeometric series
     * needs {@code 1 / (1 - z)} terms, z close to 1 (a drop-out or purchase rate scale far beyond
     * the observation time); here it takes at most a few dozen.
     *
     * <p>Returns NaN when the expansion does not apply ({@code (A + T) / D > 1/2}, or a far
     * exponent times that ratio above 1, where the alternating terms would cancel), or when
     * {@code t_x = T} (no drop-out term); {@link #lnTailQuadrature} applies everywhere. With {@code grad} not null, writes the
     * gradient of the result in (r, alpha, s, beta) into it.
     */
    static double lnTail(double r, double alpha, double s, double beta, int x, double tx, double bigT,
            double[] grad) {
        return lnTail(r, alpha, s, beta, x, tx, bigT, grad, false);
    }

    /**
     * {@link #lnTail}, plus {@code s ln(beta)} when {@code shifted}: that sum is formed without
     * the two large terms {@code s ln(beta)} and {@code -s ln(beta - alpha)} (or
     * {@code -s ln(beta + t_x)}), as {@code -s log1p(-alpha/beta)} (or {@code -s log1p(t_x/beta)}),
     * so it keeps its absolute precision where s and beta run away together. The gradient written
     * is that of {@link #lnTail} in either case.
     */
    static double lnTail(double r, double alpha, double s, double beta, int x, double tx, double bigT,
            double[] grad, boolean shifted) {
        if (!(tx < bigT) || !expansionApplies(r, alpha, s, beta, x, bigT)) {
            return Double.NaN;
        }
        boolean betaFar = beta > alpha;
        double a = betaFar ? alpha : beta;
        double d = betaFar ? beta - alpha : alpha - beta;
        double near = betaFar ? r + x : s + 1;
        double far = betaFar ? s + 1 : r + x;
        double rho = (a + bigT) / d;
        double bigX = a + tx;
        double lnX = Math.log(bigX);
        double lnD = Math.log(d);
        double rho0 = bigX / d;
        double len = Math.log1p((bigT - tx) / bigX); // L, without cancellation when t_x is close to T
        double dLdA = -(bigT - tx) / ((a + bigT) * bigX);
        // Term k: (-1)^k C_k rho0^k G(e_k), e_k = k - near + 1, with C_k = (far)_k / k! and
        // rho0^k G(e_k) = (Y_k - rho0^k) / e_k, Y_k = rho0^k e^(e_k L) = e^((1 - near) L) rho^k:
        // products only; near e_k = 0, where that difference cancels, the series of G in e_k L.
        double y = Math.exp((1 - near) * len); // Y_0
        double pw = 1; // rho0^k
        double c = 1; // C_k
        double harmonic = 0; // sum_{j<k} 1 / (far + j)
        double sum = 0;
        double sumP = 0;
        double sumQ = 0;
        double sumA = 0;
        double sumB = 0;
        double first = 0;
        double invFirst = 0;
        // per-term constants of the gradient sums, out of the loop (a division costs as much as
        // the rest of a term)
        double invD = 1 / d;
        double perK = 1 / bigX + invD;
        for (int k = 0; k < TAIL_MAX_TERMS; k++) {
            if (k > 0) {
                double inverseFar = 1 / (far + k - 1);
                c *= (far + k - 1) * INVERSE[k];
                harmonic += inverseFar;
                pw *= rho0;
                y *= rho;
            }
            double e = k - near + 1;
            double u = e * len;
            double g; // rho0^k G(e_k)
            double ge; // rho0^k dG/de
            if (Math.abs(u) < 0.1) {
                double series = 1 + u * (1.0 / 2 + u * (1.0 / 6 + u * (1.0 / 24 + u * (1.0 / 120 + u * (1.0 / 720
                        + u * (1.0 / 5040 + u * (1.0 / 40320 + u * (1.0 / 362880 + u * (1.0 / 3628800 + u
                        / 39916800)))))))));
                double dSeries = 1.0 / 2 + u * (1.0 / 3 + u * (1.0 / 8 + u * (1.0 / 30 + u * (1.0 / 144 + u * (1.0
                        / 840 + u * (1.0 / 5760 + u * (1.0 / 45360 + u * (1.0 / 403200 + u * (1.0 / 3991680
                        + u / 43545600)))))))));
                g = pw * len * series;
                ge = pw * len * len * dSeries;
            } else {
                double inverseE = 1 / e;
                g = (y - pw) * inverseE;
                ge = (len * y - g) * inverseE;
            }
            double t = c * g;
            if ((k & 1) == 1) {
                t = -t;
            }
            if (k == 0) {
                first = t;
                invFirst = 1 / first;
            }
            t *= invFirst;
            double sign = (k & 1) == 1 ? -c * invFirst : c * invFirst;
            sum += t;
            if (grad != null) {
                sumP -= sign * ge;
                sumQ += t * harmonic;
                sumA += t * k * perK + sign * y * dLdA;
                sumB -= t * k * invD;
            }
            if (Math.abs(t) <= 1e-17 * Math.abs(sum) && k > 2 * far * rho) {
                break;
            }
            if (k == TAIL_MAX_TERMS - 1) {
                return Double.NaN;
            }
        }
        double lnFirst = Math.log(first);
        if (!(sum > 0)) {
            return Double.NaN;
        }
        double farTerm = -far * lnD;
        double nearTerm = (1 - near) * lnX;
        if (shifted) {
            if (betaFar) {
                farTerm = -s * Math.log1p(-alpha / beta) - lnD; // s ln(beta) - (s + 1) ln(beta - alpha)
            } else {
                nearTerm = -s * Math.log1p(tx / beta); // s ln(beta) - s ln(beta + t_x)
            }
        }
        double lnJ = farTerm + nearTerm + lnFirst + Math.log(sum);
        if (grad != null) {
            double dNear = -lnX + sumP / sum;
            double dFar = -lnD + sumQ / sum;
            double dA = far / d + (1 - near) / bigX + sumA / sum;
            double dB = -far / d + sumB / sum;
            if (betaFar) {
                grad[0] = dNear;
                grad[1] = dA;
                grad[2] = 1 / s + dFar;
                grad[3] = dB;
            } else {
                grad[0] = dFar;
                grad[1] = dB;
                grad[2] = 1 / s + dNear;
                grad[3] = dA;
            }
        }
        return Math.log(s) + lnJ;
    }

    /**
     * Whether {@link #lnTail}'s expansion applies to an interval ending at {@code bigT}:
     * {@code alpha != beta}, {@code rho = (A + T) / (B - A)} at most 0.8 and the far exponent
     * times rho at most 1. Both only grow with {@code T}, so among the ends of one purchase count
     * it applies to those below some {@code T} and to none above.
     */
    static boolean expansionApplies(double r, double alpha, double s, double beta, int x, double bigT) {
        if (alpha == beta) {
            return false;
        }
        boolean betaFar = beta > alpha;
        double rho = ((betaFar ? alpha : beta) + bigT) / (betaFar ? beta - alpha : alpha - beta);
        double far = betaFar ? s + 1 : r + x;
        return rho <= TAIL_RATIO && far * rho <= 1;
    }

    private static final double[][] GAUSS = Quadrature.gaussLegendre(10);
    /** The quadrature stops where the integrand has fallen this far below its maximum (e^-40). */
    private static final double TAIL_DROP = 40;
    private static final int MAX_PANELS = 96;

    /**
     * The same {@code ln(s J)} as {@link #lnTail}, by Gauss-Legendre quadrature (10 nodes per
     * panel) in {@code v = ln(min(alpha, beta) + u)}, measured from {@code t_x} (so that a short
     * interval keeps its length exactly), where the integrand is log-concave: panels
     * start at its maximum and run outwards, at most one unit of {@code v} wide and narrow enough
     * for the log-integrand to change by about 6 across them, until it has fallen by
     * {@value #TAIL_DROP} (below 1e-17 of the maximum) or the interval ends. Every parameter
     * derivative is an integral over the same nodes. The cost is bounded (at most
     * {@value #MAX_PANELS} panels) for every parameter value: this is the fallback where neither
     * the hypergeometric series nor the expansion is cheap. NaN only when {@code t_x = T}.
     */
    static double lnTailQuadrature(double r, double alpha, double s, double beta, int x, double tx, double bigT,
            double[] grad) {
        if (!(tx < bigT)) {
            return Double.NaN;
        }
        double p = r + x;
        double q = s + 1;
        double m0 = Math.min(alpha, beta);
        double da = alpha - m0;
        double db = beta - m0;
        // v = ln(m0 + u) = ln(x0) + w, w from 0 to W: offsets from t_x keep a short interval exact
        double x0 = m0 + tx;
        double lnX0 = Math.log(x0);
        double width = Math.log1p((bigT - tx) / x0);
        double wm = tailPeak(x0, p, s, da, db, width);
        double top = tailPhi(wm, x0, p, q, da, db);
        double[] acc = new double[5];
        int panels = 0;
        for (int dir = 1; dir >= -1; dir -= 2) {
            double a = wm;
            double end = dir > 0 ? width : 0;
            while (dir > 0 ? a < end : a > end) {
                double slope = Math.abs(tailSlope(a, x0, p, q, da, db));
                double step = Math.min(2, 6 / Math.max(slope, 1e-3));
                double b = dir > 0 ? Math.min(end, a + step) : Math.max(end, a - step);
                tailPanel(Math.min(a, b), Math.max(a, b), x0, lnX0, top, p, q, da, db, acc, GAUSS);
                a = b;
                if (++panels >= MAX_PANELS || tailPhi(a, x0, p, q, da, db) < top - TAIL_DROP) {
                    break;
                }
            }
        }
        double sum = acc[0];
        if (grad != null) {
            grad[0] = -acc[1] / sum;
            grad[1] = -p * acc[2] / sum;
            grad[2] = 1 / s - acc[3] / sum;
            grad[3] = -q * acc[4] / sum;
        }
        return Math.log(s) + lnX0 + top + Math.log(sum);
    }

    private static final double[][] GAUSS_SHORT = Quadrature.gaussLegendre(5);
    /**
     * Panels no wider than this over {@code p + q + 1} (a bound on the log-integrand's slope, so
     * it changes by at most this much across them) take the 5-node rule: the integrand is analytic
     * within a Bernstein ellipse of parameter about {@code 4 / 0.05 = 80} around such a panel,
     * where it stays within a factor e of its size on the panel, so the rule's relative error is
     * of order {@code 80^-10 = 1e-19}.
     */
    private static final double SHORT_PANEL = 0.05;

    /**
     * The drop-out terms {@code ln(s J(t_x, T_i))} of {@link #lnTailQuadrature} for one
     * {@code t_x} and the ascending ends {@code ends[from..to)} at once: {@code J(t_x, T_i)} is
     * the sum of the panels from {@code t_x} to {@code T_i}, so one pass upwards from {@code t_x},
     * split at every {@code T_i} (and at the integrand's peak), serves them all, and each value
     * is a sum of positive panel integrals: nothing cancels. The patterns of one purchase count
     * with the same {@code t_x} (every pattern with {@code x = 0}, whose {@code t_x} is 0) share
     * it. The panels follow the rule of {@link #lnTailQuadrature} (at most 2 units of
     * {@code v} wide and about 6 log-units of change, 10 nodes; the 5-node rule on panels short
     * enough, see {@link #SHORT_PANEL}); past the peak the pass stops once the integrand has
     * fallen by {@value #TAIL_DROP}, and the later ends keep the sum reached. Writes NaN where
     * {@code T_i = t_x} (no drop-out term), and with {@code grad} not null the gradient in
     * (r, alpha, s, beta) into {@code grad[0..3][i]}. {@code acc} is scratch of length 5.
     */
    static void lnTailQuadratureRun(double r, double alpha, double s, double beta, int x, double tx, double[] ends,
            int from, int to, double[] out, double[][] grad, double[] acc) {
        double p = r + x;
        double q = s + 1;
        double m0 = Math.min(alpha, beta);
        double da = alpha - m0;
        double db = beta - m0;
        double x0 = m0 + tx;
        double lnX0 = Math.log(x0);
        double lnS = Math.log(s);
        double wm = tailPeak(x0, p, s, da, db, Math.log1p((ends[to - 1] - tx) / x0));
        double top = tailPhi(wm, x0, p, q, da, db);
        double rate = p + q + 1;
        double sure = Math.min(2, 6 / rate); // a step the slope rule allows everywhere
        java.util.Arrays.fill(acc, 0);
        double a = 0;
        boolean negligible = false;
        for (int i = from; i < to; i++) {
            if (!(ends[i] > tx)) {
                out[i] = Double.NaN;
                continue;
            }
            double wi = Math.log1p((ends[i] - tx) / x0);
            while (!negligible && a < wi) {
                double end = a < wm ? Math.min(wi, wm) : wi;
                double b;
                if (end - a <= sure) {
                    b = end;
                } else {
                    double slope = Math.abs(tailSlope(a, x0, p, q, da, db));
                    b = Math.min(end, a + Math.min(2, 6 / Math.max(slope, 1e-3)));
                }
                double last = tailPanel(a, b, x0, lnX0, top, p, q, da, db, acc,
                        (b - a) * rate <= SHORT_PANEL ? GAUSS_SHORT : GAUSS);
                a = b;
                if (a >= wm && last < -TAIL_DROP) {
                    negligible = true;
                }
            }
            double sum = acc[0];
            out[i] = lnS + lnX0 + top + Math.log(sum);
            if (grad != null) {
                grad[0][i] = -acc[1] / sum;
                grad[1][i] = -p * acc[2] / sum;
                grad[2][i] = 1 / s - acc[3] / sum;
                grad[3][i] = -q * acc[4] / sum;
            }
        }
    }

    /**
     * ln of the integrand at {@code v = ln(x0) + w}, Jacobian included, less {@code ln(x0)}:
     * {@code -p ln(da + x0 e^w) - q ln(db + x0 e^w) + w}.
     */
    private static double tailPhi(double w, double x0, double p, double q, double da, double db) {
        double ev = x0 * Math.exp(w);
        return -p * Math.log(da + ev) - q * Math.log(db + ev) + w;
    }

    private static double tailSlope(double w, double x0, double p, double q, double da, double db) {
        double ev = x0 * Math.exp(w);
        return 1 - p * ev / (da + ev) - q * ev / (db + ev);
    }

    /**
     * Where the integrand of {@link #lnTailQuadrature} peaks on {@code [0, width]}. Its log-slope
     * {@code 1 - p e/(da + e) - q e/(db + e)} ({@code e = x0 e^w}) decreases in w, and one of
     * {@code da}, {@code db} is 0, so the zero has a closed form: with {@code da = 0} (alpha the
     * smaller) the slope is {@code (1 - p) - q e/(db + e)}, zero at {@code e = db (1 - p)/(s + p)}
     * when {@code p < 1} ({@code q = s + 1}); otherwise (and with {@code db = 0}, where the slope
     * is below {@code 1 - q < 0}) the integrand falls from {@code w = 0}.
     */
    static double tailPeak(double x0, double p, double s, double da, double db, double width) {
        if (da != 0 || !(db > 0) || !(p < 1)) {
            return 0;
        }
        double w = Math.log(db * (1 - p) / (s + p) / x0);
        return w > 0 ? Math.min(w, width) : 0;
    }

    /**
     * Adds one panel's weights of 1, ln(alpha + u), 1/(alpha + u), ln(beta + u), 1/(beta + u),
     * with the nodes and weights {@code rule}. The factor whose offset is 0 has its logarithm
     * {@code ln(x0) + w} without a call to log. Returns the log-integrand at the last node less
     * {@code top}.
     */
    private static double tailPanel(double lo, double hi, double x0, double lnX0, double top, double p, double q,
            double da, double db, double[] acc, double[][] rule) {
        double half = 0.5 * (hi - lo);
        double mid = 0.5 * (hi + lo);
        double[] nodes = rule[0];
        double[] weights = rule[1];
        double last = 0;
        for (int i = 0; i < nodes.length; i++) {
            double w0 = mid + half * nodes[i];
            double ev = x0 * Math.exp(w0);
            double au = da + ev;
            double bu = db + ev;
            double lnA = da == 0 ? lnX0 + w0 : Math.log(au);
            double lnB = db == 0 ? lnX0 + w0 : Math.log(bu);
            last = -p * lnA - q * lnB + w0 - top;
            double w = weights[i] * half * Math.exp(last);
            acc[0] += w;
            acc[1] += w * lnA;
            acc[2] += w / au;
            acc[3] += w * lnB;
            acc[4] += w / bu;
        }
        return last;
    }

    /**
     * Log-likelihood of one pattern; when {@code g} is not null adds {@code w} times the gradient
     * with respect to (r, alpha, s, beta) into it.
     */
    static double logLikelihood(double r, double alpha, double s, double beta, int x, double tx, double bigT,
            double w, double[] g, double[] scratch) {
        double rx = r + x;
        double a1 = r + s + x;
        double common = Special.lnGamma(rx) - Special.lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
        double lnAT = Math.log(alpha + bigT);
        double lnBT = Math.log(beta + bigT);
        double l1 = -rx * lnAT - s * lnBT;
        boolean alphaLarger = alpha >= beta;
        double m = alphaLarger ? alpha : beta;
        double diff = alphaLarger ? alpha - beta : beta - alpha;
        double b2 = alphaLarger ? s + 1 : rx;
        double zTx = diff / (m + tx);
        if (seriesCost(a1, b2, zTx, ((alphaLarger ? beta : alpha) + tx) / (m + tx)) > SERIES_BUDGET) {
            double[] tg = g == null ? null : new double[4];
            double l2 = lnTail(r, alpha, s, beta, x, tx, bigT, tg);
            if (Double.isNaN(l2)) {
                l2 = lnTailQuadrature(r, alpha, s, beta, x, tx, bigT, tg);
            }
            if (!Double.isNaN(l2)) {
                double lse = Special.logAddExp(l1, l2);
                if (g != null) {
                    double p1 = Math.exp(l1 - lse);
                    double p2 = 1 - p1;
                    g[0] += w * (Special.digamma(rx) - Special.digamma(r) + Math.log(alpha) - p1 * lnAT + p2 * tg[0]);
                    g[1] += w * (r / alpha - p1 * rx / (alpha + bigT) + p2 * tg[1]);
                    g[2] += w * (Math.log(beta) - p1 * lnBT + p2 * tg[2]);
                    g[3] += w * (s / beta - p1 * s / (beta + bigT) + p2 * tg[3]);
                }
                return common + lse;
            }
        }
        double[] dTx = g == null ? null : scratch;
        double[] dT = g == null ? null : new double[3];
        double zT = diff / (m + bigT);
        double near = alphaLarger ? beta : alpha;
        double lnFtx = lnSeries(a1, b2, zTx, (near + tx) / (m + tx), dTx) - a1 * Math.log(m + tx);
        double lnFT = lnSeries(a1, b2, zT, (near + bigT) / (m + bigT), dT) - a1 * Math.log(m + bigT);
        double lnRatio = Math.log(s) - Math.log(a1);
        double l2;
        if (lnFT >= lnFtx) {
            l2 = Double.NEGATIVE_INFINITY; // t_x = T: the customer has been seen alive to the end
        } else {
            l2 = lnRatio + Special.logSubExp(lnFtx, lnFT);
        }
        double lse = Special.logAddExp(l1, l2);
        double ll = common + lse;
        if (g != null) {
            double p1 = Math.exp(l1 - lse);
            // p2 * dlnA0 = (s/a1) (F_tx dlnF_tx - F_T dlnF_T) / L-part
            double cTx = l2 == Double.NEGATIVE_INFINITY ? 0 : Math.exp(lnRatio + lnFtx - lse);
            double cT = l2 == Double.NEGATIVE_INFINITY ? 0 : Math.exp(lnRatio + lnFT - lse);
            double p2 = 1 - p1;
            double[] gTx = gradLnF(alphaLarger, a1, alpha, beta, m, tx, dTx);
            double[] gT = gradLnF(alphaLarger, a1, alpha, beta, m, bigT, dT);
            double gr = Special.digamma(rx) - Special.digamma(r) + Math.log(alpha) - p1 * lnAT - p2 / a1
                    + cTx * gTx[0] - cT * gT[0];
            double ga = r / alpha - p1 * rx / (alpha + bigT) + cTx * gTx[1] - cT * gT[1];
            double gs = Math.log(beta) - p1 * lnBT + p2 * (1 / s - 1 / a1) + cTx * gTx[2] - cT * gT[2];
            double gb = s / beta - p1 * s / (beta + bigT) + cTx * gTx[3] - cT * gT[3];
            g[0] += w * gr;
            g[1] += w * ga;
            g[2] += w * gs;
            g[3] += w * gb;
        }
        return ll;
    }

    /** Gradient of ln F(t) = ln 2F1(a1, b2; a1 + 1; z(t)) - a1 ln(m + t) in (r, alpha, s, beta). */
    private static double[] gradLnF(boolean alphaLarger, double a1, double alpha, double beta, double m, double t,
            double[] d) {
        double lnMt = Math.log(m + t);
        double mt = m + t;
        if (alphaLarger) {
            // z = (alpha - beta)/(alpha + t), b2 = s + 1
            double dzA = (t + beta) / (mt * mt);
            double dzB = -1 / mt;
            return new double[] {d[0] - lnMt, d[2] * dzA - a1 / mt, d[0] + d[1] - lnMt, d[2] * dzB};
        }
        // z = (beta - alpha)/(beta + t), b2 = r + x
        double dzA = -1 / mt;
        double dzB = (t + alpha) / (mt * mt);
        return new double[] {d[0] + d[1] - lnMt, d[2] * dzA, d[0] - lnMt, d[2] * dzB - a1 / mt};
    }

    static double probabilityAlive(double r, double alpha, double s, double beta, int x, double tx, double bigT) {
        double ll = logLikelihood(r, alpha, s, beta, x, tx, bigT, 0, null, null);
        double common = Special.lnGamma(r + x) - Special.lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
        double l1 = -(r + x) * Math.log(alpha + bigT) - s * Math.log(beta + bigT);
        return Math.min(1, Math.exp(common + l1 - ll));
    }

    /** (1 - (1 + u)^-(s-1)) / (s - 1), continuous at s = 1. */
    private static double powerTerm(double s, double u) {
        double l = Math.log1p(u);
        double e = s - 1;
        return Math.abs(e) < 1e-12 ? l : -Math.expm1(-e * l) / e;
    }

    static double expectedTransactions(double r, double alpha, double s, double beta, double t) {
        return r * beta / alpha * powerTerm(s, t / beta);
    }

    static double conditionalExpectation(double r, double alpha, double s, double beta, int x, double tx,
            double bigT, double t) {
        if (t == 0) {
            return 0;
        }
        return (r + x) * (beta + bigT) / (alpha + bigT) * powerTerm(s, t / (beta + bigT))
                * probabilityAlive(r, alpha, s, beta, x, tx, bigT);
    }

    /** Closed form with Tricomi's U(s, s; z) = e^z Gamma(1 - s, z). */
    static double dert(double r, double alpha, double s, double beta, int x, double tx, double bigT, double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("discount rate delta must be positive and finite: " + delta);
        }
        double z = delta * (beta + bigT);
        double order = 1 - s;
        double lnU;
        if (Math.abs(order - Math.rint(order)) < 1e-9 && order <= 0) {
            // integer s: U is continuous in s; average the neighbours
            double h = 1e-7;
            lnU = 0.5 * (z + Special.lnUpperIncompleteGamma(order + h, z) + z
                    + Special.lnUpperIncompleteGamma(order - h, z));
        } else {
            lnU = z + Special.lnUpperIncompleteGamma(order, z);
        }
        double ll = logLikelihood(r, alpha, s, beta, x, tx, bigT, 0, null, null);
        double ln = r * Math.log(alpha) + s * Math.log(beta) + (s - 1) * Math.log(delta)
                + Special.lnGamma(r + x + 1) - Special.lnGamma(r) - (r + x + 1) * Math.log(alpha + bigT) + lnU - ll;
        return Math.exp(ln);
    }

    /**
     * P(X(t) = n) of a new customer: the NBD count over min(t, lifetime), lifetime exponential with
     * a Gamma(s, beta) rate, as one integral over the death time.
     */
    static double pmf(double r, double alpha, double s, double beta, int n, double t) {
        if (t == 0) {
            return n == 0 ? 1.0 : 0.0;
        }
        double lnC = Special.lnGamma(r + n) - Special.lnGamma(r) - Special.lnGamma(n + 1.0);
        java.util.function.DoubleUnaryOperator nb = tau -> tau == 0 ? (n == 0 ? 1.0 : 0.0)
                : Math.exp(lnC + r * Math.log(alpha / (alpha + tau)) + n * Math.log(tau / (alpha + tau)));
        double alive = nb.applyAsDouble(t) * Math.exp(s * Math.log(beta / (beta + t)));
        double died = Quadrature.integrate(tau -> s / beta * Math.exp((s + 1) * Math.log(beta / (beta + tau)))
                * nb.applyAsDouble(tau), 0, t, 1e-12);
        return Math.min(1, Math.max(0, alive + died));
    }
}
