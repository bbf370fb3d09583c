package io.crmkit.metrics.clv;

import java.util.Objects;

/**
 * Thrown when a maximum-likelihood fit does not converge; carries the {@link FitReport}.
 *
 * <p>Immutable and thread-safe.
 */
public class ModelFitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient FitReport report;

    /**
     * Creates the exception.
     *
     * @param model the model name, for the message, not null
     * @param report the diagnostics, not null
     */
    public ModelFitException(String model, FitReport report) {
        super(model + " fit did not converge: " + Objects.requireNonNull(report, "report").status() + " after "
                + report.iterations() + " iterations, gradient norm " + report.gradientNorm() + ", log-likelihood "
                + report.logLikelihood() + " (" + report.startsRun() + " starts)");
        this.report = report;
    }

    /**
     * Creates the exception for data that cannot be fitted at all.
     *
     * @param model the model name, not null
     * @param reason why, not null
     * @param report the diagnostics, not null
     */
    public ModelFitException(String model, String reason, FitReport report) {
        super(model + " fit is not possible: " + reason);
        this.report = Objects.requireNonNull(report, "report");
    }

    /**
     * Returns the diagnostics of the failed fit.
     *
     * @return the report, never null
     */
    public FitReport report() {
        return report;
    }
}
