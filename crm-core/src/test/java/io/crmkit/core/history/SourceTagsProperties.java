package io.crmkit.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Source tags read back as appended, whatever their shape, and rising tags take next to nothing. */
class SourceTagsProperties {

    @Provide
    Arbitrary<List<Integer>> steps() {
        // mostly +1 (the next line), sometimes a gap, a missing tag (-1) or an arbitrary tag
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.just(1)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(2, 5)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(-1)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-1_000, -2))).list().ofMaxSize(3_000);
    }

    @Property(tries = 300)
    void readsBackWhatWasAppended(@ForAll("steps") List<Integer> steps) {
        SourceTags tags = new SourceTags();
        int[] expected = new int[steps.size()];
        int line = 1;
        for (int r = 0; r < steps.size(); r++) {
            int step = steps.get(r);
            if (step == -1) {
                expected[r] = -1;
            } else if (step < -1) {
                expected[r] = -step; // an arbitrary tag, out of line order
            } else {
                line += step;
                expected[r] = line;
            }
            tags.append(expected[r]);
        }
        for (int r = 0; r < expected.length; r++) {
            assertThat(tags.tag(r)).as("row %d", r).isEqualTo(expected[r]);
        }
    }

    @Test
    void aCleanFileTakesOneRun() {
        SourceTags tags = new SourceTags();
        for (int r = 0; r < 1_000_000; r++) {
            tags.append(r + 2);
        }
        assertThat(tags.tag(999_999)).isEqualTo(1_000_001);
        assertThat(tags.bytes()).isLessThan(1_000);
    }

    @Property(tries = 100)
    void scatteredTagsAreKeptPerRowAndReadBack(@ForAll("scattered") List<Integer> tags) {
        SourceTags st = new SourceTags();
        tags.forEach(st::append);
        for (int r = 0; r < tags.size(); r++) {
            assertThat(st.tag(r)).as("row %d", r).isEqualTo(tags.get(r));
        }
        assertThat(st.isEmpty()).isEqualTo(tags.stream().allMatch(t -> t < 0));
        // tags that rarely rise with the row cost about a tag per row, never less
        assertThat(st.bytes()).isGreaterThanOrEqualTo(4L * tags.size());
    }

    @Provide
    Arbitrary<List<Integer>> scattered() {
        return Arbitraries.integers().between(-1, 50).list().ofMinSize(200).ofMaxSize(600);
    }

    @Test
    void emptyOnlyWhileNoRowHasATag() {
        SourceTags tags = new SourceTags();
        assertThat(tags.isEmpty()).isTrue();
        assertThat(tags.bytes()).isPositive();
        tags.append(-1);
        tags.append(-1);
        assertThat(tags.isEmpty()).isTrue();
        tags.append(7);
        assertThat(tags.isEmpty()).isFalse();
        assertThat(tags.tag(0)).isEqualTo(-1);
        assertThat(tags.tag(1)).isEqualTo(-1);
        assertThat(tags.tag(2)).isEqualTo(7);
        SourceTags tagged = new SourceTags();
        tagged.append(3);
        assertThat(tagged.isEmpty()).isFalse();
        tagged.append(-1);
        assertThat(tagged.isEmpty()).isFalse();
        assertThat(tagged.tag(0)).isEqualTo(3);
        assertThat(tagged.tag(1)).isEqualTo(-1);
    }
}
