package io.crmkit.testkit;

import io.crmkit.core.interaction.Interaction;
import java.time.Instant;

/**
 * The entry point of the configurable {@link Interaction} arbitraries, in jqwik's style, for
 * example {@code Interactions.fromCustomerPool(10).occurredBetween(from, to)}. The defaults and
 * every option are described on {@link InteractionArbitrary}. Stateless and thread-safe.
 */
public final class Interactions {

    private Interactions() {
    }

    /**
     * Returns the arbitrary of all interactions (the distribution of
     * {@link CrmArbitraries#interactions()}).
     *
     * @return a new arbitrary, never null
     */
    public static InteractionArbitrary interactions() {
        return new InteractionArbitrary();
    }

    /**
     * Returns the arbitrary of interactions of customers {@code c0} to {@code c<size-1>}.
     *
     * @param size the number of customers, 1 to 1,000,000
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the size is out of range
     */
    public static InteractionArbitrary fromCustomerPool(int size) {
        return interactions().fromCustomerPool(size);
    }

    /**
     * Returns the arbitrary of interactions that started from {@code from} to {@code to}, both
     * inclusive, in whole seconds after {@code from}.
     *
     * @param from the earliest start, not null
     * @param to the latest start, not before {@code from}, not null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     */
    public static InteractionArbitrary occurredBetween(Instant from, Instant to) {
        return interactions().occurredBetween(from, to);
    }
}
