package io.crmkit.metrics.clv;

import io.crmkit.core.history.PeriodUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The BG/NBD model of repeat transactions (Fader, Hardie and Lee 2005, "Counting your customers
 * the easy way"): while alive a customer buys as a Poisson process with rate {@code lambda ~
 * Gamma(r, alpha)} (shape {@code r}, rate {@code alpha} per {@link #unit()}); after each repeat
 * purchase the customer drops out with probability {@code p ~ Beta(a, b)}.
 *
 * <p>Fit with {@link #fit(BtydData, FitOptions)} or build from known parameters with
 * {@link #of}. A customer with no repeat purchase is alive with probability 1 under this model (a
 * known artefact; {@link MbgNbdModel} avoids it).
 *
 * <p>Immutable and thread-safe.
 */
public final class BgNbdModel implements TransactionModel {

    /** The model name used by the CLI and in reports: {@value}. */
    public static final String NAME = "bg-nbd";

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final PeriodUnit unit;
    private final Optional<ModelFit> fit;

    private BgNbdModel(double[] theta, PeriodUnit unit, Optional<ModelFit> fit) {
        this.r = positive(theta[0], "r");
        this.alpha = positive(theta[1], "alpha");
        this.a = positive(theta[2], "a");
        this.b = positive(theta[3], "b");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.fit = fit;
    }

    static double positive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + v);
        }
        return v;
    }

    /**
     * Returns a model with known parameters.
     *
     * @param r the shape of the purchase-rate distribution, positive
     * @param alpha the rate of the purchase-rate distribution, per {@code unit}, positive
     * @param a the first shape of the drop-out distribution, positive
     * @param b the second shape of the drop-out distribution, positive
     * @param unit the time unit of {@code alpha}, not null
     * @return the model, never null
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static BgNbdModel of(double r, double alpha, double a, double b, PeriodUnit unit) {
        return new BgNbdModel(new double[] {r, alpha, a, b}, unit, Optional.empty());
    }

    /**
     * Fits the model by maximum likelihood with the {@linkplain FitOptions#defaults() default
     * options}.
     *
     * @param data the customers, not null
     * @return the fitted model, in the data's unit, never null
     * @throws ModelFitException if the fit does not converge or the data cannot identify the
     *     parameters (no repeat purchase, no observation time)
     */
    public static BgNbdModel fit(BtydData data) {
        return fit(data, FitOptions.defaults());
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param data the customers, not null
     * @param options the fit settings, not null
     * @return the fitted model, in the data's unit, never null
     * @throws ModelFitException if the fit does not converge or the data cannot identify the
     *     parameters (no repeat purchase, no observation time)
     */
    public static BgNbdModel fit(BtydData data, FitOptions options) {
        MaximumLikelihood.Result res = fitFamily(NAME, false, data, options);
        return new BgNbdModel(res.theta(), data.unit(), Optional.of(res.fit()));
    }

    static MaximumLikelihood.Result fitFamily(String name, boolean modified, BtydData data, FitOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        Degenerate.check(name, data);
        int[] xs = data.xs();
        double[] tx = data.txIn(data.unit());
        double[] bigT = data.bigTIn(data.unit());
        double[] w = data.weights();
        MaximumLikelihood.Function f = new MaximumLikelihood.Function() {
            @Override
            public double value(double[] theta, double[] gradient) {
                return BgNbdMath.total(modified, theta, xs, tx, bigT, w, gradient);
            }

            @Override
            public boolean hasGradient() {
                return true;
            }
        };
        double[] start = {0, Math.log(Degenerate.timePerPurchase(data)), 0, 0};
        return MaximumLikelihood.fit(name, NAMES, f, data.customerCount(), start, options);
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

    /**
     * Returns {@code a}.
     *
     * @return the first shape of the drop-out distribution
     */
    public double a() {
        return a;
    }

    /**
     * Returns {@code b}.
     *
     * @return the second shape of the drop-out distribution
     */
    public double b() {
        return b;
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
        return fit.map(ModelFit::estimates).orElseGet(() -> MaximumLikelihood.fixed(NAMES, r, alpha, a, b));
    }

    @Override
    public Optional<ModelFit> fit() {
        return fit;
    }

    @Override
    public double logLikelihood(int x, double tx, double bigT) {
        Degenerate.checkCustomer(x, tx, bigT);
        return BgNbdMath.logLikelihood(false, r, alpha, a, b, x, tx, bigT);
    }

    @Override
    public double logLikelihood(BtydData data) {
        Objects.requireNonNull(data, "data");
        return BgNbdMath.total(false, new double[] {r, alpha, a, b}, data.xs(), data.txIn(unit),
                data.bigTIn(unit), data.weights(), null);
    }

    @Override
    public double expectedTransactions(double t) {
        Degenerate.checkHorizon(t);
        return BgNbdMath.expectedTransactions(false, r, alpha, a, b, t);
    }

    @Override
    public double conditionalExpectedTransactions(int x, double tx, double bigT, double t) {
        Degenerate.checkCustomer(x, tx, bigT);
        Degenerate.checkHorizon(t);
        return BgNbdMath.conditionalExpectation(false, r, alpha, a, b, x, tx, bigT, t);
    }

    @Override
    public double probabilityAlive(int x, double tx, double bigT) {
        Degenerate.checkCustomer(x, tx, bigT);
        return BgNbdMath.probabilityAlive(false, r, alpha, a, b, x, tx, bigT);
    }

    @Override
    public double probabilityOfTransactions(int n, double t) {
        Degenerate.checkCount(n);
        Degenerate.checkHorizon(t);
        return BgNbdMath.pmf(false, r, alpha, a, b, n, t);
    }

    /**
     * {@inheritDoc}
     *
     * <p>BG/NBD has no closed form: this integrates {@code delta e^(-delta t) E[Y(t)]} over
     * {@code t} numerically (adaptive Gauss-Legendre, relative tolerance 1e-10).
     */
    @Override
    public double dert(int x, double tx, double bigT, double delta) {
        Degenerate.checkCustomer(x, tx, bigT);
        return BgNbdMath.dert(false, r, alpha, a, b, x, tx, bigT, delta);
    }

    /**
     * Returns the parameters, unit and log-likelihood.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "BgNbdModel[r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b + ", unit=" + unit
                + fit.map(f -> ", LL=" + f.logLikelihood()).orElse("") + "]";
    }
}
