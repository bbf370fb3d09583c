package io.crmkit.metrics.clv;

import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when a maximum-likelihood fit does not converge or ends at the boundary of the parameter
 * space; carries the {@link FitReport} and, at the boundary, the {@link FitBoundary}.
 *
 * <p>Immutable and thread-safe.
 */
public class ModelFitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient FitReport report;
    private final transient FitBoundary boundary;

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
        this.boundary = null;
    }

    /**
     * Creates the exception for a fit that ended at the edge of the parameter space.
     *
     * @param report the diagnostics, status {@link FitStatus#BOUNDARY}, not null
     * @param boundary which parameter ran away, what it means, and the nested fit; not null
     */
    public ModelFitException(FitReport report, FitBoundary boundary) {
        super(Objects.requireNonNull(boundary, "boundary").model() + " fit is at the boundary: "
                + boundary.parameter() + " runs to the edge of the parameter space; " + boundary.explanation());
        this.report = Objects.requireNonNull(report, "report");
        this.boundary = boundary;
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
        this.boundary = null;
    }

    /**
     * Returns the diagnostics of the failed fit.
     *
     * @return the report, never null
     */
    public FitReport report() {
        return report;
    }

    /**
     * Returns, for a fit at the boundary, which parameter ran away, what that means and the nested
     * model's fit.
     *
     * @return the boundary, empty for other failures
     */
    public Optional<FitBoundary> boundary() {
        return Optional.ofNullable(boundary);
    }
}
