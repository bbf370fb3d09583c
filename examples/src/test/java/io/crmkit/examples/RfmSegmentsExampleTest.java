package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.segmentation.segment.SegmentMap;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The RFM quick start: every customer lands in one segment of the eleven-segment map. */
class RfmSegmentsExampleTest {

    @Test
    void segmentTableAccountsForEveryCustomerAndAllRevenue() {
        Captured out = Captured.of(RfmSegmentsExample::run);
        List<Matcher> rows = out.matching("(.+?) +(\\d+) customers  revenue +([0-9.]+)  share +([0-9.]+) %");
        assertThat(rows).isNotEmpty();
        List<String> names = rows.stream().map(m -> m.group(1)).toList();
        assertThat(SegmentMap.elevenSegments().segments()).containsAll(names);
        assertThat(names).contains("Champions", "Lost");
        long customers = rows.stream().mapToLong(m -> Long.parseLong(m.group(2))).sum();
        assertThat(customers).isEqualTo(ShopData.CUSTOMERS);
        double revenue = rows.stream().mapToDouble(m -> Double.parseDouble(m.group(3))).sum();
        assertThat(revenue).isCloseTo(ShopData.summaries().totalRevenue().orElseThrow().amount().doubleValue(),
                within(0.01 * rows.size()));
        double share = rows.stream().mapToDouble(m -> Double.parseDouble(m.group(4))).sum();
        assertThat(share).isCloseTo(100.0, within(0.1 * rows.size()));
        out.line("total: " + ShopData.CUSTOMERS + " customers");
        assertThat(out.matching("(recency|frequency|monetary) cuts: \\[.*\\]")).hasSize(3);
    }

    @Test
    void printedCustomersCarryTheSegmentOfTheirScores() {
        Captured out = Captured.of(RfmSegmentsExample::run);
        List<Matcher> customers = out.matching(
                "  (C\\d+)  recency +\\d+  frequency +\\d+  monetary +[0-9.]+  RFM ([1-5])([1-5])([1-5])  (.+)");
        assertThat(customers).hasSize(5);
        SegmentMap map = SegmentMap.elevenSegments();
        for (Matcher m : customers) {
            assertThat(m.group(5)).isEqualTo(map.segmentOf(Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        }
    }
}
