package io.crmkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link CustomerIndex} numbers identifiers in order of first appearance, like a plain map, at any size. */
class CustomerIndexProperties {

    @Provide
    Arbitrary<List<String>> identifiers() {
        // few distinct texts repeat often; many make the table grow several times
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 20).map(i -> "c" + i).list().ofMaxSize(60),
                Arbitraries.integers().between(0, 5_000).map(i -> "cust-" + i).list().ofMaxSize(2_000));
    }

    @Property(tries = 200)
    void numbersInOrderOfFirstAppearance(@ForAll("identifiers") List<String> texts,
            @ForAll @IntRange(min = 0, max = 3_000) int expected) {
        CustomerIndex index = new CustomerIndex(expected);
        Map<String, Integer> model = new HashMap<>();
        for (String t : texts) {
            CustomerId id = CustomerId.of(t);
            Integer known = model.get(t);
            if (known == null) {
                assertThat(index.get(id)).isEqualTo(-1);
                int added = index.getOrAdd(id);
                assertThat(added).isEqualTo(-model.size() - 1);
                model.put(t, model.size());
            } else {
                assertThat(index.getOrAdd(id)).isEqualTo(known);
            }
            assertThat(index.size()).isEqualTo(model.size());
        }
        for (Map.Entry<String, Integer> e : model.entrySet()) {
            assertThat(index.get(CustomerId.of(e.getKey()))).isEqualTo(e.getValue());
        }
        assertThat(index.get(CustomerId.of("never-added"))).isEqualTo(-1);
    }

    @Property(tries = 100)
    void callerNumberedValuesAreKept(@ForAll("identifiers") List<String> texts) {
        CustomerIndex index = new CustomerIndex(0);
        Map<String, Integer> model = new HashMap<>();
        for (String t : texts) {
            int value = 1000 + 7 * t.length() + model.size();
            Integer known = model.get(t);
            int got = index.getOrAdd(CustomerId.of(t), value);
            if (known == null) {
                assertThat(got).isEqualTo(-value - 1);
                model.put(t, value);
            } else {
                assertThat(got).isEqualTo(known);
            }
        }
        model.forEach((t, v) -> assertThat(index.get(CustomerId.of(t))).isEqualTo(v));
        assertThat(index.size()).isEqualTo(model.size());
    }
}
