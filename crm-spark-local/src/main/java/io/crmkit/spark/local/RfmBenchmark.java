package io.crmkit.spark.local;

import static org.apache.spark.sql.functions.col;

import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.segmentation.rfm.RfmOptions;
import io.crmkit.segmentation.segment.SegmentMap;
import io.crmkit.spark.OrderColumns;
import io.crmkit.spark.SparkPurchaseHistory;
import io.crmkit.spark.SparkRfm;
import io.crmkit.spark.SparkRfmResult;
import io.crmkit.spark.SparkSummaries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A plain timed benchmark (Spark jobs are seconds long: JMH adds nothing) of RFM quintile scores
 * over a transaction log {@code customer_id,date,amount} (shared/bench/gen_transactions.py):
 * crm-spark (exact summaries, exact quantiles, segments) against the plain Spark SQL recipe
 * (groupBy, then {@code percentile_approx} or the exact {@code percentile}, then CASE WHEN scores),
 * both from the same cached orders, each run ending in an action over every scored customer. Each
 * line gives the wall-clock time and the CPU time of the whole process (every thread: Spark's task
 * threads, the driver, GC) over the same span: on a shared machine the CPU time is the steadier
 * measure of the work done.
 *
 * <p>Usage: {@code java -cp crmkit-spark-local.jar io.crmkit.spark.local.RfmBenchmark FILE [MASTER]
 * [PARTITIONS] [RUNS]}, defaults {@code local[2]}, 8, 3.
 */
public final class RfmBenchmark {

    private RfmBenchmark() {
    }

    /**
     * Runs the benchmark and prints one line per run and a summary.
     *
     * @param args file, master, partitions, runs
     */
    public static void main(String[] args) {
        String file = args[0];
        String master = args.length > 1 ? args[1] : "local[2]";
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        SparkSession spark = SparkSession.builder().master(master).appName("crmkit-rfm-benchmark")
                .config("spark.sql.shuffle.partitions", Integer.toString(partitions))
                .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate();
        StructType schema = new StructType().add("customer_id", DataTypes.StringType)
                .add("date", DataTypes.DateType).add("amount", DataTypes.createDecimalType(12, 2));
        long t0 = System.nanoTime();
        Dataset<Row> orders = spark.read().option("header", "true").schema(schema).csv(file)
                .repartition(partitions).cache();
        long rows = orders.count();
        System.out.printf(Locale.ROOT, "read and cached %d orders in %d partitions: %.1f s%n", rows, partitions,
                seconds(t0));
        Map<String, List<Double>> times = new java.util.LinkedHashMap<>();
        for (int run = 0; run <= runs; run++) {
            String label = run == 0 ? "warm-up" : "run " + run;
            time(times, run, label, "crm-spark exact", () -> crmkit(orders));
            time(times, run, label, "SQL percentile_approx", () -> plain(spark, orders, "percentile_approx"));
            time(times, run, label, "SQL exact percentile", () -> plain(spark, orders, "percentile"));
        }
        times.forEach((name, t) -> {
            List<Double> sorted = new ArrayList<>(t);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "%-24s min %.1f s, median %.1f s over %d runs%n", name, sorted.get(0),
                    sorted.get(sorted.size() / 2), sorted.size());
        });
        spark.stop();
    }

    private interface Job {
        long run();
    }

    private static void time(Map<String, List<Double>> times, int run, String label, String name, Job job) {
        long t0 = System.nanoTime();
        long c0 = cpu();
        long n = job.run();
        double s = seconds(t0);
        System.out.printf(Locale.ROOT, "%-8s %-24s %.1f s, CPU %.1f s (%d customers)%n", label, name, s,
                (cpu() - c0) / 1e9, n);
        if (run > 0) {
            times.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
        }
    }

    /** The CPU time of the whole process so far, in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long crmkit(Dataset<Row> orders) {
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2023, 12, 31)))
                .currency(Currency.getInstance("USD")).build();
        SparkSummaries summaries = SparkPurchaseHistory.summarize(orders,
                OrderColumns.defaults().withMapping(Map.of("timestamp", "date")), options).cache();
        long t0 = System.nanoTime();
        long c0 = cpu();
        long customers = summaries.rows().count();
        System.out.printf(Locale.ROOT, "         crm-spark summaries of %d customers (shuffle, batches): %.1f s, CPU"
                + " %.1f s%n", customers, seconds(t0), (cpu() - c0) / 1e9);
        t0 = System.nanoTime();
        c0 = cpu();
        long n;
        try (SparkRfmResult rfm = SparkRfm.score(summaries, RfmOptions.defaults(), SegmentMap.elevenSegments())) {
            n = rfm.rows().groupBy(col("segment")).count().collectAsList().stream().mapToLong(r -> r.getLong(1))
                    .sum();
        }
        System.out.printf(Locale.ROOT, "         crm-spark RFM scores and segments from the cached summaries: %.1f s,"
                + " CPU %.1f s%n", seconds(t0), (cpu() - c0) / 1e9);
        summaries.rows().unpersist();
        return n;
    }

    /** The recipe users write: groupBy, percentiles of each column, CASE WHEN scores. */
    private static long plain(SparkSession spark, Dataset<Row> orders, String percentile) {
        orders.createOrReplaceTempView("orders");
        Dataset<Row> c = spark.sql("SELECT customer_id, datediff(DATE'2024-01-01', max(date)) AS recency,"
                + " count(*) AS frequency, sum(amount) AS monetary FROM orders GROUP BY customer_id").cache();
        c.createOrReplaceTempView("c");
        String probs = "array(0.2, 0.4, 0.6, 0.8)";
        Row q = spark.sql("SELECT " + percentile + "(recency, " + probs + "), " + percentile + "(frequency, " + probs
                + "), " + percentile + "(cast(monetary AS double), " + probs + ") FROM c").first();
        String r = score("recency", q.getList(0), true);
        String f = score("frequency", q.getList(1), false);
        String m = score("monetary", q.getList(2), false);
        long n = spark.sql("SELECT " + r + " AS r, " + f + " AS f, " + m + " AS m FROM c")
                .groupBy("r", "f", "m").count().collectAsList().stream().mapToLong(x -> x.getLong(3)).sum();
        c.unpersist();
        return n;
    }

    private static String score(String column, List<Object> cuts, boolean lowerIsBetter) {
        StringBuilder sb = new StringBuilder("CASE");
        for (int j = 0; j < cuts.size(); j++) {
            int bin = j + 1;
            sb.append(" WHEN ").append(column).append(" <= ").append(cuts.get(j)).append(" THEN ")
                    .append(lowerIsBetter ? cuts.size() + 2 - bin : bin);
        }
        return sb.append(" ELSE ").append(lowerIsBetter ? 1 : cuts.size() + 1).append(" END").toString();
    }
}
