package io.crmkit.metrics.clv;

import io.crmkit.core.history.PeriodUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987): while alive a customer buys as a
 * Poisson process with rate {@code lambda ~ Gamma(r, alpha)}; lifetimes are exponential with rate
 * {@code mu ~ Gamma(s, beta)} (rates per {@link #unit()}). The likelihood uses the Gauss
 * hypergeometric function and is fitted with an analytic gradient. DERT has a closed form (Fader,
 * Hardie and Lee 2005, with Tricomi's confluent hypergeometric function).
 *
 * <p>Immutable and thread-safe.
 */
public final class ParetoNbdModel implements TransactionModel {

    /** The model name used by the CLI and in reports: {@value}. */
    public static final String NAME = "pareto-nbd";

    private static final String[] NAMES = {"r", "alpha", "s", "beta"};

    /** Pareto/NBD's drop-out measure: the mean drop-out rate. */
    private static final MaximumLikelihood.Dropout DROPOUT = new MaximumLikelihood.Dropout() {
        @Override
        public String label() {
            return "s/beta";
        }

        @Override
        public String meaning(BtydData data) {
            return "the mean drop-out rate per " + data.unit().singular();
        }

        @Override
        public double value(double[] theta) {
            return theta[2] / theta[3];
        }
    };

    private final double r;
    private final double alpha;
    private final double s;
    private final double beta;
    private final PeriodUnit unit;
    private final Optional<ModelFit> fit;

    private ParetoNbdModel(double[] theta, PeriodUnit unit, Optional<ModelFit> fit) {
        this.r = BgFamilyModel.positive(theta[0], "r");
        this.alpha = BgFamilyModel.positive(theta[1], "alpha");
        this.s = BgFamilyModel.positive(theta[2], "s");
        this.beta = BgFamilyModel.positive(theta[3], "beta");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.fit = fit;
    }

    /**
     * Returns a model with known parameters.
     *
     * @param r the shape of the purchase-rate distribution, positive
     * @param alpha the rate of the purchase-rate distribution, per {@code unit}, positive
     * @param s the shape of the drop-out-rate distribution, positive
     * @param beta the rate of the drop-out-rate distribution, per {@code unit}, positive
     * @param unit the time unit, not null
     * @return the model, never null
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta, PeriodUnit unit) {
        return new ParetoNbdModel(new double[] {r, alpha, s, beta}, unit, Optional.empty());
    }

    /**
     * Fits the model with the {@linkplain FitOptions#defaults() default options}.
     *
     * @param data the customers, not null
     * @return the fitted model, in the data's unit, never null
     * @throws ModelFitException if the fit does not converge or the data cannot identify the
     *     parameters
     */
    public static ParetoNbdModel fit(BtydData data) {
        return fit(data, FitOptions.defaults());
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param data the customers, not null
     * @param options the fit settings, not null
     * @return the fitted model, in the data's unit, never null
     * @throws ModelFitException if the fit does not converge or the data cannot identify the
     *     parameters
     */
    public static ParetoNbdModel fit(BtydData data, FitOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        Degenerate.check(NAME, data);
        MaximumLikelihood.Function f = new ParetoNbdLikelihood(data.xs(), data.txIn(data.unit()),
                data.bigTIn(data.unit()), data.weights());
        double scale = Degenerate.timePerPurchase(data);
        double[] start = {0, Math.log(scale), 0, Math.log(scale)};
        MaximumLikelihood.Result res = MaximumLikelihood.fitWithDropout(NAME, NAMES, f, data, start, options,
                DROPOUT);
        return new ParetoNbdModel(res.theta(), data.unit(), Optional.of(res.fit()));
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
     * Returns {@code s}.
     *
     * @return the shape of the drop-out-rate distribution
     */
    public double s() {
        return s;
    }

    /**
     * Returns {@code beta}.
     *
     * @return the rate of the drop-out-rate distribution, per {@link #unit()}
     */
    public double beta() {
        return beta;
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
        return fit.map(ModelFit::estimates).orElseGet(() -> MaximumLikelihood.fixed(NAMES, r, alpha, s, beta));
    }

    @Override
    public Optional<ModelFit> fit() {
        return fit;
    }

    @Override
    public double logLikelihood(int x, double tx, double bigT) {
        Degenerate.checkCustomer(x, tx, bigT);
        return ParetoNbdMath.logLikelihood(r, alpha, s, beta, x, tx, bigT, 0, null, null);
    }

    @Override
    public double expectedTransactions(double t) {
        Degenerate.checkHorizon(t);
        return ParetoNbdMath.expectedTransactions(r, alpha, s, beta, t);
    }

    @Override
    public double conditionalExpectedTransactions(int x, double tx, double bigT, double t) {
        Degenerate.checkCustomer(x, tx, bigT);
        Degenerate.checkHorizon(t);
        return ParetoNbdMath.conditionalExpectation(r, alpha, s, beta, x, tx, bigT, t);
    }

    @Override
    public double probabilityAlive(int x, double tx, double bigT) {
        Degenerate.checkCustomer(x, tx, bigT);
        return ParetoNbdMath.probabilityAlive(r, alpha, s, beta, x, tx, bigT);
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code 1 - P(alive) P(some | alive)}, where {@code P(some | alive)} integrates the density
     * of the first purchase after {@code T} over the horizon (see the derivation in the package's
     * {@code NoPurchase}); adaptive Gauss-Legendre, relative tolerance 1e-10.
     */
    @Override
    public double probabilityNoTransactions(int x, double tx, double bigT, double t) {
        Degenerate.checkCustomer(x, tx, bigT);
        Degenerate.checkHorizon(t);
        double alive = ParetoNbdMath.probabilityAlive(r, alpha, s, beta, x, tx, bigT);
        double some = NoPurchase.someIfAlivePareto(r + x, alpha + bigT, s, beta + bigT, t);
        return NoPurchase.combine(alive, 1 - some);
    }

    @Override
    public double probabilityNoTransactionsIfAlive(int x, double bigT, double t) {
        Degenerate.checkCustomer(x, x == 0 ? 0 : bigT, bigT);
        Degenerate.checkHorizon(t);
        return 1 - NoPurchase.someIfAlivePareto(r + x, alpha + bigT, s, beta + bigT, t);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Computed as the NBD count over {@code min(t, lifetime)}, integrated over the lifetime
     * numerically (adaptive Gauss-Legendre, relative tolerance 1e-12).
     */
    @Override
    public double probabilityOfTransactions(int n, double t) {
        Degenerate.checkCount(n);
        Degenerate.checkHorizon(t);
        return ParetoNbdMath.pmf(r, alpha, s, beta, n, t);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Closed form of Fader, Hardie and Lee (2005), with Tricomi's {@code U(s, s; delta (beta +
     * T))} computed as {@code e^z Gamma(1 - s, z)}.
     */
    @Override
    public double dert(int x, double tx, double bigT, double delta) {
        Degenerate.checkCustomer(x, tx, bigT);
        return ParetoNbdMath.dert(r, alpha, s, beta, x, tx, bigT, delta);
    }

    /**
     * Returns the parameters, unit and log-likelihood.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "ParetoNbdModel[r=" + r + ", alpha=" + alpha + ", s=" + s + ", beta=" + beta + ", unit=" + unit
                + fit.map(f -> ", LL=" + f.logLikelihood()).orElse("") + "]";
    }
}
