package io.crmkit.benchmarks;

import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.order.Order;
import io.crmkit.segmentation.CustomerColumns;
import io.crmkit.segmentation.rfm.Binning;
import io.crmkit.segmentation.rfm.RfmOptions;
import io.crmkit.segmentation.rfm.RfmResult;
import io.crmkit.segmentation.rfm.RfmScorer;
import io.crmkit.segmentation.segment.SegmentMap;
import io.crmkit.segmentation.segment.SegmentTable;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RFM scoring and segmentation on the simulated base of {@code customers} customers with about ten
 * orders each (1 million customers, about 10 million orders), the comparison of issue 3 with the
 * common pandas recipe ({@code groupby} then {@code qcut} quintiles: about 2.6 s on 10 million
 * rows of 1 million customers).
 *
 * <ul>
 *   <li>{@code scoreAndSegment}: scores the 1 million customers' columns (three dimensions, the
 *       binning of {@code binning}) and segments them with the 11-segment map, with the segment
 *       table.</li>
 *   <li>{@code wholePathFromOrders}: the whole path from 10 million in-memory orders: the
 *       purchase-history summary, the columns, quintile scoring, segments and their table.</li>
 *   <li>{@code wholePathFromColumns}: the same whole path from the same 10 million orders held in
 *       columns ({@link OrderBatch}: dense customer indexes, epoch micros, minor units, status
 *       byte), the analogue of the data frame the pandas recipe starts from. Building the batch
 *       is not timed here (see {@code PurchaseSummaryBenchmark.batchFromOrders}).</li>
 *   <li>{@code wholePathFromTimeOrderedColumns}: the same with the rows in time order, as a
 *       transaction log arrives: each row updates a random customer's state, so the summary
 *       step is bound by memory latency rather than bandwidth.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RfmBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms12g", "-Xmx12g", "-XX:+UseParallelGC"})
public class RfmBenchmark {

    /** Number of simulated customers. */
    @Param("1000000")
    public int customers;

    /** The binning of every dimension: quantiles (type 7), ntile or r-rfm. */
    @Param({"quantiles", "ntile", "r-rfm"})
    public String binning;

    private List<Order> orders;
    private OrderBatch batch;
    private OrderBatch timeOrderedBatch;
    private PurchaseHistoryOptions options;
    private CustomerColumns columns;
    private RfmOptions rfmOptions;
    private SegmentMap map;

    /** Generates the orders and summarises them once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        orders = SyntheticOrders.orders(customers, 20261122L);
        options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2025, 12, 31))).build();
        PurchaseSummaries summaries = PurchaseHistory.summarize(orders, options);
        columns = CustomerColumns.from(summaries);
        batch = SyntheticOrders.batch(orders);
        List<Order> byTime = new java.util.ArrayList<>(orders);
        byTime.sort(java.util.Comparator.comparing(Order::placedAt));
        timeOrderedBatch = SyntheticOrders.batch(byTime);
        if (!PurchaseHistory.summarize(batch, options).equals(summaries)) {
            throw new IllegalStateException("the columnar and the object paths disagree");
        }
        Binning b = switch (binning) {
            case "quantiles" -> Binning.quantiles(5);
            case "ntile" -> Binning.ntile(5);
            case "r-rfm" -> Binning.rRfm(5);
            default -> throw new IllegalArgumentException("unknown binning " + binning);
        };
        rfmOptions = RfmOptions.builder().binning(b).build();
        map = SegmentMap.elevenSegments();
        System.out.printf("%n%d orders of %d customers (%d with a purchase by the as-of)%n", orders.size(), customers,
                columns.size());
    }

    /**
     * Scores one million customers and segments them, with the segment table.
     *
     * @return the segment table
     */
    @Benchmark
    public SegmentTable scoreAndSegment() {
        RfmResult result = RfmScorer.score(columns, rfmOptions);
        return map.assign(result).summary();
    }

    /**
     * The whole path from ten million in-memory orders to the segment table.
     *
     * @return the segment table
     */
    @Benchmark
    public SegmentTable wholePathFromOrders() {
        PurchaseSummaries summaries = PurchaseHistory.summarize(orders, options);
        RfmResult result = RfmScorer.score(CustomerColumns.from(summaries), rfmOptions);
        return map.assign(result).summary();
    }

    /**
     * The whole path from ten million orders held in columns to the segment table.
     *
     * @return the segment table
     */
    @Benchmark
    public SegmentTable wholePathFromColumns() {
        return wholePath(batch);
    }

    /**
     * The whole path from ten million columnar orders in time order to the segment table.
     *
     * @return the segment table
     */
    @Benchmark
    public SegmentTable wholePathFromTimeOrderedColumns() {
        return wholePath(timeOrderedBatch);
    }

    private SegmentTable wholePath(OrderBatch orders) {
        PurchaseSummaries summaries = PurchaseHistory.summarize(orders, options);
        RfmResult result = RfmScorer.score(CustomerColumns.from(summaries), rfmOptions);
        return map.assign(result).summary();
    }
}
