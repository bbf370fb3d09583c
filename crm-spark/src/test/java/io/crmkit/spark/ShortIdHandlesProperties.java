package io.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The short-identifier table of a partition's batch: a key stands for exactly one identifier, and
 * the table answers as a map from identifiers to the handle first given, through its growth.
 */
class ShortIdHandlesProperties {

    @Provide
    Arbitrary<List<String>> ids() {
        Arbitrary<String> shortAscii = Arbitraries.strings().withCharRange('0', '9').withChars("ABCxyz-_ ").ofMinLength(1)
                .ofMaxLength(7);
        Arbitrary<String> latin = Arbitraries.strings().withCharRange('\u00A0', '\u00FF').withCharRange('\u0000', '\u0003')
                .ofMinLength(0).ofMaxLength(8);
        Arbitrary<String> other = Arbitraries.strings().ofMinLength(0).ofMaxLength(12);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, shortAscii), net.jqwik.api.Tuple.of(2, latin),
                net.jqwik.api.Tuple.of(1, other)).list().ofMaxSize(20_000);
    }

    @Property(tries = 60)
    void answersAsAMapOfTheFirstHandle(@ForAll("ids") List<String> ids) {
        ShortIdHandles table = new ShortIdHandles();
        Map<String, Integer> reference = new HashMap<>();
        Map<Long, String> keyOf = new HashMap<>();
        for (String id : ids) {
            long key = pack(id);
            boolean packable = !id.isEmpty() && id.length() <= 7 && id.chars().allMatch(c -> c < 0x80);
            assertThat(key != 0).as(id).isEqualTo(packable);
            if (key == 0) {
                continue;
            }
            // one key, one identifier, which the key gives back
            assertThat(ShortIdHandles.unpack(key)).isEqualTo(id);
            String before = keyOf.putIfAbsent(key, id);
            assertThat(before == null ? id : before).isEqualTo(id);
            int found = table.get(key);
            Integer expected = reference.get(id);
            assertThat(found).isEqualTo(expected == null ? -1 : expected);
            if (expected == null) {
                int handle = reference.size();
                reference.put(id, handle);
                table.put(key, handle);
            }
        }
        reference.forEach((id, handle) -> assertThat(table.get(pack(id))).isEqualTo(handle));
    }

    @Example
    void packsLengthAndCharacters() {
        assertThat(pack("1")).isEqualTo(1L | ('1' << 8));
        assertThat(pack("1")).isNotEqualTo(pack("1\u0000"));
        assertThat(pack("1234567")).isNotZero();
        assertThat(pack("12345678")).isZero();
        assertThat(pack("")).isZero();
        assertThat(pack("\u007f")).isNotZero();
        assertThat(pack("ÿ")).isZero(); // two UTF-8 bytes, not ASCII
        assertThat(pack("Ā")).isZero();
    }

    private static long pack(String id) {
        return ShortIdHandles.pack(UTF8String.fromString(id));
    }
}
