package io.crmkit.metrics.internal;

import java.util.Arrays;

/**
 * Binary logistic regression by Newton's method (iteratively reweighted least squares) with a
 * ridge (L2) penalty on the slopes, never on the intercept. The penalty must be positive: it keeps
 * the maximum finite when the classes separate, so the penalised log-likelihood is strictly
 * concave with a unique maximum. Each Newton step is halved (up to {@value #MAX_HALVINGS} times)
 * until the penalised log-likelihood does not fall, so a step that overshoots cannot make the
 * iteration oscillate or diverge; if no halved step is acceptable the previous coefficients are
 * kept and the fit stops. The result says whether it {@linkplain Fit#converged() converged}:
 * callers must not use a fit that did not. Deterministic. Stateless and thread-safe.
 */
public final class LogisticRegression {

    /** The most Newton iterations. */
    public static final int MAX_ITERATIONS = 100;
    /** Converged when the largest coefficient change of an accepted step is below this. */
    public static final double TOLERANCE = 1e-9;
    /** The most halvings of one Newton step. */
    public static final int MAX_HALVINGS = 40;

    private LogisticRegression() {
    }

    /**
     * A fit.
     *
     * @param beta the intercept first, then one slope per column
     * @param converged whether the coefficient change fell below {@link #TOLERANCE}
     * @param iterations the Newton iterations taken
     * @param objective the penalised log-likelihood at {@code beta}
     */
    public record Fit(double[] beta, boolean converged, int iterations, double objective) {
    }

    /**
     * Fits {@code P(y = 1) = sigma(beta0 + sum_j beta_j x[j][i])} starting from the intercept at the
     * labels' log-odds (0 if all labels agree) and the slopes at 0.
     *
     * @param columns the features column by column, {@code columns[j][i]}, each as long as {@code y}
     * @param y the labels
     * @param ridge the L2 penalty on the slopes, in units of the log-likelihood; positive and finite
     * @return the fit
     * @throws IllegalArgumentException if the ridge is not positive or a column's length differs
     */
    public static Fit fit(double[][] columns, boolean[] y, double ridge) {
        return fit(columns, y, ridge, true);
    }

    /**
     * As {@link #fit(double[][], boolean[], double)}; {@code damped} false takes plain Newton steps
     * (to show in tests what the halving prevents).
     *
     * @param columns the features column by column
     * @param y the labels
     * @param ridge the L2 penalty on the slopes
     * @param damped whether steps are halved until the objective does not fall
     * @return the fit
     */
    public static Fit fit(double[][] columns, boolean[] y, double ridge, boolean damped) {
        if (!(ridge > 0) || !Double.isFinite(ridge)) {
            throw new IllegalArgumentException("ridge must be positive and finite (it keeps the fit finite when the"
                    + " classes separate): " + ridge);
        }
        int p = columns.length;
        int n = y.length;
        for (int j = 0; j < p; j++) {
            if (columns[j].length != n) {
                throw new IllegalArgumentException("column " + j + " has " + columns[j].length + " values, labels "
                        + n);
            }
        }
        int ones = 0;
        for (boolean b : y) {
            if (b) {
                ones++;
            }
        }
        int q = p + 1;
        double[] beta = new double[q];
        beta[0] = ones == 0 || ones == n ? 0 : Math.log(ones / (double) (n - ones));
        double objective = objective(columns, y, beta, ridge);
        double[] grad = new double[q];
        double[][] hess = new double[q][q];
        double[] row = new double[q];
        double[] next = new double[q];
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            Arrays.fill(grad, 0);
            for (double[] h : hess) {
                Arrays.fill(h, 0);
            }
            row[0] = 1;
            for (int i = 0; i < n; i++) {
                double eta = beta[0];
                for (int j = 0; j < p; j++) {
                    row[j + 1] = columns[j][i];
                    eta += beta[j + 1] * row[j + 1];
                }
                double mu = sigmoid(eta);
                double rest = sigmoid(-eta); // 1 - mu without cancellation when mu is near 1
                double w = Math.max(mu * rest, 1e-12);
                double e = y[i] ? rest : -mu;
                for (int a = 0; a < q; a++) {
                    grad[a] += e * row[a];
                    double wa = w * row[a];
                    for (int b = a; b < q; b++) {
                        hess[a][b] += wa * row[b];
                    }
                }
            }
            for (int a = 1; a < q; a++) {
                grad[a] -= ridge * beta[a];
                hess[a][a] += ridge;
            }
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < a; b++) {
                    hess[a][b] = hess[b][a];
                }
            }
            double[] step = solve(hess, grad);
            if (step == null) {
                return new Fit(beta, false, it, objective);
            }
            double value;
            int halvings = 0;
            while (true) {
                for (int a = 0; a < q; a++) {
                    next[a] = beta[a] + step[a];
                }
                value = objective(columns, y, next, ridge);
                // a tiny relative slack: near the optimum rounding can make a good step look worse
                if (!damped || value >= objective - 1e-12 * Math.max(1, Math.abs(objective))) {
                    break;
                }
                if (halvings == MAX_HALVINGS) {
                    // no acceptable step: keep the previous coefficients; at the optimum already if the step was tiny
                    return new Fit(beta, largest(step) * Math.pow(2, MAX_HALVINGS) < TOLERANCE * 1e3, it, objective);
                }
                halvings++;
                for (int a = 0; a < q; a++) {
                    step[a] *= 0.5;
                }
            }
            double change = largest(step);
            if (!(change < Double.MAX_VALUE) || Double.isNaN(value)) {
                return new Fit(beta, false, it, objective);
            }
            beta = next.clone();
            objective = value;
            if (change < TOLERANCE) {
                return new Fit(beta, true, it, objective);
            }
        }
        return new Fit(beta, false, MAX_ITERATIONS, objective);
    }

    private static double largest(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return Double.isNaN(m) ? Double.POSITIVE_INFINITY : m;
    }

    /**
     * The log-likelihood less the ridge penalty, {@code ridge / 2} times the slopes' sum of squares.
     *
     * @param columns the features column by column
     * @param y the labels
     * @param beta the intercept, then the slopes
     * @param ridge the penalty
     * @return the penalised log-likelihood
     */
    public static double objective(double[][] columns, boolean[] y, double[] beta, double ridge) {
        int p = columns.length;
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double eta = beta[0];
            for (int j = 0; j < p; j++) {
                eta += beta[j + 1] * columns[j][i];
            }
            // log sigma(s), stably
            double s = y[i] ? eta : -eta;
            sum += s >= 0 ? -Math.log1p(Math.exp(-s)) : s - Math.log1p(Math.exp(s));
        }
        double pen = 0;
        for (int j = 1; j < beta.length; j++) {
            pen += beta[j] * beta[j];
        }
        return sum - ridge / 2 * pen;
    }

    /**
     * The logistic function {@code 1 / (1 + e^-eta)}, without overflow.
     *
     * @param eta the log-odds
     * @return the probability in [0, 1]
     */
    public static double sigmoid(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    /**
     * Solves a symmetric positive-definite system by Cholesky.
     *
     * @param a the matrix (only its lower triangle is read)
     * @param b the right-hand side
     * @return the solution, or null if the matrix is not positive definite
     */
    public static double[] solve(double[][] a, double[] b) {
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
