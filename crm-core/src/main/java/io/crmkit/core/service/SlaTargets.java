package io.crmkit.core.service;

import io.crmkit.core.internal.Checks;
import java.time.Duration;
import java.util.Optional;

/**
 * The service-level targets for a case: the longest acceptable time to the first response and to
 * resolution, each measured from when the case was opened, in elapsed (calendar) time.
 *
 * <p>Business-hours calendars are the host's concern: a host that measures SLAs in business hours
 * converts before building the case.
 *
 * <p>Immutable and thread-safe.
 *
 * @param firstResponse the first-response target, if any, positive, not null
 * @param resolution the resolution target, if any, positive, not null
 */
public record SlaTargets(Optional<Duration> firstResponse, Optional<Duration> resolution) {

    private static final SlaTargets NONE = new SlaTargets(Optional.empty(), Optional.empty());

    /**
     * Validates the targets.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a target is zero or negative
     */
    public SlaTargets {
        Checks.optional(firstResponse, "firstResponse").ifPresent(d -> requirePositive(d, "firstResponse"));
        Checks.optional(resolution, "resolution").ifPresent(d -> requirePositive(d, "resolution"));
    }

    private static void requirePositive(Duration d, String field) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("SLA target " + field + " must be positive: " + d);
        }
    }

    /**
     * Returns no targets.
     *
     * @return targets with neither a response nor a resolution target, never null
     */
    public static SlaTargets none() {
        return NONE;
    }

    /**
     * Returns both targets.
     *
     * @param firstResponse the first-response target, positive, not null
     * @param resolution the resolution target, positive, not null
     * @return the targets, never null
     */
    public static SlaTargets of(Duration firstResponse, Duration resolution) {
        return new SlaTargets(Optional.of(firstResponse), Optional.of(resolution));
    }
}
