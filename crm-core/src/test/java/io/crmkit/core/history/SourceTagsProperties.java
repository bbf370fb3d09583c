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
}
