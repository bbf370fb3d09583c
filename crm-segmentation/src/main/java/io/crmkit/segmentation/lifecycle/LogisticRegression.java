package io.crmkit.segmentation.lifecycle;

/**
 * L2-penalised logistic regression by Newton's method (iteratively reweighted least squares) on
 * standardised columns, the intercept unpenalised. Internal; stateless and thread-safe.
 */
final class LogisticRegression {

    private LogisticRegression() {
    }

    /** The fitted coefficients: {@code beta[0]} the intercept, then one per column. */
    record Fit(double[] beta, int iterations, double logLikelihood) {
    }

    /**
     * Fits {@code P(y = 1) = sigma(beta0 + sum_j beta_j z_ij)}.
     *
     * @param z the standardised columns, {@code z[j][i]}, each of length {@code y.length}
     * @param y the labels
     * @param ridge the L2 penalty on {@code beta_1..p}
     */
    static Fit fit(double[][] z, boolean[] y, double ridge) {
        int p = z.length;
        int n = y.length;
        int ones = 0;
        for (boolean b : y) {
            if (b) {
                ones++;
            }
        }
        if (ones == 0 || ones == n) {
            throw new IllegalArgumentException("the training labels are all " + (ones == 0 ? "'bought again'"
                    : "'churned'") + " (" + n + " customers): nothing to fit");
        }
        int q = p + 1;
        double[] beta = new double[q];
        beta[0] = Math.log(ones / (double) (n - ones));
        double objective = objective(z, y, beta, ridge);
        int iteration = 0;
        double[] grad = new double[q];
        double[] hess = new double[q * q];
        double[] row = new double[q];
        while (iteration < 100) {
            iteration++;
            java.util.Arrays.fill(grad, 0);
            java.util.Arrays.fill(hess, 0);
            for (int i = 0; i < n; i++) {
                row[0] = 1;
                double eta = beta[0];
                for (int j = 0; j < p; j++) {
                    row[j + 1] = z[j][i];
                    eta += beta[j + 1] * row[j + 1];
                }
                double mu = sigma(eta);
                double r = (y[i] ? 1 : 0) - mu;
                double w = mu * (1 - mu);
                for (int a = 0; a < q; a++) {
                    grad[a] += r * row[a];
                    double wa = w * row[a];
                    for (int b = 0; b <= a; b++) {
                        hess[a * q + b] += wa * row[b];
                    }
                }
            }
            for (int a = 1; a < q; a++) {
                grad[a] -= ridge * beta[a];
                hess[a * q + a] += ridge;
            }
            for (int a = 0; a < q; a++) {
                for (int b = a + 1; b < q; b++) {
                    hess[a * q + b] = hess[b * q + a];
                }
                hess[a * q + a] += 1e-12;
            }
            double[] step = solve(hess, grad, q);
            double scale = 1;
            double[] next = new double[q];
            double value;
            while (true) {
                for (int a = 0; a < q; a++) {
                    next[a] = beta[a] + scale * step[a];
                }
                value = objective(z, y, next, ridge);
                if (value >= objective - 1e-12 * Math.abs(objective) || scale < 1e-6) {
                    break;
                }
                scale /= 2;
            }
            double change = 0;
            for (int a = 0; a < q; a++) {
                change = Math.max(change, Math.abs(next[a] - beta[a]));
            }
            beta = next;
            objective = value;
            if (change < 1e-9) {
                break;
            }
        }
        return new Fit(beta, iteration, objective);
    }

    static double sigma(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    /** Penalised log-likelihood. */
    private static double objective(double[][] z, boolean[] y, double[] beta, double ridge) {
        double sum = 0;
        int p = z.length;
        for (int i = 0; i < y.length; i++) {
            double eta = beta[0];
            for (int j = 0; j < p; j++) {
                eta += beta[j + 1] * z[j][i];
            }
            // log sigma(eta) or log(1 - sigma(eta)), stably
            double s = y[i] ? eta : -eta;
            sum += s >= 0 ? -Math.log1p(Math.exp(-s)) : s - Math.log1p(Math.exp(s));
        }
        double pen = 0;
        for (int j = 1; j < beta.length; j++) {
            pen += beta[j] * beta[j];
        }
        return sum - ridge / 2 * pen;
    }

    /** Solves the symmetric positive definite system by Cholesky. */
    private static double[] solve(double[] a, double[] b, int q) {
        double[] l = new double[q * q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * q + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * q + k] * l[j * q + k];
                }
                if (i == j) {
                    l[i * q + i] = Math.sqrt(Math.max(s, 1e-300));
                } else {
                    l[i * q + j] = s / l[j * q + j];
                }
            }
        }
        double[] u = new double[q];
        for (int i = 0; i < q; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * q + k] * u[k];
            }
            u[i] = s / l[i * q + i];
        }
        double[] x = new double[q];
        for (int i = q - 1; i >= 0; i--) {
            double s = u[i];
            for (int k = i + 1; k < q; k++) {
                s -= l[k * q + i] * x[k];
            }
            x[i] = s / l[i * q + i];
        }
        return x;
    }
}
