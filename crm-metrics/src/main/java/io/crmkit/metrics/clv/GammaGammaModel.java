package io.crmkit.metrics.clv;

import io.crmkit.core.history.BtydView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie and Lee 2005, note 025): a
 * customer's transaction values are Gamma({@code p}, {@code nu}); {@code nu} varies across
 * customers as Gamma({@code q}, {@code gamma}). Fitted on the mean value of each customer's repeat
 * transactions ({@code zbar}) and their number {@code x}.
 *
 * <h2>Spend edge cases (the stated policy)</h2>
 * <ul>
 *   <li>Customers without repeat transactions ({@code x = 0}) carry no spend information and are
 *       not part of the fit.</li>
 *   <li>Zero-value transactions count: they lower the customer's mean. Refunds are netted into
 *       orders by the purchase-history bridge ({@code RevenueBasis.NET}). A customer whose mean is
 *       then zero or negative cannot come from a Gamma distribution: such customers are excluded
 *       from the fit and counted in {@link #excludedNonPositive()}; in predictions their mean
 *       counts as 0, so their expected spend shrinks towards 0 by their number of transactions.</li>
 *   <li>When {@code q <= 1} the population mean spend {@code p gamma / (q - 1)} is infinite (a
 *       very heavy tail): {@link #populationMeanSpend()} is then empty, and the expected spend of
 *       a customer without repeat purchases (or with {@code p x + q <= 1}) raises an
 *       {@link IllegalStateException} naming q; an {@linkplain FitOptions#l2Penalty() L2 penalty}
 *       or more data usually moves the estimate above 1.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class GammaGammaModel {

    /** The model name used in reports: {@value}. */
    public static final String NAME = "gamma-gamma";

    private static final String[] NAMES = {"p", "q", "gamma"};

    private final double p;
    private final double q;
    private final double gamma;
    private final Optional<ModelFit> fit;
    private final int excludedNonPositive;

    private GammaGammaModel(double p, double q, double gamma, Optional<ModelFit> fit, int excluded) {
        this.p = BgFamilyModel.positive(p, "p");
        this.q = BgFamilyModel.positive(q, "q");
        this.gamma = BgFamilyModel.positive(gamma, "gamma");
        this.fit = fit;
        this.excludedNonPositive = excluded;
    }

    /**
     * Returns a model with known parameters.
     *
     * @param p the shape of a customer's transaction values, positive
     * @param q the shape of the {@code nu} distribution, positive
     * @param gamma the rate of the {@code nu} distribution, positive (in inverse currency units)
     * @return the model, never null
     * @throws IllegalArgumentException if a parameter is not positive and finite
     */
    public static GammaGammaModel of(double p, double q, double gamma) {
        return new GammaGammaModel(p, q, gamma, Optional.empty(), 0);
    }

    /**
     * Fits the model on a BTYD view (its {@code x} and mean repeat value columns) with the default
     * options.
     *
     * @param view the customers, not null
     * @return the fitted model, never null
     * @throws ModelFitException if fewer than two customers have a positive repeat mean, or the
     *     fit does not converge
     */
    public static GammaGammaModel fit(BtydView view) {
        Objects.requireNonNull(view, "view");
        return fit(view.x(), view.meanRepeatValue(), FitOptions.defaults());
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param x repeat transactions per customer, not negative, not null
     * @param meanValue mean value of each customer's repeat transactions (currency units), finite,
     *     not null
     * @param options the fit settings, not null
     * @return the fitted model, never null
     * @throws IllegalArgumentException if the columns differ in length or hold invalid values
     * @throws ModelFitException if fewer than two customers have a positive repeat mean, or the
     *     fit does not converge
     */
    public static GammaGammaModel fit(int[] x, double[] meanValue, FitOptions options) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(meanValue, "meanValue");
        Objects.requireNonNull(options, "options");
        if (x.length != meanValue.length) {
            throw new IllegalArgumentException("x and meanValue must have the same length: " + x.length + " vs "
                    + meanValue.length);
        }
        int n = 0;
        int excluded = 0;
        for (int i = 0; i < x.length; i++) {
            checkRow(i, x[i], meanValue[i]);
            if (x[i] > 0) {
                if (meanValue[i] > 0) {
                    n++;
                } else {
                    excluded++;
                }
            }
        }
        if (n < 2) {
            throw Degenerate.failed(NAME, "fewer than two customers have repeat transactions with a positive mean"
                    + " value (" + n + "): spend heterogeneity cannot be estimated", Math.max(n, 1));
        }
        int[] xs = new int[n];
        double[] z = new double[n];
        double[] lnZ = new double[n];
        double sum = 0;
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && meanValue[i] > 0) {
                xs[k] = x[i];
                z[k] = meanValue[i];
                lnZ[k] = Math.log(meanValue[i]);
                sum += meanValue[i];
                k++;
            }
        }
        MaximumLikelihood.Function f = new MaximumLikelihood.Function() {
            @Override
            public double value(double[] theta, double[] gradient) {
                return total(theta, xs, z, lnZ, gradient);
            }

            @Override
            public boolean hasGradient() {
                return true;
            }
        };
        double[] start = {0, 0, Math.log(sum / n)};
        MaximumLikelihood.Result res = MaximumLikelihood.fit(NAME, NAMES, f, n, start, options);
        return new GammaGammaModel(res.theta()[0], res.theta()[1], res.theta()[2], Optional.of(res.fit()), excluded);
    }

    private static void checkRow(int i, int x, double mean) {
        if (x < 0) {
            throw new IllegalArgumentException("x of customer " + i + " must not be negative: " + x);
        }
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("mean value of customer " + i + " must be finite: " + mean);
        }
    }

    static double total(double[] theta, int[] xs, double[] z, double[] lnZ, double[] g) {
        double p = theta[0];
        double q = theta[1];
        double gamma = theta[2];
        double lnGamma = Math.log(gamma);
        double common = -Special.lnGamma(q) + q * lnGamma;
        double psiQ = g == null ? 0 : Special.digamma(q);
        double ll = 0;
        double gp = 0;
        double gq = 0;
        double gg = 0;
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            double px = p * x;
            double lnDen = Math.log(gamma + x * z[i]);
            ll += common + Special.lnGamma(px + q) - Special.lnGamma(px) + (px - 1) * lnZ[i] + px * Math.log(x)
                    - (px + q) * lnDen;
            if (g != null) {
                double psiPxq = Special.digamma(px + q);
                gp += x * (psiPxq - Special.digamma(px) + lnZ[i] + Math.log(x) - lnDen);
                gq += psiPxq - psiQ + lnGamma - lnDen;
                gg += q / gamma - (px + q) / (gamma + x * z[i]);
            }
        }
        if (g != null) {
            g[0] = gp;
            g[1] = gq;
            g[2] = gg;
        }
        return ll;
    }

    /**
     * Returns {@code p}.
     *
     * @return the shape of a customer's transaction values
     */
    public double p() {
        return p;
    }

    /**
     * Returns {@code q}.
     *
     * @return the shape of the {@code nu} distribution
     */
    public double q() {
        return q;
    }

    /**
     * Returns {@code gamma}.
     *
     * @return the rate of the {@code nu} distribution
     */
    public double gamma() {
        return gamma;
    }

    /**
     * Returns the parameters with standard errors when fitted.
     *
     * @return the estimates {@code p, q, gamma}, never null
     */
    public List<Estimate> parameters() {
        return fit.map(ModelFit::estimates).orElseGet(() -> MaximumLikelihood.fixed(NAMES, p, q, gamma));
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
     * Returns how many customers with repeat transactions were left out of the fit because their
     * mean value was zero or negative.
     *
     * @return the count, not negative
     */
    public int excludedNonPositive() {
        return excludedNonPositive;
    }

    /**
     * Returns the log-likelihood of one customer's mean repeat value.
     *
     * @param x repeat transactions, positive
     * @param meanValue their mean value, positive
     * @return the log density
     */
    public double logLikelihood(int x, double meanValue) {
        if (x < 1 || !(meanValue > 0) || Double.isInfinite(meanValue)) {
            throw new IllegalArgumentException("Gamma-Gamma needs x >= 1 and a positive finite mean value: x=" + x
                    + ", mean=" + meanValue);
        }
        return total(new double[] {p, q, gamma}, new int[] {x}, new double[] {meanValue},
                new double[] {Math.log(meanValue)}, null);
    }

    /**
     * Returns the mean transaction value of the population, {@code p gamma / (q - 1)}.
     *
     * @return the mean, empty when {@code q <= 1} (infinite mean)
     */
    public OptionalDouble populationMeanSpend() {
        return q > 1 ? OptionalDouble.of(p * gamma / (q - 1)) : OptionalDouble.empty();
    }

    /**
     * Returns the expected value of a customer's future transactions given {@code x} repeat
     * transactions with mean {@code meanValue}: {@code p (gamma + x zbar) / (p x + q - 1)}, a
     * weighted mean of the population mean and the customer's own. A non-positive mean counts as
     * 0 (see the class description).
     *
     * @param x repeat transactions, not negative
     * @param meanValue their mean value (ignored when {@code x = 0}), finite
     * @return the expected spend per transaction, not negative
     * @throws IllegalStateException if {@code p x + q <= 1}, where the expectation is infinite
     */
    public double conditionalExpectedSpend(int x, double meanValue) {
        checkRow(0, x, meanValue);
        double den = p * x + q - 1;
        if (!(den > 0)) {
            throw new IllegalStateException("expected spend is infinite for x=" + x + " because p*x + q <= 1 (p=" + p
                    + ", q=" + q + "); fit with an L2 penalty or more data");
        }
        double zbar = x == 0 ? 0 : Math.max(0, meanValue);
        return p * (gamma + x * zbar) / den;
    }

    /**
     * Returns {@link #conditionalExpectedSpend} for every customer of a view, in its order.
     *
     * @param view the customers, not null
     * @return expected spend per transaction per customer, never null
     * @throws IllegalStateException if some customer's expectation is infinite ({@code q <= 1})
     */
    public double[] conditionalExpectedSpend(BtydView view) {
        Objects.requireNonNull(view, "view");
        double[] r = new double[view.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = conditionalExpectedSpend(view.x(i), view.meanRepeatValue(i));
        }
        return r;
    }

    /**
     * Returns the parameters.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "GammaGammaModel[p=" + p + ", q=" + q + ", gamma=" + gamma
                + fit.map(f -> ", LL=" + f.logLikelihood()).orElse("") + "]";
    }
}
