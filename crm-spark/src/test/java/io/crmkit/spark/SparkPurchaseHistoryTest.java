package io.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.CustomerPurchaseSummary;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spark summaries equal the single-machine summaries of the same orders, customer by customer and
 * field by field, on CDNOW and on simulated logs in several partitions.
 */
class SparkPurchaseHistoryTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Every field of every customer, exactly; and no other customer. */
    static void assertSame(SparkSummaries spark, PurchaseSummaries expected) {
        List<Row> rows = spark.rows().collectAsList();
        assertThat(rows).hasSize(expected.size());
        Map<String, Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.getString(0), r));
        BtydView btyd = expected.btyd();
        for (int i = 0; i < expected.size(); i++) {
            CustomerPurchaseSummary s = expected.summary(i);
            Row r = byId.get(s.customerId().value());
            assertThat(r).as("customer %s", s.customerId()).isNotNull();
            assertThat(r.getTimestamp(1).toInstant()).isEqualTo(s.firstPurchaseAt());
            assertThat(r.getTimestamp(2).toInstant()).isEqualTo(s.lastPurchaseAt());
            assertThat(r.getInt(3)).isEqualTo(s.purchases());
            assertThat(r.getInt(4)).isEqualTo(s.orders());
            assertThat(r.getLong(5)).isEqualTo(expected.revenueMinorUnits(i));
            assertThat(r.getDecimal(6)).isEqualTo(s.revenue().amount());
            assertThat(r.getDouble(7)).isEqualTo(s.daysSinceLastPurchase());
            assertThat(r.getDouble(8)).isEqualTo(s.ageDays());
            assertThat(r.getInt(9)).isEqualTo(btyd.x(i));
            assertThat(r.getDouble(10)).isEqualTo(btyd.tx(i));
            assertThat(r.getDouble(11)).isEqualTo(btyd.bigT(i));
            assertThat(r.getDouble(12)).as("mean repeat value of %s", s.customerId()).isEqualTo(btyd.meanRepeatValue(i));
        }
    }

    @Test
    void cdnowBtydConventionEqualsTheSingleMachineSummaries() throws Exception {
        OrderData cdnow = OrderData.cdnow();
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(1997, 9, 30)))
                .zone(ZoneOffset.UTC).purchaseUnit(PurchaseUnit.DAY).timeUnit(PeriodUnit.WEEKS)
                .currency(OrderData.USD).build();
        PurchaseSummaries expected = PurchaseHistory.summarize(cdnow.batch(false), options);
        SparkSummaries actual = SparkPurchaseHistory.summarize(cdnow.dataset(spark, 3), OrderColumns.defaults(), options);
        assertThat(expected.size()).isEqualTo(2357);
        assertSame(actual, expected);
        assertSame(SparkPurchaseHistory.summarizeMapSide(cdnow.dataset(spark, 5), OrderColumns.defaults(), options, 3),
                expected);
        // the published figure: 2,357 customers, CDNOW customer 1 (x = 2, t_x = 30.43 weeks, T = 38.86)
        Row one = actual.rows().filter("customer_id = '1'").first();
        assertThat(one.getInt(9)).isEqualTo(2);
        assertThat(one.getDouble(10)).isCloseTo(30.43, org.assertj.core.data.Offset.offset(0.005));
        assertThat(one.getDouble(11)).isCloseTo(38.86, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void cdnowPerOrderWithoutOrderIdsKeepsTheRowOrderTieRule() throws Exception {
        // 223 lines share a customer and a day: the first purchase's value depends on the row order
        OrderData cdnow = OrderData.cdnow();
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(1998, 6, 30)))
                .currency(OrderData.USD).timeUnit(PeriodUnit.WEEKS).build();
        PurchaseSummaries expected = PurchaseHistory.summarize(cdnow.batch(false), options);
        assertSame(SparkPurchaseHistory.summarize(cdnow.orderedDataset(spark, 4), OrderColumns.defaults(), options, 3),
                expected);
        assertSame(SparkPurchaseHistory.summarizeMapSide(cdnow.orderedDataset(spark, 4), OrderColumns.defaults(),
                options, 3), expected);
    }

    @ParameterizedTest(name = "seed {0}, {1}, {2} clock, {3} partitions")
    @CsvSource({"1, ORDER, day, 4", "2, DAY, day, 3", "3, ORDER, exact, 5", "4, DAY, exact, 2", "5, ORDER, day, 1"})
    void simulatedLogsWithOrderIdsEqualTheSingleMachineSummaries(long seed, PurchaseUnit unit, String clock,
            int partitions) {
        OrderData data = OrderData.simulated(seed, 400);
        AsOf asOf = clock.equals("day") ? AsOf.endOfDay(LocalDate.of(2025, 9, 30))
                : AsOf.instant(Instant.parse("2025-09-30T13:17:00.000001Z"));
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(asOf).zone(ZoneId.of("Europe/Berlin"))
                .purchaseUnit(unit).countedCategories(OrderStatusCategory.COMPLETED, OrderStatusCategory.OPEN)
                .currency(OrderData.USD).timeUnit(PeriodUnit.MONTHS).build();
        PurchaseSummaries expected = PurchaseHistory.summarize(data.batch(true), options);
        assertThat(expected.size()).isGreaterThan(100);
        SparkSummaries actual = SparkPurchaseHistory.summarize(data.dataset(spark, 3),
                OrderColumns.defaults().withOrderId("order_id").withStatus("status"), options, partitions);
        assertSame(actual, expected);
    }

    @Test
    void everyDecimalAmountTypeGivesTheSameMinorUnits() {
        // decimal(12, 2) is shuffled as it is and read back as its unscaled long; decimal(20, 2) is
        // converted to minor units in Spark (its minor units may need 19 digits); decimal(14, 3)
        // is checked row by row: one result
        OrderData data = OrderData.simulated(21, 300);
        PurchaseHistoryOptions usd = endOf2025(OrderData.USD);
        PurchaseSummaries expected = PurchaseHistory.summarize(data.batch(true), usd);
        OrderColumns columns = OrderColumns.defaults().withOrderId("order_id").withStatus("status");
        Dataset<Row> orders = data.dataset(spark, 3);
        for (String type : List.of("decimal(12,2)", "decimal(20,2)", "decimal(14,3)")) {
            Dataset<Row> typed = orders.withColumn("amount", orders.col("amount").cast(type));
            assertSame(SparkPurchaseHistory.summarize(typed, columns, usd, 2), expected);
        }
        // a currency of three decimals: decimal(12, 2)'s unscaled value times ten, as Spark's own
        // conversion of decimal(20, 2) gives
        PurchaseHistoryOptions bhd = endOf2025(java.util.Currency.getInstance("BHD"));
        List<Row> scaled = SparkPurchaseHistory.summarize(orders, columns, bhd, 2).rows().orderBy("customer_id")
                .collectAsList();
        List<Row> converted = SparkPurchaseHistory.summarize(orders.withColumn("amount",
                orders.col("amount").cast("decimal(20,2)")), columns, bhd, 2).rows().orderBy("customer_id")
                .collectAsList();
        assertThat(scaled).hasSize(expected.size()).isEqualTo(converted);
        assertThat(scaled.get(0).getLong(5)).isEqualTo(10 * expected.revenueMinorUnits(0));
    }

    /** The default definitions at the end of 2025, in a currency. */
    private static PurchaseHistoryOptions endOf2025(java.util.Currency currency) {
        return PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2025, 12, 31))).currency(currency).build();
    }

    @Test
    void simulatedLogWithoutOrderIdsEqualsTheSingleMachineSummaries() {
        OrderData data = OrderData.simulated(11, 300);
        PurchaseHistoryOptions options = endOf2025(OrderData.USD);
        PurchaseSummaries expected = PurchaseHistory.summarize(data.batch(false), options);
        assertSame(SparkPurchaseHistory.summarize(data.orderedDataset(spark, 3),
                OrderColumns.defaults().withStatus("status"), options, 4), expected);
    }

    @ParameterizedTest(name = "{0}, order ids {1}")
    @CsvSource({"ORDER, true", "ORDER, false", "DAY, true", "DAY, false"})
    void manySmallInputPartitionsWithCustomersSpanningThemMergeMapSideToTheSingleMachineSummaries(PurchaseUnit unit,
            boolean orderIds) {
        // 37 input partitions of a shuffled log: most customers' orders are spread over several
        // partitions, so each customer's partial states (same-day and same-instant ties, returns,
        // void and open orders, orders after the as-of day among them) meet only after the shuffle
        OrderData data = OrderData.simulated(21, 250);
        Dataset<Row> input = orderIds ? data.dataset(spark, 37) : data.orderedDataset(spark, 37);
        long spanning = input.withColumn("part", org.apache.spark.sql.functions.spark_partition_id())
                .select("customer_id", "part").distinct().groupBy("customer_id").count().filter("count > 1").count();
        assertThat(spanning).isGreaterThan(100);
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2025, 9, 30)))
                .zone(ZoneId.of("America/New_York")).purchaseUnit(unit)
                .countedCategories(OrderStatusCategory.COMPLETED, OrderStatusCategory.OPEN)
                .currency(OrderData.USD).timeUnit(PeriodUnit.WEEKS).build();
        PurchaseSummaries expected = PurchaseHistory.summarize(data.batch(orderIds), options);
        OrderColumns columns = orderIds ? OrderColumns.defaults().withOrderId("order_id").withStatus("status")
                : OrderColumns.defaults().withStatus("status");
        assertSame(SparkPurchaseHistory.summarizeMapSide(input, columns, options, 5), expected);
        assertSame(SparkPurchaseHistory.summarize(input, columns, options, 5), expected);
    }

    @Test
    void badRowsAndMappingsAreNamed() {
        Dataset<Row> orders = OrderData.simulated(3, 5).dataset(spark, 1);
        PurchaseHistoryOptions noCurrency = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2025, 1, 1)))
                .build();
        assertThatThrownBy(() -> SparkPurchaseHistory.summarize(orders, OrderColumns.defaults(), noCurrency))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PurchaseHistoryOptions.currency");
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2025, 1, 1)))
                .currency(OrderData.USD).build();
        assertThatThrownBy(() -> SparkPurchaseHistory.summarize(orders,
                OrderColumns.defaults().withMapping(Map.of("timestamp", "date")), options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'date' for timestamp");
        assertThatThrownBy(() -> OrderColumns.defaults().withMapping(Map.of("currency", "cur")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown order field");
        Dataset<Row> yen = orders.withColumn("amount", orders.col("amount").plus(0.001));
        assertThatThrownBy(() -> SparkPurchaseHistory.summarize(yen, OrderColumns.defaults().withOrderId("order_id"),
                options).rows().count()).hasStackTraceContaining("has more decimals than USD's 2");
        Dataset<Row> badStatus = orders.withColumn("status", org.apache.spark.sql.functions.lit("shipped"));
        assertThatThrownBy(() -> SparkPurchaseHistory.summarize(badStatus,
                OrderColumns.defaults().withStatus("status"), options).rows().count())
                .hasStackTraceContaining("status 'shipped' is not a status category");
        // the first order's customer removed: named by its order, read from Spark's own rows
        Row first = orders.orderBy("order_id").first();
        Dataset<Row> guest = orders.withColumn("customer_id", org.apache.spark.sql.functions
                .when(orders.col("order_id").equalTo(first.getAs("order_id")), null).otherwise(orders.col("customer_id")));
        assertThatThrownBy(() -> SparkPurchaseHistory.summarize(guest, OrderColumns.defaults().withOrderId("order_id"),
                options).rows().count()).hasStackTraceContaining("customer_id must not be null (order "
                        + first.getAs("order_id") + ")");
    }
}
