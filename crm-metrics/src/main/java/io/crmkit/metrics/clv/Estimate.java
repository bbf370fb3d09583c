package io.crmkit.metrics.clv;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One estimated parameter: its name, value and standard error (from the inverse of the Hessian
 * of the negative log-likelihood at the estimate).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the parameter name as in the literature ({@code r}, {@code alpha}, ...), not null
 * @param value the estimate, finite
 * @param standardError the standard error, empty when the Hessian is not positive definite or the
 *     parameters were given rather than fitted; not null
 */
public record Estimate(String name, double value, OptionalDouble standardError) {

    /**
     * Validates the estimate.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a number is not finite
     */
    public Estimate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(standardError, "standardError (use OptionalDouble.empty())");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite: " + value);
        }
        if (standardError.isPresent() && !(standardError.getAsDouble() >= 0 && standardError.getAsDouble() < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("standard error of " + name + " must be finite and not negative: "
                    + standardError.getAsDouble());
        }
    }
}
