package io.crmkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The radix sort orders keys as unsigned longs, stably, carrying each key's value along. */
class RadixSortProperties {

    @Provide
    Arbitrary<List<Long>> keys() {
        Arbitrary<Long> few = Arbitraries.longs().between(0, 5);
        Arbitrary<Long> wide = Arbitraries.longs();
        Arbitrary<Long> oneByte = Arbitraries.longs().between(0, 255).map(v -> v << 40 | 0x0101_0000_0000L);
        return Arbitraries.oneOf(few, wide, oneByte).list().ofMaxSize(400);
    }

    @Property(tries = 500)
    void sortsUnsignedAndStably(@ForAll("keys") List<Long> list) {
        int n = list.size();
        long[] keys = new long[n + 3];
        int[] order = new int[n + 3];
        for (int i = 0; i < n; i++) {
            keys[i] = list.get(i);
            order[i] = i;
        }
        keys[n] = -1; // beyond n: untouched
        RadixSort.sort(keys, order, n);
        Integer[] expected = new Integer[n];
        for (int i = 0; i < n; i++) {
            expected[i] = i;
        }
        Arrays.sort(expected, (a, b) -> {
            int c = Long.compareUnsigned(list.get(a), list.get(b));
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int k = 0; k < n; k++) {
            assertThat(order[k]).isEqualTo(expected[k]);
            assertThat(keys[k]).isEqualTo(list.get(expected[k]));
        }
        assertThat(keys[n]).isEqualTo(-1);
        assertThat(order[n]).isZero();
        long[] alone = new long[n];
        for (int i = 0; i < n; i++) {
            alone[i] = list.get(i);
        }
        RadixSort.sort(alone, null, n);
        assertThat(alone).containsExactly(java.util.Arrays.copyOf(keys, n));
    }
}
