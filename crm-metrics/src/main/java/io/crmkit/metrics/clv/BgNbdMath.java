package io.crmkit.metrics.clv;

import io.crmkit.core.internal.Tasks;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.apache.commons.numbers.gamma.RegularizedBeta;

/**
 * The formulas of the BG/NBD model (Fader, Hardie and Lee 2005) and of its modification MBG/NBD
 * (Batislam, Denizel and Filiztekin 2007), where a customer may also drop out right after the
 * first purchase. {@code modified} selects MBG/NBD. Everything in log space.
 */
final class BgNbdMath {

    private BgNbdMath() {
    }

    /** Log-likelihood of one customer. */
    static double logLikelihood(boolean modified, double r, double alpha, double a, double b, int x, double tx,
            double bigT) {
        int e = modified ? 1 : 0;
        double base = Special.lnGamma(r + x) - Special.lnGamma(r) + r * Math.log(alpha)
                + Special.lnGamma(a + b) + Special.lnGamma(b + x + e) - Special.lnGamma(b)
                - Special.lnGamma(a + b + x + e);
        double l3 = -(r + x) * Math.log(alpha + bigT);
        if (x == 0 && !modified) {
            return base + l3;
        }
        double l4 = Math.log(a) - Math.log(b + x - 1 + e) - (r + x) * Math.log(alpha + tx);
        return base + Special.logAddExp(l3, l4);
    }

    /** Patterns per block of {@link #total}: the blocks' sums are added in block order. */
    static final int BLOCK = 1 << 14;
    /** From this many patterns the blocks of {@link #total} are summed on two threads. */
    static final int PARALLEL_MIN = 1 << 16;

    /**
     * Total log-likelihood over patterns sorted by x, with the gradient with respect to
     * (r, alpha, a, b) into {@code grad} when not null. The x-dependent gamma terms are computed
     * once per distinct x in a block. The patterns are summed in blocks of {@value #BLOCK}, the
     * blocks' sums then added in order; from {@value #PARALLEL_MIN} patterns, the first half of the
     * blocks is summed on another thread when {@link Tasks#splits} says so. The result is the same
     * to the bit either way (one block is the plain sum).
     */
    static double total(boolean modified, double[] theta, int[] xs, double[] tx, double[] bigT, double[] w,
            double[] grad) {
        return total(modified, theta, xs, new Times(tx, bigT), w, grad);
    }

    /**
     * The distinct t_x and T of some patterns and each pattern's index into them, built once per fit:
     * {@code ln(alpha + t)} is then computed once per distinct time and evaluation (a few thousand)
     * rather than twice per pattern, with the same values.
     */
    static final class Times {
        final double[] tx;
        final double[] bigT;
        private final Ranks txRanks;
        private final Ranks tRanks;
        private final int[] txAt;
        private final int[] tAt;

        Times(double[] tx, double[] bigT) {
            this.tx = tx;
            this.bigT = bigT;
            txRanks = Ranks.of(tx);
            tRanks = Ranks.of(bigT);
            txAt = txRanks.ranksOf(tx);
            tAt = tRanks.ranksOf(bigT);
        }
    }

    /** {@link #total(boolean, double[], int[], double[], double[], double[], double[])} over prepared times. */
    static double total(boolean modified, double[] theta, int[] xs, Times times, double[] w, double[] grad) {
        int n = xs.length;
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[][] sums = new double[blocks][];
        boolean gradient = grad != null;
        double[] lnTx = logs(theta[1], times.txRanks.values);
        double[] lnT = logs(theta[1], times.tRanks.values);
        IntConsumer sumBlock = k -> sums[k] = block(modified, theta, xs, times, w, gradient, lnTx, lnT, k * BLOCK,
                Math.min(n, (k + 1) * BLOCK));
        int half = blocks / 2;
        Tasks.both(Tasks.splits(n, PARALLEL_MIN), () -> IntStream.range(0, half).forEach(sumBlock),
                () -> IntStream.range(half, blocks).forEach(sumBlock));
        double ll = 0;
        double[] g = new double[4];
        for (double[] sum : sums) {
            ll += sum[0];
            for (int j = 0; j < 4; j++) {
                g[j] += sum[1 + j];
            }
        }
        if (gradient) {
            System.arraycopy(g, 0, grad, 0, 4);
        }
        return ll;
    }

    /**
     * The log-likelihood of patterns {@code [from, to)} and, when asked, its gradient: {@code {ll,
     * d/dr, d/dalpha, d/da, d/db}}.
     */
    private static double[] block(boolean modified, double[] theta, int[] xs, Times times, double[] w,
            boolean gradient, double[] lnTxs, double[] lnTs, int from, int to) {
        double[] tx = times.tx;
        double[] bigT = times.bigT;
        int[] txAt = times.txAt;
        int[] tAt = times.tAt;
        double r = theta[0];
        double alpha = theta[1];
        double a = theta[2];
        double b = theta[3];
        int e = modified ? 1 : 0;
        double lnAlpha = Math.log(alpha);
        double lnA = Math.log(a);
        double common = -Special.lnGamma(r) + r * lnAlpha + Special.lnGamma(a + b) - Special.lnGamma(b);
        double psiR = 0;
        double psiAb = 0;
        double psiB = 0;
        if (gradient) {
            psiR = Special.digamma(r);
            psiAb = Special.digamma(a + b);
            psiB = Special.digamma(b);
        }
        double ll = 0;
        double gr = 0;
        double gAlpha = 0;
        double ga = 0;
        double gb = 0;
        int k = from;
        while (k < to) {
            int x = xs[k];
            int end = k;
            while (end < to && xs[end] == x) {
                end++;
            }
            double rx = r + x;
            double groupBase = common + Special.lnGamma(rx) + Special.lnGamma(b + x + e)
                    - Special.lnGamma(a + b + x + e);
            boolean second = x > 0 || modified;
            double lnRatio = second ? lnA - Math.log(b + x - 1 + e) : 0;
            double wsum = 0;
            double sumLl = 0;
            double sR = 0;
            double sAlpha = 0;
            double sP4 = 0;
            for (int i = k; i < end; i++) {
                double wi = w[i];
                double lnT = lnTs[tAt[i]];
                double l3 = -rx * lnT;
                if (!second) {
                    sumLl += wi * l3;
                    if (gradient) {
                        sR -= wi * lnT;
                        sAlpha -= wi * rx / (alpha + bigT[i]);
                    }
                } else {
                    double lnTx = lnTxs[txAt[i]];
                    double l4 = lnRatio - rx * lnTx;
                    double lse;
                    double p3;
                    if (l3 > l4) {
                        double q = Math.exp(l4 - l3);
                        lse = l3 + Math.log1p(q);
                        p3 = 1 / (1 + q);
                    } else {
                        double q = Math.exp(l3 - l4);
                        lse = l4 + Math.log1p(q);
                        p3 = q / (1 + q);
                    }
                    double p4 = 1 - p3;
                    sumLl += wi * lse;
                    if (gradient) {
                        sR -= wi * (p3 * lnT + p4 * lnTx);
                        sAlpha -= wi * rx * (p3 / (alpha + bigT[i]) + p4 / (alpha + tx[i]));
                        sP4 += wi * p4;
                    }
                }
                wsum += wi;
            }
            ll += wsum * groupBase + sumLl;
            if (gradient) {
                double psiAbx = Special.digamma(a + b + x + e);
                gr += wsum * (Special.digamma(rx) - psiR + lnAlpha) + sR;
                gAlpha += wsum * r / alpha + sAlpha;
                ga += wsum * (psiAb - psiAbx) + sP4 / a;
                gb += wsum * (psiAb + Special.digamma(b + x + e) - psiB - psiAbx);
                if (second) {
                    gb -= sP4 / (b + x - 1 + e);
                }
            }
            k = end;
        }
        return new double[] {ll, gr, gAlpha, ga, gb};
    }

    /** {@code ln(alpha + t)} of each time. */
    static double[] logs(double alpha, double[] times) {
        double[] out = new double[times.length];
        for (int j = 0; j < times.length; j++) {
            out[j] = Math.log(alpha + times[j]);
        }
        return out;
    }

    /** P(alive | x, t_x, T). */
    static double probabilityAlive(boolean modified, double r, double alpha, double a, double b, int x, double tx,
            double bigT) {
        if (x == 0 && !modified) {
            return 1.0;
        }
        int e = modified ? 1 : 0;
        double lnOdds = Math.log(a) - Math.log(b + x - 1 + e) + (r + x) * Math.log((alpha + bigT) / (alpha + tx));
        return lnOdds > 0 ? Math.exp(-lnOdds) / (1 + Math.exp(-lnOdds)) : 1 / (1 + Math.exp(lnOdds));
    }

    /**
     * Within this distance of a = 1 the expectations' factor {@code 1 / (a - 1)} multiplies a
     * difference that vanishes with a - 1 and has lost its digits: there the 2F1 value comes from
     * its 1 - z transformation with c - b within a few 1e-4 of 0, which cancels (measured: 0.6 %
     * off at a = 1 - 3e-4 for MBG/NBD with x = 3), so the value is interpolated instead. At
     * |a - 1| = 1e-3 and 3e-3 the two sides' means agree to 1e-7 relative.
     */
    static final double NEAR_ONE = 1e-3;
    /** The points on either side of a = 1 that the interpolation uses, outside {@link #NEAR_ONE}. */
    static final double ACROSS_ONE = 2e-3;

    /**
     * A function of a, smooth through a = 1, at a point within {@link #NEAR_ONE} of 1: the straight
     * line through its values at 1 -+ {@link #ACROSS_ONE} (error about ACROSS_ONE^2 / 2 times its
     * second derivative: about 1e-7 relative where measured).
     */
    private static double acrossOne(double a, java.util.function.DoubleUnaryOperator f) {
        double lo = f.applyAsDouble(1 - ACROSS_ONE);
        double hi = f.applyAsDouble(1 + ACROSS_ONE);
        return Math.max(0, lo + (a - (1 - ACROSS_ONE)) / (2 * ACROSS_ONE) * (hi - lo));
    }

    /** E[Y(t) | x, t_x, T]; with x = 0, T = 0 it is E[X(t)] of a new customer (BG/NBD). */
    static double conditionalExpectation(boolean modified, double r, double alpha, double a, double b, int x,
            double tx, double bigT, double t) {
        if (t == 0) {
            return 0;
        }
        int e = modified ? 1 : 0;
        double c = a + b + x - 1 + e;
        if (Math.abs(a - 1) < NEAR_ONE) {
            // removable singularity at a = 1: c / (a - 1) times a difference that vanishes with a - 1
            // and has lost its digits this close to it; interpolate between a = 1 -+ ACROSS_ONE
            return acrossOne(a, v -> conditionalExpectation(modified, r, alpha, v, b, x, tx, bigT, t));
        }
        if (Math.abs(c) < 1e-6) {
            // removable singularity at a + b = 1 with x = 0: average the two sides
            double h = 2e-6;
            return 0.5 * (conditionalExpectation(modified, r, alpha, a + h, b, x, tx, bigT, t)
                    + conditionalExpectation(modified, r, alpha, a - h, b, x, tx, bigT, t));
        }
        double z = t / (alpha + bigT + t);
        double[] f = Hypergeometric.lnHyp2f1Signed(r + x, b + x + e, c, z);
        double lnG = f[0] - (r + x) * Math.log1p(t / (alpha + bigT));
        double oneMinusG;
        if (f[1] > 0) {
            oneMinusG = -Math.expm1(lnG);
        } else if (f[1] < 0) {
            oneMinusG = 1 + Math.exp(lnG);
        } else {
            oneMinusG = 1;
        }
        double numerator = c / (a - 1) * oneMinusG;
        double alive = (x == 0 && !modified) ? 1.0 : probabilityAlive(modified, r, alpha, a, b, x, tx, bigT);
        double v = numerator * alive;
        if (v < 0) {
            if (v > -1e-12) {
                return 0;
            }
            throw new ArithmeticException("negative expected transactions " + v + " at r=" + r + ", alpha=" + alpha
                    + ", a=" + a + ", b=" + b + ", x=" + x + ", t=" + t);
        }
        return v;
    }

    /** E[X(t)] of a new customer. */
    static double expectedTransactions(boolean modified, double r, double alpha, double a, double b, double t) {
        if (!modified) {
            return conditionalExpectation(false, r, alpha, a, b, 0, 0, 0, t);
        }
        // MBG/NBD: b/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b+1; a+b; t/(alpha+t))]
        if (t == 0) {
            return 0;
        }
        if (Math.abs(a - 1) < NEAR_ONE) {
            return acrossOne(a, v -> expectedTransactions(true, r, alpha, v, b, t));
        }
        double z = t / (alpha + t);
        double lnG = Hypergeometric.lnHyp2f1(r, b + 1, a + b, z) - r * Math.log1p(t / alpha);
        double v = b / (a - 1) * -Math.expm1(lnG);
        return Math.max(0, v);
    }

    /** P(X(t) = n) for a new customer. */
    static double pmf(boolean modified, double r, double alpha, double a, double b, int n, double t) {
        if (t == 0) {
            return n == 0 ? 1.0 : 0.0;
        }
        int e = modified ? 1 : 0;
        double lnBab = Special.lnBeta(a, b);
        double lnNb = Special.lnGamma(r + n) - Special.lnGamma(r) - Special.lnGamma(n + 1.0)
                + r * Math.log(alpha / (alpha + t)) + n * Math.log(t / (alpha + t));
        double p = Math.exp(Special.lnBeta(a, b + n + e) - lnBab + lnNb);
        if (n > 0 || modified) {
            double tail = n == 0 ? 1.0 : RegularizedBeta.value(t / (alpha + t), n, r);
            p += Math.exp(Special.lnBeta(a + 1, b + n - 1 + e) - lnBab) * tail;
        }
        return Math.min(1, Math.max(0, p));
    }

    /** DERT by integrating delta * e^(-delta t) E[Y(t)] over t (integration by parts). */
    static double dert(boolean modified, double r, double alpha, double a, double b, int x, double tx, double bigT,
            double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("discount rate delta must be positive and finite: " + delta);
        }
        return Quadrature.integrateToInfinity(v -> v > 700 ? 0
                : Math.exp(-v) * conditionalExpectation(modified, r, alpha, a, b, x, tx, bigT, v / delta), 1e-10);
    }
}
