package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The shared engine of the in-memory ledger repositories: records indexed by identifier, by date
 * and by customer, guarded by a read-write lock; streams are snapshots taken under the lock.
 */
final class LedgerStore<T, I extends Comparable<? super I>> {

    private record Key<I extends Comparable<? super I>>(LocalDate day, I id) {
    }

    private final Function<T, I> idOf;
    private final Function<T, LocalDate> dayOf;
    private final Function<T, CustomerId> customerOf;
    private final Comparator<Key<I>> order = Comparator.<Key<I>, LocalDate>comparing(Key::day)
            .thenComparing(Key::id, Comparator.nullsLast(Comparator.<I>naturalOrder()));
    private final Map<I, T> byId = new HashMap<>();
    private final NavigableMap<Key<I>, T> byDay = new TreeMap<>(order);
    private final Map<CustomerId, NavigableMap<Key<I>, T>> byCustomer = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    LedgerStore(Function<T, I> idOf, Function<T, LocalDate> dayOf, Function<T, CustomerId> customerOf) {
        this.idOf = idOf;
        this.dayOf = dayOf;
        this.customerOf = customerOf;
    }

    void save(T record) {
        Checks.notNull(record, "record");
        lock.writeLock().lock();
        try {
            I id = idOf.apply(record);
            T old = byId.put(id, record);
            if (old != null) {
                Key<I> oldKey = new Key<>(dayOf.apply(old), id);
                byDay.remove(oldKey);
                byCustomer.get(customerOf.apply(old)).remove(oldKey);
            }
            Key<I> key = new Key<>(dayOf.apply(record), id);
            byDay.put(key, record);
            byCustomer.computeIfAbsent(customerOf.apply(record), c -> new TreeMap<>(order)).put(key, record);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void saveAll(Iterable<? extends T> records) {
        Checks.notNull(records, "records");
        for (T r : records) {
            save(r);
        }
    }

    Optional<T> findById(I id) {
        Checks.notNull(id, "id");
        lock.readLock().lock();
        try {
            return Optional.ofNullable(byId.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    Stream<T> streamThrough(LocalDate lastDay) {
        Checks.notNull(lastDay, "lastDay");
        return snapshot(byDay, lastDay);
    }

    Stream<T> streamForCustomer(CustomerId customerId, LocalDate lastDay) {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(lastDay, "lastDay");
        lock.readLock().lock();
        try {
            NavigableMap<Key<I>, T> map = byCustomer.get(customerId);
            return map == null ? Stream.empty() : snapshot(map, lastDay);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Stream<T> snapshot(NavigableMap<Key<I>, T> map, LocalDate lastDay) {
        lock.readLock().lock();
        try {
            return new ArrayList<>(map.headMap(new Key<>(lastDay, null), true).values()).stream();
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
