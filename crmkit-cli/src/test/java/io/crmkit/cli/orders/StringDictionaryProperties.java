package io.crmkit.cli.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The dictionary behaves like a map from strings to dense indexes in order of first appearance. */
class StringDictionaryProperties {

    @Provide
    Arbitrary<List<String>> keys() {
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> any = Arbitraries.strings().withCharRange('\u00e0', '\u00e9').withChars('€', '中', 'x')
                .ofMaxLength(4);
        // numbers: canonical ones (in the direct array or, seen above its bound, in the table), with
        // leading zeros or a sign (strings like any other), ten digits (too long for the array)
        Arbitrary<String> number = Arbitraries.integers().between(0, 5000).map(String::valueOf);
        Arbitrary<String> large = Arbitraries.integers().between(0, 999_999_999).map(String::valueOf);
        Arbitrary<String> padded = Arbitraries.integers().between(0, 99).map(n -> "0" + n);
        Arbitrary<String> odd = Arbitraries.of("-1", "+1", "1234567890", "9999999999", "12a", "1 ");
        return Arbitraries.frequencyOf(Tuple.of(3, ascii), Tuple.of(2, any), Tuple.of(6, number), Tuple.of(1, large),
                Tuple.of(1, padded), Tuple.of(1, odd)).list().ofMaxSize(3000);
    }

    @Property(tries = 300)
    void behavesLikeAMapOfFirstAppearance(@ForAll("keys") List<String> keys,
            @ForAll @IntRange(min = 1, max = 2048) int directMin, @ForAll boolean viaBytes) {
        // a small bound puts many numbers in the table first and in the array after it has grown
        StringDictionary dictionary = new StringDictionary(directMin);
        Map<String, Integer> reference = new HashMap<>();
        for (String key : keys) {
            Integer expected = reference.get(key);
            byte[] bytes = ("<" + key + ">").getBytes(StandardCharsets.UTF_8);
            int found = viaBytes ? dictionary.find(bytes, 1, bytes.length - 1,
                    StringDictionary.key(bytes, 1, bytes.length - 1)) : dictionary.find(key);
            if (expected == null) {
                assertThat(found).isEqualTo(-1);
                int added = key.hashCode() % 2 == 0 ? dictionary.addFound() : -dictionary.getOrAdd(key) - 1;
                assertThat(added).isEqualTo(reference.size());
                reference.put(key, added);
            } else {
                assertThat(found).isEqualTo(expected);
                assertThat(dictionary.getOrAdd(key)).isEqualTo(expected);
                assertThat(dictionary.find(bytes, 1, bytes.length - 1)).isEqualTo(expected);
            }
        }
        assertThat(dictionary.size()).isEqualTo(reference.size());
        reference.forEach((key, index) -> assertThat(dictionary.get(index)).isEqualTo(key));
    }

    @Test
    void numbersAboveTheBoundOfTheirTimeAreFoundAfterTheArrayGrowsPastThem() {
        StringDictionary dictionary = new StringDictionary(16);
        // 1000 is above the bound of a one-string dictionary (16): it goes to the table; once the
        // array covers it, a miss there still finds it in the table
        assertThat(dictionary.getOrAdd("1000")).isEqualTo(-1);
        for (int i = 0; i < 2000; i++) {
            dictionary.getOrAdd(Integer.toString(i));
        }
        assertThat(dictionary.size()).isEqualTo(2000);
        assertThat(dictionary.find("1000")).isZero();
        assertThat(dictionary.find("0")).isEqualTo(1);
        assertThat(dictionary.find("01000")).isEqualTo(-1);
        assertThat(dictionary.get(0)).isEqualTo("1000");
    }

    @Test
    void growsPastManyPagesAndTableResizes() {
        StringDictionary dictionary = new StringDictionary();
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            assertThat(dictionary.getOrAdd("customer-" + i)).isEqualTo(-i - 1);
        }
        assertThat(dictionary.size()).isEqualTo(n);
        assertThat(dictionary.find("customer-123456")).isEqualTo(123_456);
        assertThat(dictionary.get(n - 1)).isEqualTo("customer-" + (n - 1));
        assertThat(dictionary.find("customer-" + n)).isEqualTo(-1);

        dictionary.freeze();

        assertThat(dictionary.get(123_456)).isEqualTo("customer-123456");
        assertThatThrownBy(() -> dictionary.find("customer-1")).isInstanceOf(IllegalStateException.class);
    }
}
