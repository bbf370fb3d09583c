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
 * exponents too) the number of positive roots, counted with multiplicity, is at most the number
 * of sign changes {@code V} of the coefficients. With {@code V = 1} the single root is bracketed
 * by doubling steps and refined with Brent's method; otherwise an exclusion method (Taylor models
 * on a bisection of the interval that must hold every root) isolates them, and a grid scan takes
 * over if it runs out of its evaluation budget.
 *
 * <p><b>What counts as a root.</b> The coefficients are rounded and so is every evaluation, so
 * near a root of even multiplicity (where P touches zero without crossing it, a double root) or a
 * cluster of close roots, the computed P is rounding noise over a whole band of {@code u}, may
 * change sign many times there or not at all. Each maximal band where {@code |P|} cannot be told
 * from its rounding bound ({@link #noise}) is one root, reported once (at a point computed as
 * exactly zero, at a sign change, or at the band's centre: see {@code Bands}). So a touching root
 * is found whether rounding left P just above zero, exactly zero or crossing it twice, and roots
 * closer together than rounding can separate are one root. A band ends only where |P| is proven
 * above twice the bound (stretches between once and twice the bound neither start nor end one),
 * so rounding that hovers at the bound cannot split a band into several roots. A double root is
 * so determined to about the square root of the rounding (1e-8 relative), a quadruple one to its
 * fourth root.
 *
 * <p>Not thread-safe: one instance per solve (it counts evaluations and builds its derivative
 * tables lazily).
 */
final class RootFinder {

    private static final double EPS = Math.ulp(1.0);
    /** Points of the fallback grid scan. */
    private static final int GRID = 4096;

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
    /**
     * Per side, {@code 4 eps |a_k| (n + w_k)}: summed like P, a bound on the rounding error of an
     * evaluation (Horner's n steps, and the power {@code x^w} that carries the rounding of x
     * {@code w} times).
     */
    private final double[][] noiseWeights = new double[2][];
    /** Evaluations the exclusion method may spend before the grid scan takes over. */
    private final long budget;
    private int evaluations;

    /**
     * @param a coefficients, at least two, the first and last not zero
     * @param e strictly increasing non-negative exponents, e[0] == 0
     */
    RootFinder(double[] a, double[] e) {
        this(a, e, Math.max(5_000, Math.min(200_000, 20_000_000L / a.length)));
    }

    /**
     * @param a coefficients, at least two, the first and last not zero
     * @param e strictly increasing non-negative exponents, e[0] == 0
     * @param budget evaluations the exclusion method may spend (0 sends every solve with more than
     *     one sign change to the grid scan)
     */
    RootFinder(double[] a, double[] e, long budget) {
        this.a = a;
        this.e = e;
        this.budget = budget;
        boolean ints = true;
        for (int k = 0; k < e.length; k++) {
            ints &= e[k] == k;
        }
        this.integerExponents = ints;
        double top = e[e.length - 1];
        for (int side = 0; side < 2; side++) {
            noiseWeights[side] = new double[a.length];
            for (int k = 0; k < a.length; k++) {
                double w = side == 0 ? e[k] : top - e[k];
                noiseWeights[side][k] = 4 * EPS * Math.abs(a[k]) * (a.length + w);
            }
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

    /** Returns the evaluations of P and its derivative tables so far (each table sum counts one). */
    int evaluations() {
        return evaluations;
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

    /**
     * A bound on the rounding error of {@link #value} at u: where {@code |value(u)|} is below it,
     * P may be zero there.
     */
    double noise(double u) {
        return sum(noiseWeights[u <= 0 ? 0 : 1], u);
    }

    /** Returns the roots in u, ascending, distinct (see the class comment for what one root is). */
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
        return found != null ? found : scan(lo, hi, GRID);
    }

    /**
     * The exclusion method: bisects [lo, hi] (split at u = 0, where the scaling changes) and
     * classifies each piece with a Taylor model at its midpoint (the derivatives up to order 6
     * exactly, a bound on the 7th, so cancelling coefficients and clusters of close roots do not
     * make it loose): proven above the noise bound (a gap between roots), proven within it (part
     * of a band, see the class comment), or proven monotone with a sign change (one root, refined
     * with Brent's method). Other pieces are split until they shrink to rounding level. Pieces are
     * visited in ascending order, so consecutive band pieces and roots form one root until a gap.
     * Returns null when the evaluation budget is spent, so that the caller falls back to the grid.
     */
    private List<Double> exclusion(double lo, double hi) {
        prepareDerivatives();
        Bands bands = new Bands();
        java.util.ArrayDeque<double[]> stack = new java.util.ArrayDeque<>();
        double f0 = value(0);
        stack.push(new double[] {0, hi, f0, value(hi)});
        stack.push(new double[] {lo, 0, value(lo), f0});
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
            // Taylor model at the midpoint: exact |f^(j)(c)| for j <= ORDER, a bound beyond; the
            // noise bound, largest at the end nearer u = 0 and smallest at the other
            for (int j = 0; j <= ORDER; j++) {
                d[j] = Math.abs(sum(derivatives[side][j], uc));
            }
            double tail = sum(derivatives[side][ORDER + 1], side == 0 ? ub : ua);
            double noiseMax = sum(noiseWeights[side], side == 0 ? ub : ua);
            double noiseMin = sum(noiseWeights[side], side == 0 ? ua : ub);
            evaluations += ORDER + 4;
            // at most one root when f' cannot vanish: |f'(c)| > sum_{j>=2} |f^(j)(c)| h^(j-1)/(j-1)! + tail
            double slack = tail * Math.pow(h, ORDER) / FACTORIAL[ORDER];
            // |f(u) - f(c)| <= sum_{j>=1} |f^(j)(c)| h^j / j! + tail on the piece
            double reach = tail * Math.pow(h, ORDER + 1) / FACTORIAL[ORDER + 1];
            for (int j = 1; j <= ORDER; j++) {
                slack += j >= 2 ? d[j] * Math.pow(h, j - 1) / FACTORIAL[j - 1] : 0;
                reach += d[j] * Math.pow(h, j) / FACTORIAL[j];
            }
            boolean monotone = d[1] > slack;
            boolean crosses = fa == 0 || fb == 0 || (fa > 0) != (fb > 0);
            // a lower bound on |f| over the piece (for a monotone f without a crossing, the
            // smaller end), meaningless with a crossing
            double floor = monotone ? Math.min(Math.abs(fa), Math.abs(fb)) : d[0] - reach;
            if (monotone && crosses) {
                // one root; |f| falls towards it from both ends, so the band around it reaches an
                // end only if f is not clearly above the noise there
                double root = fa == 0 ? ua : fb == 0 ? ub : brent(ua, ub, fa, fb);
                bands.crossing(root, ua, fa, ub, fb, Math.abs(fa) <= 2 * noiseMax, Math.abs(fb) <= 2 * noiseMax);
            } else if (!crosses && floor > 2 * noiseMax) {
                bands.gap(); // |f| is clearly above the noise on the whole piece
            } else if (!crosses && floor > noiseMax) {
                // above the noise, not clearly: neither part of a band nor a gap that ends one (so
                // rounding cannot split one band into several where |f| hovers at the bound)
                continue;
            } else if (d[0] + reach <= noiseMin || reach <= 0.5 * noiseMin) {
                // within the noise on the whole piece, or so flat that halving it cannot tell more
                bands.band(ua, ub, fa, fb);
            } else if (2 * h <= tolerance(ua, ub)) {
                // shrunk to rounding level without a proof either way
                if (crosses || Math.abs(fa) <= noiseMax || Math.abs(fb) <= noiseMax) {
                    bands.band(ua, ub, fa, fb);
                }
            } else {
                double fc = value(uc);
                stack.push(new double[] {uc, ub, fc, fb});
                stack.push(new double[] {ua, uc, fa, fc});
            }
        }
        return bands.close();
    }

    /**
     * Collects roots from pieces or grid cells visited in ascending order: consecutive band pieces
     * and the roots touching them are one root, ended by a gap. A lone clean crossing is Brent's
     * root. Otherwise the root of a band is the point nearest its centre where f was computed as
     * exactly zero (with exact flows, such as integers at 0 %, that is the exact root); else, if f
     * has opposite signs at the band's outer ends (a root of odd multiplicity), a sign change
     * inside found by Brent's method; else (a touching root) the band's centre.
     */
    private final class Bands {
        private final List<Double> roots = new ArrayList<>();
        private final List<Double> zeros = new ArrayList<>();
        private boolean open;
        private double from;
        private double to;
        private int crossings;
        private boolean banded;
        private double crossing;
        private double lowEnd;
        private double lowValue;
        private double highEnd;
        private double highValue;

        /** A piece where |f| may be within the noise, with the values at its ends. */
        void band(double ua, double ub, double fa, double fb) {
            outer(ua, fa, ub, fb);
            extend(ua, ub);
            banded = true;
            if (fa == 0) {
                zeros.add(ua);
            }
            if (fb == 0) {
                zeros.add(ub);
            }
        }

        /**
         * A root in the piece [ua, ub]; {@code quietBefore}/{@code quietAfter}: the band around
         * it may reach the piece's ends.
         */
        void crossing(double root, double ua, double fa, double ub, double fb, boolean quietBefore,
                boolean quietAfter) {
            if (!quietBefore) {
                gap();
            }
            outer(ua, fa, ub, fb);
            extend(root, root);
            crossings++;
            crossing = root;
            if (fa == 0 || fb == 0) {
                zeros.add(root);
            }
            if (!quietAfter) {
                gap();
            }
        }

        /** Widens the bracket of the current band to points outside it, with their values. */
        void outer(double lo, double flo, double hi, double fhi) {
            if (!open) {
                lowEnd = lo;
                lowValue = flo;
            }
            highEnd = hi;
            highValue = fhi;
        }

        /** A piece where |f| is above the noise: ends the current root. */
        void gap() {
            if (!open) {
                return;
            }
            double centre = from + 0.5 * (to - from);
            double root = centre;
            if (crossings == 1 && !banded) {
                root = crossing;
            } else if (!zeros.isEmpty()) {
                root = zeros.get(0);
                for (double z : zeros) {
                    root = Math.abs(z - centre) < Math.abs(root - centre) ? z : root;
                }
            } else if ((lowValue > 0) != (highValue > 0) && lowValue != 0 && highValue != 0) {
                root = brent(lowEnd, highEnd, lowValue, highValue);
            }
            roots.add(root);
            open = false;
            crossings = 0;
            banded = false;
            zeros.clear();
        }

        private void extend(double ua, double ub) {
            if (!open) {
                open = true;
                from = ua;
            }
            to = ub;
        }

        List<Double> close() {
            gap();
            return roots;
        }
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
     * The fallback when the exclusion method runs out of budget: scans [lo, hi] on a grid uniform
     * in asinh(u) (as fine as 1/n of the range near u = 0, where rates near 0 % put their roots,
     * and coarser far out). Grid points whose value is within the noise form bands, whose edges
     * are found by bisection; a sign change between two points above the noise is refined with
     * Brent's method; a point above the noise that is nearer zero than both neighbours (a dip) is
     * searched by golden section for two close roots (refined with Brent's method) or a touching
     * one (a band). May miss roots that do not show in the grid, which the exclusion method would
     * not.
     */
    private List<Double> scan(double lo, double hi, int n) {
        double[] u = new double[n + 1];
        double[] f = new double[n + 1];
        boolean[] quiet = new boolean[n + 1];
        double wLo = asinh(lo);
        double step = (asinh(hi) - wLo) / n;
        for (int i = 0; i <= n; i++) {
            u[i] = i == 0 ? lo : i == n ? hi : Math.sinh(wLo + i * step);
            f[i] = value(u[i]);
            quiet[i] = Math.abs(f[i]) <= noise(u[i]);
        }
        Bands bands = new Bands();
        for (int i = 0; i <= n; i++) {
            if (quiet[i]) {
                // the band's edges: between the last loud point and the first quiet one
                double from = i == 0 ? u[0] : bandEdge(u[i - 1], u[i]);
                int j = i;
                while (j < n && quiet[j + 1]) {
                    j++;
                }
                double to = j == n ? u[n] : bandEdge(u[j + 1], u[j]);
                bands.band(u[i], u[j], f[i], f[j]); // records the grid points computed as zero
                bands.band(from, to, f[i], f[j]);
                bands.outer(u[Math.max(i - 1, 0)], f[Math.max(i - 1, 0)], u[Math.min(j + 1, n)], f[Math.min(j + 1, n)]);
                bands.gap();
                i = j;
                continue;
            }
            if (i > 0 && !quiet[i - 1] && (f[i - 1] > 0) != (f[i] > 0)) {
                bands.crossing(brent(u[i - 1], u[i], f[i - 1], f[i]), u[i - 1], f[i - 1], u[i], f[i], false, false);
            }
            if (i > 0 && i < n && !quiet[i - 1] && !quiet[i + 1] && (f[i - 1] > 0) == (f[i] > 0)
                    && (f[i + 1] > 0) == (f[i] > 0)
                    && Math.abs(f[i]) < Math.abs(f[i - 1]) && Math.abs(f[i]) <= Math.abs(f[i + 1])) {
                dip(u[i - 1], u[i], u[i + 1], Math.signum(f[i]), bands);
            }
        }
        return bands.close();
    }

    /**
     * Bisects between a point where |f| is above the noise and one where it is not, to rounding
     * level; returns the first point found within the noise.
     */
    private double bandEdge(double loud, double quiet) {
        while (Math.abs(quiet - loud) > tolerance(loud, quiet)) {
            double mid = loud + 0.5 * (quiet - loud);
            if (Math.abs(value(mid)) <= noise(mid)) {
                quiet = mid;
            } else {
                loud = mid;
            }
        }
        return quiet;
    }

    /**
     * Golden-section search for the minimum of {@code sign * f} on [ua, ub], where uc inside is
     * lower than both ends: two roots if it falls below zero beyond the noise, one touching root
     * (the band around the point found) if it falls within the noise, none otherwise.
     */
    private void dip(double ua, double uc, double ub, double sign, Bands bands) {
        double g = 0.5 * (3 - Math.sqrt(5));
        double fc = sign * value(uc);
        while (ub - ua > tolerance(ua, ub)) {
            boolean right = ub - uc > uc - ua;
            double ux = right ? uc + g * (ub - uc) : uc - g * (uc - ua);
            double vx = value(ux);
            double fx = sign * vx;
            if (Math.abs(fx) <= noise(ux)) {
                bands.band(ux, ux, vx, vx);
                bands.band(bandEdge(ua, ux), bandEdge(ub, ux), vx, vx);
                bands.gap();
                return;
            }
            if (fx < 0) {
                double va = value(ua);
                double vb = value(ub);
                bands.crossing(brent(ua, ux, va, vx), ua, va, ux, vx, false, false);
                bands.crossing(brent(ux, ub, vx, vb), ux, vx, ub, vb, false, false);
                return;
            }
            if (fx < fc) {
                if (right) {
                    ua = uc;
                } else {
                    ub = uc;
                }
                uc = ux;
                fc = fx;
            } else if (right) {
                ub = ux;
            } else {
                ua = ux;
            }
        }
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
