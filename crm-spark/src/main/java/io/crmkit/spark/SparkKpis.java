package io.crmkit.spark;

import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.metrics.kpi.OrderKpiOptions;
import io.crmkit.metrics.kpi.OrderKpiReport;
import io.crmkit.metrics.kpi.OrderKpis;
import io.crmkit.metrics.kpi.PeriodGrid;
import io.crmkit.metrics.kpi.ReportingPeriod;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Period KPIs and acquisition cohorts of a Spark {@code Dataset<Row>} of orders, by crm-metrics'
 * {@link OrderKpis}: the orders are partitioned by customer, each partition is read into a batch and
 * fed to an {@link OrderKpis.Accumulator}, which sends only its per-period tallies
 * ({@link OrderKpis.Accumulator#talliesAsBytes()}, a few bytes per period) to the driver, where they
 * are added into one report. Every KPI cell and cohort cell equals the single-machine
 * {@link OrderKpis#compute(io.crmkit.core.history.OrderBatch, OrderKpiOptions)}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SparkKpis {

    private SparkKpis() {
    }

    /**
     * Computes the period KPIs and cohorts of the orders, in {@code spark.sql.shuffle.partitions}
     * partitions.
     *
     * @param orders the orders, one row per order, not null
     * @param columns which columns hold the order fields, not null
     * @param options the grid and definitions; the currency must be set (one currency per run), not null
     * @return the report, never null
     * @throws IllegalArgumentException if a mapped column is missing, the options have no currency,
     *     or a row breaks a rule (naming the column and the value)
     */
    public static OrderKpiReport compute(Dataset<Row> orders, OrderColumns columns, OrderKpiOptions options) {
        Args.notNull(orders, "orders");
        int partitions = Integer.parseInt(orders.sparkSession().conf().get("spark.sql.shuffle.partitions"));
        return compute(orders, columns, options, partitions);
    }

    /**
     * Computes the period KPIs and cohorts of the orders in the given number of partitions.
     *
     * @param orders the orders, one row per order, not null
     * @param columns which columns hold the order fields, not null
     * @param options the grid and definitions; the currency must be set, not null
     * @param partitions the number of partitions of the shuffle, at least 1
     * @return the report, never null
     * @throws IllegalArgumentException as for {@link #compute(Dataset, OrderColumns, OrderKpiOptions)}
     */
    public static OrderKpiReport compute(Dataset<Row> orders, OrderColumns columns, OrderKpiOptions options,
            int partitions) {
        Args.notNull(orders, "orders");
        Args.notNull(columns, "columns");
        Args.notNull(options, "options");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        Shipped shipped = new Shipped(options);
        List<byte[]> parts = SparkPurchaseHistory.perCustomerBatches(orders, columns, shipped.currency(), partitions,
                batch -> {
                    OrderKpis.Accumulator acc = OrderKpis.accumulator(shipped.options());
                    acc.acceptAll(batch);
                    return acc.talliesAsBytes();
                }).collect();
        OrderKpis.Accumulator driver = OrderKpis.accumulator(options);
        for (byte[] tallies : parts) {
            driver.combineTallies(tallies);
        }
        return driver.report();
    }

    /** {@link OrderKpiOptions} in a form Spark can ship (the grid is rebuilt from its first and last period). */
    private static final class Shipped implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ReportingPeriod period;
        private final String zone;
        private final LocalDate from;
        private final LocalDate to;
        private final int activeWindowDays;
        private final EnumSet<OrderStatusCategory> counted;
        private final RevenueBasis revenueBasis;
        private final PurchaseUnit purchaseUnit;
        private final String currency;

        Shipped(OrderKpiOptions o) {
            PeriodGrid grid = o.grid();
            period = grid.period();
            zone = grid.zone().getId();
            from = grid.start(0).atZone(grid.zone()).toLocalDate();
            to = grid.start(grid.size() - 1).atZone(grid.zone()).toLocalDate();
            activeWindowDays = o.activeWindowDays();
            counted = EnumSet.copyOf(o.countedCategories());
            revenueBasis = o.revenueBasis();
            purchaseUnit = o.purchaseUnit();
            currency = o.currency().map(Currency::getCurrencyCode).orElseThrow(() -> new IllegalArgumentException(
                    "crm-spark needs the currency of the run in OrderKpiOptions.currency (one currency per run)"));
        }

        OrderKpiOptions options() {
            return OrderKpiOptions.builder(PeriodGrid.covering(period, ZoneId.of(zone), from, to), activeWindowDays)
                    .countedCategories(counted).revenueBasis(revenueBasis).purchaseUnit(purchaseUnit)
                    .currency(Optional.of(currency())).build();
        }

        Currency currency() {
            return Currency.getInstance(currency);
        }
    }
}
