package io.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.metrics.kpi.OrderKpiOptions;
import io.crmkit.metrics.kpi.OrderKpiReport;
import io.crmkit.metrics.kpi.OrderKpis;
import io.crmkit.metrics.kpi.PeriodGrid;
import io.crmkit.metrics.kpi.ReportingPeriod;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every KPI cell and cohort cell of the Spark path equals the single-machine report. */
class SparkKpisTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static void assertSameReport(OrderKpiReport actual, OrderKpiReport expected) {
        assertThat(actual.periods()).isEqualTo(expected.periods());
        assertThat(actual.ordersSeen()).isEqualTo(expected.ordersSeen());
        assertThat(actual.ordersCounted()).isEqualTo(expected.ordersCounted());
        assertThat(actual.excludedByStatus()).isEqualTo(expected.excludedByStatus());
        assertThat(actual.excludedAfterGrid()).isEqualTo(expected.excludedAfterGrid());
        assertThat(actual.cohorts().cohorts()).isEqualTo(expected.cohorts().cohorts());
        for (int c = 0; c < expected.cohorts().cohorts(); c++) {
            for (int k = 0; k < expected.cohorts().columns(c); k++) {
                assertThat(actual.cohorts().count(c, k)).as("cohort %s, period %s", c, k)
                        .isEqualTo(expected.cohorts().count(c, k));
            }
        }
    }

    @ParameterizedTest(name = "purchase unit {0}")
    @EnumSource(PurchaseUnit.class)
    void cdnowMonthlyKpisAndCohortsEqualTheSingleMachineReport(PurchaseUnit unit) throws Exception {
        OrderData cdnow = OrderData.cdnow();
        OrderKpiOptions options = OrderKpiOptions.builder(PeriodGrid.covering(ReportingPeriod.MONTH, ZoneOffset.UTC,
                LocalDate.of(1997, 1, 1), LocalDate.of(1998, 6, 30)), 90).purchaseUnit(unit)
                .currency(Optional.of(OrderData.USD)).build();
        OrderKpiReport expected = OrderKpis.compute(cdnow.batch(true), options);
        OrderKpiReport actual = SparkKpis.compute(cdnow.dataset(spark, 3), OrderColumns.defaults(), options);
        assertThat(expected.periods()).hasSize(18);
        assertThat(expected.periods().get(0).newCustomers()).isPositive();
        assertSameReport(actual, expected);
    }

    @ParameterizedTest(name = "seed {0}, {1} periods, {2} partitions, purchase unit {3}")
    @CsvSource({"1, WEEK, 3, ORDER", "2, MONTH, 5, DAY", "3, QUARTER, 2, DAY", "4, YEAR, 1, ORDER"})
    void simulatedLogsEqualTheSingleMachineReport(long seed, ReportingPeriod period, int partitions,
            PurchaseUnit unit) {
        OrderData data = OrderData.simulated(seed, 500);
        int window = switch (period) {
            case WEEK -> 30;
            case MONTH -> 45;
            case QUARTER -> 120;
            case YEAR -> 400;
        };
        OrderKpiOptions options = OrderKpiOptions.builder(PeriodGrid.covering(period, ZoneId.of("America/New_York"),
                LocalDate.of(2024, 2, 10), LocalDate.of(2025, 8, 31)), window)
                .countedCategories(EnumSet.of(OrderStatusCategory.COMPLETED, OrderStatusCategory.OPEN))
                .purchaseUnit(unit).currency(Optional.of(OrderData.USD)).build();
        OrderKpiReport expected = OrderKpis.compute(data.batch(true), options);
        OrderKpiReport actual = SparkKpis.compute(data.dataset(spark, 4),
                OrderColumns.defaults().withOrderId("order_id").withStatus("status"), options, partitions);
        assertThat(expected.ordersCounted()).isGreaterThan(300);
        assertSameReport(actual, expected);
    }

    @Test
    void optionsWithoutCurrencyAreRefused() {
        OrderKpiOptions options = OrderKpiOptions.of(PeriodGrid.covering(ReportingPeriod.MONTH, ZoneOffset.UTC,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)), 45);
        assertThatThrownBy(() -> SparkKpis.compute(OrderData.simulated(1, 3).dataset(spark, 1),
                OrderColumns.defaults(), options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrderKpiOptions.currency");
    }
}
