package io.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.CustomerId;
import io.crmkit.segmentation.rfm.Binning;
import io.crmkit.segmentation.rfm.Cut;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.RfmOptions;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmScorer;
import io.crmkit.segmentation.rfm.ScoreBin;
import io.crmkit.segmentation.rfm.Side;
import io.crmkit.segmentation.segment.SegmentMap;
import io.crmkit.segmentation.segment.SegmentSummary;
import io.crmkit.segmentation.segment.SegmentTable;
import io.crmkit.segmentation.segment.Segmentation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces, exactly, the R {@code rfm} 0.3.0 package's published results on its own
 * {@code rfm_data_orders} ({@code ../shared/data/expected/rfm-r-package.json}): the bins, the score
 * distribution, the first rows, the vignette's segment table and the package test's segment table.
 */
class RPackageReproductionTest {

    private static JsonNode expected;
    private static RfmResult result;

    @BeforeAll
    static void score() throws IOException {
        expected = new ObjectMapper().readTree(SharedData.require("expected", "rfm-r-package.json").toFile())
                .get("rfm_r_package_v0.3.0");
        result = RfmScorer.score(CustomerColumns.from(SharedData.rfmDataSummaries()), RfmOptions.rRfm());
    }

    @Test
    void customersAndOrdersAsPublished() {
        assertThat(result.size()).isEqualTo(995);
        assertThat(result.customers().totalRevenueMinor()).isPositive();
        long orders = 0;
        for (int i = 0; i < result.size(); i++) {
            orders += result.orders(i);
        }
        assertThat(orders).isEqualTo(4906);
    }

    @Test
    void binsAreTheLowerUpperPairsOfThePackage() {
        JsonNode bins = expected.get("bins_computed_lower_upper");
        for (Dimension d : Dimension.values()) {
            JsonNode pairs = bins.get(d.name().toLowerCase());
            List<Cut> cuts = result.dimension(d).cuts();
            assertThat(cuts).hasSize(4);
            for (int j = 0; j < 4; j++) {
                // upper of bin j = lower of bin j+1 = the cut, with lower <= x < upper
                // the file holds R's printed values (7 significant digits): 297.4 is 297.4000000000001
                assertThat(cuts.get(j).value()).as(d + " cut " + j)
                        .isCloseTo(pairs.get(j).get(1).asDouble(), within(1e-9));
                assertThat(cuts.get(j).value()).isCloseTo(pairs.get(j + 1).get(0).asDouble(), within(1e-9));
                assertThat(cuts.get(j).side()).isEqualTo(Side.UPPER);
            }
            // the outer bounds: min and max + 1 contain every value
            ScoreBin lowestValues = result.dimension(d).scoreBins().get(d == Dimension.RECENCY ? 4 : 0);
            assertThat(lowestValues.lowest().getAsDouble()).isEqualTo(pairs.get(0).get(0).asDouble());
            ScoreBin highestValues = result.dimension(d).scoreBins().get(d == Dimension.RECENCY ? 0 : 4);
            assertThat(highestValues.highest().getAsDouble() + 1).isEqualTo(pairs.get(4).get(1).asDouble());
        }
    }

    @Test
    void scoreDistributionAsComputedByThePackage() {
        JsonNode dist = expected.get("score_distribution_computed");
        for (Dimension d : Dimension.values()) {
            JsonNode counts = dist.get(d.letter());
            for (int s = 1; s <= 5; s++) {
                assertThat(result.dimension(d).customersWithScore(s)).as(d + " score " + s)
                        .isEqualTo(counts.get(Integer.toString(s)).asLong());
            }
        }
    }

    @Test
    void firstTenRowsAsPublished() {
        JsonNode rows = expected.get("first_rows_published");
        assertThat(rows).hasSize(10);
        for (int i = 0; i < 10; i++) {
            JsonNode row = rows.get(i);
            assertThat(result.customerId(i)).isEqualTo(CustomerId.of(row.get(0).asText()));
            assertThat(result.recencyDays(i)).isEqualTo(row.get(1).asDouble());
            assertThat(result.frequency(i)).isEqualTo(row.get(2).asInt());
            assertThat(result.monetary(i)).isEqualTo(row.get(3).asDouble());
            assertThat(result.r(i)).isEqualTo(row.get(4).asInt());
            assertThat(result.f(i)).isEqualTo(row.get(5).asInt());
            assertThat(result.m(i)).isEqualTo(row.get(6).asInt());
            assertThat(result.code(i)).isEqualTo(100 * row.get(4).asInt() + 10 * row.get(5).asInt()
                    + row.get(6).asInt());
        }
    }

    @Test
    void combinedScoresAndTheExplanation() {
        io.crmkit.segmentation.rfm.ScoreGrid grid = result.grid();
        long total = 0;
        for (int r = 1; r <= 5; r++) {
            for (int fm = 1; fm <= 5; fm++) {
                total += grid.customers(r, fm);
            }
        }
        assertThat(total).isEqualTo(995);
        long fiveFive = 0;
        for (int i = 0; i < result.size(); i++) {
            // SPSS weights 100/10/1: the weighted score is the code
            assertThat(result.weightedScore(i)).isEqualTo(result.code(i));
            fiveFive += result.r(i) == 5 && result.fm(i) == 5 ? 1 : 0;
        }
        assertThat(grid.customers(5, 5)).isEqualTo(fiveFive);
        RfmResult equal = RfmScorer.score(result.customers(), RfmOptions.builder().binning(Binning.rRfm(5))
                .weights(io.crmkit.segmentation.rfm.ScoreWeights.EQUAL).build());
        assertThat(equal.weightedScore(0)).isEqualTo(3 + 4 + 3);
        assertThat(result.describe())
                .contains("input: as-of end of 2006-12-31 (day clock); purchase = ORDER")
                .contains("R: r-rfm(5, type-7 quantiles + 1, lower <= x < upper), lower is better")
                .contains("cuts: < 4 (187 on it), < 5 (176 on it), < 6 (150 on it), < 8 (51 on it)")
                .contains("score 5: 120 customers, 8 to 14");
    }

    @Test
    void vignetteSegmentTableExactly() {
        SegmentTable table = SegmentMap.rRfmVignette().assign(result).summary();
        assertTable(table, expected.get("segment_summary_vignette_rules_published"));
        assertThat(table.row(SegmentMap.OTHERS).orElseThrow().customers()).isZero();
    }

    @Test
    void packageTestSegmentTableExactly() {
        SegmentMap testRules = SegmentMap.builder(5)
                .ranges("Champions", 4, 5, 4, 5, 4, 5)
                .ranges("Loyal Customers", 2, 5, 3, 5, 3, 5)
                .ranges("Potential Loyalist", 3, 5, 1, 3, 1, 3)
                .ranges("New Customers", 4, 5, 1, 1, 1, 1)
                .ranges("Promising", 3, 4, 1, 1, 1, 1)
                .ranges("Need Attention", 2, 3, 2, 3, 2, 3)
                .ranges("About To Sleep", 2, 3, 1, 2, 1, 2)
                .ranges("At Risk", 1, 2, 2, 5, 2, 5)
                .ranges("Can't Lose Them", 1, 1, 4, 5, 4, 5)
                .ranges("Lost", 1, 2, 1, 2, 1, 2)
                .build();
        Segmentation segments = testRules.assign(result);
        SegmentTable table = segments.summary();
        assertTable(table, expected.get("segment_test_rules_computed_full"));
        JsonNode published = expected.get("segment_test_rules_published").get("Champions");
        SegmentSummary champions = table.row("Champions").orElseThrow();
        assertThat(champions.customers()).isEqualTo(published.get(0).asLong());
        assertThat(champions.orders()).isEqualTo(published.get(1).asLong());
        assertThat(champions.revenue()).isEqualTo(published.get(2).asDouble());
        // the package test's ten published rows: its copy of the data names customers with suffixes
        // ("Abbey O'Reilly DVM") and lacks Aden Murphy and Akeelah Walsh (rows 3 and 9 here)
        int[] rows = {0, 1, 2, 4, 5, 6, 7, 8, 10, 11};
        String[] names = {"Abbey O'Reilly", "Add Senger", "Aden Lesch", "Admiral Senger", "Agness O'Keefe",
            "Aileen Barton", "Ailene Hermann", "Aiyanna Bruen", "Ala Schmidt", "Alannah Borer"};
        String[] publishedSegments = {"Loyal Customers", "Potential Loyalist", "Potential Loyalist", "Loyal Customers",
            "Champions", "Champions", "Loyal Customers", "Potential Loyalist", "About To Sleep", "Lost"};
        for (int k = 0; k < rows.length; k++) {
            assertThat(segments.customerId(rows[k]).value()).isEqualTo(names[k]);
            assertThat(segments.segment(rows[k])).as(names[k]).isEqualTo(publishedSegments[k]);
        }
    }

    @Test
    void customThresholdsOfTheDocExample() {
        // rfm_table_order(..., recency_bins = c(115, 181, 297, 482), frequency_bins = c(4, 5, 6, 8),
        // monetary_bins = c(256, 382, 506, 666)): lower <= x < upper with the given breaks
        JsonNode t = expected.get("bins_published_in_doc_example_as_custom_thresholds");
        RfmOptions custom = RfmOptions.builder()
                .binning(Dimension.RECENCY, thresholds(t.get("recency")))
                .binning(Dimension.FREQUENCY, thresholds(t.get("frequency")))
                .binning(Dimension.MONETARY, thresholds(t.get("monetary")))
                .build();
        RfmResult withThresholds = RfmScorer.score(result.customers(), custom);
        // the published thresholds are the computed ones rounded, so the scores agree with the
        // computed bins for this data except where a value lies between the two
        int differ = 0;
        for (int i = 0; i < result.size(); i++) {
            differ += withThresholds.code(i) != result.code(i) ? 1 : 0;
        }
        assertThat(differ).isLessThan(result.size() / 20);
        assertThat(withThresholds.dimension(Dimension.FREQUENCY).customersWithScore(1))
                .isEqualTo(result.dimension(Dimension.FREQUENCY).customersWithScore(1));
    }

    private static Binning thresholds(JsonNode values) {
        double[] v = new double[values.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = values.get(j).asDouble();
        }
        return Binning.thresholds(Side.UPPER, v);
    }

    private static void assertTable(SegmentTable table, JsonNode expectedTable) {
        int checked = 0;
        for (Map.Entry<String, JsonNode> e : expectedTable.properties()) {
            if (e.getKey().startsWith("_")) {
                continue;
            }
            SegmentSummary row = table.row(e.getKey()).orElseThrow();
            assertThat(row.customers()).as(e.getKey() + " customers").isEqualTo(e.getValue().get(0).asLong());
            assertThat(row.orders()).as(e.getKey() + " orders").isEqualTo(e.getValue().get(1).asLong());
            assertThat(row.revenue()).as(e.getKey() + " revenue").isEqualTo(e.getValue().get(2).asDouble());
            assertThat(row.averageOrderValue().getAsDouble())
                    .isEqualTo(e.getValue().get(2).asDouble() / e.getValue().get(1).asDouble());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
        assertThat(table.customers()).isEqualTo(995);
    }
}
