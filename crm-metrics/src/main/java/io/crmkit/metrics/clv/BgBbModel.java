package io.crmkit.metrics.clv;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The BG/BB model of discrete purchase opportunities (Fader, Hardie and Shang 2010): at each
 * opportunity an alive customer transacts with probability {@code p ~ Beta(alpha, beta)}; before
 * each opportunity an alive customer drops out with probability {@code theta ~ Beta(gamma,
 * delta)}. A customer's history is {@code x} transactions in {@code n} opportunities, the last at
 * opportunity {@code t_x}. Fitted on patterns with counts (the likelihood's gradient is numerical:
 * pattern data are small).
 *
 * <p>Immutable and thread-safe.
 */
public final class BgBbModel {

    /** The model name used in reports: {@value}. */
    public static final String NAME = "bg-bb";

    private static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double delta;
    private final Optional<ModelFit> fit;

    private BgBbModel(double[] t, Optional<ModelFit> fit) {
        this.alpha = BgFamilyModel.positive(t[0], "alpha");
        this.beta = BgFamilyModel.positive(t[1], "beta");
        this.gamma = BgFamilyModel.positive(t[2], "gamma");
        this.delta = BgFamilyModel.positive(t[3], "delta");
        this.fit = fit;
    }

    /**
     * Returns a model with known parameters.
     *
     * @param alpha first shape of the transaction probability, positive
     * @param beta second shape of the transaction probability, positive
     * @param gamma first shape of the drop-out probability, positive
     * @param delta second shape of the drop-out probability, positive
     * @return the model, never null
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static BgBbModel of(double alpha, double beta, double gamma, double delta) {
        return new BgBbModel(new double[] {alpha, beta, gamma, delta}, Optional.empty());
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param x transactions per pattern, {@code 0 <= x <= t_x}, not null
     * @param tx opportunity of the last transaction, {@code 0 <= t_x <= n}, 0 when {@code x = 0},
     *     not null
     * @param n opportunities observed, positive, not null
     * @param weights customers per pattern, positive, not null
     * @param options the fit settings, not null
     * @return the fitted model, never null
     * @throws IllegalArgumentException if the columns differ in length or hold invalid values
     * @throws ModelFitException if nobody transacted or the fit does not converge
     */
    public static BgBbModel fit(int[] x, int[] tx, int[] n, double[] weights, FitOptions options) {
        Objects.requireNonNull(options, "options");
        int m = validate(x, tx, n, weights);
        double total = 0;
        boolean any = false;
        for (int i = 0; i < m; i++) {
            total += weights[i];
            any |= x[i] > 0;
        }
        if (!any) {
            throw Degenerate.failed(NAME, "no customer transacted: the transaction probability is not identifiable",
                    total);
        }
        int[] xs = x.clone();
        int[] txs = tx.clone();
        int[] ns = n.clone();
        double[] ws = weights.clone();
        MaximumLikelihood.Function f = new MaximumLikelihood.Function() {
            @Override
            public double value(double[] theta, double[] gradient) {
                double sum = 0;
                for (int i = 0; i < xs.length; i++) {
                    sum += ws[i] * logLikelihood(theta, xs[i], txs[i], ns[i]);
                }
                return sum;
            }

            @Override
            public boolean hasGradient() {
                return false;
            }
        };
        MaximumLikelihood.Result res = MaximumLikelihood.fit(NAME, NAMES, f, total, new double[4], options);
        return new BgBbModel(res.theta(), Optional.of(res.fit()));
    }

    private static int validate(int[] x, int[] tx, int[] n, double[] w) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(n, "n");
        Objects.requireNonNull(w, "weights");
        int m = x.length;
        if (tx.length != m || n.length != m || w.length != m) {
            throw new IllegalArgumentException("x, tx, n and weights must have the same length");
        }
        for (int i = 0; i < m; i++) {
            checkPattern(i, x[i], tx[i], n[i]);
            if (!(w[i] > 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("weight of pattern " + i + " must be positive and finite: " + w[i]);
            }
        }
        return m;
    }

    private static void checkPattern(int i, int x, int tx, int n) {
        if (n < 1 || x < 0 || tx < 0 || tx > n || x > tx || (x == 0 && tx != 0) || (x > 0 && tx < 1)) {
            throw new IllegalArgumentException("pattern " + i + " must have 0 <= x <= t_x <= n, n >= 1, and t_x = 0"
                    + " exactly when x = 0: x=" + x + ", t_x=" + tx + ", n=" + n);
        }
    }

    static double logLikelihood(double[] t, int x, int tx, int n) {
        double a = t[0];
        double b = t[1];
        double g = t[2];
        double d = t[3];
        double lnB0 = Special.lnBeta(a, b);
        double lnD0 = Special.lnBeta(g, d);
        double ll = Special.lnBeta(a + x, b + n - x) - lnB0 + Special.lnBeta(g, d + n) - lnD0;
        for (int i = 0; i <= n - tx - 1; i++) {
            ll = Special.logAddExp(ll, Special.lnBeta(a + x, b + tx - x + i) - lnB0 + Special.lnBeta(g + 1, d + tx + i)
                    - lnD0);
        }
        return ll;
    }

    private double[] theta() {
        return new double[] {alpha, beta, gamma, delta};
    }

    /**
     * Returns {@code alpha}.
     *
     * @return the first shape of the transaction probability
     */
    public double alpha() {
        return alpha;
    }

    /**
     * Returns {@code beta}.
     *
     * @return the second shape of the transaction probability
     */
    public double beta() {
        return beta;
    }

    /**
     * Returns {@code gamma}.
     *
     * @return the first shape of the drop-out probability
     */
    public double gamma() {
        return gamma;
    }

    /**
     * Returns {@code delta}.
     *
     * @return the second shape of the drop-out probability
     */
    public double delta() {
        return delta;
    }

    /**
     * Returns the parameters with standard errors when fitted.
     *
     * @return the estimates, never null
     */
    public List<Estimate> parameters() {
        return fit.map(ModelFit::estimates).orElseGet(() -> MaximumLikelihood.fixed(NAMES, alpha, beta, gamma, delta));
    }

    /**
     * Returns the fit, empty when the parameters were given.
     *
     * @return the fit, never null
     */
    public Optional<ModelFit> fit() {
        return fit;
    }

    /**
     * Returns one history's log-likelihood.
     *
     * @param x transactions
     * @param tx opportunity of the last one
     * @param n opportunities observed
     * @return the log-likelihood
     */
    public double logLikelihood(int x, int tx, int n) {
        checkPattern(0, x, tx, n);
        return logLikelihood(theta(), x, tx, n);
    }

    /**
     * Returns the probability that a customer with this history is alive at opportunity
     * {@code n + 1}.
     *
     * @param x transactions
     * @param tx opportunity of the last one
     * @param n opportunities observed
     * @return the probability in {@code [0, 1]}
     */
    public double probabilityAlive(int x, int tx, int n) {
        checkPattern(0, x, tx, n);
        double v = Special.lnBeta(alpha + x, beta + n - x) - Special.lnBeta(alpha, beta)
                + Special.lnBeta(gamma, delta + n + 1) - Special.lnBeta(gamma, delta) - logLikelihood(theta(), x, tx, n);
        return Math.min(1, Math.exp(v));
    }

    /** delta/(gamma-1) Gamma(gamma+delta)/Gamma(1+delta) [Gamma(1+delta+m)/Gamma(gamma+delta+m)] difference. */
    private double survivalSum(double g, int from, int to) {
        double lnC = Special.lnGamma(g + delta) - Special.lnGamma(1 + delta);
        double a1 = Special.lnGamma(1 + delta + from) - Special.lnGamma(g + delta + from);
        double a2 = Special.lnGamma(1 + delta + to) - Special.lnGamma(g + delta + to);
        return delta / (g - 1) * (Math.exp(lnC + a1) - Math.exp(lnC + a2));
    }

    private double survival(int from, int to) {
        if (Math.abs(gamma - 1) < 1e-6) {
            double h = 2e-6;
            return 0.5 * (survivalSum(gamma + h, from, to) + survivalSum(gamma - h, from, to));
        }
        return survivalSum(gamma, from, to);
    }

    /**
     * Returns the expected number of transactions of a new customer in the first {@code n}
     * opportunities.
     *
     * @param n opportunities, not negative
     * @return {@code E[X(n)]}, not negative
     */
    public double expectedTransactions(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        return Math.max(0, alpha / (alpha + beta) * survival(0, n));
    }

    /**
     * Returns the expected number of transactions in the next {@code nStar} opportunities of a
     * customer with this history.
     *
     * @param x transactions
     * @param tx opportunity of the last one
     * @param n opportunities observed
     * @param nStar future opportunities, not negative
     * @return {@code E[X(n, n + n*) | x, t_x, n]}, not negative
     */
    public double conditionalExpectedTransactions(int x, int tx, int n, int nStar) {
        checkPattern(0, x, tx, n);
        if (nStar < 0) {
            throw new IllegalArgumentException("nStar must not be negative: " + nStar);
        }
        double lead = Math.exp(Special.lnBeta(alpha + x + 1, beta + n - x) - Special.lnBeta(alpha, beta)
                - logLikelihood(theta(), x, tx, n));
        return Math.max(0, lead * survival(n, n + nStar));
    }

    /**
     * Returns the probability that a new customer makes exactly {@code x} transactions in the
     * first {@code n} opportunities.
     *
     * @param x the count, {@code 0 <= x <= n}
     * @param n opportunities, positive
     * @return {@code P(X(n) = x)} in {@code [0, 1]}
     */
    public double probabilityOfTransactions(int x, int n) {
        if (n < 1 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= x <= n and n >= 1: x=" + x + ", n=" + n);
        }
        double lnB0 = Special.lnBeta(alpha, beta);
        double lnD0 = Special.lnBeta(gamma, delta);
        double v = Math.exp(lnChoose(n, x) + Special.lnBeta(alpha + x, beta + n - x) - lnB0
                + Special.lnBeta(gamma, delta + n) - lnD0);
        for (int i = x; i <= n - 1; i++) {
            v += Math.exp(lnChoose(i, x) + Special.lnBeta(alpha + x, beta + i - x) - lnB0
                    + Special.lnBeta(gamma + 1, delta + i) - lnD0);
        }
        return Math.min(1, v);
    }

    private static double lnChoose(int n, int k) {
        return Special.lnGamma(n + 1.0) - Special.lnGamma(k + 1.0) - Special.lnGamma(n - k + 1.0);
    }

    /**
     * Returns the parameters.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "BgBbModel[alpha=" + alpha + ", beta=" + beta + ", gamma=" + gamma + ", delta=" + delta
                + fit.map(f -> ", LL=" + f.logLikelihood()).orElse("") + "]";
    }
}
