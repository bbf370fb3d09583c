package io.crmkit.metrics.clv;

import java.util.Objects;

/**
 * The convergence report of a maximum-likelihood fit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status how the best run ended, not null
 * @param iterations optimiser iterations over all starts, not negative
 * @param evaluations likelihood evaluations over all starts, not negative
 * @param gradientNorm the largest absolute component of the gradient of the (penalised)
 *     log-likelihood with respect to the log parameters at the estimate, in log-likelihood units
 *     (total over customers); positive infinity if it could not be computed
 * @param logLikelihood the (unpenalised) log-likelihood at the estimate, finite, or negative
 *     infinity if the fit failed
 * @param startsRun how many starting points were tried, at least 1
 * @param startsAgreeing how many of them reached the best optimum, not negative (for a model with
 *     drop-out at its no-drop-out boundary: how many converged within the boundary tolerance of
 *     the NBD's log-likelihood, wherever along the flat ridge they stopped)
 * @param method the method that produced the estimate ({@code "BFGS"} or
 *     {@code "Nelder-Mead then BFGS"}), not null
 * @param l2Penalty the penalty coefficient used, not negative
 * @param observations the number of observations (customers, donors, cohort members), positive
 */
public record FitReport(FitStatus status, int iterations, int evaluations, double gradientNorm,
        double logLikelihood, int startsRun, int startsAgreeing, String method, double l2Penalty,
        double observations) {

    /**
     * Validates the report.
     *
     * @throws NullPointerException if a reference component is null
     * @throws IllegalArgumentException if a count is negative or a number is NaN
     */
    public FitReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(method, "method");
        if (iterations < 0 || evaluations < 0 || startsRun < 1 || startsAgreeing < 0) {
            throw new IllegalArgumentException("counts must not be negative (startsRun at least 1): iterations="
                    + iterations + ", evaluations=" + evaluations + ", startsRun=" + startsRun + ", startsAgreeing="
                    + startsAgreeing);
        }
        if (Double.isNaN(gradientNorm) || Double.isNaN(logLikelihood) || Double.isNaN(l2Penalty)
                || Double.isNaN(observations)) {
            throw new IllegalArgumentException("report numbers must not be NaN");
        }
    }

    /**
     * Returns whether the fit converged.
     *
     * @return true for {@link FitStatus#CONVERGED}
     */
    public boolean converged() {
        return status == FitStatus.CONVERGED;
    }
}
