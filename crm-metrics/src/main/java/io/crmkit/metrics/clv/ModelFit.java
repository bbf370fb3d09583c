package io.crmkit.metrics.clv;

import java.util.List;
import java.util.Objects;

/**
 * The result of fitting a model by maximum likelihood: the estimates with standard errors and the
 * convergence report, with the information criteria.
 *
 * <p>Immutable and thread-safe.
 *
 * @param estimates the parameters in the model's order, with standard errors, not null
 * @param report the convergence report, not null
 * @param standardErrorNote why some or all standard errors are absent, empty when every estimate
 *     has one; not null
 * @param logCovariance the asymptotic covariance matrix of the natural logarithms of the
 *     parameters (the inverse Hessian of the negative log-likelihood on that scale), row-major,
 *     {@code k * k} values for {@code k} estimates; empty when the Hessian is not positive definite
 *     or the parameters were not fitted; not null
 */
public record ModelFit(List<Estimate> estimates, FitReport report, String standardErrorNote,
        List<Double> logCovariance) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public ModelFit {
        estimates = List.copyOf(Objects.requireNonNull(estimates, "estimates"));
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(standardErrorNote, "standardErrorNote");
        logCovariance = List.copyOf(Objects.requireNonNull(logCovariance, "logCovariance"));
        if (!logCovariance.isEmpty() && logCovariance.size() != estimates.size() * estimates.size()) {
            throw new IllegalArgumentException("logCovariance must hold " + estimates.size() * estimates.size()
                    + " values for " + estimates.size() + " estimates: " + logCovariance.size());
        }
        for (Double v : logCovariance) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("logCovariance values must be finite: " + v);
            }
        }
    }

    /**
     * Creates a fit without a covariance matrix.
     *
     * @param estimates the parameters, not null
     * @param report the convergence report, not null
     * @param standardErrorNote why standard errors are absent, or empty; not null
     */
    public ModelFit(List<Estimate> estimates, FitReport report, String standardErrorNote) {
        this(estimates, report, standardErrorNote, List.of());
    }

    /**
     * Creates a fit with no note on standard errors.
     *
     * @param estimates the parameters, not null
     * @param report the convergence report, not null
     */
    public ModelFit(List<Estimate> estimates, FitReport report) {
        this(estimates, report, "", List.of());
    }

    /**
     * Returns the maximised log-likelihood.
     *
     * @return the log-likelihood
     */
    public double logLikelihood() {
        return report.logLikelihood();
    }

    /**
     * Returns Akaike's information criterion {@code 2k - 2 LL}.
     *
     * @return the AIC
     */
    public double aic() {
        return 2.0 * estimates.size() - 2 * report.logLikelihood();
    }

    /**
     * Returns the Bayesian information criterion {@code k ln(n) - 2 LL}, with {@code n} the number
     * of observations.
     *
     * @return the BIC
     */
    public double bic() {
        return estimates.size() * Math.log(report.observations()) - 2 * report.logLikelihood();
    }
}
