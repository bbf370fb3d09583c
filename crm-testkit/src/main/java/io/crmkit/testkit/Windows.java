package io.crmkit.testkit;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Instants in a window at a precision, shrinking towards the start. Stateless and thread-safe. */
final class Windows {

    private Windows() {
    }

    /** Returns {@code from + k * step} for {@code k >= 0}, not after {@code to}; arguments already checked. */
    static Arbitrary<Instant> instants(Instant from, Instant to, Duration step) {
        long steps = Duration.between(from, to).dividedBy(step);
        return Arbitraries.longs().between(0, steps).map(k -> from.plus(step.multipliedBy(k)));
    }
}
