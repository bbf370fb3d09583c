package io.crmkit.metrics.clv;

import io.crmkit.core.history.PeriodUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The NBD model (Ehrenberg 1959) as a "buy till you die" model without the dying: every customer
 * buys for ever as a Poisson process with rate {@code lambda ~ Gamma(r, alpha)} (rate per
 * {@link #unit()}). It is the limit of Pareto/NBD as the drop-out rate goes to 0 and of BG/NBD and
 * MBG/NBD as the drop-out probability goes to 0, so it is the nested model offered when one of
 * those fits ends at that {@linkplain FitStatus#BOUNDARY boundary} (see
 * {@link ModelFitException#boundary()}).
 *
 * <p>Given {@code x} repeat purchases in {@code (0, T]} the rate's posterior is
 * {@code Gamma(r + x, alpha + T)}: {@code P(alive) = 1}, {@code E[Y(t) | x, T] = (r + x) t / (alpha + T)},
 * and the last-purchase time {@code t_x} carries no information.
 *
 * <p>Immutable and thread-safe.
 */
public final class NbdModel implements TransactionModel {

    /** The model name used by the CLI and in reports: {@value}. */
    public static final String NAME = "nbd";

    private static final String[] NAMES = {"r", "alpha"};

    private final double r;
    private final double alpha;
    private final PeriodUnit unit;
    private final Optional<ModelFit> fit;

    private NbdModel(double r, double alpha, PeriodUnit unit, Optional<ModelFit> fit) {
        this.r = BgFamilyModel.positive(r, "r");
        this.alpha = BgFamilyModel.positive(alpha, "alpha");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.fit = fit;
    }

    /**
     * Returns a model with known parameters.
     *
     * @param r the shape of the purchase-rate distribution, positive
     * @param alpha the rate of the purchase-rate distribution, per {@code unit}, positive
     * @param unit the time unit, not null
     * @return the model, never null
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static NbdModel of(double r, double alpha, PeriodUnit unit) {
        return new NbdModel(r, alpha, unit, Optional.empty());
    }

    /**
     * Fits the model with the {@linkplain FitOptions#defaults() default options}.
     *
     * @param data the customers, not null
     * @return the fitted model, in the data's unit, never null
     * @throws ModelFitException if the fit does not converge or the data cannot identify the
     *     parameters (for example when every customer buys at the same rate: then {@code r} and
     *     {@code alpha} grow without bound, a Poisson process with rate {@code r / alpha})
     */
    public static NbdModel fit(BtydData data) {
        return fit(data, FitOptions.defaults());
    }

    /**
     * Fits the model by maximum likelihood (analytic gradient).
     *
     * @param data the customers, not null
     * @param options the fit settings, not null
     * @return the fitted model, in the data's unit, never null
     * @throws ModelFitException if the fit does not converge or the data cannot identify the
     *     parameters
     */
    public static NbdModel fit(BtydData data, FitOptions options) {
        MaximumLikelihood.Result res = optimise(data, options);
        if (res.status() == FitStatus.BOUNDARY) {
            FitReport r = res.fit().report();
            throw new ModelFitException(r, new FitBoundary(NAME, MaximumLikelihood.edgeParameters(res),
                    MaximumLikelihood.edgeExplanation(res, NAME, data.unit()), res.fit().estimates(), r.logLikelihood(),
                    Optional.empty()));
        }
        if (res.status() != FitStatus.CONVERGED) {
            throw new ModelFitException(NAME, res.fit().report());
        }
        return of(res, data.unit());
    }

    /** The model at an optimiser's result (converged or at the boundary). */
    static NbdModel of(MaximumLikelihood.Result res, PeriodUnit unit) {
        return new NbdModel(res.theta()[0], res.theta()[1], unit, Optional.of(res.fit()));
    }

    /** Maximises the NBD likelihood, whatever the outcome. */
    static MaximumLikelihood.Result optimise(BtydData data, FitOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        Degenerate.check(NAME, data);
        int[] xs = data.xs();
        double[] bigT = data.bigTIn(data.unit());
        double[] w = data.weights();
        // ln Gamma(r + x) and its digamma once per distinct x, not per pattern
        int[] distinct = java.util.Arrays.stream(xs).distinct().sorted().toArray();
        int[] xIndex = new int[xs.length];
        for (int k = 0; k < xs.length; k++) {
            xIndex[k] = java.util.Arrays.binarySearch(distinct, xs[k]);
        }
        double[] lnGammaRx = new double[distinct.length];
        double[] psiRx = new double[distinct.length];
        // ln(a + T) once per distinct T (a few thousand) and evaluation: the same values
        Ranks tRanks = Ranks.of(bigT);
        int[] tAt = tRanks.ranksOf(bigT);
        MaximumLikelihood.Function f = new MaximumLikelihood.Function() {
            @Override
            public double value(double[] theta, double[] gradient) {
                double rr = theta[0];
                double a = theta[1];
                double lnA = Math.log(a);
                double lnGammaR = Special.lnGamma(rr);
                double psiR = gradient == null ? 0 : Special.digamma(rr);
                for (int j = 0; j < distinct.length; j++) {
                    lnGammaRx[j] = Special.lnGamma(rr + distinct[j]);
                    psiRx[j] = gradient == null ? 0 : Special.digamma(rr + distinct[j]);
                }
                double[] lnATs = BgNbdMath.logs(a, tRanks.values);
                double sum = 0;
                double g0 = 0;
                double g1 = 0;
                for (int k = 0; k < xs.length; k++) {
                    double rx = rr + xs[k];
                    double lnAT = lnATs[tAt[k]];
                    int j = xIndex[k];
                    sum += w[k] * (lnGammaRx[j] - lnGammaR + rr * lnA - rx * lnAT);
                    if (gradient != null) {
                        g0 += w[k] * (psiRx[j] - psiR + lnA - lnAT);
                        g1 += w[k] * (rr / a - rx / (a + bigT[k]));
                    }
                }
                if (gradient != null) {
                    gradient[0] = g0;
                    gradient[1] = g1;
                }
                return sum;
            }

            @Override
            public boolean hasGradient() {
                return true;
            }
        };
        double scale = Degenerate.timePerPurchase(data);
        return MaximumLikelihood.optimise(NAMES, f, data.customerCount(), new double[] {0, Math.log(scale)},
                options);
    }

    /**
     * Returns {@code r}.
     *
     * @return the shape of the purchase-rate distribution
     */
    public double r() {
        return r;
    }

    /**
     * Returns {@code alpha}.
     *
     * @return the rate of the purchase-rate distribution, per {@link #unit()}
     */
    public double alpha() {
        return alpha;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PeriodUnit unit() {
        return unit;
    }

    @Override
    public List<Estimate> parameters() {
        return fit.map(ModelFit::estimates).orElseGet(() -> MaximumLikelihood.fixed(NAMES, r, alpha));
    }

    @Override
    public Optional<ModelFit> fit() {
        return fit;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code ln Gamma(r + x) - ln Gamma(r) + r ln alpha - (r + x) ln(alpha + T)}: the limit of
     * the Pareto/NBD and BG/NBD likelihoods as drop-out vanishes, so the two are comparable.
     */
    @Override
    public double logLikelihood(int x, double tx, double bigT) {
        Degenerate.checkCustomer(x, tx, bigT);
        return Special.lnGamma(r + x) - Special.lnGamma(r) + r * Math.log(alpha) - (r + x) * Math.log(alpha + bigT);
    }

    @Override
    public double expectedTransactions(double t) {
        Degenerate.checkHorizon(t);
        return r * t / alpha;
    }

    @Override
    public double conditionalExpectedTransactions(int x, double tx, double bigT, double t) {
        Degenerate.checkCustomer(x, tx, bigT);
        Degenerate.checkHorizon(t);
        return (r + x) * t / (alpha + bigT);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Always 1: nobody drops out under the NBD.
     */
    @Override
    public double probabilityAlive(int x, double tx, double bigT) {
        Degenerate.checkCustomer(x, tx, bigT);
        return 1;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code ((alpha + T) / (alpha + T + t))^(r + x)}: nobody drops out.
     */
    @Override
    public double probabilityNoTransactions(int x, double tx, double bigT, double t) {
        Degenerate.checkCustomer(x, tx, bigT);
        Degenerate.checkHorizon(t);
        return NoPurchase.combine(1, NoPurchase.noneIfAliveBg(r + x, alpha + bigT, t));
    }

    @Override
    public double probabilityNoTransactionsIfAlive(int x, double bigT, double t) {
        Degenerate.checkCustomer(x, x == 0 ? 0 : bigT, bigT);
        Degenerate.checkHorizon(t);
        return NoPurchase.noneIfAliveBg(r + x, alpha + bigT, t);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The negative binomial {@code Gamma(r + n) / (Gamma(r) n!) (alpha / (alpha + t))^r
     * (t / (alpha + t))^n}.
     */
    @Override
    public double probabilityOfTransactions(int n, double t) {
        Degenerate.checkCount(n);
        Degenerate.checkHorizon(t);
        if (t == 0) {
            return n == 0 ? 1 : 0;
        }
        double ln = Special.lnGamma(r + n) - Special.lnGamma(r) - Special.lnGamma(n + 1.0)
                + r * Math.log(alpha / (alpha + t)) + n * Math.log(t / (alpha + t));
        return Math.min(1, Math.exp(ln));
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code (r + x) / ((alpha + T) delta)}: the posterior mean rate over an infinite life,
     * discounted continuously.
     */
    @Override
    public double dert(int x, double tx, double bigT, double delta) {
        Degenerate.checkCustomer(x, tx, bigT);
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("discount rate delta must be positive and finite: " + delta);
        }
        return (r + x) / ((alpha + bigT) * delta);
    }

    /**
     * Returns the parameters, unit and log-likelihood.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "NbdModel[r=" + r + ", alpha=" + alpha + ", unit=" + unit
                + fit.map(f -> ", LL=" + f.logLikelihood()).orElse("") + "]";
    }
}
