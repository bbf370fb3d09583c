package io.crmkit.metrics.clv;

import io.crmkit.core.history.PeriodUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The MBG/NBD model (Batislam, Denizel and Filiztekin 2007): the BG/NBD model in which a customer
 * may drop out after every purchase, the first included, so that a customer without repeat
 * purchases is not certainly alive. While alive a customer buys as a Poisson process with rate
 * {@code lambda ~ Gamma(r, alpha)} (rate {@code alpha} per {@link #unit()}); after each purchase
 * the customer drops out with probability {@code p ~ Beta(a, b)}.
 *
 * <p>Fit with {@link #fit(BtydData, FitOptions)} or build from known parameters with {@link #of}.
 *
 * <p>Immutable and thread-safe.
 */
public final class MbgNbdModel implements TransactionModel {

    /** The model name used by the CLI and in reports: {@value}. */
    public static final String NAME = "mbg-nbd";

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final PeriodUnit unit;
    private final Optional<ModelFit> fit;

    private MbgNbdModel(double[] theta, PeriodUnit unit, Optional<ModelFit> fit) {
        this.r = BgNbdModel.positive(theta[0], "r");
        this.alpha = BgNbdModel.positive(theta[1], "alpha");
        this.a = BgNbdModel.positive(theta[2], "a");
        this.b = BgNbdModel.positive(theta[3], "b");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.fit = fit;
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
    public static MbgNbdModel of(double r, double alpha, double a, double b, PeriodUnit unit) {
        return new MbgNbdModel(new double[] {r, alpha, a, b}, unit, Optional.empty());
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
    public static MbgNbdModel fit(BtydData data) {
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
    public static MbgNbdModel fit(BtydData data, FitOptions options) {
        MaximumLikelihood.Result res = BgNbdModel.fitFamily(NAME, true, data, options);
        return new MbgNbdModel(res.theta(), data.unit(), Optional.of(res.fit()));
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
        return BgNbdMath.logLikelihood(true, r, alpha, a, b, x, tx, bigT);
    }

    @Override
    public double logLikelihood(BtydData data) {
        Objects.requireNonNull(data, "data");
        return BgNbdMath.total(true, new double[] {r, alpha, a, b}, data.xs(), data.txIn(unit),
                data.bigTIn(unit), data.weights(), null);
    }

    @Override
    public double expectedTransactions(double t) {
        Degenerate.checkHorizon(t);
        return BgNbdMath.expectedTransactions(true, r, alpha, a, b, t);
    }

    @Override
    public double conditionalExpectedTransactions(int x, double tx, double bigT, double t) {
        Degenerate.checkCustomer(x, tx, bigT);
        Degenerate.checkHorizon(t);
        return BgNbdMath.conditionalExpectation(true, r, alpha, a, b, x, tx, bigT, t);
    }

    @Override
    public double probabilityAlive(int x, double tx, double bigT) {
        Degenerate.checkCustomer(x, tx, bigT);
        return BgNbdMath.probabilityAlive(true, r, alpha, a, b, x, tx, bigT);
    }

    @Override
    public double probabilityOfTransactions(int n, double t) {
        Degenerate.checkCount(n);
        Degenerate.checkHorizon(t);
        return BgNbdMath.pmf(true, r, alpha, a, b, n, t);
    }

    /**
     * {@inheritDoc}
     *
     * <p>MBG/NBD has no closed form: this integrates {@code delta e^(-delta t) E[Y(t)]} over
     * {@code t} numerically (adaptive Gauss-Legendre, relative tolerance 1e-10).
     */
    @Override
    public double dert(int x, double tx, double bigT, double delta) {
        Degenerate.checkCustomer(x, tx, bigT);
        return BgNbdMath.dert(true, r, alpha, a, b, x, tx, bigT, delta);
    }

    /**
     * Returns the parameters, unit and log-likelihood.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "MbgNbdModel[r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b + ", unit=" + unit
                + fit.map(f -> ", LL=" + f.logLikelihood()).orElse("") + "]";
    }
}
