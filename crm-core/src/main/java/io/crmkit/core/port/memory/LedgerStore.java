package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The in-memory ledger repositories' store: a {@link KeyedStore} keyed by the record's calendar
 * day, read up to and including a last day.
 */
final class LedgerStore<T, I extends Comparable<? super I>> {

    private final KeyedStore<T, LocalDate, I> store;

    LedgerStore(Function<T, I> idOf, Function<T, LocalDate> dayOf, Function<T, CustomerId> customerOf) {
        this.store = new KeyedStore<>(idOf, dayOf, customerOf);
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

    Stream<T> streamThrough(LocalDate lastDay) {
        Checks.notNull(lastDay, "lastDay");
        return store.through(lastDay);
    }

    Stream<T> streamForCustomer(CustomerId customerId, LocalDate lastDay) {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(lastDay, "lastDay");
        return store.throughForCustomer(customerId, lastDay);
    }

    int size() {
        return store.size();
    }
}
