package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.internal.Checks;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The in-memory event repositories' store: a {@link KeyedStore} keyed by the event instant, read by
 * half-open {@link TimeRange}s.
 */
final class EventStore<T, I extends Comparable<? super I>> {

    private final KeyedStore<T, Instant, I> store;

    EventStore(Function<T, I> idOf, Function<T, Instant> timeOf, Function<T, CustomerId> customerOf) {
        this.store = new KeyedStore<>(idOf, timeOf, customerOf);
    }

    void save(T record) {
        store.save(record);
    }

    void saveAll(Iterable<? extends T> records) {
        store.saveAll(records);
    }

    Optional<T> findById(I id) {
        return store.findById(id);
    }

    Stream<T> stream(TimeRange range) {
        Checks.notNull(range, "range");
        return store.between(range.start(), range.end());
    }

    Stream<T> streamForCustomer(CustomerId customerId, TimeRange range) {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(range, "range");
        return store.betweenForCustomer(customerId, range.start(), range.end());
    }

    int size() {
        return store.size();
    }
}
