package io.crmkit.core.port.memory;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The shared engine of the in-memory repositories: records indexed by identifier, by a time key
 * (an instant for events, a calendar day for ledger records) then identifier, and by customer,
 * guarded by a read-write lock; streams are snapshots taken under the lock.
 *
 * @param <T> the record type
 * @param <K> the time key's type
 * @param <I> the identifier's type
 */
final class KeyedStore<T, K extends Comparable<? super K>, I extends Comparable<? super I>> {

    /** A record's place, or a bound before ({@code -1}) or after ({@code +1}) every record at a time. */
    private record Key<K, I>(K time, int bound, I id) {
    }

    private final Function<T, I> idOf;
    private final Function<T, K> timeOf;
    private final Function<T, CustomerId> customerOf;
    private final Comparator<Key<K, I>> order = (a, b) -> {
        int c = a.time().compareTo(b.time());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.bound(), b.bound());
        return c != 0 || a.bound() != 0 ? c : a.id().compareTo(b.id());
    };
    private final Map<I, T> byId = new HashMap<>();
    private final NavigableMap<Key<K, I>, T> byTime = new TreeMap<>(order);
    private final Map<CustomerId, NavigableMap<Key<K, I>, T>> byCustomer = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    KeyedStore(Function<T, I> idOf, Function<T, K> timeOf, Function<T, CustomerId> customerOf) {
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
                Key<K, I> oldKey = new Key<>(timeOf.apply(old), 0, id);
                byTime.remove(oldKey);
                byCustomer.get(customerOf.apply(old)).remove(oldKey);
            }
            Key<K, I> key = new Key<>(timeOf.apply(record), 0, id);
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

    /** Records with {@code from <= time < to}, in time-then-identifier order. */
    Stream<T> between(K from, K to) {
        return snapshot(null, new Key<>(from, -1, null), new Key<>(to, -1, null));
    }

    /** A customer's records with {@code from <= time < to}, in time-then-identifier order. */
    Stream<T> betweenForCustomer(CustomerId customerId, K from, K to) {
        Checks.notNull(customerId, "customerId");
        return snapshot(customerId, new Key<>(from, -1, null), new Key<>(to, -1, null));
    }

    /** Records with {@code time <= last}, in time-then-identifier order. */
    Stream<T> through(K last) {
        return snapshot(null, null, new Key<>(last, 1, null));
    }

    /** A customer's records with {@code time <= last}, in time-then-identifier order. */
    Stream<T> throughForCustomer(CustomerId customerId, K last) {
        Checks.notNull(customerId, "customerId");
        return snapshot(customerId, null, new Key<>(last, 1, null));
    }

    /** The records in [from, to) of the whole store or of one customer; from null means from the first. */
    private Stream<T> snapshot(CustomerId customerId, Key<K, I> from, Key<K, I> to) {
        lock.readLock().lock();
        try {
            NavigableMap<Key<K, I>, T> map = customerId == null ? byTime : byCustomer.get(customerId);
            if (map == null || from != null && order.compare(from, to) >= 0) {
                return Stream.empty();
            }
            NavigableMap<Key<K, I>, T> range = from == null ? map.headMap(to, false) : map.subMap(from, true, to, false);
            return new ArrayList<>(range.values()).stream();
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
