package io.crmkit.metrics.clv;

import io.crmkit.core.history.PeriodUnit;
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
public final class BgNbdModel extends BgFamilyModel implements TransactionModel {

    /** The model name used by the CLI and in reports: {@value}. */
    public static final String NAME = "bg-nbd";

    private BgNbdModel(double[] theta, PeriodUnit unit, Optional<ModelFit> fit) {
        super(NAME, false, theta, unit, fit);
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
}
