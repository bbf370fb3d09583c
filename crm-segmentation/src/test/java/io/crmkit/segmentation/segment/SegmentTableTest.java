package io.crmkit.segmentation.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A segment table of three rows written out by hand: lookups, the non-empty rows, totals and text. */
class SegmentTableTest {

    private static final SegmentSummary CHAMPIONS = new SegmentSummary("Champions", 2, 5, 150.0,
            OptionalDouble.of(30.0), OptionalDouble.of(0.75));
    private static final SegmentSummary LOST = new SegmentSummary("Lost", 1, 1, 50.0, OptionalDouble.of(50.0),
            OptionalDouble.of(0.25));
    private static final SegmentSummary EMPTY = new SegmentSummary("Hibernating customers", 0, 0, 0.0,
            OptionalDouble.empty(), OptionalDouble.empty());

    @Test
    void rowsTotalsAndText() {
        SegmentTable table = new SegmentTable(List.of(CHAMPIONS, EMPTY, LOST), 4, 200.0);
        assertThat(table.row("Lost")).contains(LOST);
        assertThat(table.row("Nobody")).isEmpty();
        assertThat(table.nonEmpty()).containsExactly(CHAMPIONS, LOST);
        assertThat(table.customers()).isEqualTo(3);
        String[] lines = table.toString().split("\n");
        assertThat(lines).hasSize(5);
        // the segment column is as wide as the longest name (21 characters)
        assertThat(lines[0]).isEqualTo(String.format("%-21s %10s %10s %14s %10s %8s", "segment", "customers",
                "orders", "revenue", "aov", "share"));
        assertThat(lines[1]).isEqualTo(String.format("%-21s %10d %10d %14s %10s %8s", "Champions", 2, 5, "150.00",
                "30.00", "75.00%"));
        assertThat(lines[2]).isEqualTo(String.format("%-21s %10d %10d %14s %10s %8s", "Hibernating customers", 0,
                0, "0.00", "-", "-"));
        assertThat(lines[4]).isEqualTo("4 prospects without purchases are in no segment");

        String small = new SegmentTable(List.of(LOST), 0, 50.0).toString();
        assertThat(small).doesNotContain("prospects");
        assertThat(small.split("\n")[1]).startsWith("Lost    "); // at least 7 wide: "segment"
        assertThat(new SegmentTable(List.of(), 0, 0).customers()).isZero();
        assertThatThrownBy(() -> new SegmentTable(List.of(), -1, 0)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new SegmentTable(List.of(), 0, Double.NaN)).hasMessageContaining("NaN");
    }
}
