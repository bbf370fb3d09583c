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
 * {@code V}. Roots of even multiplicity (where P touches zero without crossing) are not reported.
 *
 * <p>Stateless and thread-safe.
 */
final class RootFinder {

    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_GRID = 1 << 15;

    private final double[] a;
    private final double[] e;
    private final boolean integerExponents;

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
        int m = a.length - 1;
        if (integerExponents) {
            if (u <= 0) {
                double x = Math.exp(u);
                double s = a[m];
                for (int k = m - 1; k >= 0; k--) {
                    s = s * x + a[k];
                }
                return s;
            }
            double y = Math.exp(-u);
            double s = a[0];
            for (int k = 1; k <= m; k++) {
                s = s * y + a[k];
            }
            return s;
        }
        double s = 0;
        double top = e[m];
        for (int k = 0; k <= m; k++) {
            s += a[k] * Math.exp(u <= 0 ? u * e[k] : -u * (top - e[k]));
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
        int grid = Math.max(256, Math.min(8192, 16 * a.length));
        List<Double> found = scan(lo, hi, grid);
        while ((v - found.size()) % 2 != 0 && grid < MAX_GRID) {
            grid *= 4;
            found = scan(lo, hi, grid);
        }
        return found;
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
