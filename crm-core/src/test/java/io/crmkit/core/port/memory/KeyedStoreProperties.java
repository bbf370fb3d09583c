package io.crmkit.core.port.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link KeyedStore}, the engine of the in-memory event and ledger repositories, against a plain
 * model (a map from identifier to the last record saved under it): after any sequence of saves,
 * some of which replace a record by one at another time or of another customer, every query returns
 * exactly the model's records in its range, in time-then-identifier order.
 */
class KeyedStoreProperties {

    /** A stored record: identifier, time key and customer. */
    record Rec(String id, int time, CustomerId customer) {
    }

    private static final List<CustomerId> CUSTOMERS = List.of(CustomerId.of("c1"), CustomerId.of("c10"),
            CustomerId.of("c2"));
    private static final Comparator<Rec> ORDER = Comparator.comparingInt(Rec::time).thenComparing(Rec::id);

    @Provide
    Arbitrary<List<Rec>> saves() {
        Arbitrary<Rec> rec = Combinators.combine(
                Arbitraries.integers().between(0, 12).map(i -> "r" + i),
                Arbitraries.integers().between(0, 8),
                Arbitraries.of(CUSTOMERS)).as(Rec::new);
        return rec.list().ofMaxSize(25);
    }

    private static KeyedStore<Rec, Integer, String> store() {
        return new KeyedStore<>(Rec::id, Rec::time, Rec::customer);
    }

    private static Map<String, Rec> model(List<Rec> saves) {
        Map<String, Rec> m = new LinkedHashMap<>();
        saves.forEach(r -> m.put(r.id(), r));
        return m;
    }

    private static List<Rec> expected(Map<String, Rec> model, Predicate<Rec> keep) {
        return model.values().stream().filter(keep).sorted(ORDER).toList();
    }

    private static List<Rec> list(Stream<Rec> s) {
        try (s) {
            return s.toList();
        }
    }

    @Property
    void everyQueryMatchesTheModel(@ForAll("saves") List<Rec> saves,
            @ForAll("bound") int a, @ForAll("bound") int b, @ForAll("customer") CustomerId customer) {
        KeyedStore<Rec, Integer, String> store = store();
        if (saves.size() % 2 == 0) {
            saves.forEach(store::save);
        } else {
            store.saveAll(saves);
        }
        Map<String, Rec> model = model(saves);

        assertThat(store.size()).isEqualTo(model.size());
        for (int i = 0; i <= 13; i++) {
            String id = "r" + i;
            assertThat(store.findById(id).orElse(null)).isEqualTo(model.get(id));
        }
        assertThat(list(store.between(a, b))).isEqualTo(expected(model, r -> a <= r.time() && r.time() < b));
        assertThat(list(store.betweenForCustomer(customer, a, b)))
                .isEqualTo(expected(model, r -> r.customer().equals(customer) && a <= r.time() && r.time() < b));
        assertThat(list(store.through(a))).isEqualTo(expected(model, r -> r.time() <= a));
        assertThat(list(store.throughForCustomer(customer, a)))
                .isEqualTo(expected(model, r -> r.customer().equals(customer) && r.time() <= a));
    }

    @Provide
    Arbitrary<Integer> bound() {
        return Arbitraries.integers().between(-1, 10);
    }

    @Provide
    Arbitrary<CustomerId> customer() {
        return Arbitraries.of(CustomerId.of("c1"), CustomerId.of("c10"), CustomerId.of("c2"), CustomerId.of("c3"));
    }

    @Property
    void aStreamIsASnapshotThatLaterSavesDoNotChange(@ForAll("saves") List<Rec> saves) {
        KeyedStore<Rec, Integer, String> store = store();
        store.saveAll(saves);
        Stream<Rec> all = store.through(100);
        Stream<Rec> mine = store.throughForCustomer(CUSTOMERS.get(0), 100);
        List<Rec> before = expected(model(saves), r -> true);
        store.save(new Rec("late", 0, CUSTOMERS.get(0)));
        if (!saves.isEmpty()) {
            Rec first = saves.get(0);
            store.save(new Rec(first.id(), first.time() + 1, CUSTOMERS.get(1)));
        }
        assertThat(list(all)).isEqualTo(before);
        assertThat(list(mine)).isEqualTo(before.stream().filter(r -> r.customer().equals(CUSTOMERS.get(0))).toList());
    }

    @Property
    void aReplacedRecordLeavesItsOldTimeAndCustomer(@ForAll("saves") List<Rec> saves) {
        KeyedStore<Rec, Integer, String> store = store();
        store.saveAll(saves);
        List<Rec> moved = new ArrayList<>();
        for (Rec r : model(saves).values()) {
            Rec m = new Rec(r.id(), 20 + r.time(), CUSTOMERS.get((CUSTOMERS.indexOf(r.customer()) + 1) % 3));
            store.save(m);
            moved.add(m);
        }
        assertThat(list(store.through(19))).isEmpty();
        assertThat(list(store.between(0, 20))).isEmpty();
        assertThat(list(store.between(20, 40))).isEqualTo(moved.stream().sorted(ORDER).toList());
        for (CustomerId c : CUSTOMERS) {
            assertThat(list(store.throughForCustomer(c, 40)))
                    .isEqualTo(moved.stream().filter(r -> r.customer().equals(c)).sorted(ORDER).toList());
        }
        assertThat(store.size()).isEqualTo(moved.size());
    }
}
