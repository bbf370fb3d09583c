package io.crmkit.metrics.clv;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a maximum-likelihood fit ended at the edge of its parameter space ({@link FitStatus#BOUNDARY}),
 * what that means, and the nested model that describes the same data without the parameter that
 * ran away. Carried by {@link ModelFitException#boundary()}.
 *
 * <p>The typical case is a BTYD model on data in which nobody visibly drops out: Pareto/NBD's mean
 * drop-out rate {@code s / beta}, or BG/NBD's and MBG/NBD's drop-out probability
 * {@code a / (a + b)}, tends to 0, its likelihood approaches the NBD's from below, and the
 * estimates are arbitrary points on a ridge; the {@linkplain NbdModel NBD} fit is offered.
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the model that was fitted, as in {@link TransactionModel#name()}, not blank
 * @param parameter the parameter (or function of parameters, such as {@code s/beta}) that runs to
 *     the edge, not blank
 * @param explanation what the boundary means for these data, in one sentence, not blank
 * @param atEdge the estimates where the optimiser stopped (no standard errors), not null
 * @param logLikelihood the log-likelihood where the optimiser stopped, finite
 * @param nested the nested model's fit (for a drop-out boundary the NBD), empty when the boundary
 *     has no nested model or that fit failed too; not null
 */
public record FitBoundary(String model, String parameter, String explanation, List<Estimate> atEdge,
        double logLikelihood, Optional<TransactionModel> nested) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a text is blank or the log-likelihood is not finite
     */
    public FitBoundary {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(explanation, "explanation");
        atEdge = List.copyOf(Objects.requireNonNull(atEdge, "atEdge"));
        Objects.requireNonNull(nested, "nested");
        if (model.isBlank() || parameter.isBlank() || explanation.isBlank()) {
            throw new IllegalArgumentException("model, parameter and explanation must not be blank");
        }
        if (!Double.isFinite(logLikelihood)) {
            throw new IllegalArgumentException("logLikelihood must be finite: " + logLikelihood);
        }
    }
}
