package io.crmkit.spark;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.order.OrderStatusCategory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assumptions;

/**
 * Orders of the tests as plain rows, turned into a Spark data set and into the single-machine
 * {@link OrderBatch} alike (same rows, same row order).
 */
final class OrderData {

    static final Currency USD = Currency.getInstance("USD");

    static final StructType SCHEMA = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("order_id", DataTypes.StringType, true)
            .add("timestamp", DataTypes.LongType, false)
            .add("amount", DataTypes.createDecimalType(12, 2), false)
            .add("status", DataTypes.StringType, true);

    /** One order: customer, optional order id, epoch micros, minor units (negative: a return), category. */
    record Line(String customer, String orderId, long micros, long minor, OrderStatusCategory category) {
    }

    final List<Line> lines;

    OrderData(List<Line> lines) {
        this.lines = lines;
    }

    Dataset<Row> dataset(SparkSession spark, int slices) {
        List<Row> rows = new ArrayList<>(lines.size());
        for (Line l : lines) {
            rows.add(RowFactory.create(l.customer, l.orderId, l.micros, BigDecimal.valueOf(l.minor, 2),
                    l.category.name().toLowerCase(Locale.ROOT)));
        }
        return spark.createDataFrame(rows, SCHEMA).repartition(slices);
    }

    /** Rows in their list order, as Spark's {@code createDataFrame} numbers them. */
    Dataset<Row> orderedDataset(SparkSession spark, int slices) {
        List<Row> rows = new ArrayList<>(lines.size());
        for (Line l : lines) {
            rows.add(RowFactory.create(l.customer, l.orderId, l.micros, BigDecimal.valueOf(l.minor, 2),
                    l.category.name().toLowerCase(Locale.ROOT)));
        }
        return spark.createDataFrame(spark.sparkContext().parallelize(
                scala.jdk.javaapi.CollectionConverters.asScala(rows).toSeq(), slices,
                scala.reflect.ClassTag$.MODULE$.apply(Row.class)), SCHEMA);
    }

    OrderBatch batch(boolean withIds) {
        OrderBatch.Builder b = OrderBatch.builder(USD, lines.size());
        for (Line l : lines) {
            int h = b.customer(CustomerId.of(l.customer));
            long gross = Math.max(0, l.minor);
            if (withIds) {
                b.add(h, OrderId.of(l.orderId), l.micros, l.category, gross, l.minor);
            } else {
                b.add(h, l.micros, l.category, gross, l.minor);
            }
        }
        return b.build();
    }

    /** The CDNOW sample: 6,919 lines of 2,357 customers, midnight UTC of the purchase day. */
    static OrderData cdnow() throws IOException {
        String dir = System.getProperty("crmkit.shared.data", "../../shared/data");
        Path file = Path.of(dir, "cdnow", "CDNOW_sample.txt");
        Assumptions.assumeTrue(Files.exists(file), "CDNOW sample not found at " + file + " (shared data absent)");
        List<Line> lines = new ArrayList<>();
        int n = 0;
        for (String row : Files.readAllLines(file)) {
            String[] f = row.trim().split("\\s+");
            LocalDate day = LocalDate.parse(f[2], java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            long micros = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
            long minor = new BigDecimal(f[4]).movePointRight(2).longValueExact();
            lines.add(new Line(String.valueOf(Integer.parseInt(f[1])), "L" + (++n), micros, minor,
                    OrderStatusCategory.COMPLETED));
        }
        return new OrderData(lines);
    }

    /**
     * Simulated orders: customers with skewed activity, same-microsecond and same-day ties, open and
     * void orders, returns, orders after the as-of day, over 2024-2025.
     */
    static OrderData simulated(long seed, int customers) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Line> lines = new ArrayList<>();
        long start = LocalDate.of(2024, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
        long day = 86_400_000_000L;
        int order = 0;
        for (int c = 0; c < customers; c++) {
            // mostly short identifiers (found through the packed-key table), a fifth long or not ASCII
            int number = rnd.nextInt(1_000_000);
            String id = c % 5 == 0 ? "customer-\u00e9-" + number : "C" + number;
            int n = 1 + (int) Math.floor(-Math.log(1 - rnd.nextDouble()) * 3);
            long t = start + rnd.nextLong(700 * day);
            for (int k = 0; k < n; k++) {
                int kind = rnd.nextInt(20);
                long minor = kind == 0 ? -rnd.nextLong(1, 5_000) : rnd.nextLong(0, 50_000);
                OrderStatusCategory cat = kind == 1 ? OrderStatusCategory.VOID
                        : kind == 2 ? OrderStatusCategory.OPEN : OrderStatusCategory.COMPLETED;
                lines.add(new Line(id, "O" + String.format(Locale.ROOT, "%07d", rnd.nextInt(10_000_000)) + "-"
                        + (order++), t, minor, cat));
                int step = rnd.nextInt(4);
                t += step == 0 ? 0 : step == 1 ? rnd.nextLong(3_600_000_000L) : rnd.nextLong(60 * day);
            }
        }
        // interleave customers as a transaction log would
        java.util.Collections.shuffle(lines, new java.util.Random(seed));
        return new OrderData(lines);
    }

    /**
     * A BTYD-like log: customers join in the first quarter of 2024, buy as a Poisson process with an
     * exponentially mixed rate (mean one purchase in 30 days) until an exponentially mixed lifetime
     * (mean 300 days) ends; whole days, several orders possible on one day.
     */
    static OrderData btyd(long seed, int customers) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Line> lines = new ArrayList<>();
        long start = LocalDate.of(2024, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
        long dayMicros = 86_400_000_000L;
        double end = 730;
        int order = 0;
        for (int c = 0; c < customers; c++) {
            String id = "B" + c;
            double rate = -Math.log(1 - rnd.nextDouble()) / 30;
            double life = -Math.log(1 - rnd.nextDouble()) * (-Math.log(1 - rnd.nextDouble()) * 300);
            double t = rnd.nextInt(90);
            double stop = Math.min(end, t + life);
            while (t < stop) {
                lines.add(new Line(id, "O" + (order++), start + (long) Math.floor(t) * dayMicros,
                        rnd.nextLong(500, 20_000), OrderStatusCategory.COMPLETED));
                t += -Math.log(1 - rnd.nextDouble()) / rate;
            }
        }
        java.util.Collections.shuffle(lines, new java.util.Random(seed));
        return new OrderData(lines);
    }
}
