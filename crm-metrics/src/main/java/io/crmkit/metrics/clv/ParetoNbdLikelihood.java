package io.crmkit.metrics.clv;

import java.util.Arrays;

/**
 * The total Pareto/NBD log-likelihood of a {@link BtydData} and its analytic gradient, laid out
 * for repeated evaluation by the optimiser. Same formulas as
 * {@link ParetoNbdMath#logLikelihood(double, double, double, double, int, double, double, double,
 * double[], double[])} summed over the patterns, with the work shared wherever the parameters of a
 * term do not depend on the whole pattern:
 *
 * <ul>
 *   <li>patterns with the same {@code x} form a group: {@code ln Gamma(r + x)}, its digamma and
 *       the coefficients of the series {@code 2F1(a, b; a + 1; z)} with {@code a = r + s + x}
 *       (and of its derivatives in {@code a}, {@code b}, {@code z}) are computed once per group
 *       and evaluation;
 *   <li>within a group the series is summed once per distinct time ({@code t_x} or {@code T}),
 *       as a polynomial in {@code z} with those coefficients: no division per term; four
 *       neighbouring times share one pass over the coefficients (independent sums the CPU
 *       overlaps), and the coefficients' reciprocals are computed once per evaluation for all
 *       groups;
 *   <li>{@code ln(alpha + T)}, {@code ln(beta + T)} and {@code ln(max(alpha, beta) + t)} once per
 *       distinct time;
 *   <li>the two-term log-sum-exp of each pattern shares its exponentials with the gradient
 *       weights, and nothing is allocated per evaluation.
 * </ul>
 *
 * <p>The series is summed in Euler's form (see {@link ParetoNbdMath#lnSeries}), whose positive
 * terms shrink at least by the factor z. Where it would still need more than
 * {@link ParetoNbdMath#SERIES_BUDGET} terms ({@code z} near 1: a rate scale far beyond the
 * observation time), the pattern's drop-out term is computed directly, by the binomial
 * expansion {@link ParetoNbdMath#lnTail} or else the bounded quadrature
 * {@link ParetoNbdMath#lnTailQuadrature}: every evaluation costs a bounded amount of work per
 * pattern, whatever the parameters. When all patterns of a group share their {@code t_x} (every
 * pattern with {@code x = 0} has {@code t_x = 0}) and the series is too long there, the patterns
 * that would each take a quadrature (those beyond the expansion's reach, the longest intervals)
 * share one quadrature pass over their sorted {@code T} ({@link ParetoNbdMath#lnTailQuadratureRun}).
 *
 * <p>Before the series, with {@code beta > alpha}, the points of the light buyers' groups
 * ({@code x <= }{@link #RECURRENCE_MAX_X}) at times where {@code alpha + t <= beta - alpha} take
 * their ln F from the recurrence in x of the drop-out integral ({@link #recurrence}): a few
 * products per point and step instead of the 50-400 series terms that z close to 1 costs there
 * (issue 14: the light buyers' series were most of the work per evaluation). Its error growth
 * is tracked step by step; where it would exceed about 3e-14 relative, the points left take the
 * series.
 *
 * <p>Not thread-safe: it reuses its work arrays; each fit creates its own.
 */
final class ParetoNbdLikelihood implements MaximumLikelihood.Function {

    /** Series terms precomputed per group at most; beyond, the rescaling series takes over. */
    static final int MAX_TERMS = 2048;

    /** Points of a group whose series are summed in one pass over the coefficients. */
    static final int LANES = 4;

    /**
     * Purchase counts up to this take their drop-out integral from the recurrence in x where it
     * is stable (see {@link #recurrence}); beyond, the series is short (its coefficients fall
     * like {@code k^-(r + x)}) and cheaper than the steps from 0.
     */
    static final int RECURRENCE_MAX_X = 40;
    /**
     * The relative error, in units of one step's rounding, at which the recurrence stops at a
     * time (the points left take the series): about 3e-14.
     */
    private static final double RECURRENCE_ERROR_LIMIT = 256;
    /** Subpanels of one gap between times above which the descent stops (a steep integrand). */
    private static final int MAX_SUBPANELS = 8;
    /** Subpanels from the highest time up to an anchor at z = 1/2 at most. */
    private static final int MAX_BRIDGE = 64;
    private static final double[][] GAUSS3 = Quadrature.gaussLegendre(3);
    private static final double[][] GAUSS5 = Quadrature.gaussLegendre(5);
    private static final double[][] GAUSS10 = Quadrature.gaussLegendre(10);

    /** Coefficients below this (they only shrink) contribute nothing at any z < 1. */
    private static final double COEFFICIENT_FLOOR = 1e-300;
    private static final double LN2 = 0.6931471805599453;
    /** exp(u) stays finite, with room for the products that follow. */
    private static final double MAX_EXP = 600;

    private final double[] weight;
    private final int[] bigTIndex;
    private final int[] txPoint;
    private final int[] bigTPoint;
    /** Group g covers patterns [groupPattern[g], groupPattern[g + 1]) and points [groupPoint[g], groupPoint[g + 1]). */
    private final int[] groupPattern;
    private final int[] groupPoint;
    private final int[] groupX;
    /** The point of the t_x that all patterns of group g share (every group x = 0), or -1. */
    private final int[] groupSharedTx;
    private final double[] pointT;
    private final int[] pointTime;
    private final double[] times;
    private final double[] bigTs;
    /** The purchase count of each point. */
    private final int[] pointX;
    /**
     * The times at which the recurrence in x runs, ascending (indices into {@link #times}): those
     * with a point of a group {@code x <= }{@link #RECURRENCE_MAX_X}; rec time i covers the points
     * {@code recPoint[recStart[i] .. recStart[i + 1])}, by increasing x. Empty when not batched.
     */
    private final int[] recTime;
    private final int[] recStart;
    private final int[] recPoint;
    /** Whether the point's ln F was computed by the recurrence in this evaluation. */
    private final boolean[] done;
    /** The integral over one gap between rec times and its derivatives (see {@link #panel}). */
    private final double[] panel = new double[5];
    // per evaluation and x <= RECURRENCE_MAX_X: 1 / (r + x), ln(r + s + x), 1 / (r + s + x)
    private final double[] recInvRx = new double[RECURRENCE_MAX_X + 1];
    private final double[] recLnA1 = new double[RECURRENCE_MAX_X + 1];
    private final double[] recInvA1 = new double[RECURRENCE_MAX_X + 1];

    // work arrays, per distinct time, T, point
    private final double[] lnM;
    private final double[] invM;
    private final double[] lnAT;
    private final double[] invAT;
    private final double[] lnBT;
    /** log1p(T / beta) per distinct T, and log1p(t / beta) per distinct time when beta is the larger. */
    private final double[] lnBTRel;
    private final double[] lnMRel;
    private final double[] invBT;
    private final double[] lnF;
    private final double[][] gradF;
    private final double[] d = new double[3];
    private final double[] tail = new double[4];
    // drop-out terms of a group summed in one quadrature pass, per point
    private final double[] runL2;
    private final double[][] runGrad;
    private final double[] acc = new double[5];
    /** The points of the current group whose series are summed together, by increasing time. */
    private final int[] lane = new int[LANES];
    /** LANES, or 1 when the points are summed one by one. */
    private final int lanes;
    // s and s ln(beta) of the current evaluation, for point()
    private double shiftS;
    private double shiftSLnBeta;
    // series coefficients of the current group
    private double[] c = new double[64];
    private double[] ca = new double[64];
    private double[] cb = new double[64];
    private double[] ck = new double[64];
    private int terms;
    private int usable;
    // 1 / (inverseABase + j) for j < inverseAFilled (likewise B), shared by the groups of one
    // evaluation; the current group reads them from offsetA + k and offsetB + k
    private double[] inverseA = new double[256];
    private double[] inverseB = new double[256];
    private double inverseABase;
    private double inverseBBase;
    private int inverseAFilled;
    private int inverseBFilled;
    private int offsetA;
    private int offsetB;
    private double harmonicB;
    private double harmonicA;

    ParetoNbdLikelihood(int[] xs, double[] tx, double[] bigT, double[] weight) {
        this(xs, tx, bigT, weight, true);
    }

    /**
     * With {@code batched} false every point's series is summed on its own and the recurrence in
     * x is not used (the reference the tests compare the four-point pass and the recurrence with).
     */
    ParetoNbdLikelihood(int[] xs, double[] tx, double[] bigT, double[] weight, boolean batched) {
        this.lanes = batched ? LANES : 1;
        int n = xs.length;
        this.weight = weight;
        this.times = unique(tx, bigT);
        this.bigTs = unique(bigT);
        this.bigTIndex = new int[n];
        for (int k = 0; k < n; k++) {
            bigTIndex[k] = Arrays.binarySearch(bigTs, bigT[k]);
        }
        int groups = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || xs[k] != xs[k - 1]) {
                groups++;
            }
        }
        groupPattern = new int[groups + 1];
        groupPoint = new int[groups + 1];
        groupX = new int[groups];
        groupSharedTx = new int[groups];
        txPoint = new int[n];
        bigTPoint = new int[n];
        double[] points = new double[2 * n];
        int[] time = new int[2 * n];
        int pointCount = 0;
        int g = -1;
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && xs[end] == xs[start]) {
                end++;
            }
            g++;
            groupPattern[g] = start;
            groupPoint[g] = pointCount;
            groupX[g] = xs[start];
            double[] local = unique(Arrays.copyOfRange(tx, start, end), Arrays.copyOfRange(bigT, start, end));
            for (double t : local) {
                points[pointCount] = t;
                time[pointCount] = Arrays.binarySearch(times, t);
                pointCount++;
            }
            groupSharedTx[g] = groupPoint[g] + Arrays.binarySearch(local, tx[start]);
            for (int k = start; k < end; k++) {
                txPoint[k] = groupPoint[g] + Arrays.binarySearch(local, tx[k]);
                bigTPoint[k] = groupPoint[g] + Arrays.binarySearch(local, bigT[k]);
                if (txPoint[k] != groupSharedTx[g]) {
                    groupSharedTx[g] = -1;
                }
            }
            start = end;
        }
        groupPattern[groups] = n;
        groupPoint[groups] = pointCount;
        pointT = Arrays.copyOf(points, pointCount);
        pointTime = Arrays.copyOf(time, pointCount);
        lnM = new double[times.length];
        invM = new double[times.length];
        lnAT = new double[bigTs.length];
        invAT = new double[bigTs.length];
        lnBT = new double[bigTs.length];
        lnBTRel = new double[bigTs.length];
        lnMRel = new double[times.length];
        invBT = new double[bigTs.length];
        lnF = new double[pointCount];
        gradF = new double[4][pointCount];
        runL2 = new double[pointCount];
        runGrad = new double[4][pointCount];
        pointX = new int[pointCount];
        for (int gg = 0; gg < groups; gg++) {
            Arrays.fill(pointX, groupPoint[gg], groupPoint[gg + 1], groupX[gg]);
        }
        done = new boolean[pointCount];
        // points per time with x <= RECURRENCE_MAX_X, by increasing x (groups come by increasing x)
        int[] perTime = new int[times.length];
        int eligible = 0;
        if (batched) {
            for (int p = 0; p < pointCount; p++) {
                if (pointX[p] <= RECURRENCE_MAX_X) {
                    perTime[pointTime[p]]++;
                    eligible++;
                }
            }
        }
        int recTimes = 0;
        for (int count : perTime) {
            if (count > 0) {
                recTimes++;
            }
        }
        recTime = new int[recTimes];
        recStart = new int[recTimes + 1];
        recPoint = new int[eligible];
        int[] recOf = new int[times.length];
        int at = 0;
        int i = 0;
        for (int j = 0; j < times.length; j++) {
            if (perTime[j] > 0) {
                recTime[i] = j;
                recStart[i] = at;
                recOf[j] = at;
                at += perTime[j];
                i++;
            }
        }
        recStart[recTimes] = at;
        if (batched) {
            for (int p = 0; p < pointCount; p++) {
                if (pointX[p] <= RECURRENCE_MAX_X) {
                    recPoint[recOf[pointTime[p]]++] = p;
                }
            }
        }
    }

    /** The sorted distinct values of the arrays. */
    private static double[] unique(double[]... arrays) {
        int n = 0;
        for (double[] a : arrays) {
            n += a.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] a : arrays) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        Arrays.sort(all);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || all[i] != all[m - 1]) {
                all[m++] = all[i];
            }
        }
        return Arrays.copyOf(all, m);
    }

    /** The number of distinct (x, t) points at which the series is summed per evaluation. */
    int pointCount() {
        return pointT.length;
    }

    /** The number of points whose ln F the last evaluation took from the recurrence in x. */
    int recurrencePoints() {
        int n = 0;
        for (boolean b : done) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean hasGradient() {
        return true;
    }

    @Override
    public double value(double[] theta, double[] gradient) {
        double r = theta[0];
        double alpha = theta[1];
        double s = theta[2];
        double beta = theta[3];
        boolean grad = gradient != null;
        boolean alphaLarger = alpha >= beta;
        double m = alphaLarger ? alpha : beta;
        double diff = alphaLarger ? alpha - beta : beta - alpha;
        for (int j = 0; j < times.length; j++) {
            double mt = m + times[j];
            lnM[j] = Math.log(mt);
            invM[j] = 1 / mt;
            if (!alphaLarger) {
                lnMRel[j] = Math.log1p(times[j] / beta);
            }
        }
        for (int j = 0; j < bigTs.length; j++) {
            lnAT[j] = Math.log(alpha + bigTs[j]);
            lnBT[j] = Math.log(beta + bigTs[j]);
            lnBTRel[j] = Math.log1p(bigTs[j] / beta);
            invAT[j] = 1 / (alpha + bigTs[j]);
            invBT[j] = 1 / (beta + bigTs[j]);
        }
        double lnAlpha = Math.log(alpha);
        double lnBeta = Math.log(beta);
        double lnS = Math.log(s);
        // Every pattern's log-likelihood has s ln(beta) (in common) and -s ln(beta + T) (in l1),
        // and its drop-out term -s ln(beta + u): all three are kept as one, s log1p(./beta), so
        // that the values stay exact to their last digits where s and beta run away together
        // (values only: the gradient formulas are those of the unshifted terms).
        double sLnBeta = s * lnBeta;
        shiftS = s;
        shiftSLnBeta = sLnBeta;
        // 1 / (a + k) and 1 / (a - b + k) of every group's coefficients, shared: a = r + s + x,
        // a - b = r + x - 1 (alpha the larger, b = s + 1) or s (b = r + x)
        inverseABase = r + s;
        inverseAFilled = 0;
        inverseBBase = alphaLarger ? r - 1 : s;
        inverseBFilled = 0;
        Arrays.fill(done, false);
        if (!alphaLarger && recTime.length > 0) {
            recurrence(r, alpha, s, beta, lnBeta, grad);
        }
        double lnGammaR = Special.lnGamma(r);
        double digammaR = grad ? Special.digamma(r) : 0;
        double sum = 0;
        double g0 = 0;
        double g1 = 0;
        double g2 = 0;
        double g3 = 0;
        for (int g = 0; g < groupX.length; g++) {
            int x = groupX[g];
            double rx = r + x;
            double a1 = r + s + x;
            double b2 = alphaLarger ? s + 1 : rx;
            startSeries(x, alphaLarger);
            int shared = groupSharedTx[g];
            // seriesCost's test without a transcendental call per point: its bound from the
            // coefficients is the group's, and its bound from z a threshold on 1 - z
            boolean slowCoefficients = ParetoNbdMath.powerCost(a1, b2) > ParetoNbdMath.SERIES_BUDGET && diff != 0;
            // (seriesCost is at most powerCost: a heavy buyer's group, whose coefficients fall fast,
            // skips its logarithms)
            boolean run = shared >= 0 && !done[shared] && slowCoefficients
                    && ParetoNbdMath.seriesCost(a1, b2, diff * invM[pointTime[shared]],
                    ((alphaLarger ? beta : alpha) + pointT[shared]) * invM[pointTime[shared]])
                    > ParetoNbdMath.SERIES_BUDGET;
            int runFrom = groupPoint[g + 1];
            if (run) {
                // every pattern needs the expensive point, so each takes its drop-out term directly:
                // the expansion where it applies (the shorter intervals), and for the rest, which
                // would each take a quadrature, one quadrature pass over their sorted ends
                lnF[shared] = Double.NaN;
                runFrom = shared + 1;
                while (runFrom < groupPoint[g + 1]
                        && ParetoNbdMath.expansionApplies(r, alpha, s, beta, x, pointT[runFrom])) {
                    runFrom++;
                }
                if (runFrom < groupPoint[g + 1]) {
                    ParetoNbdMath.lnTailQuadratureRun(r, alpha, s, beta, x, pointT[shared], pointT, runFrom,
                            groupPoint[g + 1], runL2, grad ? runGrad : null, acc);
                }
            } else {
                // the points are sorted by time, so by decreasing z: four neighbours at a time share
                // one pass over the coefficients (four independent sums per term for the CPU)
                int pending = 0;
                for (int p = groupPoint[g]; p < groupPoint[g + 1]; p++) {
                    if (done[p]) {
                        continue;
                    }
                    double oneMinusZ = ((alphaLarger ? beta : alpha) + pointT[p]) * invM[pointTime[p]];
                    if (slowCoefficients && oneMinusZ < ParetoNbdMath.GEOMETRIC_LIMIT) {
                        lnF[p] = Double.NaN; // summed only if the drop-out term's expansion does not apply
                    } else {
                        lane[pending++] = p;
                        if (pending == lanes) {
                            if (lanes == LANES) {
                                points(a1, b2, rx, alphaLarger, alpha, beta, diff, grad);
                            } else {
                                point(p, a1, b2, rx, alphaLarger, alpha, beta, diff, grad);
                            }
                            pending = 0;
                        }
                    }
                }
                for (int i = 0; i < pending; i++) {
                    point(lane[i], a1, b2, rx, alphaLarger, alpha, beta, diff, grad);
                }
            }
            double common = Special.lnGamma(rx) - lnGammaR + r * lnAlpha;
            double lnRatio = lnS - Math.log(a1);
            double dr = grad ? Special.digamma(rx) - digammaR + lnAlpha : 0;
            double invA1 = 1 / a1;
            for (int k = groupPattern[g]; k < groupPattern[g + 1]; k++) {
                int ti = bigTIndex[k];
                int ptx = txPoint[k];
                int pT = bigTPoint[k];
                double l1 = -rx * lnAT[ti] - s * lnBTRel[ti];
                if (run || Double.isNaN(lnF[ptx]) || Double.isNaN(lnF[pT])) {
                    double l2;
                    if (!(pointT[ptx] < pointT[pT])) {
                        l2 = Double.NEGATIVE_INFINITY; // t_x = T: the customer has been seen alive to the end
                    } else if (pT >= runFrom) {
                        l2 = runL2[pT] + sLnBeta;
                        if (grad) {
                            for (int i = 0; i < 4; i++) {
                                tail[i] = runGrad[i][pT];
                            }
                        }
                    } else {
                        l2 = ParetoNbdMath.lnTail(r, alpha, s, beta, x, pointT[ptx], pointT[pT], grad ? tail : null,
                                true);
                        if (Double.isNaN(l2)) {
                            l2 = ParetoNbdMath.lnTailQuadrature(r, alpha, s, beta, x, pointT[ptx], pointT[pT],
                                    grad ? tail : null) + sLnBeta;
                        }
                    }
                    if (!Double.isNaN(l2)) {
                        double lse = l2 == Double.NEGATIVE_INFINITY ? l1 : Special.logAddExp(l1, l2);
                        double p1 = Math.exp(l1 - lse);
                        double p2 = l2 == Double.NEGATIVE_INFINITY ? 0 : 1 - p1;
                        double w = weight[k];
                        sum += w * (common + lse);
                        if (grad) {
                            g0 += w * (dr - p1 * lnAT[ti] + p2 * tail[0]);
                            g1 += w * (r / alpha - p1 * rx * invAT[ti] + p2 * tail[1]);
                            g2 += w * (lnBeta - p1 * lnBT[ti] + p2 * tail[2]);
                            g3 += w * (s / beta - p1 * s * invBT[ti] + p2 * tail[3]);
                        }
                        continue;
                    }
                    if (Double.isNaN(lnF[ptx])) {
                        point(ptx, a1, b2, rx, alphaLarger, alpha, beta, diff, grad);
                    }
                    if (Double.isNaN(lnF[pT])) {
                        point(pT, a1, b2, rx, alphaLarger, alpha, beta, diff, grad);
                    }
                }
                double lnFtx = lnF[ptx];
                double delta = lnF[pT] - lnFtx;
                double lse;
                double p1;
                double p2;
                double cTx = 0;
                double cT = 0;
                if (delta >= 0) {
                    lse = l1; // t_x = T: the customer has been seen alive to the end
                    p1 = 1;
                    p2 = 0;
                } else {
                    // F_T / F_tx = q and L2 / L1 = e = E (1 - q) with E = (s/a1) F_tx / L1. Only exp
                    // and log, which the JIT compiles inline: 1 - q by Kahan's expm1 near q = 1, and
                    // ln(1 + e) rather than log1p since lse is needed to absolute precision only.
                    double q = Math.exp(delta);
                    double oneMinusQ;
                    if (q == 1) {
                        oneMinusQ = -delta;
                    } else if (delta > -LN2) {
                        oneMinusQ = (1 - q) * (delta / Math.log(q));
                    } else {
                        oneMinusQ = 1 - q;
                    }
                    double u = lnRatio + lnFtx - l1;
                    if (u < MAX_EXP) {
                        double bigE = Math.exp(u);
                        double e = bigE * oneMinusQ;
                        lse = l1 + Math.log(1 + e);
                        p1 = 1 / (1 + e);
                        p2 = e * p1;
                        cTx = bigE * p1;
                    } else {
                        double l2 = lnRatio + lnFtx + Math.log(oneMinusQ);
                        double e = Math.exp(l1 - l2);
                        lse = l2 + Math.log(1 + e);
                        p2 = 1 / (1 + e);
                        p1 = e * p2;
                        cTx = p2 / oneMinusQ;
                    }
                    cT = cTx * q;
                }
                double w = weight[k];
                sum += w * (common + lse);
                if (grad) {
                    g0 += w * (dr - p1 * lnAT[ti] - p2 * invA1 + cTx * gradF[0][ptx] - cT * gradF[0][pT]);
                    g1 += w * (r / alpha - p1 * rx * invAT[ti] + cTx * gradF[1][ptx] - cT * gradF[1][pT]);
                    g2 += w * (lnBeta - p1 * lnBT[ti] + p2 * (1 / s - invA1) + cTx * gradF[2][ptx]
                            - cT * gradF[2][pT]);
                    g3 += w * (s / beta - p1 * s * invBT[ti] + cTx * gradF[3][ptx] - cT * gradF[3][pT]);
                }
            }
        }
        if (grad) {
            gradient[0] = g0;
            gradient[1] = g1;
            gradient[2] = g2;
            gradient[3] = g3;
        }
        return sum;
    }

    /**
     * With beta the larger, ln F and its gradient at every point of a purchase count up to
     * {@link #RECURRENCE_MAX_X} whose time lies where {@code alpha + t <= beta - alpha}, from the
     * drop-out integral {@code I_x(t) = integral over (t, inf) of (alpha + u)^-(r + x) (beta + u)^-(s + 1) du}
     * (so that {@code F = (r + s + x) I_x(t) beta^s}) and its recurrence in x, which integration
     * by parts gives:
     * {@code (alpha + t)^-(r + x) (beta + t)^-s = (r + x + s) I_x(t) + (r + x)(beta - alpha) I_(x+1)(t)}.
     * Forwards, an error in {@code I_x} reaches {@code I_(x+1)} multiplied by
     * {@code (r + x + s) I_x / ((r + x)(beta - alpha) I_(x+1))}, about
     * {@code (alpha + t) / (beta - alpha)} once x is past the first steps: where that is below 1
     * the recurrence keeps its digits, and that is where the series needs the most terms
     * ({@code z = (beta - alpha)/(beta + t)} at least 1/2). The growth is tracked step by step from
     * the quantities at hand; past {@link #RECURRENCE_ERROR_LIMIT} the points left at that time
     * take the series. Each step costs a few products for the value and its four derivatives
     * (differentiated recurrence), against 50-400 terms of the series per point.
     *
     * <p>{@code I_0} comes from one series at the highest of those times (where z is smallest),
     * and downwards from there by adding the integral over each gap between consecutive times,
     * by Gauss-Legendre quadrature in {@code v = ln(alpha + u)} (positive parts only: nothing
     * cancels). All values carry the factor {@code beta^s} as in {@link #value}, as
     * {@code (1 + t/beta)^-s}. Sets {@link #done} for the points it computes; the others are left
     * to the series (consistent: every point's F is the same absolute quantity).
     */
    private void recurrence(double r, double alpha, double s, double beta, double lnBeta, boolean grad) {
        double diff = beta - alpha;
        double limit = diff - alpha;
        int top = recTime.length - 1;
        while (top >= 0 && !(times[recTime[top]] <= limit)) {
            top--;
        }
        if (top < 0) {
            return;
        }
        double a = r + s;
        double slope = Math.max(Math.abs(1 - r), a); // of the log-integrand in v
        double tTop = times[recTime[top]];
        // the anchor: beta^s I_0 at t_top, or where z = 1/2 (the region's edge) when the series
        // is too long at t_top, bridged down to t_top by quadrature
        double tAnchor = tTop;
        if (ParetoNbdMath.seriesCost(a, r, diff / (beta + tTop), (alpha + tTop) / (beta + tTop))
                > ParetoNbdMath.SERIES_BUDGET) {
            tAnchor = limit;
            if (!(tAnchor > tTop) || !panel(r, alpha, s, beta, lnBeta, tTop, Math.log(alpha + tTop),
                    Math.log1p(tTop / beta), tAnchor, slope, grad, MAX_BRIDGE)) {
                return;
            }
        }
        double z = diff / (beta + tAnchor);
        double oneMinusZ = (alpha + tAnchor) / (beta + tAnchor);
        // beta^s I_0(t) = 2F1(r + s, r; r + s + 1; z) (beta + t)^-r (1 + t/beta)^-s / (r + s)
        double lnSeries = ParetoNbdMath.lnSeries(a, r, z, oneMinusZ, grad ? d : null);
        double lnBetaT = Math.log(beta + tAnchor);
        double anchor = Math.exp(lnSeries - r * lnBetaT - s * Math.log1p(tAnchor / beta) - Math.log(a));
        double[] acc = panel;
        double c0 = 0;
        double cR = 0;
        double cA = 0;
        double cS = 0;
        double cB = 0;
        if (tAnchor > tTop) {
            c0 = acc[0];
            cR = acc[1];
            cA = acc[2];
            cS = acc[3];
            cB = acc[4];
        }
        double anchorR = 0;
        double anchorA = 0;
        double anchorS = 0;
        double anchorB = 0;
        if (grad) {
            // the derivatives of ln(beta^s I_0): those of ln I_0 plus (0, 0, ln beta, s / beta)
            double invBT = 1 / (beta + tAnchor);
            anchorR = anchor * (d[0] + d[1] - lnBetaT - 1 / a);
            anchorA = anchor * (-d[2] * invBT);
            anchorS = anchor * (d[0] - lnBetaT - 1 / a + lnBeta);
            anchorB = anchor * (d[2] * (alpha + tAnchor) * invBT * invBT - a * invBT + s / beta);
        }
        // per purchase count: 1 / (r + x), ln(r + s + x), 1 / (r + s + x)
        int maxX = 0;
        for (int j = recStart[top + 1] - 1; j >= 0 && maxX < RECURRENCE_MAX_X; j--) {
            maxX = Math.max(maxX, pointX[recPoint[j]]);
        }
        double[] invRx = recInvRx;
        double[] lnA1 = recLnA1;
        double[] invA1s = recInvA1;
        for (int x = 0; x <= maxX; x++) {
            invRx[x] = 1 / (r + x);
            lnA1[x] = Math.log(a + x);
            invA1s[x] = 1 / (a + x);
        }
        double invBeta = 1 / beta;
        double invDiff = 1 / diff;
        for (int i = top; i >= 0; i--) {
            double t = times[recTime[i]];
            double at = alpha + t;
            double lnAt = Math.log(at);
            double lnT = Math.log1p(t * invBeta);
            if (i < top) {
                if (!panel(r, alpha, s, beta, lnBeta, t, lnAt, lnT, times[recTime[i + 1]], slope, grad,
                        MAX_SUBPANELS)) {
                    return; // a steep integrand: the points below take the series
                }
                c0 += acc[0];
                cR += acc[1];
                cA += acc[2];
                cS += acc[3];
                cB += acc[4];
            }
            // K_x = (alpha + t)^(r + x) beta^s I_x(t), whose recurrence
            // (r + x + s) K_x + (r + x)(beta - alpha)/(alpha + t) K_(x+1) = e, e = (1 + t/beta)^-s,
            // has no powers that could overflow
            double invAt = 1 / at;
            double atD = at * invDiff;
            double pow = Math.exp(r * lnAt);
            double k = pow * (anchor + c0);
            double kR = 0;
            double kA = 0;
            double kS = 0;
            double kB = 0;
            double e = Math.exp(-s * lnT);
            double eS = 0;
            double eB = 0;
            if (grad) {
                kR = k * lnAt + pow * (anchorR + cR);
                kA = k * r * invAt + pow * (anchorA + cA);
                kS = pow * (anchorS + cS);
                kB = pow * (anchorB + cB);
                eS = -lnT * e;
                eB = s * t * invBeta / (beta + t) * e;
            }
            int x = 0;
            // a bound on the absolute error of k in units of the rounding (2^-53 relative): the
            // anchor's and the panels' rounding to start with, then each step's
            double bound = 8 * k;
            for (int j = recStart[i]; j < recStart[i + 1]; j++) {
                int p = recPoint[j];
                int target = pointX[p];
                while (x < target) {
                    double rx = r + x;
                    double sub = (rx + s) * k;
                    double n = e - sub;
                    double scale = atD * invRx[x]; // (alpha + t) / ((r + x)(beta - alpha))
                    double next = n * scale;
                    bound = scale * ((rx + s) * bound + e + sub) + next;
                    if (!(n > 0) || !(bound <= RECURRENCE_ERROR_LIMIT * next)) {
                        break;
                    }
                    if (grad) {
                        double nR = -k - (rx + s) * kR;
                        double nA = -(rx + s) * kA;
                        double nS = eS - k - (rx + s) * kS;
                        double nB = eB - (rx + s) * kB;
                        kR = nR * scale - next * invRx[x];
                        kA = (n * invAt + nA) * scale + next * invDiff;
                        kS = nS * scale;
                        kB = nB * scale - next * invDiff;
                    }
                    k = next;
                    x++;
                }
                if (x < target || !(k > 0) || Double.isInfinite(k)) {
                    break; // unstable from here: the points left at this time take the series
                }
                double rx = r + x;
                double invK = 1 / k;
                lnF[p] = lnA1[x] + Math.log(k) - rx * lnAt;
                if (grad) {
                    gradF[0][p] = invA1s[x] + kR * invK - lnAt;
                    gradF[1][p] = kA * invK - rx * invAt;
                    gradF[2][p] = invA1s[x] + kS * invK - lnBeta;
                    gradF[3][p] = kB * invK - s * invBeta;
                }
                done[p] = true;
            }
        }
    }

    /**
     * The integral of {@code g(u) = (alpha + u)^-r (beta + u)^-(s + 1) beta^s} over
     * {@code (lo, hi)} into {@code panel[0]}, and of g times its log-derivatives in r, alpha, s,
     * beta into {@code panel[1..4]}: Gauss-Legendre in {@code v = ln(alpha + u)}, where the
     * log-integrand's slope is at most {@code slope} and the nearest singularity ({@code u = -beta})
     * is {@code pi} away from the real axis. Subpanels at most 1 wide in v and 2 in log-integrand
     * change take 10 nodes, those within 0.3 (0.02) of change 5 (3): for an exponential of
     * change h over the panel the rules' relative errors are about {@code 4e-13 (h/2)^10} and
     * {@code 5e-7 (h/2)^6}, below 1e-20 and 1e-17. False (nothing written) when the gap would
     * need more than {@code maxParts} subpanels.
     */
    private boolean panel(double r, double alpha, double s, double beta, double lnBeta, double lo, double lnX0,
            double lnRelLo, double hi, double slope, boolean grad, int maxParts) {
        double x0 = alpha + lo;
        double width = log1p((hi - lo) / x0);
        int parts = (int) Math.ceil(Math.max(width, slope * width * 0.5));
        if (!(parts <= maxParts)) {
            return false;
        }
        parts = Math.max(parts, 1);
        double h = width / parts;
        double change = slope * h;
        double[][] rule = change <= 0.02 ? GAUSS3 : change <= 0.3 ? GAUSS5 : GAUSS10;
        double[] nodes = rule[0];
        double[] weights = rule[1];
        double half = 0.5 * h;
        double sum = 0;
        double sR = 0;
        double sA = 0;
        double sS = 0;
        double sB = 0;
        double oneMinusR = 1 - r;
        double q = s + 1;
        double invBetaLo = 1 / (beta + lo);
        double invBeta = 1 / beta;
        for (int part = 0; part < parts; part++) {
            double mid = (part + 0.5) * h;
            for (int i = 0; i < nodes.length; i++) {
                double w = mid + half * nodes[i];
                double grow = x0 * expm1(w);
                double u = lo + grow; // alpha + u = x0 e^w
                double lnA = lnX0 + w;
                // log1p(u / beta) = log1p(lo / beta) + log1p((u - lo) / (beta + lo))
                double lnRel = lnRelLo + log1p(grow * invBetaLo);
                // g(u) du = (alpha + u)^(1 - r) beta^-1 (1 + u/beta)^-(s + 1) dv
                double value = weights[i] * half * Math.exp(oneMinusR * lnA - lnBeta - q * lnRel);
                sum += value;
                if (grad) {
                    sR -= value * lnA;
                    sA -= value * r / (x0 + grow);
                    sS -= value * lnRel;
                    sB += value * (s * u - beta) * invBeta / (beta + u);
                }
            }
        }
        panel[0] = sum;
        panel[1] = sR;
        panel[2] = sA;
        panel[3] = sS;
        panel[4] = sB;
        return true;
    }

    /** log1p(y), by its Taylor series where |y| < 1/64 (truncation below 2^-60 relative). */
    static double log1p(double y) {
        if (Math.abs(y) >= 0.015625) {
            return Math.log1p(y);
        }
        return y * (1 - y * (1.0 / 2 - y * (1.0 / 3 - y * (1.0 / 4 - y * (1.0 / 5 - y * (1.0 / 6 - y * (1.0 / 7
                - y * (1.0 / 8 - y * (1.0 / 9 - y * (1.0 / 10))))))))));
    }

    /**
     * expm1(w), by its Taylor series where |w| < 1/64 (truncation below 2^-70 relative), else
     * {@code exp(w) - 1}: relative error at most 2^-47 there, and the callers need
     * {@code x0 expm1(w)} to an absolute {@code 2^-52 x0 e^w} only (an offset added to t).
     * Math.expm1 is not compiled inline and costs as much as the rest of a panel.
     */
    static double expm1(double w) {
        if (Math.abs(w) >= 0.015625) {
            return Math.exp(w) - 1;
        }
        return w * (1 + w * (1.0 / 2 + w * (1.0 / 6 + w * (1.0 / 24 + w * (1.0 / 120 + w * (1.0 / 720 + w * (1.0 / 5040
                + w * (1.0 / 40320 + w / 362880))))))));
    }

    /**
     * Sums the series at point {@code p} of the current group: {@code lnF[p]} and, with
     * {@code grad}, the gradient of {@code ln F} into {@code gradF[.][p]}.
     */
    private void point(int p, double a1, double b2, double rx, boolean alphaLarger, double alpha, double beta, double diff,
            boolean grad) {
        double near = alphaLarger ? beta : alpha;
        int tj = pointTime[p];
        double z = diff * invM[tj];
        double lnSeries = series(a1, b2, z, (near + pointT[p]) * invM[tj], grad);
        store(p, lnSeries, a1, rx, alphaLarger, beta, alpha, grad);
    }

    /**
     * Sums the series at the {@link #LANES} points in {@link #lane} of the current group in one
     * pass, as {@link #point} does at each; falls back to {@link #point} per point when the
     * coefficient table cannot grow far enough.
     */
    private void points(double a, double b, double rx, boolean alphaLarger, double alpha, double beta, double diff,
            boolean grad) {
        double near = alphaLarger ? beta : alpha;
        int q0 = lane[0];
        int q1 = lane[1];
        int q2 = lane[2];
        int q3 = lane[3];
        double z0 = diff * invM[pointTime[q0]];
        double z1 = diff * invM[pointTime[q1]];
        double z2 = diff * invM[pointTime[q2]];
        double z3 = diff * invM[pointTime[q3]];
        double m0 = (near + pointT[q0]) * invM[pointTime[q0]];
        double m1 = (near + pointT[q1]) * invM[pointTime[q1]];
        double m2 = (near + pointT[q2]) * invM[pointTime[q2]];
        double m3 = (near + pointT[q3]) * invM[pointTime[q3]];
        double g0 = z0 / m0;
        double g1 = z1 / m1;
        double g2 = z2 / m2;
        double g3 = z3 / m3;
        double inverseB = b > 1 ? 1 / (b - 1) : Double.POSITIVE_INFINITY;
        double s0 = 1;
        double s1 = 1;
        double s2 = 1;
        double s3 = 1;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        double k0 = 0;
        double k1 = 0;
        double k2 = 0;
        double k3 = 0;
        double w0 = 1;
        double w1 = 1;
        double w2 = 1;
        double w3 = 1;
        // Three phases, so that no point sums many more terms than it needs: all four until the
        // two with the smallest z pass their stopping test, the first two until the second
        // passes, then the first alone. Each test is that of series(); a point that passed
        // earlier only gains terms below its last digit.
        int k = 1;
        int phase = 4;
        while (phase > 0) {
            int available = available(a, b, k);
            if (available == 0) {
                break; // the coefficients fell below the floor: the rest is negligible for every point
            }
            if (available < 0) {
                for (int i = 0; i < LANES; i++) {
                    point(lane[i], a, b, rx, alphaLarger, alpha, beta, diff, grad);
                }
                return;
            }
            double[] cc = c;
            double[] cA = ca;
            double[] cB = cb;
            double[] cK = ck;
            int n = Math.min(terms, cc.length);
            if (phase == 4) {
                for (; k < n; k++) {
                    double c0 = cc[k];
                    double c1 = cA[k];
                    double c2 = cB[k];
                    double c3 = cK[k];
                    k0 += c3 * w0;
                    k1 += c3 * w1;
                    k2 += c3 * w2;
                    k3 += c3 * w3;
                    w0 *= z0;
                    w1 *= z1;
                    w2 *= z2;
                    w3 *= z3;
                    double t2 = c0 * w2;
                    double t3 = c0 * w3;
                    s0 += c0 * w0;
                    s1 += c0 * w1;
                    s2 += t2;
                    s3 += t3;
                    a0 += c1 * w0;
                    a1 += c1 * w1;
                    a2 += c1 * w2;
                    a3 += c1 * w3;
                    b0 += c2 * w0;
                    b1 += c2 * w1;
                    b2 += c2 * w2;
                    b3 += c2 * w3;
                    double power = (a + k + 1) * inverseB;
                    if (t2 * (power < g2 ? power : g2) <= 1e-17 * s2 && t3 * (power < g3 ? power : g3) <= 1e-17 * s3) {
                        k++;
                        phase = 2;
                        break;
                    }
                }
            } else if (phase == 2) {
                for (; k < n; k++) {
                    double c0 = cc[k];
                    double c1 = cA[k];
                    double c2 = cB[k];
                    double c3 = cK[k];
                    k0 += c3 * w0;
                    k1 += c3 * w1;
                    w0 *= z0;
                    w1 *= z1;
                    double t1 = c0 * w1;
                    s0 += c0 * w0;
                    s1 += t1;
                    a0 += c1 * w0;
                    a1 += c1 * w1;
                    b0 += c2 * w0;
                    b1 += c2 * w1;
                    double power = (a + k + 1) * inverseB;
                    if (t1 * (power < g1 ? power : g1) <= 1e-17 * s1) {
                        k++;
                        phase = 1;
                        break;
                    }
                }
            } else {
                for (; k < n; k++) {
                    double c0 = cc[k];
                    k0 += cK[k] * w0;
                    w0 *= z0;
                    double t0 = c0 * w0;
                    s0 += t0;
                    a0 += cA[k] * w0;
                    b0 += cB[k] * w0;
                    double power = (a + k + 1) * inverseB;
                    if (t0 * (power < g0 ? power : g0) <= 1e-17 * s0) {
                        phase = 0;
                        break;
                    }
                }
            }
        }
        store(q0, finish(b, s0, a0, b0, k0, m0, grad), a, rx, alphaLarger, beta, alpha, grad);
        store(q1, finish(b, s1, a1, b1, k1, m1, grad), a, rx, alphaLarger, beta, alpha, grad);
        store(q2, finish(b, s2, a2, b2, k2, m2, grad), a, rx, alphaLarger, beta, alpha, grad);
        store(q3, finish(b, s3, a3, b3, k3, m3, grad), a, rx, alphaLarger, beta, alpha, grad);
    }

    /**
     * Stores {@code ln F} at point {@code p} from the log of its series and, with {@code grad},
     * the gradient of {@code ln F} from the series' derivatives in {@link #d}.
     */
    private void store(int p, double lnSeries, double a1, double rx, boolean alphaLarger, double beta, double alpha,
            boolean grad) {
        int tj = pointTime[p];
        // ln F plus s ln(beta) (see value): with beta the larger, m = beta and
        // s ln(beta) - a1 ln(beta + t) = -(r + x) ln(beta + t) - s log1p(t / beta)
        lnF[p] = alphaLarger ? lnSeries - a1 * lnM[tj] + shiftSLnBeta
                : lnSeries - rx * lnM[tj] - shiftS * lnMRel[tj];
        if (grad) {
            double lnMt = lnM[tj];
            double inv = invM[tj];
            double t = pointT[p];
            if (alphaLarger) {
                // z = (alpha - beta)/(alpha + t), b2 = s + 1
                gradF[0][p] = d[0] - lnMt;
                gradF[1][p] = d[2] * (t + beta) * inv * inv - a1 * inv;
                gradF[2][p] = d[0] + d[1] - lnMt;
                gradF[3][p] = -d[2] * inv;
            } else {
                // z = (beta - alpha)/(beta + t), b2 = r + x
                gradF[0][p] = d[0] + d[1] - lnMt;
                gradF[1][p] = -d[2] * inv;
                gradF[2][p] = d[0] - lnMt;
                gradF[3][p] = d[2] * (t + alpha) * inv * inv - a1 * inv;
            }
        }
    }

    /**
     * Whether the coefficient of term {@code k} is at hand: 1 when it is (extending the table if
     * needed), 0 when the coefficients fell below the floor before it (the rest is negligible),
     * -1 when the table cannot grow (the caller falls back to {@link ParetoNbdMath#lnSeries}).
     */
    private int available(double a, double b, int k) {
        if (k < terms) {
            return 1;
        }
        if (k >= usable || !extend(a, b, Math.max(2 * k, 16))) {
            return k >= usable && usable < MAX_TERMS ? 0 : -1;
        }
        return 1;
    }

    /** Resets the coefficient table for the next group's (a, b): that of purchase count x. */
    private void startSeries(int x, boolean alphaLarger) {
        offsetA = x;
        offsetB = alphaLarger ? x : 0;
        c[0] = 1;
        ca[0] = 0;
        cb[0] = 0;
        ck[0] = 0;
        terms = 1;
        usable = MAX_TERMS;
        harmonicB = 0;
        harmonicA = 0;
    }

    /**
     * Extends the coefficient table of (a, b) towards {@code n} terms; false when it cannot grow
     * (size limit reached). The coefficients are those of Euler's form, as in
     * {@link ParetoNbdMath#lnSeries}: {@code c_k = (a + 1 - b)_k / (a + 1)_k}, with
     * {@code c_k (d/da) ln c_k}, {@code c_k (d/db) ln c_k} and {@code k c_k}.
     */
    private boolean extend(double a, double b, int n) {
        int before = terms;
        if (n > c.length) {
            int size = Math.min(MAX_TERMS, Math.max(n, 2 * c.length));
            c = Arrays.copyOf(c, size);
            ca = Arrays.copyOf(ca, size);
            cb = Arrays.copyOf(cb, size);
            ck = Arrays.copyOf(ck, size);
        }
        int end = Math.min(n, c.length);
        if (offsetA + end > inverseAFilled) {
            inverseA = fill(inverseA, inverseAFilled, offsetA + end, inverseABase);
            inverseAFilled = offsetA + end;
        }
        if (offsetB + end > inverseBFilled) {
            inverseB = fill(inverseB, inverseBFilled, offsetB + end, inverseBBase);
            inverseBFilled = offsetB + end;
        }
        double[] invA = inverseA;
        double[] invB = inverseB;
        for (int k = terms; k < end; k++) {
            double inverse = invA[offsetA + k];
            double v = c[k - 1] * ((a - b + k) * inverse);
            harmonicB += invB[offsetB + k];
            harmonicA += inverse;
            if (!(v > COEFFICIENT_FLOOR)) {
                usable = k;
                break;
            }
            c[k] = v;
            ca[k] = v * (harmonicB - harmonicA);
            cb[k] = -v * harmonicB;
            ck[k] = v * k;
            terms = k + 1;
        }
        return terms > before;
    }

    /** Fills {@code table[j] = 1 / (base + j)} for j in [from, to), growing it as needed. */
    private static double[] fill(double[] table, int from, int to, double base) {
        double[] t = to > table.length ? Arrays.copyOf(table, Math.max(to, 2 * table.length)) : table;
        for (int j = from; j < to; j++) {
            t[j] = 1 / (base + j);
        }
        return t;
    }

    /**
     * ln 2F1(a, b; a + 1; z) for 0 <= z < 1 from the current group's coefficients; with
     * {@code derivatives} the derivatives of that log in a, b and z into {@link #d}.
     */
    private double series(double a, double b, double z, double oneMinusZ, boolean derivatives) {
        double sum = 1;
        double sa = 0;
        double sb = 0;
        double sk = 0;
        double zk = 1; // z^(k-1), then z^k
        double geometric = z / oneMinusZ;
        // the stopping test of ParetoNbdMath.lnSeries, term * tailBound(a, b, k, geometric), with
        // the division and Math.min of tailBound taken out of the loop (b <= 1: geometric only)
        double inverseB = b > 1 ? 1 / (b - 1) : Double.POSITIVE_INFINITY;
        int k = 1;
        summing:
        while (true) {
            if (k >= terms) {
                if (k >= usable || !extend(a, b, Math.max(2 * k, 16))) {
                    if (k >= usable && usable < MAX_TERMS) {
                        break; // the coefficients fell below the floor: the rest is negligible
                    }
                    return ParetoNbdMath.lnSeries(a, b, z, oneMinusZ, derivatives ? d : null);
                }
            }
            // a loop without calls over the coefficients at hand, for the JIT
            double[] c0 = c;
            double[] c1 = ca;
            double[] c2 = cb;
            double[] c3 = ck;
            int n = Math.min(terms, c0.length);
            for (; k < n; k++) {
                sk += c3[k] * zk;
                zk *= z;
                double term = c0[k] * zk;
                sum += term;
                sa += c1[k] * zk;
                sb += c2[k] * zk;
                double power = (a + k + 1) * inverseB;
                if (term * (power < geometric ? power : geometric) <= 1e-17 * sum) {
                    break summing;
                }
            }
        }
        return finish(b, sum, sa, sb, sk, oneMinusZ, derivatives);
    }

    /**
     * The log of the series from its sums ({@code sum} of the terms, {@code sa}, {@code sb},
     * {@code sk} of their derivatives in a, b and of k times them); with {@code derivatives} the
     * derivatives of that log in a, b and z into {@link #d}.
     */
    private double finish(double b, double sum, double sa, double sb, double sk, double oneMinusZ,
            boolean derivatives) {
        double ln1mz = Math.log(oneMinusZ);
        if (derivatives) {
            d[0] = sa / sum;
            d[1] = sb / sum - ln1mz;
            d[2] = sk / sum + (b - 1) / oneMinusZ;
        }
        return (1 - b) * ln1mz + Math.log(sum);
    }
}
