package io.crmkit.testkit;

import io.crmkit.core.CustomerId;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * A configurable jqwik arbitrary of valid {@link Interaction}s: start from {@link Interactions}
 * and narrow it down, for example
 * {@code Interactions.fromCustomerPool(10).occurredBetween(from, to).inChannels(InteractionChannel.EMAIL)}.
 *
 * <p>Defaults (each replaced by the matching method), the distribution of
 * {@link CrmArbitraries#interactions()}: any customer of {@link CrmArbitraries#customerIds()},
 * any time of {@link CrmArbitraries#instants()}, any channel; an end zero to eight hours after
 * the start in six interactions in ten. When the time is configured, the end keeps its distance
 * after the start (clipped to {@link CrmArbitraries#LATEST_INSTANT}), so an end may lie after
 * the window; the start never does.
 *
 * <p>Every bound is inclusive; every generated interaction is valid and respects every
 * configured bound. Every configuring method checks its arguments (an exception naming the
 * method, the argument and the value) and returns a new arbitrary: an instance is never changed
 * after it is returned, so it is safe to share between threads and properties.
 */
public final class InteractionArbitrary extends ArbitraryDecorator<Interaction> {

    private List<CustomerId> customers;
    private Instant from;
    private Instant to;
    private Duration precision = Duration.ofSeconds(1);
    private List<InteractionChannel> channels;

    InteractionArbitrary() {
    }

    private InteractionArbitrary copy() {
        return typedClone();
    }

    /**
     * Returns an arbitrary whose customers are drawn from {@code c0} to {@code c<size-1>}, the pool
     * of {@link OrderArbitrary#fromCustomerPool(int)}.
     *
     * @param size the number of customers, 1 to 1,000,000
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the size is out of range
     */
    public InteractionArbitrary fromCustomerPool(int size) {
        InteractionArbitrary a = copy();
        a.customers = Arguments.pool(size, "fromCustomerPool");
        return a;
    }

    /**
     * Returns an arbitrary whose customers are drawn from the given identifiers (duplicates count
     * once; shrinking towards the first).
     *
     * @param ids the identifiers, at least one, none null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if there is no identifier or one is null
     */
    public InteractionArbitrary fromCustomers(CustomerId... ids) {
        Arguments.notNull(ids, "fromCustomers", "ids");
        return fromCustomers(Arrays.asList(ids));
    }

    /**
     * Returns an arbitrary whose customers are drawn from the given identifiers (duplicates count
     * once; shrinking towards the first in iteration order).
     *
     * @param ids the identifiers, at least one, none null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if there is no identifier or one is null
     */
    public InteractionArbitrary fromCustomers(Collection<CustomerId> ids) {
        InteractionArbitrary a = copy();
        a.customers = Arguments.nonEmpty(ids, "fromCustomers", "ids");
        return a;
    }

    /**
     * Returns an arbitrary whose interactions started from {@code from} to {@code to}, both
     * inclusive, at {@code from} plus a whole multiple of the precision (one second unless
     * {@link #occurredAtPrecision(Duration)} says otherwise).
     *
     * @param from the earliest start, not null
     * @param to the latest start, not before {@code from}, not after
     *     {@link CrmArbitraries#LATEST_INSTANT}, not null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if {@code from} is after {@code to} or {@code to} is after
     *     the latest generated instant
     */
    public InteractionArbitrary occurredBetween(Instant from, Instant to) {
        Arguments.window(from, to, "occurredBetween");
        if (to.isAfter(CrmArbitraries.LATEST_INSTANT)) {
            throw new IllegalArgumentException("occurredBetween: to " + to + " must not be after "
                    + CrmArbitraries.LATEST_INSTANT);
        }
        Arguments.steps(from, to, precision, "occurredBetween");
        InteractionArbitrary a = copy();
        a.from = from;
        a.to = to;
        return a;
    }

    /**
     * Returns an arbitrary whose start times are {@code from} plus whole multiples of the step;
     * takes effect with {@link #occurredBetween(Instant, Instant)}. The default is one second.
     *
     * @param step the step, positive, not null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the step is not positive
     */
    public InteractionArbitrary occurredAtPrecision(Duration step) {
        Arguments.steps(from == null ? Instant.EPOCH : from, to == null ? Instant.EPOCH : to, step,
                "occurredAtPrecision");
        InteractionArbitrary a = copy();
        a.precision = step;
        return a;
    }

    /**
     * Returns an arbitrary whose interactions took place over one of the given channels, each as
     * likely.
     *
     * @param values the channels, at least one, none null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if there is no channel or one is null
     */
    public InteractionArbitrary inChannels(InteractionChannel... values) {
        Arguments.notNull(values, "inChannels", "channels");
        InteractionArbitrary a = copy();
        a.channels = Arguments.nonEmpty(Arrays.asList(values), "inChannels", "channels");
        return a;
    }

    @Override
    protected Arbitrary<Interaction> arbitrary() {
        Arbitrary<Interaction> base = CrmArbitraries.interactions();
        if (customers == null && from == null && channels == null) {
            return base;
        }
        Arbitrary<Optional<CustomerId>> customerArb = customers == null ? Arbitraries.just(Optional.empty())
                : Arbitraries.of(customers).map(Optional::of);
        Arbitrary<Optional<Instant>> atArb = from == null ? Arbitraries.just(Optional.empty())
                : Windows.instants(from, to, precision).map(Optional::of);
        Arbitrary<Optional<InteractionChannel>> channelArb = channels == null ? Arbitraries.just(Optional.empty())
                : Arbitraries.of(channels).map(Optional::of);
        return Combinators.combine(base, customerArb, atArb, channelArb).as((i, customer, at, channel) -> {
            Instant start = at.orElse(i.occurredAt());
            Optional<Instant> end = i.endedAt().map(e -> CrmArbitraries.later(start, Duration.between(i.occurredAt(), e)));
            return new Interaction(i.id(), customer.orElse(i.customerId()), channel.orElse(i.channel()), i.direction(),
                    i.type(), i.purpose(), start, end, i.outcome(), i.sentiment(), i.agent(), i.campaign(), i.order(),
                    i.serviceCase());
        });
    }
}
