package io.crmkit.segmentation.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.segmentation.rfm.RfmCell;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The presets and what the linter says about them. */
class SegmentPresetsTest {

    @Test
    void elevenSegmentsCoverThe125CodesExactlyOnce() {
        SegmentMap map = SegmentMap.elevenSegments();
        LintReport report = map.lint();
        assertThat(report.clean(map)).as(report.describe()).isTrue();
        assertThat(map.segments()).hasSize(12).startsWith("Champions").endsWith("Lost", SegmentMap.OTHERS);
        Set<Integer> codes = new HashSet<>();
        int total = 0;
        for (SegmentRule rule : map.rules()) {
            Set<Integer> own = ((SegmentRule.Codes) rule).codes();
            codes.addAll(own);
            total += own.size();
        }
        assertThat(total).isEqualTo(125);
        assertThat(codes).hasSize(125);
        assertThat(map.segmentOf(5, 5, 5)).isEqualTo("Champions");
        assertThat(map.segmentOf(1, 1, 1)).isEqualTo("Lost");
        assertThat(map.segmentOf(2, 5, 1)).isEqualTo("About To Sleep");
        assertThat(map.segmentOf(1, 1, 3)).isEqualTo("Can't Lose Them");
    }

    @Test
    void rfGridCoversTheTwentyFiveRfCellsAndIgnoresMonetary() {
        SegmentMap map = SegmentMap.rfGrid();
        assertThat(map.lint().clean(map)).isTrue();
        for (int m = 1; m <= 5; m++) {
            assertThat(map.segmentOf(5, 5, m)).isEqualTo("Champions");
            assertThat(map.segmentOf(1, 1, m)).isEqualTo("Hibernating");
            assertThat(map.segmentOf(5, 1, m)).isEqualTo("New Customers");
            assertThat(map.segmentOf(3, 3, m)).isEqualTo("Need Attention");
        }
    }

    @Test
    void theLinterExplainsTheVignetteMap() {
        SegmentMap map = SegmentMap.rRfmVignette();
        LintReport report = map.lint();
        // its ranges overlap (Potential Loyalist takes cells Loyal Customers also lists)...
        assertThat(report.overlaps()).anySatisfy(o -> {
            assertThat(o.earlierName()).isEqualTo("Potential Loyalist");
            assertThat(o.laterName()).isEqualTo("Loyal Customers");
        });
        // ...every rule still reaches some cell, and a few cells fall to "Others"
        assertThat(report.unreachableRules()).isEmpty();
        assertThat(report.uncovered()).contains(new RfmCell(2, 5, 1));
        assertThat(map.segmentOf(2, 5, 1)).isEqualTo(SegmentMap.OTHERS);
        assertThat(report.describe()).contains("overlap: rule 2 (Potential Loyalist) and rule 3 (Loyal Customers)")
                .contains("uncovered:");
        assertThat(map.describe()).startsWith("1. Champions: R 5, F 5, M 5\n").endsWith("otherwise: Others\n");
    }

    @Test
    void mapsRejectScoresOutsideTheirBinsAndMismatchedResults() {
        SegmentMap map = SegmentMap.builder(3).ranges("Top", 3, 3, 1, 3, 1, 3).defaultSegment("Rest").build();
        assertThat(map.segments()).containsExactly("Top", "Rest");
        assertThatThrownBy(() -> map.segmentOf(4, 1, 1)).hasMessageContaining("outside");
        assertThatThrownBy(() -> SegmentMap.builder(10)).hasMessageContaining("2 to 9");
        assertThatThrownBy(() -> SegmentRule.Codes.of("X", java.util.List.of(501)))
                .hasMessageContaining("501");
        assertThatThrownBy(() -> ScoreRange.of(3, 2)).hasMessageContaining("3 to 2");
    }
}
