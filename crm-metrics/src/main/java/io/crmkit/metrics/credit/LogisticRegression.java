package io.crmkit.metrics.credit;

/**
 * Binary logistic regression by Newton's method (iteratively reweighted least squares) with a
 * small ridge penalty on the slopes, which keeps the fit finite when the classes separate. Each
 * Newton step is halved (up to {@value #MAX_HALVINGS} times) until the penalised log-likelihood
 * does not fall, so a step that overshoots (large or nearly separating features) cannot make the
 * iteration oscillate or diverge. Deterministic. Stateless and thread-safe.
 */
final class LogisticRegression {

    /** The ridge penalty on the slopes (not the intercept), in units of the log-likelihood. */
    static final double RIDGE = 1e-3;
    static final int MAX_ITERATIONS = 100;
    static final double TOLERANCE = 1e-9;
    /** The most halvings of one Newton step. */
    static final int MAX_HALVINGS = 40;

    private LogisticRegression() {
    }

    /** The fit: intercept first, then one slope per feature; converged or not. */
    record Fit(double[] weights, boolean converged, int iterations) {
    }

    /**
     * Fits {@code P(y=1|x) = 1 / (1 + exp(-(w0 + w.x)))}.
     *
     * @param x the features, one row per case, all rows of one length
     * @param y the outcomes, 0 or 1
     * @return the fit
     */
    static Fit fit(double[][] x, int[] y) {
        return fit(x, y, true);
    }

    /** As {@link #fit(double[][], int[])}; {@code damped} false takes plain Newton steps (for tests). */
    static Fit fit(double[][] x, int[] y, boolean damped) {
        int n = x.length;
        int p = x.length == 0 ? 0 : x[0].length;
        int k = p + 1;
        double[] w = new double[k];
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            double[] g = new double[k];
            double[][] h = new double[k][k];
            for (int r = 0; r < n; r++) {
                double eta = w[0];
                for (int j = 0; j < p; j++) {
                    eta += w[j + 1] * x[r][j];
                }
                double mu = sigmoid(eta);
                double rest = sigmoid(-eta); // 1 - mu without cancellation when mu is near 1
                double v = Math.max(mu * rest, 1e-12);
                double e = y[r] == 1 ? rest : -mu;
                g[0] += e;
                h[0][0] += v;
                for (int j = 0; j < p; j++) {
                    double xj = x[r][j];
                    g[j + 1] += e * xj;
                    h[0][j + 1] += v * xj;
                    for (int m = j; m < p; m++) {
                        h[j + 1][m + 1] += v * xj * x[r][m];
                    }
                }
            }
            for (int j = 1; j < k; j++) {
                g[j] -= RIDGE * w[j];
                h[j][j] += RIDGE;
            }
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < a; b++) {
                    h[a][b] = h[b][a];
                }
            }
            double[] step = solve(h, g);
            if (step == null) {
                return new Fit(w, false, it);
            }
            if (damped) {
                double before = penalisedLogLikelihood(x, y, w);
                double[] trial = new double[k];
                for (int halvings = 0; ; halvings++) {
                    for (int j = 0; j < k; j++) {
                        trial[j] = w[j] + step[j];
                    }
                    double after = penalisedLogLikelihood(x, y, trial);
                    // a tiny relative slack: near the optimum rounding can make a good step look worse
                    if (after >= before - 1e-12 * Math.max(1, Math.abs(before)) || halvings == MAX_HALVINGS) {
                        break;
                    }
                    for (int j = 0; j < k; j++) {
                        step[j] *= 0.5;
                    }
                }
            }
            double largest = 0;
            for (int j = 0; j < k; j++) {
                w[j] += step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (!(largest < Double.MAX_VALUE)) {
                return new Fit(w, false, it);
            }
            if (largest < TOLERANCE) {
                return new Fit(w, true, it);
            }
        }
        return new Fit(w, false, MAX_ITERATIONS);
    }

    /** The log-likelihood less the ridge penalty on the slopes, RIDGE / 2 times their sum of squares. */
    static double penalisedLogLikelihood(double[][] x, int[] y, double[] w) {
        int p = w.length - 1;
        double ll = 0;
        for (int r = 0; r < x.length; r++) {
            double eta = w[0];
            for (int j = 0; j < p; j++) {
                eta += w[j + 1] * x[r][j];
            }
            // log(1 + e^eta), stably
            double softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
            ll += y[r] * eta - softplus;
        }
        double penalty = 0;
        for (int j = 1; j <= p; j++) {
            penalty += w[j] * w[j];
        }
        return ll - RIDGE / 2 * penalty;
    }

    static double sigmoid(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    /** Solves a symmetric positive-definite system by Cholesky; null if it is not positive definite. */
    static double[] solve(double[][] a, double[] b) {
        int k = b.length;
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int m = 0; m < j; m++) {
                    s -= l[i][m] * l[j][m];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            double s = b[i];
            for (int m = 0; m < i; m++) {
                s -= l[i][m] * z[m];
            }
            z[i] = s / l[i][i];
        }
        double[] x = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double s = z[i];
            for (int m = i + 1; m < k; m++) {
                s -= l[m][i] * x[m];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
