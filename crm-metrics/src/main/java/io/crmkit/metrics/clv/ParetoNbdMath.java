package io.crmkit.metrics.clv;

import io.crmkit.metrics.clv.internal.Quadrature;
import io.crmkit.metrics.clv.internal.Special;

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
     * derivatives of that log in a, b and z into d[0..2].
     */
    static double lnSeries(double a, double b, double z, double[] d) {
        if (z == 0) {
            if (d != null) {
                d[0] = 0;
                d[1] = 0;
                d[2] = a * b / (a + 1);
            }
            return 0;
        }
        double term = 1;
        double sum = 1;
        double sa = 0;
        double sb = 0;
        double sk = 0;
        double cumB = 0;
        double lnScale = 0;
        for (int k = 1; k < 50_000_000; k++) {
            // tau_k = a/(a+k) (b)_k / k! z^k; ratio tau_k / tau_(k-1) = (a+k-1)(b+k-1) z / ((a+k) k)
            term *= (a + k - 1) * (b + k - 1) * z / ((a + k) * k);
            cumB += 1 / (b + k - 1);
            sum += term;
            if (d != null) {
                sa += term * (k / (a * (a + k)));
                sb += term * cumB;
                sk += term * k;
            }
            if (sum > BIG) {
                term /= BIG;
                sum /= BIG;
                sa /= BIG;
                sb /= BIG;
                sk /= BIG;
                lnScale += LN_BIG;
            }
            if (term <= 1e-17 * sum && (b + k) * z / (k + 1) < 1) {
                break;
            }
        }
        if (d != null) {
            d[0] = sa / sum;
            d[1] = sb / sum;
            d[2] = sk / sum / z;
        }
        return Math.log(sum) + lnScale;
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
        double[] dTx = g == null ? null : scratch;
        double[] dT = g == null ? null : new double[3];
        double zTx = diff / (m + tx);
        double zT = diff / (m + bigT);
        double lnFtx = lnSeries(a1, b2, zTx, dTx) - a1 * Math.log(m + tx);
        double lnFT = lnSeries(a1, b2, zT, dT) - a1 * Math.log(m + bigT);
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
