package io.crmkit.metrics.clv;

import io.crmkit.core.history.PeriodUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link BgNbdModel} and {@link MbgNbdModel} share: the four parameters, the unit, the fit,
 * and every prediction, delegated to {@link BgNbdMath} with the flag that tells the two models
 * apart (MBG/NBD lets a customer drop out after the first purchase too).
 *
 * <p>Immutable and thread-safe.
 */
abstract class BgFamilyModel {

    static final String[] NAMES = {"r", "alpha", "a", "b"};

    private final String name;
    private final boolean modified;
    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final PeriodUnit unit;
    private final Optional<ModelFit> fit;

    BgFamilyModel(String name, boolean modified, double[] theta, PeriodUnit unit, Optional<ModelFit> fit) {
        this.name = name;
        this.modified = modified;
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

    static MaximumLikelihood.Result fitFamily(String name, boolean modified, BtydData data, FitOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        Degenerate.check(name, data);
        int[] xs = data.xs();
        double[] tx = data.txIn(data.unit());
        double[] bigT = data.bigTIn(data.unit());
        double[] w = data.weights();
        BgNbdMath.Times times = new BgNbdMath.Times(tx, bigT);
        MaximumLikelihood.Function f = new MaximumLikelihood.Function() {
            @Override
            public double value(double[] theta, double[] gradient) {
                return BgNbdMath.total(modified, theta, xs, times, w, gradient);
            }

            @Override
            public boolean hasGradient() {
                return true;
            }
        };
        double[] start = {0, Math.log(Degenerate.timePerPurchase(data)), 0, 0};
        return MaximumLikelihood.fitWithDropout(name, NAMES, f, data, start, options, DROPOUT);
    }

    /** The BG family's drop-out measure: the mean drop-out probability after a purchase. */
    private static final MaximumLikelihood.Dropout DROPOUT = new MaximumLikelihood.Dropout() {
        @Override
        public String label() {
            return "a/(a+b)";
        }

        @Override
        public String meaning(BtydData data) {
            return "the mean probability of dropping out after a purchase";
        }

        @Override
        public double value(double[] theta) {
            return theta[2] / (theta[2] + theta[3]);
        }
    };


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

    /**
     * Returns the model's name.
     *
     * @return the name, never null
     */
    public String name() {
        return name;
    }

    /**
     * Returns the time unit of {@code alpha} and of every duration.
     *
     * @return the unit, never null
     */
    public PeriodUnit unit() {
        return unit;
    }

    /**
     * Returns the parameters with their standard errors when fitted.
     *
     * @return r, alpha, a, b, never null
     */
    public List<Estimate> parameters() {
        return fit.map(ModelFit::estimates).orElseGet(() -> MaximumLikelihood.fixed(NAMES, r, alpha, a, b));
    }

    /**
     * Returns the fit that produced the parameters, if fitted.
     *
     * @return the fit, or empty for known parameters, never null
     */
    public Optional<ModelFit> fit() {
        return fit;
    }

    /**
     * Returns one customer's log-likelihood (see {@link TransactionModel#logLikelihood(int, double, double)}).
     *
     * @param x repeat transactions
     * @param tx last-purchase time
     * @param bigT observation length
     * @return the log-likelihood
     */
    public double logLikelihood(int x, double tx, double bigT) {
        Degenerate.checkCustomer(x, tx, bigT);
        return BgNbdMath.logLikelihood(modified, r, alpha, a, b, x, tx, bigT);
    }

    /**
     * Returns the data's total log-likelihood.
     *
     * @param data the customers, not null
     * @return the log-likelihood
     */
    public double logLikelihood(BtydData data) {
        Objects.requireNonNull(data, "data");
        return BgNbdMath.total(modified, new double[] {r, alpha, a, b}, data.xs(), data.txIn(unit),
                data.bigTIn(unit), data.weights(), null);
    }

    /**
     * Returns the expected transactions of a new customer in {@code t}.
     *
     * @param t the period length, in {@link #unit()}
     * @return the expectation
     */
    public double expectedTransactions(double t) {
        Degenerate.checkHorizon(t);
        return BgNbdMath.expectedTransactions(modified, r, alpha, a, b, t);
    }

    /**
     * Returns the expected transactions in the next {@code t} of a customer with this history.
     *
     * @param x repeat transactions
     * @param tx last-purchase time
     * @param bigT observation length
     * @param t the period length
     * @return the expectation
     */
    public double conditionalExpectedTransactions(int x, double tx, double bigT, double t) {
        Degenerate.checkCustomer(x, tx, bigT);
        Degenerate.checkHorizon(t);
        return BgNbdMath.conditionalExpectation(modified, r, alpha, a, b, x, tx, bigT, t);
    }

    /**
     * Returns the probability that a customer with this history is alive at {@code T}.
     *
     * @param x repeat transactions
     * @param tx last-purchase time
     * @param bigT observation length
     * @return the probability in [0, 1]
     */
    public double probabilityAlive(int x, double tx, double bigT) {
        Degenerate.checkCustomer(x, tx, bigT);
        return BgNbdMath.probabilityAlive(modified, r, alpha, a, b, x, tx, bigT);
    }

    /**
     * Returns the probability of no transaction in {@code (T, T + t]} (see
     * {@link TransactionModel#probabilityNoTransactions}): {@code 1 - P(alive) + P(alive)
     * ((alpha + T) / (alpha + T + t))^(r + x)}, because drop-out happens only right after a
     * purchase.
     *
     * @param x repeat transactions
     * @param tx last-purchase time
     * @param bigT observation length
     * @param t the horizon length, not negative
     * @return the probability in [0, 1]
     */
    public double probabilityNoTransactions(int x, double tx, double bigT, double t) {
        Degenerate.checkCustomer(x, tx, bigT);
        Degenerate.checkHorizon(t);
        double alive = BgNbdMath.probabilityAlive(modified, r, alpha, a, b, x, tx, bigT);
        return NoPurchase.combine(alive, NoPurchase.noneIfAliveBg(r + x, alpha + bigT, t));
    }

    /**
     * Returns {@code ((alpha + T) / (alpha + T + t))^(r + x)} (see
     * {@link TransactionModel#probabilityNoTransactionsIfAlive}).
     *
     * @param x repeat transactions
     * @param bigT observation length
     * @param t the horizon length, not negative
     * @return the probability in [0, 1]
     */
    public double probabilityNoTransactionsIfAlive(int x, double bigT, double t) {
        Degenerate.checkCustomer(x, x == 0 ? 0 : bigT, bigT);
        Degenerate.checkHorizon(t);
        return NoPurchase.noneIfAliveBg(r + x, alpha + bigT, t);
    }

    /**
     * Returns P(X(t) = n) for a new customer.
     *
     * @param n the number of transactions
     * @param t the period length
     * @return the probability
     */
    public double probabilityOfTransactions(int n, double t) {
        Degenerate.checkCount(n);
        Degenerate.checkHorizon(t);
        return BgNbdMath.pmf(modified, r, alpha, a, b, n, t);
    }

    /**
     * Returns the discounted expected residual transactions (see {@link TransactionModel#dert}).
     * The BG/NBD family has no closed form: this integrates {@code delta e^(-delta t) E[Y(t)]} over
     * {@code t} numerically (adaptive Gauss-Legendre, relative tolerance 1e-10).
     *
     * @param x repeat transactions
     * @param tx last-purchase time, in {@link #unit()}
     * @param bigT observation length, in {@link #unit()}
     * @param delta the continuous discount rate per {@link #unit()}
     * @return the DERT
     */
    public double dert(int x, double tx, double bigT, double delta) {
        Degenerate.checkCustomer(x, tx, bigT);
        return BgNbdMath.dert(modified, r, alpha, a, b, x, tx, bigT, delta);
    }

    /**
     * Returns the parameters, unit and log-likelihood.
     *
     * @return the text, never null
     */
    public String toString() {
        return getClass().getSimpleName() + "[r=" + r + ", alpha=" + alpha + ", a=" + a + ", b=" + b + ", unit=" + unit
                + fit.map(f -> ", LL=" + f.logLikelihood()).orElse("") + "]";
    }
}
