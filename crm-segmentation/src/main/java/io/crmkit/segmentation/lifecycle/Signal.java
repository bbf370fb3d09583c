package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.internal.Checks;

/**
 * One raised churn early-warning signal with the numbers that raised it. The reason holds numbers
 * only, never personal data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of signal, not null
 * @param observed the observed value (an overdue factor, a share of decline, a count, a score or a
 *     probability, as the kind says), finite
 * @param threshold the threshold it was compared with, finite
 * @param reason a short explanation with the numbers, not blank
 */
public record Signal(SignalKind kind, double observed, double threshold, String reason) {

    /**
     * Validates the signal.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a number is not finite or the reason blank
     */
    public Signal {
        Checks.notNull(kind, "kind");
        Checks.finite(observed, "observed");
        Checks.finite(threshold, "threshold");
        Checks.notNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
    }
}
