package io.crmkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.unix_micros;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.CustomerPurchaseSummary;
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
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
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

    private SparkPurchaseHistory() {
    }

    /**
     * Summarises orders into one row per customer, in {@code spark.sql.shuffle.partitions}
     * partitions.
     *
     * @param orders the orders, one row per order, not null
     * @param columns which columns hold the order fields, not null
     * @param options the definitions; the currency must be set (one currency per run), not null
     * @return the summaries, lazily computed, never null
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
     * @return the summaries, lazily computed, never null
     * @throws IllegalArgumentException as for {@link #summarize(Dataset, OrderColumns, PurchaseHistoryOptions)}
     */
    public static SparkSummaries summarize(Dataset<Row> orders, OrderColumns columns, PurchaseHistoryOptions options,
            int partitions) {
        checkArgs(orders, columns, options, partitions);
        SparkOptions shipped = new SparkOptions(options);
        // without order identifiers the input's row order breaks a customer's same-tick ties on one
        // machine; the shuffle loses row order, so it travels as a key, and each partition's batch
        // ranks its rows by that key (only the order unit needs it)
        boolean rowKeys = columns.orderId().isEmpty() && options.purchaseUnit() == PurchaseUnit.ORDER;
        Dataset<Row> selected = select(orders, columns, rowKeys, shipped.currency());
        boolean hasOrderIds = columns.orderId().isPresent();
        MapPartitionsFunction<Row, Row> summarise = rows -> summarizePartition(rows, shipped, hasOrderIds, rowKeys);
        Dataset<Row> partial = selected.repartition(partitions, col("c")).mapPartitions(summarise,
                Encoders.row(PARTIAL));
        return result(partial, shipped, options);
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
     * @return the summaries, lazily computed, never null
     * @throws IllegalArgumentException as for {@link #summarize(Dataset, OrderColumns, PurchaseHistoryOptions)}
     */
    public static SparkSummaries summarizeMapSide(Dataset<Row> orders, OrderColumns columns,
            PurchaseHistoryOptions options, int partitions) {
        checkArgs(orders, columns, options, partitions);
        SparkOptions shipped = new SparkOptions(options);
        // without order identifiers the input's row order breaks a customer's same-tick ties on one
        // machine; partial states from different partitions compare their first orders by a global
        // key, so each row's input position travels as that key (only the order unit needs it)
        boolean rowKeys = columns.orderId().isEmpty() && options.purchaseUnit() == PurchaseUnit.ORDER;
        Dataset<Row> selected = select(orders, columns, rowKeys, shipped.currency());
        boolean hasOrderIds = columns.orderId().isPresent();
        // map side: each input partition into one state per customer (crm-core's PartialSummaries),
        // packed into one buffer per result partition; reduce side: the states of each customer
        // merged, then summarised
        int n = partitions;
        PairFlatMapFunction<Iterator<Row>, Integer, byte[]> pack = rows -> packStates(rows, shipped, hasOrderIds,
                rowKeys, n);
        FlatMapFunction<Iterator<Tuple2<Integer, byte[]>>, Row> merge = packs -> mergeStates(packs, shipped);
        JavaRDD<Row> merged = selected.javaRDD().mapPartitionsToPair(pack).partitionBy(new HashPartitioner(n))
                .mapPartitions(merge);
        return result(orders.sparkSession().createDataFrame(merged, PARTIAL), shipped, options);
    }

    /**
     * Applies a function to each partition's orders as one checked batch, the orders shuffled by
     * customer so that every customer's orders are in one batch, and combines the partitions'
     * results into one on the way to the driver: for aggregates whose parts combine exactly (such as
     * {@code HoldoutCounts} and {@code BgBbData}). Every partition gives one result, an empty one
     * too.
     */
    static <T> T perCustomerBatches(Dataset<Row> orders, OrderColumns columns, Currency currency, int partitions,
            Class<T> type, org.apache.spark.api.java.function.Function<OrderBatch, T> each,
            org.apache.spark.api.java.function.ReduceFunction<T> combine) {
        Args.notNull(orders, "orders");
        Args.notNull(columns, "columns");
        Args.notNull(currency, "currency");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        Dataset<Row> selected = select(orders, columns, false, currency);
        boolean hasOrderIds = columns.orderId().isPresent();
        MapPartitionsFunction<Row, T> apply = rows -> List.of(each.call(batch(rows, currency, hasOrderIds)))
                .iterator();
        return selected.repartition(partitions, col("c")).mapPartitions(apply, Encoders.javaSerialization(type))
                .reduce(combine);
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
     * The mapped columns in a fixed layout: customer (string), order (string or null), epoch
     * microseconds, amount in minor units (long, when the column's decimal type guarantees it exact,
     * else null), amount (decimal, when it must be checked row by row, else null), status (string or
     * null), row key (long; 0 without keys). A decimal amount with at most the currency's decimals is
     * converted in Spark and shuffled as a long; other types are checked per row.
     */
    static Dataset<Row> select(Dataset<Row> orders, OrderColumns columns, boolean rowKeys, Currency currency) {
        StructType schema = orders.schema();
        Column customer = col(existing(schema, columns.customerId(), "customer_id")).cast(DataTypes.StringType);
        Column orderId = columns.orderId().map(c -> col(existing(schema, c, "order_id")).cast(DataTypes.StringType))
                .orElse(lit(null).cast(DataTypes.StringType));
        String ts = existing(schema, columns.timestamp(), "timestamp");
        DataType tsType = schema.apply(ts).dataType();
        Column micros = tsType.equals(DataTypes.LongType) ? col(ts) : unix_micros(col(ts).cast(DataTypes.TimestampType));
        String amountName = existing(schema, columns.amount(), "amount");
        DataType amountType = schema.apply(amountName).dataType();
        if (!(amountType instanceof org.apache.spark.sql.types.NumericType)) {
            throw new IllegalArgumentException("amount column '" + amountName + "' must be numeric: " + amountType);
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        Column minor;
        Column amount;
        if (amountType instanceof DecimalType d && d.scale() <= digits && d.precision() + digits + 1 <= 38) {
            minor = col(amountName).multiply(lit(BigDecimal.TEN.pow(digits))).cast(DataTypes.LongType);
            amount = lit(null).cast(DataTypes.createDecimalType(38, 18));
        } else {
            minor = lit(null).cast(DataTypes.LongType);
            amount = col(amountName).cast(DataTypes.createDecimalType(38, 18));
        }
        Column status = columns.status().map(c -> col(existing(schema, c, "status")).cast(DataTypes.StringType))
                .orElse(lit(null).cast(DataTypes.StringType));
        Column rowKey = rowKeys ? monotonically_increasing_id() : lit(0L);
        return orders.select(customer.as("c"), orderId.as("o"), micros.as("t"), minor.as("m"), amount.as("a"),
                status.as("s"), rowKey.as("k"));
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

    /** A partition's rows of {@link #select} as one columnar batch, every row checked. */
    static OrderBatch batch(Iterator<Row> rows, Currency currency, boolean hasOrderIds) {
        return batch(rows, currency, hasOrderIds, null);
    }

    /**
     * A partition's rows of {@link #select} as one columnar batch, every row checked; with
     * {@code keysOut} (one slot) the rows' input positions (column {@code k}) are collected into
     * {@code keysOut[0]}, one per batch row, as the global keys that break same-tick ties between
     * partial summaries ({@link PartialSummaries#of(OrderBatch, PurchaseHistoryOptions, long[])}).
     */
    static OrderBatch batch(Iterator<Row> rows, Currency currency, boolean hasOrderIds, long[][] keysOut) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        OrderBatch.Builder builder = OrderBatch.builder(currency);
        long[] keys = keysOut != null ? new long[1024] : null;
        int n = 0;
        ParsedRow p = new ParsedRow();
        while (rows.hasNext()) {
            Row r = rows.next();
            p.parse(r, builder, digits, currency, hasOrderIds);
            if (p.id != null) {
                builder.add(p.handle, p.id, p.micros, p.category, p.gross(), p.minor);
            } else {
                builder.add(p.handle, p.micros, p.category, p.gross(), p.minor);
            }
            if (keys != null) {
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, n + (n >> 1));
                }
                keys[n] = r.getLong(6);
            }
            n++;
        }
        if (keysOut != null) {
            keysOut[0] = Arrays.copyOf(keys, n);
        }
        return builder.build();
    }

    /**
     * Map side: one input partition into its customers' states, packed by result partition (the
     * customer identifier's {@code String.hashCode} modulo the partition count, the same in every
     * JVM): one (partition, buffer) pair per result partition that has customers, so that Spark
     * shuffles a few large buffers rather than a row per state. A buffer is a sequence of entries:
     * a varint byte length and the customer identifier in UTF-8, then a varint byte length and the
     * state in crm-core's byte form ({@link PartialSummaries#stateBytes(int)}).
     */
    private static Iterator<Tuple2<Integer, byte[]>> packStates(Iterator<Row> rows, SparkOptions shipped,
            boolean hasOrderIds, boolean rowKeys, int partitions) {
        if (!rows.hasNext()) {
            return java.util.Collections.emptyIterator();
        }
        long[][] keys = rowKeys ? new long[1][] : null;
        OrderBatch batch = batch(rows, shipped.currency(), hasOrderIds, keys);
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
        PurchaseSummaries s = merged.toSummaries();
        BtydView btyd = s.btyd();
        List<Row> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            CustomerPurchaseSummary c = s.summary(i);
            out.add(RowFactory.create(c.customerId().value(), micros(c.firstPurchaseAt()), micros(c.lastPurchaseAt()),
                    c.purchases(), c.orders(), s.revenueMinorUnits(i), c.daysSinceLastPurchase(), c.ageDays(),
                    btyd.x(i), btyd.tx(i), btyd.bigT(i), btyd.meanRepeatValue(i)));
        }
        return out.iterator();
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
     * A partition's rows of {@link #select} as one columnar batch, every row checked. With
     * {@code rowKeys} the rows carry their input position (column {@code k}, without order
     * identifiers): each row gets its arrival index as order key, ranked by the input position, so
     * that the batch breaks a customer's same-instant ties in the input's row order, as the
     * single-machine summary of the input does, without sorting the rows (a sort of the partition's
     * keys instead: 20 bytes per row while the batch is built).
     */
    static OrderBatch batch(Iterator<Row> rows, Currency currency, boolean hasOrderIds, boolean rowKeys) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        OrderBatch.Builder builder = OrderBatch.builder(currency);
        long[] keys = rowKeys ? new long[1024] : null;
        int n = 0;
        ParsedRow p = new ParsedRow();
        while (rows.hasNext()) {
            Row r = rows.next();
            p.parse(r, builder, digits, currency, hasOrderIds);
            if (rowKeys) {
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, n + (n >> 1));
                }
                keys[n] = r.getLong(6);
                // one amount per row as a source gives it: an order, or a return when negative
                builder.addSourced(p.handle, p.micros, p.category, p.minor, n, 0);
            } else if (p.id == null) {
                builder.add(p.handle, p.micros, p.category, p.gross(), p.minor);
            } else {
                builder.add(p.handle, p.id, p.micros, p.category, p.gross(), p.minor);
            }
            n++;
        }
        if (rowKeys && n > 0) {
            long[] sorted = Arrays.copyOf(keys, n);
            Arrays.sort(sorted);
            int[] rank = new int[n];
            for (int i = 0; i < n; i++) {
                // row positions are unique: the search finds the key's own rank
                rank[i] = Arrays.binarySearch(sorted, keys[i]);
            }
            builder.rankOrderKeys(rank);
        }
        return builder.build();
    }

    /**
     * One row of {@link #select}, checked, in parts (one per partition, reused row after row): the
     * checks and conversions both batch readers share.
     */
    private static final class ParsedRow {
        int handle;
        long micros;
        long minor;
        OrderStatusCategory category;
        OrderId id;
        /** The handles of short identifiers: most rows are found with one read of a table. */
        private final ShortIdHandles shortIds = new ShortIdHandles();

        void parse(Row r, OrderBatch.Builder builder, int digits, Currency currency, boolean hasOrderIds) {
            if (r.isNullAt(0)) {
                throw new IllegalArgumentException("customer_id must not be null" + where(r));
            }
            String customer = r.getString(0);
            long key = ShortIdHandles.pack(customer);
            int found = key != 0 ? shortIds.get(key) : -1;
            if (found < 0) {
                found = builder.customer(CustomerId.of(customer));
                if (key != 0) {
                    shortIds.put(key, found);
                }
            }
            handle = found;
            if (r.isNullAt(2)) {
                throw new IllegalArgumentException("timestamp must not be null" + where(r));
            }
            micros = r.getLong(2);
            if (!r.isNullAt(3)) {
                minor = r.getLong(3);
            } else if (!r.isNullAt(4)) {
                minor = minorUnits(r.getDecimal(4), digits, currency, r);
            } else {
                throw new IllegalArgumentException("amount must not be null" + where(r));
            }
            category = category(r.isNullAt(5) ? null : r.getString(5), r);
            id = null;
            if (hasOrderIds) {
                if (r.isNullAt(1)) {
                    throw new IllegalArgumentException("order_id must not be null when the order_id column is mapped"
                            + where(r));
                }
                id = OrderId.of(r.getString(1));
            }
        }

        /** The gross amount: a return (negative amount) has none. */
        long gross() {
            return minor < 0 ? 0 : minor;
        }
    }

    private static Iterator<Row> summarizePartition(Iterator<Row> rows, SparkOptions shipped, boolean hasOrderIds,
            boolean rowKeys) {
        if (!rows.hasNext()) {
            return java.util.Collections.emptyIterator();
        }
        PurchaseHistoryOptions options = shipped.options();
        PurchaseSummaries s = PurchaseHistory.summarize(batch(rows, shipped.currency(), hasOrderIds, rowKeys), options);
        BtydView btyd = s.btyd();
        List<Row> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            CustomerPurchaseSummary c = s.summary(i);
            out.add(RowFactory.create(c.customerId().value(), micros(c.firstPurchaseAt()), micros(c.lastPurchaseAt()),
                    c.purchases(), c.orders(), s.revenueMinorUnits(i), c.daysSinceLastPurchase(), c.ageDays(),
                    btyd.x(i), btyd.tx(i), btyd.bigT(i), btyd.meanRepeatValue(i)));
        }
        return out.iterator();
    }

    private static long micros(java.time.Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L);
    }

    private static long minorUnits(BigDecimal amount, int digits, Currency currency, Row r) {
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

    private static OrderStatusCategory category(String label, Row r) {
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

    private static String where(Row r) {
        return r.isNullAt(1) ? "" : " (order " + r.getString(1) + ")";
    }
}
