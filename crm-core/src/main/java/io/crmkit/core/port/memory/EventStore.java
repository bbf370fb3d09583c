package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.internal.Checks;
import java.time.Instant;
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
 * The shared engine of the in-memory event repositories: records indexed by identifier, by event
 * time and by customer, guarded by a read-write lock; streams are snapshots taken under the lock.
 */
final class EventStore<T, I extends Comparable<? super I>> {

    private record Key<I extends Comparable<? super I>>(Instant time, I id) {
    }

    private final Function<T, I> idOf;
    private final Function<T, Instant> timeOf;
    private final Function<T, CustomerId> customerOf;
    private final Comparator<Key<I>> order = Comparator.<Key<I>, Instant>comparing(Key::time)
            .thenComparing(Key::id, Comparator.nullsFirst(Comparator.<I>naturalOrder()));
    private final Map<I, T> byId = new HashMap<>();
    private final NavigableMap<Key<I>, T> byTime = new TreeMap<>(order);
    private final Map<CustomerId, NavigableMap<Key<I>, T>> byCustomer = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    EventStore(Function<T, I> idOf, Function<T, Instant> timeOf, Function<T, CustomerId> customerOf) {
        this.idOf = idOf;
        this.timeOf = timeOf;
        this.customerOf = customerOf;
    }

    void save(T record) {
        Checks.notNull(record, "record");
        lock.writeLock().lock();
        try {
            I id = idOf.apply(record);
            T old = byId.put(id, record);
            if (old != null) {
                Key<I> oldKey = new Key<>(timeOf.apply(old), id);
                byTime.remove(oldKey);
                byCustomer.get(customerOf.apply(old)).remove(oldKey);
            }
            Key<I> key = new Key<>(timeOf.apply(record), id);
            byTime.put(key, record);
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

    Stream<T> stream(TimeRange range) {
        Checks.notNull(range, "range");
        return snapshot(byTime, range);
    }

    Stream<T> streamForCustomer(CustomerId customerId, TimeRange range) {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(range, "range");
        lock.readLock().lock();
        try {
            NavigableMap<Key<I>, T> map = byCustomer.get(customerId);
            return map == null ? Stream.empty() : snapshot(map, range);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Stream<T> snapshot(NavigableMap<Key<I>, T> map, TimeRange range) {
        lock.readLock().lock();
        try {
            List<T> out = new ArrayList<>();
            for (Map.Entry<Key<I>, T> e : map.tailMap(new Key<>(range.start(), null), true).entrySet()) {
                if (!e.getKey().time().isBefore(range.end())) {
                    break;
                }
                out.add(e.getValue());
            }
            return out.stream();
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
