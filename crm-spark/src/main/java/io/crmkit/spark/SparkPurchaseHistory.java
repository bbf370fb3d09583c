package io.crmkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_micros;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PartialSummaries;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.order.OrderStatusCategory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Tuple2;

/**
 * Per-customer purchase summaries of a Spark {@code Dataset<Row>} of orders, computed by crm-core
 * itself, not re-implemented, in one of two ways with equal results.
 * {@link #summarize(Dataset, OrderColumns, PurchaseHistoryOptions, int) summarize} partitions the
 * orders by customer (one shuffle of every order) and reads each partition into a columnar
 * {@link OrderBatch} summarised by {@link PurchaseHistory#summarize(OrderBatch, PurchaseHistoryOptions)}.
 * {@link #summarizeMapSide} aggregates map-side: each input partition is summarised into one
 * partial state per customer ({@link PartialSummaries}), the states are shuffled as bytes and
 * merged per customer. Either way every rule of the single-machine summaries holds (purchase
 * units, day clock, returns, statuses, the tie rules of ADR 0014), and the result equals the
 * single-machine result row for row.
 *
 * <pre>{@code
 * Dataset<Row> orders = spark.read().parquet("orders");
 * PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 6, 30)))
 *         .currency(Currency.getInstance("EUR")).build();
 * SparkSummaries summaries = SparkPurchaseHistory.summarize(orders, OrderColumns.defaults(), options);
 * }</pre>
 *
 * <p>The partitions are read as Spark holds its rows (Spark's internal rows, through the classic
 * session's query execution): no {@code Row} and no {@code String} is made per order, only the
 * mapped columns are shuffled. Hence a classic Spark session is needed (spark-submit, local mode;
 * not a Spark Connect client), and with adaptive query execution on (Spark's default) the orders
 * are shuffled when {@code summarize} is called, as Spark does for any conversion of a query with a
 * shuffle to an RDD; the summaries themselves are computed at the first action, and later actions
 * reuse the shuffle's output.
 *
 * <p>Memory: {@code summarize} holds a partition's orders as a batch while it summarises them
 * (about 21 bytes per order, ADR 0014; 20 more while the batch is built in the order unit without
 * order identifiers, for the input positions that break ties), so choose the partition count
 * (argument, else {@code spark.sql.shuffle.partitions}) so that a partition's orders fit an
 * executor. {@code summarizeMapSide} holds an input partition as a batch, then its states (about
 * 30 to 60 bytes per customer, more with the day unit's purchase days).
 *
 * <p>Stateless and thread-safe.
 */
public final class SparkPurchaseHistory {

    private static final StructType PARTIAL = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("first_micros", DataTypes.LongType, false)
            .add("last_micros", DataTypes.LongType, false)
            .add("purchases", DataTypes.IntegerType, false)
            .add("orders", DataTypes.IntegerType, false)
            .add("revenue_minor", DataTypes.LongType, false)
            .add("days_since_last", DataTypes.DoubleType, false)
            .add("age_days", DataTypes.DoubleType, false)
            .add("x", DataTypes.IntegerType, false)
            .add("t_x", DataTypes.DoubleType, false)
            .add("T", DataTypes.DoubleType, false)
            .add("mean_repeat_value", DataTypes.DoubleType, false);

    /** The decimal type of an amount checked row by row. */
    private static final int AMOUNT_PRECISION = 38;
    private static final int AMOUNT_SCALE = 18;

    private SparkPurchaseHistory() {
    }

    /**
     * Summarises orders into one row per customer, in {@code spark.sql.shuffle.partitions}
     * partitions.
     *
     * @param orders the orders, one row per order, not null
     * @param columns which columns hold the order fields, not null
     * @param options the definitions; the currency must be set (one currency per run), not null
     * @return the summaries, computed at the first action (the orders are shuffled now, see above),
     *     never null
     * @throws IllegalArgumentException if a mapped column is missing or of an unusable type, or the
     *     options have no currency; a row breaking a rule (negative zero amounts aside) fails the
     *     Spark job with an {@link IllegalArgumentException} naming the column and the value
     */
    public static SparkSummaries summarize(Dataset<Row> orders, OrderColumns columns, PurchaseHistoryOptions options) {
        Args.notNull(orders, "orders");
        int partitions = Integer.parseInt(orders.sparkSession().conf().get("spark.sql.shuffle.partitions"));
        return summarize(orders, columns, options, partitions);
    }

    /**
     * Summarises orders into one row per customer, in the given number of partitions: one shuffle
     * of every order by customer, then crm-core's batch summary per partition (the default; on the
     * benchmark of ADR 0090 it used less CPU than {@link #summarizeMapSide}).
     *
     * @param orders the orders, one row per order, not null
     * @param columns which columns hold the order fields, not null
     * @param options the definitions; the currency must be set, not null
     * @param partitions the number of partitions of the result (and of the shuffle), at least 1
     * @return the summaries, computed at the first action (the orders are shuffled now, see above),
     *     never null
     * @throws IllegalArgumentException as for {@link #summarize(Dataset, OrderColumns, PurchaseHistoryOptions)}
     */
    public static SparkSummaries summarize(Dataset<Row> orders, OrderColumns columns, PurchaseHistoryOptions options,
            int partitions) {
        checkArgs(orders, columns, options, partitions);
        SparkOptions shipped = new SparkOptions(options);
        // the shuffle loses row order: each partition's batch ranks its rows by their input position
        Selected selected = select(orders, columns, needsRowKeys(columns, options), shipped.currency());
        Layout layout = selected.layout();
        FlatMapFunction<Iterator<InternalRow>, Row> summarise = rows -> summarizePartition(rows, shipped, layout);
        JavaRDD<Row> partial = internalRows(selected.rows().repartition(partitions, col("c"))).mapPartitions(summarise);
        return result(orders.sparkSession().createDataFrame(partial, PARTIAL), shipped, options);
    }

    /**
     * Summarises orders into one row per customer, in the given number of partitions, aggregating
     * map-side: each input partition is summarised into one partial state per customer (crm-core's
     * {@link PartialSummaries}), the states are packed into one buffer per result partition and
     * shuffled, and each result partition merges its customers' states. The result equals
     * {@link #summarize(Dataset, OrderColumns, PurchaseHistoryOptions, int)}'s row for row, for any
     * input partitioning. It shuffles one state per customer and input partition instead of one row
     * per order, which pays when customers' orders are concentrated in few input partitions; with
     * orders spread evenly over the partitions (10 M orders of 1 M customers in 8 partitions,
     * {@code benchmarks/RESULTS.md}) it used about 50 % more CPU than the shuffle of orders.
     *
     * @param orders the orders, one row per order, not null
     * @param columns which columns hold the order fields, not null
     * @param options the definitions; the currency must be set, not null
     * @param partitions the number of partitions of the result, at least 1
     * @return the summaries, lazily computed (unless the orders' own query has a shuffle: see the
     *     class description), never null
     * @throws IllegalArgumentException as for {@link #summarize(Dataset, OrderColumns, PurchaseHistoryOptions)}
     */
    public static SparkSummaries summarizeMapSide(Dataset<Row> orders, OrderColumns columns,
            PurchaseHistoryOptions options, int partitions) {
        checkArgs(orders, columns, options, partitions);
        SparkOptions shipped = new SparkOptions(options);
        // partial states from different partitions compare their first orders by the input position
        Selected selected = select(orders, columns, needsRowKeys(columns, options), shipped.currency());
        Layout layout = selected.layout();
        // map side: each input partition into one state per customer (crm-core's PartialSummaries),
        // packed into one buffer per result partition; reduce side: the states of each customer
        // merged, then summarised
        int n = partitions;
        PairFlatMapFunction<Iterator<InternalRow>, Integer, byte[]> pack = rows -> packStates(rows, shipped, layout, n);
        FlatMapFunction<Iterator<Tuple2<Integer, byte[]>>, Row> merge = packs -> mergeStates(packs, shipped);
        JavaRDD<Row> merged = internalRows(selected.rows()).mapPartitionsToPair(pack)
                .partitionBy(new HashPartitioner(n)).mapPartitions(merge);
        return result(orders.sparkSession().createDataFrame(merged, PARTIAL), shipped, options);
    }

    /**
     * Applies a function to each partition's orders as one checked batch, the orders shuffled by
     * customer so that every customer's orders are in one batch: one result per partition, an empty
     * partition's too. For aggregates whose parts combine exactly (such as {@code HoldoutCounts},
     * {@code BgBbData} and the KPI tallies), which the caller combines.
     */
    static <T> JavaRDD<T> perCustomerBatches(Dataset<Row> orders, OrderColumns columns, Currency currency,
            int partitions, org.apache.spark.api.java.function.Function<OrderBatch, T> each) {
        Args.notNull(orders, "orders");
        Args.notNull(columns, "columns");
        Args.notNull(currency, "currency");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        Selected selected = select(orders, columns, false, currency);
        Layout layout = selected.layout();
        FlatMapFunction<Iterator<InternalRow>, T> apply = rows -> List.of(each.call(batch(rows, currency, layout,
                null))).iterator();
        return internalRows(selected.rows().repartition(partitions, col("c"))).mapPartitions(apply);
    }

    /**
     * The rows of a Dataset as Spark holds them (no {@code Row} and no {@code String} made per row:
     * the summaries' readers take the identifier bytes, longs and decimals straight from them). A
     * row is valid only until the next is read.
     *
     * @throws IllegalArgumentException if the Dataset is not of a classic Spark session (a Spark
     *     Connect client, say)
     */
    static JavaRDD<InternalRow> internalRows(Dataset<Row> rows) {
        if (!(rows instanceof org.apache.spark.sql.classic.Dataset<Row> classic)) {
            throw new IllegalArgumentException("crm-spark runs inside a classic Spark session (spark-submit, local"
                    + " mode); this Dataset is a " + rows.getClass().getName());
        }
        return classic.queryExecution().toRdd().toJavaRDD();
    }

    /**
     * Whether each row's input position must travel with it: without order identifiers the input's
     * row order breaks a customer's same-tick ties on one machine, and only the order unit has such
     * ties.
     */
    private static boolean needsRowKeys(OrderColumns columns, PurchaseHistoryOptions options) {
        return columns.orderId().isEmpty() && options.purchaseUnit() == PurchaseUnit.ORDER;
    }

    private static void checkArgs(Dataset<Row> orders, OrderColumns columns, PurchaseHistoryOptions options,
            int partitions) {
        Args.notNull(orders, "orders");
        Args.notNull(columns, "columns");
        Args.notNull(options, "options");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
    }

    private static SparkSummaries result(Dataset<Row> partial, SparkOptions shipped, PurchaseHistoryOptions options) {
        Dataset<Row> result = partial.select(col("customer_id"),
                timestamp_micros(col("first_micros")).as("first_purchase"),
                timestamp_micros(col("last_micros")).as("last_purchase"), col("purchases"), col("orders"),
                col("revenue_minor"), revenueColumn(col("revenue_minor"), shipped.currency()).as("revenue"),
                col("days_since_last"), col("age_days"), col("x"), col("t_x"), col("T"), col("mean_repeat_value"));
        return new SparkSummaries(result, options);
    }

    /**
     * Where each field of a {@link #select}ed row is: the column's position, or -1 when the input
     * does not have it (no order identifier, no status, an amount as minor units or as a decimal,
     * no row key). Immutable and serialisable (shipped to the executors).
     *
     * @param customer the customer identifier (string), always present
     * @param orderId the order identifier (string)
     * @param micros the epoch microseconds (long), always present
     * @param minor the amount in minor units, when the amount's decimal type guarantees it exact:
     *     a long, or (with {@code minorPrecision} above 0) the input's own decimal, whose unscaled
     *     value times {@code minorFactor} is the minor units
     * @param minorPrecision the precision of a decimal {@code minor} column (at most 18: Spark
     *     keeps it as a long), 0 when it is a long
     * @param minorScale the scale of a decimal {@code minor} column
     * @param minorFactor ten to the currency's decimals less {@code minorScale}
     * @param amount the amount (decimal(38, 18)), to be checked row by row, when not {@code minor}
     * @param status the status label (string)
     * @param rowKey the row's input position (long)
     */
    record Layout(int customer, int orderId, int micros, int minor, int minorPrecision, int minorScale,
            long minorFactor, int amount, int status, int rowKey) implements java.io.Serializable {

        /** Reads the amount in minor units of a row whose {@code minor} column is not null. */
        long minorUnits(InternalRow r) {
            return minorPrecision == 0 ? r.getLong(minor)
                    : r.getDecimal(minor, minorPrecision, minorScale).toUnscaledLong() * minorFactor;
        }
    }

    /** The selected rows and where their fields are. */
    record Selected(Dataset<Row> rows, Layout layout) {
    }

    /**
     * The mapped columns, only those the input has: customer {@code c} (string), order {@code o}
     * (string), epoch microseconds {@code t}, amount in minor units {@code m} (when the column's
     * decimal type guarantees it exact) or amount {@code a} (decimal, when it must be checked row by
     * row), status {@code s} (string), row key {@code k} (long, the input position; with
     * {@code rowKeys} only). A decimal amount with at most the currency's decimals is shuffled as it
     * is when its minor units fit 18 digits (read back as its unscaled long), else converted in Spark
     * and shuffled as a long; other types are checked per row. Only these columns are shuffled.
     */
    static Selected select(Dataset<Row> orders, OrderColumns columns, boolean rowKeys, Currency currency) {
        StructType schema = orders.schema();
        List<Column> out = new ArrayList<>();
        out.add(col(existing(schema, columns.customerId(), "customer_id")).cast(DataTypes.StringType).as("c"));
        int orderId = columns.orderId().isPresent() ? out.size() : -1;
        columns.orderId().ifPresent(c -> out.add(col(existing(schema, c, "order_id")).cast(DataTypes.StringType)
                .as("o")));
        String ts = existing(schema, columns.timestamp(), "timestamp");
        DataType tsType = schema.apply(ts).dataType();
        int micros = out.size();
        out.add((tsType.equals(DataTypes.LongType) ? col(ts) : unix_micros(col(ts).cast(DataTypes.TimestampType)))
                .as("t"));
        String amountName = existing(schema, columns.amount(), "amount");
        DataType amountType = schema.apply(amountName).dataType();
        if (!(amountType instanceof org.apache.spark.sql.types.NumericType)) {
            throw new IllegalArgumentException("amount column '" + amountName + "' must be numeric: " + amountType);
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        int minor = -1;
        int minorPrecision = 0;
        int minorScale = 0;
        long minorFactor = 1;
        int amount = -1;
        if (amountType instanceof DecimalType d && d.scale() <= digits && d.precision() + digits - d.scale() <= 18) {
            // shuffled as it is (Spark keeps such a decimal as its unscaled long): no decimal
            // arithmetic per row; the minor units are the unscaled value times a power of ten that
            // cannot overflow (fewer than 19 digits)
            minor = out.size();
            minorPrecision = d.precision();
            minorScale = d.scale();
            minorFactor = BigDecimal.TEN.pow(digits - d.scale()).longValueExact();
            out.add(col(amountName).as("m"));
        } else if (amountType instanceof DecimalType d && d.scale() <= digits && d.precision() + digits + 1 <= 38) {
            minor = out.size();
            out.add(col(amountName).multiply(lit(BigDecimal.TEN.pow(digits))).cast(DataTypes.LongType).as("m"));
        } else {
            amount = out.size();
            out.add(col(amountName).cast(DataTypes.createDecimalType(AMOUNT_PRECISION, AMOUNT_SCALE)).as("a"));
        }
        int status = columns.status().isPresent() ? out.size() : -1;
        columns.status().ifPresent(c -> out.add(col(existing(schema, c, "status")).cast(DataTypes.StringType)
                .as("s")));
        int rowKey = rowKeys ? out.size() : -1;
        if (rowKeys) {
            out.add(monotonically_increasing_id().as("k"));
        }
        return new Selected(orders.select(out.toArray(new Column[0])), new Layout(0, orderId, micros, minor,
                minorPrecision, minorScale, minorFactor, amount, status, rowKey));
    }

    /** Minor units as an exact decimal of major units. */
    static Column revenueColumn(Column minor, Currency currency) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        return minor.cast(DataTypes.createDecimalType(38, 0)).divide(lit(BigDecimal.TEN.pow(digits)))
                .cast(DataTypes.createDecimalType(38, digits));
    }

    private static String existing(StructType schema, String name, String field) {
        for (String f : schema.fieldNames()) {
            if (f.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("the orders have no column '" + name + "' for " + field
                + " (columns: " + String.join(", ", schema.fieldNames()) + ")");
    }

    /**
     * Map side: one input partition into its customers' states, packed by result partition (the
     * customer identifier's {@code String.hashCode} modulo the partition count, the same in every
     * JVM): one (partition, buffer) pair per result partition that has customers, so that Spark
     * shuffles a few large buffers rather than a row per state. A buffer is a sequence of entries:
     * a varint byte length and the customer identifier in UTF-8, then a varint byte length and the
     * state in crm-core's byte form ({@link PartialSummaries#stateBytes(int)}).
     */
    private static Iterator<Tuple2<Integer, byte[]>> packStates(Iterator<InternalRow> rows, SparkOptions shipped,
            Layout layout, int partitions) {
        if (!rows.hasNext()) {
            return java.util.Collections.emptyIterator();
        }
        boolean rowKeys = layout.rowKey() >= 0;
        long[][] keys = rowKeys ? new long[1][] : null;
        OrderBatch batch = batch(rows, shipped.currency(), layout, keys);
        PartialSummaries p = rowKeys ? PartialSummaries.of(batch, shipped.options(), keys[0])
                : PartialSummaries.of(batch, shipped.options());
        Packer[] packers = new Packer[partitions];
        for (int i = 0; i < p.customerCount(); i++) {
            String id = p.customerId(i).value();
            int target = Math.floorMod(id.hashCode(), partitions);
            Packer packer = packers[target];
            if (packer == null) {
                packer = new Packer();
                packers[target] = packer;
            }
            packer.entry(id.getBytes(StandardCharsets.UTF_8));
            packer.entry(p.stateBytes(i));
        }
        List<Tuple2<Integer, byte[]>> out = new ArrayList<>();
        for (int t = 0; t < partitions; t++) {
            if (packers[t] != null) {
                out.add(new Tuple2<>(t, packers[t].toBytes()));
            }
        }
        return out.iterator();
    }

    /** Reduce side: a result partition's packed states merged per customer, then summarised. */
    private static Iterator<Row> mergeStates(Iterator<Tuple2<Integer, byte[]>> packs, SparkOptions shipped) {
        if (!packs.hasNext()) {
            return java.util.Collections.emptyIterator();
        }
        PartialSummaries merged = PartialSummaries.empty(shipped.options());
        while (packs.hasNext()) {
            byte[] buf = packs.next()._2();
            int[] pos = {0};
            while (pos[0] < buf.length) {
                int idLength = Packer.varint(buf, pos);
                String id = new String(buf, pos[0], idLength, StandardCharsets.UTF_8);
                pos[0] += idLength;
                int stateLength = Packer.varint(buf, pos);
                merged.add(CustomerId.of(id), buf, pos[0], stateLength);
                pos[0] += stateLength;
            }
        }
        return summaryRows(merged.toSummaries());
    }

    /** A growable buffer of length-prefixed entries (varint lengths). */
    private static final class Packer {
        private byte[] buf = new byte[4096];
        private int n;

        void entry(byte[] bytes) {
            int needed = n + 5 + bytes.length;
            if (needed > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
            }
            int v = bytes.length;
            while ((v & ~0x7F) != 0) {
                buf[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[n++] = (byte) v;
            System.arraycopy(bytes, 0, buf, n, bytes.length);
            n += bytes.length;
        }

        byte[] toBytes() {
            return Arrays.copyOf(buf, n);
        }

        /** Reads a varint length at {@code pos[0]}, advancing it. */
        static int varint(byte[] buf, int[] pos) {
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = buf[pos[0]++] & 0xFF;
                v |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalStateException("malformed length in a packed state buffer");
        }
    }

    /**
     * A partition's rows of {@link #select} as one columnar batch, every row checked. With a row key
     * column (the input position, without order identifiers) the keys either go to
     * {@code keysOut[0]}, one per batch row, when it is given (the global keys that break same-tick
     * ties between partial summaries, {@link PartialSummaries#of(OrderBatch, PurchaseHistoryOptions,
     * long[])}), or else become the batch's order keys: each row gets its arrival index as order key,
     * ranked by the input position, so that the batch breaks a customer's same-instant ties in the
     * input's row order, as the single-machine summary of the input does, without sorting the rows
     * (a sort of the partition's keys instead: 20 bytes per row while the batch is built).
     */
    static OrderBatch batch(Iterator<InternalRow> rows, Currency currency, Layout layout, long[][] keysOut) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        OrderBatch.Builder builder = OrderBatch.builder(currency);
        int k = layout.rowKey();
        boolean rank = k >= 0 && keysOut == null;
        long[] keys = k >= 0 ? new long[1024] : null;
        int n = 0;
        ParsedRows p = new ParsedRows(layout);
        while (rows.hasNext()) {
            // a group of rows read and checked first, their customers' table slots loaded together
            int count = p.read(rows, digits, currency);
            p.findCustomers(builder);
            for (int g = 0; g < count; g++) {
                if (keys != null) {
                    if (n == keys.length) {
                        keys = Arrays.copyOf(keys, n + (n >> 1));
                    }
                    keys[n] = p.rowKey[g];
                }
                long minor = p.minor[g];
                if (rank) {
                    // one amount per row as a source gives it: an order, or a return when negative
                    builder.addSourced(p.handle[g], p.micros[g], p.category[g], minor, n, 0);
                } else if (p.id[g] == null) {
                    builder.add(p.handle[g], p.micros[g], p.category[g], minor < 0 ? 0 : minor, minor);
                } else {
                    builder.add(p.handle[g], p.id[g], p.micros[g], p.category[g], minor < 0 ? 0 : minor, minor);
                }
                n++;
            }
        }
        if (keysOut != null) {
            keysOut[0] = Arrays.copyOf(keys, n);
        } else if (rank && n > 0) {
            long[] sorted = Arrays.copyOf(keys, n);
            Arrays.sort(sorted);
            int[] ranks = new int[n];
            for (int i = 0; i < n; i++) {
                // row positions are unique: the search finds the key's own rank
                ranks[i] = Arrays.binarySearch(sorted, keys[i]);
            }
            builder.rankOrderKeys(ranks);
        }
        return builder.build();
    }

    /**
     * A group of rows of {@link #select}, checked, in parts (one group per partition, reused group
     * after group), read from Spark's rows without a {@code String} per row: the customer
     * identifier's bytes find its handle (a short one in one read), other texts are decoded only
     * when present. The group's short identifiers' table slots are loaded one after the other
     * before any is used, so that their cache misses overlap (the lookups were a third of the reduce
     * tasks' samples, each row waiting for its own miss).
     */
    private static final class ParsedRows {
        /** Rows per group. */
        static final int GROUP = 64;
        final int[] handle = new int[GROUP];
        final long[] micros = new long[GROUP];
        final long[] minor = new long[GROUP];
        final OrderStatusCategory[] category = new OrderStatusCategory[GROUP];
        final OrderId[] id = new OrderId[GROUP];
        final long[] rowKey = new long[GROUP];
        /** The short identifiers' keys ({@link ShortIdHandles#pack}), 0 for others. */
        private final long[] key = new long[GROUP];
        /** The identifiers that are not short, else null. */
        private final String[] longId = new String[GROUP];
        private int count;
        private final Layout layout;
        /** The handles of short identifiers: most rows are found with one read of a table. */
        private final ShortIdHandles shortIds = new ShortIdHandles();

        ParsedRows(Layout layout) {
            this.layout = layout;
        }

        /** Reads and checks up to {@link #GROUP} rows; returns how many. */
        int read(Iterator<InternalRow> rows, int digits, Currency currency) {
            count = 0;
            while (count < GROUP && rows.hasNext()) {
                parse(rows.next(), count, digits, currency);
                count++;
            }
            return count;
        }

        /** Gives every row of the group its customer's handle, adding new customers in row order. */
        void findCustomers(OrderBatch.Builder builder) {
            shortIds.touch(key, count);
            for (int g = 0; g < count; g++) {
                long k = key[g];
                int found = k != 0 ? shortIds.get(k) : -1;
                if (found < 0) {
                    found = builder.customer(CustomerId.of(k != 0 ? ShortIdHandles.unpack(k) : longId[g]));
                    if (k != 0) {
                        shortIds.put(k, found);
                    }
                }
                handle[g] = found;
                longId[g] = null;
            }
        }

        private void parse(InternalRow r, int g, int digits, Currency currency) {
            int c = layout.customer();
            if (r.isNullAt(c)) {
                throw new IllegalArgumentException("customer_id must not be null" + where(r));
            }
            UTF8String customer = r.getUTF8String(c);
            long k = ShortIdHandles.pack(customer);
            key[g] = k;
            if (k == 0) {
                longId[g] = customer.toString();
            }
            int t = layout.micros();
            if (r.isNullAt(t)) {
                throw new IllegalArgumentException("timestamp must not be null" + where(r));
            }
            micros[g] = r.getLong(t);
            int m = layout.minor();
            int a = layout.amount();
            if (m >= 0 && !r.isNullAt(m)) {
                minor[g] = layout.minorUnits(r);
            } else if (a >= 0 && !r.isNullAt(a)) {
                minor[g] = minorUnits(r.getDecimal(a, AMOUNT_PRECISION, AMOUNT_SCALE).toJavaBigDecimal(), digits,
                        currency, r);
            } else {
                throw new IllegalArgumentException("amount must not be null" + where(r));
            }
            int s = layout.status();
            category[g] = s < 0 ? OrderStatusCategory.COMPLETED : category(r.isNullAt(s) ? null
                    : r.getUTF8String(s).toString(), r);
            id[g] = null;
            int o = layout.orderId();
            if (o >= 0) {
                if (r.isNullAt(o)) {
                    throw new IllegalArgumentException("order_id must not be null when the order_id column is mapped"
                            + where(r));
                }
                id[g] = OrderId.of(r.getUTF8String(o).toString());
            }
            int rk = layout.rowKey();
            rowKey[g] = rk >= 0 ? r.getLong(rk) : 0;
        }

        private long minorUnits(BigDecimal amount, int digits, Currency currency, InternalRow r) {
            BigDecimal minor = amount.movePointRight(digits).stripTrailingZeros();
            if (minor.scale() > 0) {
                throw new IllegalArgumentException("amount " + amount.stripTrailingZeros().toPlainString() + " has more"
                        + " decimals than " + currency.getCurrencyCode() + "'s " + digits + where(r));
            }
            try {
                return minor.longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("amount " + amount.toPlainString() + " is out of range" + where(r), e);
            }
        }

        private OrderStatusCategory category(String label, InternalRow r) {
            if (label == null) {
                return OrderStatusCategory.COMPLETED;
            }
            try {
                return OrderStatusCategory.valueOf(label.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status '" + label + "' is not a status category (open, completed,"
                        + " void)" + where(r), e);
            }
        }

        /** Names the row's order, when it has an identifier. */
        private String where(InternalRow r) {
            int o = layout.orderId();
            return o < 0 || r.isNullAt(o) ? "" : " (order " + r.getUTF8String(o) + ")";
        }
    }

    private static Iterator<Row> summarizePartition(Iterator<InternalRow> rows, SparkOptions shipped, Layout layout) {
        if (!rows.hasNext()) {
            return java.util.Collections.emptyIterator();
        }
        PurchaseHistoryOptions options = shipped.options();
        return summaryRows(PurchaseHistory.summarize(batch(rows, shipped.currency(), layout, null), options));
    }

    /**
     * The rows of {@link #PARTIAL}, made one at a time as Spark reads them, from the summaries'
     * columns (no summary object, and no revenue as {@code Money}, per customer).
     */
    private static Iterator<Row> summaryRows(PurchaseSummaries s) {
        BtydView btyd = s.btyd();
        return rowsOf(s.size(), i -> RowFactory.create(s.customerId(i).value(), micros(s.firstPurchaseAt(i)),
                micros(s.lastPurchaseAt(i)), s.purchaseCount(i), s.orderCount(i), s.revenueMinorUnits(i),
                s.recencyDays(i), s.ageDays(i), btyd.x(i), btyd.tx(i), btyd.bigT(i), btyd.meanRepeatValue(i)));
    }

    /**
     * Rows {@code 0..n-1} made one at a time as Spark reads them, so that a partition's rows are
     * never all held at once (a list of them put hundreds of thousands of objects per partition
     * through the old generation).
     */
    static Iterator<Row> rowsOf(int n, java.util.function.IntFunction<Row> row) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public Row next() {
                if (next >= n) {
                    throw new java.util.NoSuchElementException();
                }
                return row.apply(next++);
            }
        };
    }

    private static long micros(java.time.Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L);
    }
}
