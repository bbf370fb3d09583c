package io.crmkit.metrics.clv;

import io.crmkit.core.history.PeriodUnit;
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
public final class MbgNbdModel extends BgFamilyModel implements TransactionModel {

    /** The model name used by the CLI and in reports: {@value}. */
    public static final String NAME = "mbg-nbd";

    private MbgNbdModel(double[] theta, PeriodUnit unit, Optional<ModelFit> fit) {
        super(NAME, true, theta, unit, fit);
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
        MaximumLikelihood.Result res = fitFamily(NAME, true, data, options);
        return new MbgNbdModel(res.theta(), data.unit(), Optional.of(res.fit()));
    }
}
