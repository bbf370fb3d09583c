package io.crmkit.spark;

import static org.apache.spark.sql.functions.col;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.CustomerIdSort;
import io.crmkit.segmentation.CustomerColumns;
import io.crmkit.segmentation.rfm.Binning;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.Direction;
import io.crmkit.segmentation.rfm.MonetaryMeasure;
import io.crmkit.segmentation.rfm.RfmOptions;
import io.crmkit.segmentation.rfm.RfmScorer;
import io.crmkit.segmentation.rfm.Side;
import io.crmkit.segmentation.segment.SegmentMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * RFM scores and segments of {@link SparkSummaries}, equal to crm-segmentation's
 * {@link RfmScorer#score(CustomerColumns, RfmOptions)} and {@link SegmentMap#assign} on the same
 * customers: exact quantiles, not approximate ones.
 *
 * <p>How: each partition computes its customers' recency, frequency and monetary values with
 * {@link CustomerColumns} (the library's arithmetic); for each dimension the engine selects exactly
 * the order statistics that {@link RfmScorer#orderStatisticsForCuts} names (from the counts of the
 * distinct values, or by a distributed sort when a dimension has more than
 * {@value #DISTINCT_LIMIT} distinct values), the driver turns them into the binning's thresholds with
 * {@link RfmScorer#cutsFromOrderStatistics} (R's quantile arithmetic, the tie side, the R rfm
 * package's "+ 1"), and each partition scores its customers against them with {@link Side#bin} and
 * {@link Direction#score}. The segment of each of the {@code k^3} score cells is looked up on the
 * driver once.
 *
 * <p>Value binnings only ({@link Binning.Quantiles} of any estimator, {@link Binning.RRfm},
 * {@link Binning.Thresholds}): the rank-based ones (NTILE, tied ranks, percent ranks) depend on every
 * customer's rank, not on a few order statistics, and are refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class SparkRfm {

    /** Distinct values of a dimension up to which the order statistics come from collected counts. */
    public static final int DISTINCT_LIMIT = 2_000_000;

    static final StructType VALUES = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("recency", DataTypes.DoubleType, false)
            .add("frequency", DataTypes.IntegerType, false)
            .add("monetary", DataTypes.DoubleType, false)
            .add("orders", DataTypes.IntegerType, false)
            .add("revenue_minor", DataTypes.LongType, false);

    static final StructType SCORES = VALUES
            .add("r", DataTypes.IntegerType, false)
            .add("f", DataTypes.IntegerType, false)
            .add("m", DataTypes.IntegerType, false)
            .add("segment", DataTypes.StringType, false);

    private SparkRfm() {
    }

    /**
     * Scores every customer of the summaries and assigns its segment.
     *
     * @param summaries the summaries, not null
     * @param options the scoring definitions, value binnings only, not null
     * @param segments the segment map, with the binnings' number of bins on every dimension, not null
     * @return the scores with their thresholds; the rows are computed lazily, the thresholds now; close
     *     it to release the per-customer values it caches
     * @throws IllegalArgumentException if a binning is rank-based, the map's bins differ from the
     *     binnings', or no customer has a purchase
     */
    public static SparkRfmResult score(SparkSummaries summaries, RfmOptions options, SegmentMap segments) {
        Args.notNull(summaries, "summaries");
        Args.notNull(options, "options");
        Args.notNull(segments, "segments");
        for (Dimension d : Dimension.values()) {
            Binning b = options.binning(d);
            if (b.rankBased()) {
                throw new IllegalArgumentException(d + " binning " + b.describe() + " is rank-based; crm-spark"
                        + " scores value binnings (quantiles, r-rfm, thresholds) exactly, and rank-based ones not at"
                        + " all");
            }
            if (segments.bins(d) != b.bins()) {
                throw new IllegalArgumentException("the segment map has " + segments.bins(d) + " " + d + " bins and"
                        + " the binning " + b.bins() + "; they must be equal");
            }
        }
        String currency = summaries.currency().getCurrencyCode();
        boolean mean = options.monetaryMeasure() == MonetaryMeasure.MEAN;
        MapPartitionsFunction<Row, Row> toValues = rows -> values(rows, currency, mean);
        Dataset<Row> values = summaries.rows()
                .select("customer_id", "days_since_last", "purchases", "orders", "revenue_minor")
                .mapPartitions(toValues, Encoders.row(VALUES)).cache();
        long count = values.count();
        if (count == 0) {
            values.unpersist();
            throw new IllegalArgumentException("no customer has a counted purchase: nothing to score");
        }
        if (count > Integer.MAX_VALUE) {
            values.unpersist();
            throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " customers: " + count);
        }
        int n = (int) count;
        Map<String, int[]> positions = new java.util.LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            positions.put(column(d), RfmScorer.orderStatisticsForCuts(options.binning(d), n));
        }
        // the three dimensions' order statistics from one aggregation
        Map<String, double[]> stats = orderStatistics(values, positions, DISTINCT_LIMIT);
        Map<Dimension, Binning.Thresholds> thresholds = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            thresholds.put(d, RfmScorer.cutsFromOrderStatistics(options.binning(d), n, stats.get(column(d))));
        }
        int k = segments.bins(Dimension.RECENCY);
        int kf = segments.bins(Dimension.FREQUENCY);
        int km = segments.bins(Dimension.MONETARY);
        String[] cells = new String[k * kf * km];
        for (int r = 1; r <= k; r++) {
            for (int f = 1; f <= kf; f++) {
                for (int m = 1; m <= km; m++) {
                    cells[((r - 1) * kf + (f - 1)) * km + (m - 1)] = segments.segmentOf(r, f, m);
                }
            }
        }
        Binning.Thresholds tr = thresholds.get(Dimension.RECENCY);
        Binning.Thresholds tf = thresholds.get(Dimension.FREQUENCY);
        Binning.Thresholds tm = thresholds.get(Dimension.MONETARY);
        double[] cr = cuts(tr);
        double[] cf = cuts(tf);
        double[] cm = cuts(tm);
        Side sr = tr.side();
        Side sf = tf.side();
        Side sm = tm.side();
        Direction dr = options.recencyDirection();
        Direction df = options.frequencyDirection();
        Direction dm = options.monetaryDirection();
        MapPartitionsFunction<Row, Row> scorer = rows -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row v = rows.next();
                int r = dr.score(sr.bin(v.getDouble(1), cr), k);
                int f = df.score(sf.bin(v.getInt(2), cf), kf);
                int m = dm.score(sm.bin(v.getDouble(3), cm), km);
                return RowFactory.create(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), r, f, m,
                        cells[((r - 1) * kf + (f - 1)) * km + (m - 1)]);
            }
        };
        Dataset<Row> scored = values.mapPartitions(scorer, Encoders.row(SCORES));
        return new SparkRfmResult(scored, values, options, thresholds, n);
    }

    private static String column(Dimension d) {
        return switch (d) {
            case RECENCY -> "recency";
            case FREQUENCY -> "frequency";
            case MONETARY -> "monetary";
        };
    }

    private static double[] cuts(Binning.Thresholds t) {
        return t.thresholds().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A partition's customers' values, by crm-segmentation's {@link CustomerColumns}: the input is
     * read into columns (no row kept), the output rows are made as Spark reads them.
     */
    private static Iterator<Row> values(Iterator<Row> rows, String currencyCode, boolean mean) {
        if (!rows.hasNext()) {
            return Collections.emptyIterator();
        }
        CustomerId[] ids = new CustomerId[1024];
        double[] recency = new double[1024];
        int[] frequency = new int[1024];
        int[] orders = new int[1024];
        long[] revenue = new long[1024];
        int n = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            if (n == ids.length) {
                int size = n + (n >> 1);
                ids = Arrays.copyOf(ids, size);
                recency = Arrays.copyOf(recency, size);
                frequency = Arrays.copyOf(frequency, size);
                orders = Arrays.copyOf(orders, size);
                revenue = Arrays.copyOf(revenue, size);
            }
            ids[n] = CustomerId.of(r.getString(0));
            recency[n] = r.getDouble(1);
            frequency[n] = r.getInt(2);
            orders[n] = r.getInt(3);
            revenue[n] = r.getLong(4);
            n++;
        }
        // CustomerColumns wants ascending identifiers: crmkit's order, not Spark's byte order;
        // crm-core's sort is the identity when the partition's summaries are in that order already
        int[] order = CustomerIdSort.ascending(ids, n);
        List<CustomerId> sortedIds = new ArrayList<>(n);
        double[] sortedRecency = new double[n];
        int[] sortedFrequency = new int[n];
        int[] sortedOrders = new int[n];
        long[] sortedRevenue = new long[n];
        for (int j = 0; j < n; j++) {
            int k = order[j];
            sortedIds.add(ids[k]);
            sortedRecency[j] = recency[k];
            sortedFrequency[j] = frequency[k];
            sortedOrders[j] = orders[k];
            sortedRevenue[j] = revenue[k];
        }
        CustomerColumns c = CustomerColumns.of(java.util.Currency.getInstance(currencyCode), sortedIds, sortedRecency,
                sortedFrequency, sortedOrders, sortedRevenue, "crm-spark partition");
        return SparkPurchaseHistory.rowsOf(c.size(), j -> RowFactory.create(c.customerId(j).value(),
                c.recencyDays(j), c.frequency(j), mean ? c.revenuePerPurchase(j) : c.revenue(j), c.orders(j),
                c.revenueMinor(j)));
    }

    /** The values at the 0-based ascending positions of a column, exactly. */
    static double[] orderStatistics(Dataset<Row> values, String column, int[] positions) {
        return orderStatistics(values, column, positions, DISTINCT_LIMIT);
    }

    /** As above, collecting the counts of at most {@code limit} distinct values, else sorting. */
    static double[] orderStatistics(Dataset<Row> values, String column, int[] positions, long limit) {
        return orderStatistics(values, Map.of(column, positions), limit).get(column);
    }

    /**
     * The values at the 0-based ascending positions of several columns, exactly: one aggregation
     * counts each column's distinct values (as doubles); the counts of a column with at most
     * {@code limit} distinct values are collected and walked in value order, a column with more is
     * sorted in Spark instead.
     *
     * @return per column, the values at its positions (empty positions: an empty array)
     */
    static Map<String, double[]> orderStatistics(Dataset<Row> values, Map<String, int[]> positions, long limit) {
        Map<String, double[]> stats = new java.util.HashMap<>();
        List<String> wanted = new ArrayList<>();
        positions.forEach((column, p) -> {
            stats.put(column, new double[p.length]);
            if (p.length > 0) {
                wanted.add(column);
            }
        });
        if (wanted.isEmpty()) {
            return stats;
        }
        org.apache.spark.sql.Column[] cells = new org.apache.spark.sql.Column[wanted.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = org.apache.spark.sql.functions.struct(org.apache.spark.sql.functions.lit(i).as("d"),
                    col(wanted.get(i)).cast(DataTypes.DoubleType).as("v"));
        }
        // cached: the distinct counts per column and the collected counts are then one aggregation
        Dataset<Row> counts = values.select(org.apache.spark.sql.functions.explode(
                org.apache.spark.sql.functions.array(cells)).as("e")).select(col("e.d").as("d"), col("e.v").as("v"))
                .groupBy("d", "v").count().cache();
        long[] distinct = new long[cells.length];
        for (Row r : counts.groupBy("d").count().collectAsList()) {
            distinct[r.getInt(0)] = r.getLong(1);
        }
        List<Integer> collected = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            if (distinct[i] <= limit) {
                collected.add(i);
            }
        }
        List<Row> rows = collected.isEmpty() ? List.of()
                : counts.where(col("d").isin(collected.toArray())).collectAsList();
        counts.unpersist();
        int[] filled = new int[cells.length];
        double[][] valuesOf = new double[cells.length][];
        long[][] countsOf = new long[cells.length][];
        for (int i : collected) {
            valuesOf[i] = new double[(int) distinct[i]];
            countsOf[i] = new long[(int) distinct[i]];
        }
        for (Row r : rows) {
            int i = r.getInt(0);
            valuesOf[i][filled[i]] = r.getDouble(1);
            countsOf[i][filled[i]++] = r.getLong(2);
        }
        for (int i = 0; i < cells.length; i++) {
            String column = wanted.get(i);
            if (distinct[i] <= limit) {
                walk(valuesOf[i], countsOf[i], positions.get(column), stats.get(column));
            } else {
                sorted(values, column, positions.get(column), stats.get(column));
            }
        }
        return stats;
    }

    /** The values at the positions from a column's distinct values and their counts, in any order. */
    private static void walk(double[] v, long[] counts, int[] positions, double[] stats) {
        int d = v.length;
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        long[] c = new long[d];
        for (int i = 0; i < d; i++) {
            // the values are distinct (grouped by value), so each is found once
            c[Arrays.binarySearch(sorted, v[i])] = counts[i];
        }
        long below = 0;
        int p = 0;
        for (int i = 0; i < d; i++) {
            long upTo = below + c[i];
            while (p < positions.length && positions[p] < upTo) {
                stats[p++] = sorted[i];
            }
            below = upTo;
        }
    }

    /** The values at the positions of a column with too many distinct values to collect: a Spark sort. */
    private static void sorted(Dataset<Row> values, String column, int[] positions, double[] stats) {
        JavaPairRDD<Double, Long> indexed = values.select(col(column).cast(DataTypes.DoubleType)).javaRDD()
                .map(r -> r.getDouble(0)).sortBy(x -> x, true, values.rdd().getNumPartitions()).zipWithIndex();
        long[] wanted = Arrays.stream(positions).asLongStream().toArray();
        List<scala.Tuple2<Double, Long>> found = indexed.filter(t -> Arrays.binarySearch(wanted, t._2()) >= 0)
                .collect();
        for (scala.Tuple2<Double, Long> t : found) {
            stats[Arrays.binarySearch(wanted, t._2())] = t._1();
        }
    }
}
