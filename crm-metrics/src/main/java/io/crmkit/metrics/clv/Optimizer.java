package io.crmkit.metrics.clv;

import java.util.Arrays;

/**
 * Minimises an {@link Objective} by BFGS (Armijo backtracking, Powell-damped updates) from each of
 * several starting points, falling back to Nelder-Mead followed by BFGS when BFGS fails from a
 * start; keeps the best result. Deterministic: the same objective and starts give the same result.
 *
 * <p>Stateless and thread-safe.
 */
final class Optimizer {

    /**
     * Relative decrease of the objective below which no step can be resolved: the first-order
     * decrease {@code g.d} of a steepest-descent step at most this times {@code 1 + |f|}.
     */
    static final double RESOLUTION = 1e-13;

    /** Accepted BFGS steps over which the objective must decrease by more than it resolves. */
    static final int PROGRESS_WINDOW = 20;


    private Optimizer() {
    }

    /** How one minimisation ended. */
    public enum Status {
        /** The gradient norm fell below the tolerance. */
        CONVERGED,
        /** The iteration budget ran out. */
        MAX_ITERATIONS,
        /** No step decreased the function any more although the gradient is not small. */
        STALLED,
        /** The function was not finite at any start. */
        FAILED
    }

    /**
     * Settings.
     *
     * @param gradientTolerance the largest absolute gradient component accepted as converged
     * @param maxIterations the iteration budget per start and method
     * @param confirmAfter stop after this many starts agree on the optimum (1 = first success)
     * @param limit the objective's value in a limit the parameters can only approach (such as a
     *     model with drop-out at its no-drop-out edge), {@code +infinity} for none: two converged
     *     runs that end within {@code limitTolerance} of it agree wherever they end, since along
     *     such a flat ridge their positions mean nothing
     * @param limitTolerance how far below {@code limit} a run may end and still be at the limit
     */
    public record Settings(double gradientTolerance, int maxIterations, int confirmAfter, double limit,
            double limitTolerance) {

        /** Settings without a limit. */
        Settings(double gradientTolerance, int maxIterations, int confirmAfter) {
            this(gradientTolerance, maxIterations, confirmAfter, Double.POSITIVE_INFINITY, 0);
        }
    }

    /**
     * The outcome.
     *
     * @param x the best point
     * @param value the function value there
     * @param gradientNorm the largest absolute gradient component there
     * @param status how the best run ended
     * @param iterations the iterations of all runs
     * @param evaluations the function evaluations of all runs
     * @param startsRun how many starts were tried
     * @param startsAgreeing how many of them reached the best value (within tolerance)
     * @param method the method of the best run
     */
    public record Result(double[] x, double value, double gradientNorm, Status status, int iterations,
            int evaluations, int startsRun, int startsAgreeing, String method) {
    }

    /** One run of one method from one start (package-private for tests). */
    static final class Run {
        double[] x;
        double f;
        double[] g;
        int iterations;
        int evaluations;
        Status status;
        String method;
    }

    /**
     * Minimises from each start in turn (stopping once {@code confirmAfter} starts agree).
     *
     * @param objective the function
     * @param starts the starting points, at least one
     * @param settings the tolerances
     * @return the best result
     */
    public static Result minimize(Objective objective, double[][] starts, Settings settings) {
        Objective f = Objective.withNumericGradient(objective);
        Run best = null;
        int iterations = 0;
        int evaluations = 0;
        int run = 0;
        double[] finals = new double[starts.length];
        double[][] points = new double[starts.length][];
        Status[] statuses = new Status[starts.length];
        for (double[] start : starts) {
            Run r = bfgs(f, start, settings);
            if (r.status != Status.CONVERGED) {
                Run nm = nelderMead(f, r.status == Status.FAILED ? start : r.x, settings);
                if (nm.status != Status.FAILED) {
                    Run polished = bfgs(f, nm.x, settings);
                    polished.iterations += nm.iterations + r.iterations;
                    polished.evaluations += nm.evaluations + r.evaluations;
                    polished.method = "Nelder-Mead then BFGS";
                    if (polished.status == Status.CONVERGED || better(polished, r)) {
                        r = polished;
                    }
                }
            }
            iterations += r.iterations;
            evaluations += r.evaluations;
            finals[run] = r.f;
            points[run] = r.x;
            run++;
            if (best == null || better(r, best)) {
                best = r;
            }
            statuses[run - 1] = r.status;
            if (best.status == Status.CONVERGED
                    && agreeing(finals, points, statuses, run, best, settings) >= settings.confirmAfter()) {
                break;
            }
        }
        double gnorm = best.g == null ? Double.POSITIVE_INFINITY : normInf(best.g);
        return new Result(best.x, best.f, gnorm, best.status, iterations, evaluations, run,
                agreeing(finals, points, statuses, run, best, settings), best.method);
    }

    private static boolean better(Run a, Run b) {
        if (Double.isFinite(a.f) != Double.isFinite(b.f)) {
            return Double.isFinite(a.f);
        }
        if (a.status == Status.CONVERGED && b.status == Status.CONVERGED) {
            return a.f < b.f;
        }
        if (Math.abs(a.f - b.f) <= 1e-9 * (1 + Math.abs(b.f))) {
            return a.status == Status.CONVERGED && b.status != Status.CONVERGED;
        }
        return a.f < b.f;
    }

    /**
     * The runs that reached the best value at the same point, or (both converged) within the
     * settings' tolerance of their limit, where the point is arbitrary along the ridge.
     */
    private static int agreeing(double[] finals, double[][] points, Status[] statuses, int n, Run best,
            Settings settings) {
        boolean bestAtLimit = best.status == Status.CONVERGED && atLimit(best.f, settings);
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(finals[i] - best.f) <= 1e-8 * (1 + Math.abs(best.f)) && distance(points[i], best.x) < 1e-2
                    || bestAtLimit && statuses[i] == Status.CONVERGED && atLimit(finals[i], settings)) {
                count++;
            }
        }
        return count;
    }

    private static boolean atLimit(double f, Settings settings) {
        return f >= settings.limit() - settings.limitTolerance();
    }

    private static double distance(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    static double normInf(double[] g) {
        double m = 0;
        for (double v : g) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static boolean finite(double[] g) {
        for (double v : g) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** BFGS with an inverse-Hessian approximation, Armijo backtracking and Powell damping. */
    static Run bfgs(Objective f, double[] start, Settings s) {
        int n = start.length;
        Run run = new Run();
        run.method = "BFGS";
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        run.evaluations = 1;
        if (!Double.isFinite(fx) || !finite(g)) {
            run.x = x;
            run.f = Double.POSITIVE_INFINITY;
            run.status = Status.FAILED;
            return run;
        }
        double[][] h = identity(n);
        double[] d = new double[n];
        double[] xn = new double[n];
        double[] gn = new double[n];
        boolean scaled = false;
        run.status = Status.MAX_ITERATIONS;
        int it = 0;
        int stalls = 0;
        double[] recent = new double[PROGRESS_WINDOW]; // f after each of the last accepted steps
        int steps = 0;
        for (; it < s.maxIterations(); it++) {
            if (normInf(g) <= s.gradientTolerance()) {
                run.status = Status.CONVERGED;
                break;
            }
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int j = 0; j < n; j++) {
                    v -= h[i][j] * g[j];
                }
                d[i] = v;
            }
            double slope = dot(g, d);
            if (!(slope < 0)) {
                h = identity(n);
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = dot(g, d);
            }
            // limit the step to 5 units of log-parameter space
            double dn = normInf(d);
            double step = dn > 5 ? 5 / dn : 1;
            double fn = Double.NaN;
            boolean accepted = false;
            for (int k = 0; k < 60; k++) {
                for (int i = 0; i < n; i++) {
                    xn[i] = x[i] + step * d[i];
                }
                fn = f.evaluate(xn, gn);
                run.evaluations++;
                if (Double.isFinite(fn) && finite(gn) && fn <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.3;
                if (Double.isFinite(fn) && step * -slope <= RESOLUTION * (1 + Math.abs(fx))) {
                    // the most a shorter step could decrease f, to first order, is below what f
                    // resolves: a decrease found further down would be rounding, not progress
                    break;
                }
            }
            if (!accepted) {
                // no decrease along the direction: restart once from steepest descent, then give up
                if (stalls++ > 0) {
                    // at the optimum the decrease a step could bring is below what the objective
                    // resolves in floating point (it sums many customers): converged, not stalled
                    run.status = -slope <= RESOLUTION * (1 + Math.abs(fx)) ? Status.CONVERGED : Status.STALLED;
                    break;
                }
                h = identity(n);
                continue;
            }
            stalls = 0;
            double[] sv = new double[n];
            double[] yv = new double[n];
            for (int i = 0; i < n; i++) {
                sv[i] = xn[i] - x[i];
                yv[i] = gn[i] - g[i];
            }
            double sy = dot(sv, yv);
            if (!scaled && sy > 0) {
                double scale = sy / dot(yv, yv);
                for (int i = 0; i < n; i++) {
                    Arrays.fill(h[i], 0);
                    h[i][i] = scale;
                }
                scaled = true;
            }
            if (sy > 1e-12 * Math.sqrt(dot(sv, sv) * dot(yv, yv))) {
                update(h, sv, yv, sy);
            }
            boolean tiny = Math.abs(fx - fn) <= 1e-16 * Math.max(1, Math.abs(fx)) && normInf(sv) < 1e-13;
            System.arraycopy(xn, 0, x, 0, n);
            System.arraycopy(gn, 0, g, 0, n);
            fx = fn;
            if (tiny && normInf(g) > s.gradientTolerance()) {
                run.status = dot(g, g) <= RESOLUTION * (1 + Math.abs(fx)) ? Status.CONVERGED : Status.STALLED;
                it++;
                break;
            }
            // PROGRESS_WINDOW accepted steps that together decreased f by less than it resolves:
            // the gradient left is rounding in the objective's sum (a flat ridge towards the edge
            // of the parameter space), and further steps only wander; same test as above
            double before = recent[steps % PROGRESS_WINDOW];
            recent[steps % PROGRESS_WINDOW] = fx;
            steps++;
            if (steps > PROGRESS_WINDOW && before - fx <= RESOLUTION * (1 + Math.abs(fx))
                    && normInf(g) > s.gradientTolerance()) {
                run.status = dot(g, g) <= RESOLUTION * (1 + Math.abs(fx)) ? Status.CONVERGED : Status.STALLED;
                it++;
                break;
            }
        }
        if (run.status == Status.MAX_ITERATIONS && normInf(g) <= s.gradientTolerance()) {
            run.status = Status.CONVERGED;
        }
        run.iterations = it;
        run.x = x;
        run.f = fx;
        run.g = g;
        return run;
    }

    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double[] hy = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += h[i][j] * y[j];
            }
            hy[i] = v;
        }
        double yhy = dot(y, hy);
        double rho = 1 / sy;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += (1 + yhy * rho) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
            }
        }
    }

    /** Nelder-Mead on the value only; the gradient is evaluated at the end. */
    static Run nelderMead(Objective f, double[] start, Settings s) {
        int n = start.length;
        Run run = new Run();
        run.method = "Nelder-Mead";
        double[][] p = new double[n + 1][];
        double[] v = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            p[i] = start.clone();
            if (i > 0) {
                p[i][i - 1] += 0.5;
            }
            v[i] = value(f, p[i]);
        }
        int evals = n + 1;
        int it = 0;
        int budget = Math.max(2000, 200 * n * n);
        for (; it < budget; it++) {
            Integer[] order = new Integer[n + 1];
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            double[] vv = v;
            Arrays.sort(order, (i, j) -> Double.compare(vv[i], vv[j]));
            double[][] ps = new double[n + 1][];
            double[] vs = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                ps[i] = p[order[i]];
                vs[i] = v[order[i]];
            }
            p = ps;
            v = vs;
            if (Double.isFinite(v[n]) && Math.abs(v[n] - v[0]) <= 1e-13 * (1 + Math.abs(v[0]))) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += p[i][j] / n;
                }
            }
            double[] xr = affine(centroid, p[n], -1);
            double fr = value(f, xr);
            evals++;
            if (fr < v[0]) {
                double[] xe = affine(centroid, p[n], -2);
                double fe = value(f, xe);
                evals++;
                if (fe < fr) {
                    p[n] = xe;
                    v[n] = fe;
                } else {
                    p[n] = xr;
                    v[n] = fr;
                }
            } else if (fr < v[n - 1]) {
                p[n] = xr;
                v[n] = fr;
            } else {
                double[] xc = fr < v[n] ? affine(centroid, p[n], -0.5) : affine(centroid, p[n], 0.5);
                double fc = value(f, xc);
                evals++;
                if (fc < Math.min(fr, v[n])) {
                    p[n] = xc;
                    v[n] = fc;
                } else {
                    for (int i = 1; i <= n; i++) {
                        for (int j = 0; j < n; j++) {
                            p[i][j] = p[0][j] + 0.5 * (p[i][j] - p[0][j]);
                        }
                        v[i] = value(f, p[i]);
                        evals++;
                    }
                }
            }
        }
        int bestIndex = 0;
        for (int i = 1; i <= n; i++) {
            if (v[i] < v[bestIndex]) {
                bestIndex = i;
            }
        }
        run.x = p[bestIndex];
        run.g = new double[n];
        run.f = f.evaluate(run.x, run.g);
        run.iterations = it;
        run.evaluations = evals + 1;
        run.status = Double.isFinite(run.f) ? Status.MAX_ITERATIONS : Status.FAILED;
        return run;
    }

    private static double value(Objective f, double[] x) {
        double v = f.evaluate(x, null);
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }

    /** centroid + t * (point - centroid). */
    private static double[] affine(double[] centroid, double[] point, double t) {
        double[] r = new double[centroid.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = centroid[i] + t * (point[i] - centroid[i]);
        }
        return r;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Inverts a symmetric positive-definite matrix by Cholesky decomposition.
     *
     * @param m the matrix
     * @return the inverse, or null when the matrix is not positive definite
     */
    public static double[][] invertSpd(double[][] m) {
        int n = m.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = m[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int c = 0; c < n; c++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double s = i == c ? 1 : 0;
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * y[k];
                }
                y[i] = s / l[i][i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k][i] * inv[k][c];
                }
                inv[i][c] = s / l[i][i];
            }
        }
        return inv;
    }
}
