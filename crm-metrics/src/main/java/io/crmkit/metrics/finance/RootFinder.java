package io.crmkit.metrics.finance;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every positive real root of a generalised polynomial {@code P(x) = sum a_k x^e_k} with
 * exponents {@code 0 <= e_0 < e_1 < ... < e_m}, which is what NPV(r) = 0 becomes with
 * {@code x = 1/(1+r)}: every rate {@code r > -1} maps to one {@code x > 0}.
 *
 * <p>Work is done in {@code u = ln x} (so {@code r = expm1(-u)}), which spreads rates near -100 %
 * and very large rates over a finite, well-conditioned interval. {@code P} is evaluated scaled so
 * that it never overflows: as is for {@code x <= 1}, divided by {@code x^e_m} for {@code x > 1}
 * (the sign, and so the roots, do not change). By Descartes' rule of signs (which holds for real
 * exponents too) the number of positive roots is at most the number of sign changes {@code V}
 * of the coefficients, and has its parity. With {@code V = 1} the single root is bracketed by
 * doubling steps and refined with Brent's method; otherwise the interval that must contain every
 * root (from Cauchy-type bounds) is scanned on a grid, each sign change is refined with Brent's
 * method, and the grid is refined while the count of roots does not have the parity of
 * {@code V}. A root of even multiplicity (where P touches zero without crossing) is reported
 * only when it lies within the rounding noise of the evaluation.
 *
 * <p>Not thread-safe: one instance per solve (it counts evaluations and builds its derivative
 * tables lazily).
 */
final class RootFinder {

    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_GRID = 1 << 15;

    private final double[] a;
    private final double[] e;
    private final boolean integerExponents;
    /** Order of the Taylor models of the exclusion method. */
    private static final int ORDER = 6;
    private static final double[] FACTORIAL = {1, 1, 2, 6, 24, 120, 720, 5040};
    /**
     * Per side (0: u <= 0, weights w = e_k; 1: u >= 0, weights w = E - e_k): the coefficients
     * {@code a w^j} of the j-th derivative (up to sign) for j <= ORDER, and {@code |a| w^(ORDER+1)}
     * for the bound on the next one.
     */
    private final double[][][] derivatives = new double[2][ORDER + 2][];
    private final double[] absA;
    private int evaluations;

    /**
     * @param a coefficients, at least two, the first and last not zero
     * @param e strictly increasing non-negative exponents, e[0] == 0
     */
    RootFinder(double[] a, double[] e) {
        this.a = a;
        this.e = e;
        boolean ints = true;
        for (int k = 0; k < e.length; k++) {
            ints &= e[k] == k;
        }
        this.integerExponents = ints;
        this.absA = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            absA[k] = Math.abs(a[k]);
        }
    }

    /** Builds the derivative coefficients, once, when the exclusion method first needs them. */
    private void prepareDerivatives() {
        if (derivatives[0][0] != null) {
            return;
        }
        double top = e[e.length - 1];
        for (int side = 0; side < 2; side++) {
            for (int j = 0; j <= ORDER + 1; j++) {
                derivatives[side][j] = new double[a.length];
            }
            for (int k = 0; k < a.length; k++) {
                double w = side == 0 ? e[k] : top - e[k];
                double power = 1;
                for (int j = 0; j <= ORDER; j++) {
                    derivatives[side][j][k] = a[k] * power;
                    power *= w;
                }
                derivatives[side][ORDER + 1][k] = Math.abs(a[k]) * power;
            }
        }
    }

    /** Counts sign changes, skipping zeros. */
    static int signChanges(double[] a) {
        int v = 0;
        double previous = 0;
        for (double x : a) {
            if (x != 0) {
                if (previous != 0 && (x > 0) != (previous > 0)) {
                    v++;
                }
                previous = x;
            }
        }
        return v;
    }

    /** The scaled value of P at x = e^u: same sign as P, finite for every u. */
    double value(double u) {
        evaluations++;
        return sum(a, u);
    }

    /**
     * The scaled sum {@code sum c_k x^e_k} for u <= 0, {@code sum c_k x^-(E - e_k)} for u > 0,
     * with x = e^u: every power is at most 1, so nothing overflows.
     */
    private double sum(double[] c, double u) {
        int m = c.length - 1;
        if (integerExponents) {
            if (u <= 0) {
                double x = Math.exp(u);
                double s = c[m];
                for (int k = m - 1; k >= 0; k--) {
                    s = s * x + c[k];
                }
                return s;
            }
            double y = Math.exp(-u);
            double s = c[0];
            for (int k = 1; k <= m; k++) {
                s = s * y + c[k];
            }
            return s;
        }
        double s = 0;
        double top = e[m];
        for (int k = 0; k <= m; k++) {
            s += c[k] * Math.exp(u <= 0 ? u * e[k] : -u * (top - e[k]));
        }
        return s;
    }

    /** Returns the roots in u, ascending. */
    List<Double> roots() {
        int v = signChanges(a);
        if (v == 0) {
            return List.of();
        }
        if (v == 1) {
            return List.of(singleRoot());
        }
        double lo = lowerBound();
        double hi = upperBound();
        List<Double> found = exclusion(lo, hi);
        if (found != null && (v - found.size()) % 2 == 0) {
            return found;
        }
        int grid = Math.max(256, Math.min(8192, 16 * a.length));
        found = scan(lo, hi, grid);
        while ((v - found.size()) % 2 != 0 && grid < MAX_GRID) {
            grid *= 4;
            found = scan(lo, hi, grid);
        }
        return found;
    }

    /**
     * The exclusion method: bisects [lo, hi] (split at u = 0, where the scaling changes),
     * discarding every piece that a Taylor model proves root-free, and refining with Brent's
     * method every piece with a sign change whose derivative a Taylor model proves non-zero (so it
     * holds exactly one root). The models evaluate the derivatives up to order 6 exactly at the
     * midpoint and bound only the 7th in absolute value, so cancelling coefficients and clusters
     * of close roots do not make them loose. Pieces that shrink to rounding level without a proof report a root when the
     * values there are rounding noise. Returns null when the evaluation budget is spent, so that
     * the caller falls back to the grid.
     */
    private List<Double> exclusion(double lo, double hi) {
        prepareDerivatives();
        long budget = Math.max(5_000, Math.min(200_000, 20_000_000L / a.length));
        evaluations = 0;
        List<Double> roots = new ArrayList<>();
        java.util.ArrayDeque<double[]> stack = new java.util.ArrayDeque<>();
        double f0 = value(0);
        double flo = value(lo);
        double fhi = value(hi);
        // a value computed as exactly zero is a root: record it once, where it is computed
        for (double[] point : new double[][] {{lo, flo}, {0, f0}, {hi, fhi}}) {
            if (point[1] == 0) {
                roots.add(point[0]);
            }
        }
        stack.push(new double[] {0, hi, f0, fhi});
        stack.push(new double[] {lo, 0, flo, f0});
        double[] d = new double[ORDER + 1];
        while (!stack.isEmpty()) {
            if (evaluations > budget) {
                return null;
            }
            double[] iv = stack.pop();
            double ua = iv[0];
            double ub = iv[1];
            double fa = iv[2];
            double fb = iv[3];
            int side = ub <= 0 ? 0 : 1;
            double h = 0.5 * (ub - ua);
            double uc = ua + h;
            // Taylor model at the midpoint: exact |f^(j)(c)| for j <= ORDER, a bound beyond
            for (int j = 0; j <= ORDER; j++) {
                d[j] = Math.abs(sum(derivatives[side][j], uc));
            }
            double tail = sum(derivatives[side][ORDER + 1], side == 0 ? ub : ua);
            evaluations += ORDER + 2;
            boolean tiny = 2 * h <= tolerance(ua, ub);
            // at most one root when f' cannot vanish: |f'(c)| > sum_{j>=2} |f^(j)(c)| h^(j-1)/(j-1)! + tail
            double slack = tail * Math.pow(h, ORDER) / FACTORIAL[ORDER];
            for (int j = 2; j <= ORDER; j++) {
                slack += d[j] * Math.pow(h, j - 1) / FACTORIAL[j - 1];
            }
            boolean monotone = d[1] > slack;
            if (fa == 0 || fb == 0) {
                // the root on the end is recorded; with a monotone f there is no other
                if (monotone || tiny) {
                    continue;
                }
            } else if ((fa > 0) != (fb > 0)) {
                if (monotone || tiny) {
                    roots.add(brent(ua, ub, fa, fb));
                    continue;
                }
            } else {
                // no root when |f(c)| > sum_{j>=1} |f^(j)(c)| h^j / j! + tail
                double reach = tail * Math.pow(h, ORDER + 1) / FACTORIAL[ORDER + 1];
                for (int j = 1; j <= ORDER; j++) {
                    reach += d[j] * Math.pow(h, j) / FACTORIAL[j];
                }
                if (monotone || d[0] > reach) {
                    continue;
                }
                if (tiny) {
                    // shrunk to rounding level without a proof either way: if the values are noise,
                    // a root lies here (it may be a touching root of even multiplicity)
                    double noise = 4 * a.length * EPS * sum(absA, uc);
                    if (Math.abs(fa) <= noise && Math.abs(fb) <= noise) {
                        roots.add(uc);
                    }
                    continue;
                }
            }
            double fc = value(uc);
            if (fc == 0) {
                roots.add(uc);
            }
            stack.push(new double[] {uc, ub, fc, fb});
            stack.push(new double[] {ua, uc, fa, fc});
        }
        roots.sort(null);
        return roots;
    }

    private static double tolerance(double ua, double ub) {
        return 4 * EPS * Math.max(1, Math.max(Math.abs(ua), Math.abs(ub)));
    }

    private double singleRoot() {
        double signLow = Math.signum(a[0]);
        double signHigh = Math.signum(a[a.length - 1]);
        double lo = -1;
        double flo = value(lo);
        while (flo != 0 && Math.signum(flo) != signLow) {
            lo *= 2;
            flo = value(lo);
        }
        double hi = 1;
        double fhi = value(hi);
        while (fhi != 0 && Math.signum(fhi) != signHigh) {
            hi *= 2;
            fhi = value(hi);
        }
        if (flo == 0) {
            return lo;
        }
        if (fhi == 0) {
            return hi;
        }
        // the root lies between the last point with the low sign and the first with the high sign
        double mid = 0;
        double fmid = value(mid);
        if (fmid == 0) {
            return mid;
        }
        return Math.signum(fmid) == signLow ? brent(mid, hi, fmid, fhi) : brent(lo, mid, flo, fmid);
    }

    /**
     * Scans [lo, hi] on a grid uniform in asinh(u): as fine as 1/n of the range near u = 0 (rates
     * near 0 %, where roots usually are) and coarser far out, so a wide bound does not thin out the
     * grid where it matters.
     */
    private List<Double> scan(double lo, double hi, int n) {
        List<Double> roots = new ArrayList<>();
        double wLo = asinh(lo);
        double step = (asinh(hi) - wLo) / n;
        double u0 = lo;
        double f0 = value(u0);
        if (f0 == 0) {
            roots.add(u0);
        }
        for (int i = 1; i <= n; i++) {
            double u1 = i == n ? hi : Math.sinh(wLo + i * step);
            double f1 = value(u1);
            if (f1 == 0) {
                roots.add(u1);
            } else if (f0 != 0 && (f0 > 0) != (f1 > 0)) {
                roots.add(brent(u0, u1, f0, f1));
            }
            u0 = u1;
            f0 = f1;
        }
        return roots;
    }

    private static double asinh(double x) {
        return Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x);
    }

    /** A u below which P has the sign of a[0]: |a_0| > sum_{k>0} |a_k| e^{u (e_k - e_0)}. */
    private double lowerBound() {
        double rest = Double.NEGATIVE_INFINITY;
        for (int k = 1; k < a.length; k++) {
            rest = Math.max(rest, Math.log(Math.abs(a[k])));
        }
        double logSum = rest + Math.log(a.length - 1);
        double bound = (Math.log(Math.abs(a[0])) - logSum) / (e[1] - e[0]);
        return Math.min(-1e-3, bound) - 1;
    }

    /** A u above which P has the sign of a[m]: |a_m| > sum_{k<m} |a_k| e^{-u (e_m - e_k)}. */
    private double upperBound() {
        int m = a.length - 1;
        double rest = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            rest = Math.max(rest, Math.log(Math.abs(a[k])));
        }
        double logSum = rest + Math.log(m);
        double bound = (logSum - Math.log(Math.abs(a[m]))) / (e[m] - e[m - 1]);
        return Math.max(1e-3, bound) + 1;
    }

    /**
     * Brent's method (R. P. Brent, Algorithms for Minimization without Derivatives, 1973, ch. 4)
     * on [a, b] with f(a), f(b) of opposite signs, to full double precision in u.
     */
    private double brent(double lo, double hi, double flo, double fhi) {
        double b = hi;
        double fb = fhi;
        double c = lo;
        double fc = flo;
        double d = b - c;
        double ePrev = d;
        for (int iter = 0; iter < 400; iter++) {
            if ((fb > 0) == (fc > 0)) {
                c = lo;
                fc = flo;
                d = b - lo;
                ePrev = d;
            }
            if (Math.abs(fc) < Math.abs(fb)) {
                lo = b;
                b = c;
                c = lo;
                flo = fb;
                fb = fc;
                fc = flo;
            }
            double tol = 2 * EPS * Math.abs(b) + 1e-300;
            double half = 0.5 * (c - b);
            if (Math.abs(half) <= tol || fb == 0) {
                return b;
            }
            if (Math.abs(ePrev) >= tol && Math.abs(flo) > Math.abs(fb)) {
                double s = fb / flo;
                double p;
                double q;
                if (lo == c) {
                    p = 2 * half * s;
                    q = 1 - s;
                } else {
                    double qq = flo / fc;
                    double r = fb / fc;
                    p = s * (2 * half * qq * (qq - r) - (b - lo) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) {
                    q = -q;
                } else {
                    p = -p;
                }
                if (2 * p < Math.min(3 * half * q - Math.abs(tol * q), Math.abs(ePrev * q))) {
                    ePrev = d;
                    d = p / q;
                } else {
                    d = half;
                    ePrev = d;
                }
            } else {
                d = half;
                ePrev = d;
            }
            lo = b;
            flo = fb;
            b += Math.abs(d) > tol ? d : Math.copySign(tol, half);
            fb = value(b);
        }
        return b;
    }
}
