package io.crmkit.cli.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The dictionary behaves like a map from strings to dense indexes in order of first appearance. */
class StringDictionaryProperties {

    @Provide
    Arbitrary<List<String>> keys() {
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> any = Arbitraries.strings().withCharRange('\u00e0', '\u00e9').withChars('€', '中', 'x')
                .ofMaxLength(4);
        return Arbitraries.oneOf(ascii, any).list().ofMaxSize(3000);
    }

    @Property(tries = 200)
    void behavesLikeAMapOfFirstAppearance(@ForAll("keys") List<String> keys) {
        StringDictionary dictionary = new StringDictionary();
        Map<String, Integer> reference = new HashMap<>();
        for (String key : keys) {
            Integer expected = reference.get(key);
            int found = dictionary.find(key);
            if (expected == null) {
                assertThat(found).isEqualTo(-1);
                int added = key.hashCode() % 2 == 0 ? dictionary.addFound() : -dictionary.getOrAdd(key) - 1;
                assertThat(added).isEqualTo(reference.size());
                reference.put(key, added);
            } else {
                assertThat(found).isEqualTo(expected);
                assertThat(dictionary.getOrAdd(key)).isEqualTo(expected);
            }
        }
        assertThat(dictionary.size()).isEqualTo(reference.size());
        reference.forEach((key, index) -> assertThat(dictionary.get(index)).isEqualTo(key));
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
