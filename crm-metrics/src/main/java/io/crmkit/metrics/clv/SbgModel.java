package io.crmkit.metrics.clv;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The shifted-beta-geometric (sBG) model of contractual retention (Fader and Hardie 2007, "How to
 * project customer retention"): at the end of each period an active customer cancels with
 * probability {@code theta ~ Beta(alpha, beta)}. Fitted on a cohort's survivor counts.
 *
 * <p>Periods are contract periods (years, months): {@code survival(t)} is the share of the cohort
 * still active after {@code t} periods.
 *
 * <p>Immutable and thread-safe.
 */
public final class SbgModel {

    /** The model name used in reports: {@value}. */
    public static final String NAME = "sbg";

    private static final String[] NAMES = {"alpha", "beta"};

    private final double alpha;
    private final double beta;
    private final Optional<ModelFit> fit;

    private SbgModel(double alpha, double beta, Optional<ModelFit> fit) {
        this.alpha = BgFamilyModel.positive(alpha, "alpha");
        this.beta = BgFamilyModel.positive(beta, "beta");
        this.fit = fit;
    }

    /**
     * Returns a model with known parameters.
     *
     * @param alpha first shape of the churn probability, positive
     * @param beta second shape of the churn probability, positive
     * @return the model, never null
     */
    public static SbgModel of(double alpha, double beta) {
        return new SbgModel(alpha, beta, Optional.empty());
    }

    /**
     * Fits the model on a cohort's survivor counts.
     *
     * @param survivors the cohort size at period 0, then the number still active at the start of
     *     each following period; at least two values, not increasing, not negative, the first
     *     positive; not null
     * @param options the fit settings, not null
     * @return the fitted model, never null
     * @throws IllegalArgumentException if the counts are invalid
     * @throws ModelFitException if nobody churned or nobody survived (boundary estimates), or the
     *     fit does not converge
     */
    public static SbgModel fit(long[] survivors, FitOptions options) {
        Objects.requireNonNull(survivors, "survivors");
        Objects.requireNonNull(options, "options");
        if (survivors.length < 2 || survivors[0] <= 0) {
            throw new IllegalArgumentException("survivors needs the cohort size (positive) and at least one later"
                    + " count");
        }
        for (int t = 1; t < survivors.length; t++) {
            if (survivors[t] < 0 || survivors[t] > survivors[t - 1]) {
                throw new IllegalArgumentException("survivor counts must not increase or be negative: period " + t
                        + " has " + survivors[t] + " after " + survivors[t - 1]);
            }
        }
        long[] s = survivors.clone();
        int last = s.length - 1;
        if (s[last] == s[0]) {
            throw Degenerate.failed(NAME, "nobody churned: the churn probability is not identifiable (it tends to 0)",
                    s[0]);
        }
        MaximumLikelihood.Function f = new MaximumLikelihood.Function() {
            @Override
            public double value(double[] theta, double[] gradient) {
                return logLikelihood(theta[0], theta[1], s, gradient);
            }

            @Override
            public boolean hasGradient() {
                return true;
            }
        };
        MaximumLikelihood.Result res = MaximumLikelihood.fit(NAME, NAMES, f, s[0], new double[2], options);
        return new SbgModel(res.theta()[0], res.theta()[1], Optional.of(res.fit()));
    }

    static double logLikelihood(double a, double b, long[] s, double[] g) {
        double lnB0 = Special.lnBeta(a, b);
        double ll = 0;
        double ga = 0;
        double gb = 0;
        double psiAb = Special.digamma(a + b);
        double psiA = Special.digamma(a);
        double psiB = Special.digamma(b);
        for (int t = 1; t < s.length; t++) {
            long lost = s[t - 1] - s[t];
            if (lost > 0) {
                // P(T = t) = B(a + 1, b + t - 1) / B(a, b)
                ll += lost * (Special.lnBeta(a + 1, b + t - 1) - lnB0);
                if (g != null) {
                    double psiSum = Special.digamma(a + b + t);
                    ga += lost * (Special.digamma(a + 1) - psiSum - psiA + psiAb);
                    gb += lost * (Special.digamma(b + t - 1) - psiSum - psiB + psiAb);
                }
            }
        }
        int n = s.length - 1;
        if (s[n] > 0) {
            // S(n) = B(a, b + n) / B(a, b)
            ll += s[n] * (Special.lnBeta(a, b + n) - lnB0);
            if (g != null) {
                double psiSum = Special.digamma(a + b + n);
                ga += s[n] * (psiA - psiSum - psiA + psiAb);
                gb += s[n] * (Special.digamma(b + n) - psiSum - psiB + psiAb);
            }
        }
        if (g != null) {
            g[0] = ga;
            g[1] = gb;
        }
        return ll;
    }

    /**
     * Returns {@code alpha}.
     *
     * @return the first shape of the churn probability
     */
    public double alpha() {
        return alpha;
    }

    /**
     * Returns {@code beta}.
     *
     * @return the second shape of the churn probability
     */
    public double beta() {
        return beta;
    }

    /**
     * Returns the parameters with standard errors when fitted.
     *
     * @return the estimates, never null
     */
    public List<Estimate> parameters() {
        return fit.map(ModelFit::estimates).orElseGet(() -> MaximumLikelihood.fixed(NAMES, alpha, beta));
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
     * Returns the share of a cohort still active after {@code t} periods, {@code B(alpha, beta +
     * t) / B(alpha, beta)}.
     *
     * @param t periods, not negative
     * @return the survival probability in {@code [0, 1]}
     */
    public double survival(int t) {
        if (t < 0) {
            throw new IllegalArgumentException("t must not be negative: " + t);
        }
        return Math.min(1, Math.exp(Special.lnBeta(alpha, beta + t) - Special.lnBeta(alpha, beta)));
    }

    /**
     * Returns the probability of churning exactly at the end of period {@code t}.
     *
     * @param t the period, at least 1
     * @return {@code P(T = t)} in {@code [0, 1]}
     */
    public double churnProbability(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("t must be at least 1: " + t);
        }
        return Math.min(1, Math.exp(Special.lnBeta(alpha + 1, beta + t - 1) - Special.lnBeta(alpha, beta)));
    }

    /**
     * Returns the retention rate from period {@code t - 1} to {@code t}: {@code (beta + t - 1) /
     * (alpha + beta + t - 1)}; it rises with {@code t} (the survivors are the loyal ones).
     *
     * @param t the period, at least 1
     * @return the rate in {@code [0, 1]}
     */
    public double retentionRate(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("t must be at least 1: " + t);
        }
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /**
     * Returns the discounted expected residual lifetime, in periods, of a customer who has made
     * {@code n - 1} renewals (is at the start of period {@code n}), with payments at the start of
     * each period: {@code B(alpha, beta + n) / B(alpha, beta + n - 1) 2F1(1, beta + n; alpha +
     * beta + n; 1 / (1 + d))} (Fader and Hardie 2010).
     *
     * @param discountRate the discount rate per period, positive
     * @param n the current period, at least 1
     * @return the DERL, not negative
     */
    public double discountedExpectedResidualLifetime(double discountRate, int n) {
        if (!(discountRate > 0) || Double.isInfinite(discountRate)) {
            throw new IllegalArgumentException("discountRate must be positive and finite: " + discountRate);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        double lead = Math.exp(Special.lnBeta(alpha, beta + n) - Special.lnBeta(alpha, beta + n - 1));
        return lead * Hypergeometric.hyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + discountRate));
    }

    /**
     * Returns the parameters.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "SbgModel[alpha=" + alpha + ", beta=" + beta + fit.map(f -> ", LL=" + f.logLikelihood()).orElse("")
                + "]";
    }
}
