package io.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.segmentation.CustomerColumns;
import io.crmkit.segmentation.rfm.Binning;
import io.crmkit.segmentation.rfm.Cut;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.Direction;
import io.crmkit.segmentation.rfm.MonetaryMeasure;
import io.crmkit.segmentation.rfm.QuantileEstimator;
import io.crmkit.segmentation.rfm.RfmOptions;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmScorer;
import io.crmkit.segmentation.rfm.Side;
import io.crmkit.segmentation.segment.SegmentMap;
import io.crmkit.segmentation.segment.Segmentation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spark RFM scores, cuts and segments equal crm-segmentation's on the same customers: CDNOW and
 * simulated logs, several binnings, directions, monetary measures and segment maps.
 */
class SparkRfmTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Stream<Arguments> scorings() {
        RfmOptions quartilesType6 = RfmOptions.builder().binning(Binning.quantiles(4, QuantileEstimator.TYPE_6))
                .monetaryMeasure(MonetaryMeasure.MEAN).build();
        RfmOptions mixed = RfmOptions.builder().binning(Binning.quantiles(3, QuantileEstimator.TYPE_1))
                .binning(Dimension.FREQUENCY, Binning.thresholds(Side.UPPER, 2, 4))
                .direction(Dimension.RECENCY, Direction.HIGHER_IS_BETTER).build();
        return Stream.of(
                Arguments.of("defaults, eleven segments", RfmOptions.defaults(), SegmentMap.elevenSegments()),
                Arguments.of("R rfm, its vignette's segments", RfmOptions.rRfm(), SegmentMap.rRfmVignette()),
                Arguments.of("quartiles type 6, mean", quartilesType6, fallback(4)),
                Arguments.of("terciles type 1 and thresholds", mixed, fallback(3)));
    }

    private static SegmentMap fallback(int bins) {
        return SegmentMap.builder(bins).ranges("top", bins, bins, 1, bins, 1, bins)
                .ranges("frequent", 1, bins, bins - 1, bins, 1, bins).defaultSegment("rest").build();
    }

    static void assertSameScores(SparkRfmResult actual, RfmResult expected, Segmentation segments) {
        assertThat(actual.customers()).isEqualTo(expected.size());
        for (Dimension d : Dimension.values()) {
            double[] cuts = expected.dimension(d).cuts().stream().mapToDouble(Cut::value).toArray();
            assertThat(actual.thresholds(d).thresholds().stream().mapToDouble(Double::doubleValue).toArray())
                    .as("%s cuts", d).containsExactly(cuts);
        }
        List<Row> rows = actual.rows().collectAsList();
        assertThat(rows).hasSize(expected.size());
        Map<String, Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.getString(0), r));
        for (int i = 0; i < expected.size(); i++) {
            Row r = byId.get(expected.customerId(i).value());
            assertThat(r).isNotNull();
            assertThat(r.getDouble(1)).isEqualTo(expected.recencyDays(i));
            assertThat(r.getInt(2)).isEqualTo(expected.frequency(i));
            assertThat(r.getDouble(3)).isEqualTo(expected.monetary(i));
            assertThat(r.getInt(4)).isEqualTo(expected.orders(i));
            assertThat(new int[] {r.getInt(6), r.getInt(7), r.getInt(8)}).as("scores of %s", expected.customerId(i))
                    .containsExactly(expected.r(i), expected.f(i), expected.m(i));
            assertThat(r.getString(9)).isEqualTo(segments.segment(i));
        }
    }

    @ParameterizedTest(name = "CDNOW: {0}")
    @MethodSource("scorings")
    void cdnowScoresEqualTheSingleMachineScores(String name, RfmOptions rfm, SegmentMap map) throws Exception {
        OrderData cdnow = OrderData.cdnow();
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(1998, 6, 30)))
                .zone(ZoneOffset.UTC).currency(OrderData.USD).build();
        PurchaseSummaries summaries = PurchaseHistory.summarize(cdnow.batch(true), options);
        RfmResult expected = RfmScorer.score(CustomerColumns.from(summaries), rfm);
        SparkSummaries s = SparkPurchaseHistory.summarize(cdnow.dataset(spark, 3),
                OrderColumns.defaults().withOrderId("order_id"), options);
        assertSameScores(SparkRfm.score(s, rfm, map), expected, map.assign(expected));
    }

    @ParameterizedTest(name = "simulated: {0}")
    @MethodSource("scorings")
    void simulatedScoresEqualTheSingleMachineScores(String name, RfmOptions rfm, SegmentMap map) {
        OrderData data = OrderData.simulated(name.length(), 600);
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2025, 12, 31)))
                .purchaseUnit(PurchaseUnit.DAY).timeUnit(PeriodUnit.WEEKS).currency(OrderData.USD).build();
        PurchaseSummaries summaries = PurchaseHistory.summarize(data.batch(true), options);
        RfmResult expected = RfmScorer.score(CustomerColumns.from(summaries), rfm);
        SparkSummaries s = SparkPurchaseHistory.summarize(data.dataset(spark, 4),
                OrderColumns.defaults().withOrderId("order_id").withStatus("status"), options, 5);
        assertSameScores(SparkRfm.score(s, rfm, map), expected, map.assign(expected));
    }

    @Test
    void closingReleasesTheCachedValuesAndTheRowsStayUsable() {
        OrderData data = OrderData.simulated(17, 300);
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2025, 12, 31)))
                .currency(OrderData.USD).build();
        RfmResult expected = RfmScorer.score(CustomerColumns.from(PurchaseHistory.summarize(data.batch(true), options)),
                RfmOptions.defaults());
        SparkSummaries s = SparkPurchaseHistory.summarize(data.dataset(spark, 3),
                OrderColumns.defaults().withOrderId("order_id").withStatus("status"), options);
        int before = spark.sparkContext().getPersistentRDDs().size();
        SegmentMap map = SegmentMap.elevenSegments();
        SparkRfmResult result = SparkRfm.score(s, RfmOptions.defaults(), map);
        assertThat(spark.sparkContext().getPersistentRDDs().size()).isEqualTo(before + 1);
        result.close();
        assertThat(spark.sparkContext().getPersistentRDDs().size()).isEqualTo(before);
        assertSameScores(result, expected, map.assign(expected));
        result.close(); // a second time: nothing more
        assertThat(spark.sparkContext().getPersistentRDDs().size()).isEqualTo(before);
    }

    /** The summaries of simulated orders (by order, with order ids and statuses), in 3 partitions. */
    private static SparkSummaries simulatedSummaries(long seed, int customers) {
        OrderData data = OrderData.simulated(seed, customers);
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2025, 12, 31)))
                .currency(OrderData.USD).build();
        return SparkPurchaseHistory.summarize(data.dataset(spark, 2),
                OrderColumns.defaults().withOrderId("order_id").withStatus("status"), options, 3);
    }

    @Test
    void orderStatisticsBySortEqualThoseByCounts() {
        Dataset<Row> values = simulatedSummaries(21, 500).rows().selectExpr("customer_id",
                "cast(revenue_minor as double) / 100 as monetary");
        double[] sorted = values.collectAsList().stream().mapToDouble(r -> r.getDouble(1)).sorted().toArray();
        int[] positions = {0, 1, 7, sorted.length / 3, sorted.length / 2, sorted.length - 2, sorted.length - 1};
        double[] expected = Arrays.stream(positions).mapToDouble(p -> sorted[p]).toArray();
        assertThat(SparkRfm.orderStatistics(values, "monetary", positions, Long.MAX_VALUE)).containsExactly(expected);
        assertThat(SparkRfm.orderStatistics(values, "monetary", positions, 0)).containsExactly(expected);
    }

    @Test
    void severalColumnsFromOneAggregationEqualEachAlone() {
        // one aggregation for all columns; a column with more distinct values than the limit is
        // sorted instead, beside columns whose counts are collected
        Dataset<Row> values = simulatedSummaries(23, 600).rows().selectExpr("customer_id",
                "cast(revenue_minor as double) / 100 as monetary",
                "purchases as frequency", "days_since_last as recency");
        List<Row> rows = values.collectAsList();
        int n = rows.size();
        int[] positions = {0, 3, n / 4, n / 2, n - 1};
        java.util.Map<String, int[]> wanted = new java.util.LinkedHashMap<>();
        wanted.put("monetary", positions);
        wanted.put("frequency", positions);
        wanted.put("recency", new int[] {n / 5, n - 2});
        wanted.put("nothing", new int[0]);
        long frequencyDistinct = rows.stream().mapToInt(r -> r.getInt(2)).distinct().count();
        long monetaryDistinct = rows.stream().mapToDouble(r -> r.getDouble(1)).distinct().count();
        assertThat(monetaryDistinct).isGreaterThan(frequencyDistinct);
        for (long limit : new long[] {Long.MAX_VALUE, frequencyDistinct, 0}) {
            java.util.Map<String, double[]> all = SparkRfm.orderStatistics(values, wanted, limit);
            for (String column : List.of("monetary", "frequency", "recency")) {
                int at = rows.get(0).fieldIndex(column);
                double[] sorted = rows.stream().mapToDouble(r -> ((Number) r.get(at)).doubleValue()).sorted().toArray();
                double[] expected = Arrays.stream(wanted.get(column)).mapToDouble(p -> sorted[p]).toArray();
                assertThat(all.get(column)).as("%s, limit %d", column, limit).containsExactly(expected);
            }
            assertThat(all.get("nothing")).isEmpty();
        }
    }

    @Test
    void rankBasedBinningsAndMismatchedMapsAreRefused() {
        OrderData data = OrderData.simulated(5, 20);
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2025, 12, 31)))
                .currency(OrderData.USD).build();
        SparkSummaries s = SparkPurchaseHistory.summarize(data.dataset(spark, 1),
                OrderColumns.defaults().withOrderId("order_id"), options);
        RfmOptions ntile = RfmOptions.builder().binning(Binning.ntile(5)).build();
        assertThatThrownBy(() -> SparkRfm.score(s, ntile, SegmentMap.elevenSegments()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is rank-based");
        assertThatThrownBy(() -> SparkRfm.score(s, RfmOptions.defaults(), fallback(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the segment map has 4 RECENCY bins and the binning 5");
    }
}
