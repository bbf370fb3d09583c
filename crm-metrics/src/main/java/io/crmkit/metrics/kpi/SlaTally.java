package io.crmkit.metrics.kpi;

import java.util.OptionalDouble;

/**
 * How a set of cases fared against one SLA target, as seen at an as-of instant: met (done within
 * the target), breached (done late, or not done and the target has passed), pending (not done,
 * target not yet passed) and without a target.
 *
 * <p>Immutable and thread-safe.
 *
 * @param met cases done within the target
 * @param breached cases done late or overdue
 * @param pending cases not done whose target has not passed
 * @param noTarget cases without this target
 */
public record SlaTally(long met, long breached, long pending, long noTarget) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public SlaTally {
        if (Math.min(Math.min(met, breached), Math.min(pending, noTarget)) < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + met + ", " + breached + ", " + pending
                    + ", " + noTarget);
        }
    }

    /**
     * Returns the compliance rate {@code met / (met + breached)}: pending cases are not judged yet.
     *
     * @return the rate in [0, 1], or empty when no case has been judged
     */
    public OptionalDouble compliance() {
        long judged = met + breached;
        return judged == 0 ? OptionalDouble.empty() : OptionalDouble.of(met / (double) judged);
    }
}
