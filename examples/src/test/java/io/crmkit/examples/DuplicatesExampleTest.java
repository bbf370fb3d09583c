package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The duplicates quick start: both people are found, scores are probabilities, values stay masked. */
class DuplicatesExampleTest {

    private final Captured out = Captured.of(DuplicatesExample::run);

    @Test
    void findsBothDuplicatePairsWithMaskedReasons() {
        List<Matcher> pairs = out.matching("(\\S+) = (\\S+) \\(([0-9.]+)\\): (.+)");
        assertThat(pairs).extracting(m -> m.group(1) + "=" + m.group(2))
                .containsExactly("crm-17=shop-4", "crm-23=shop-9");
        for (Matcher m : pairs) {
            assertThat(Double.parseDouble(m.group(3))).isBetween(0.9, 1.0);
            assertThat(m.group(4)).contains("same phone");
        }
        // personal values never printed in full
        assertThat(out.text).doesNotContainIgnoringCase("rothermel").doesNotContain("645").doesNotContain("张伟")
                .doesNotContainIgnoringCase("zhang");
        out.line("records: 4; duplicate pairs: 2; household pairs: 0; namesake pairs: 0");
        out.line("  \\[crm-17, shop-4\\]");
        out.line("  \\[crm-23, shop-9\\]");
        out.line("  phone +1.00  1.00");
    }
}
