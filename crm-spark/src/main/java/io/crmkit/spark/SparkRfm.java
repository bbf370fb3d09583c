package io.crmkit.spark;

import static org.apache.spark.sql.functions.col;

import io.crmkit.core.CustomerId;
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
     * @return the scores with their thresholds; the rows are computed lazily, the thresholds now
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
        Map<Dimension, Binning.Thresholds> thresholds = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            Binning b = options.binning(d);
            int[] positions = RfmScorer.orderStatisticsForCuts(b, n);
            double[] stats = orderStatistics(values, column(d), positions);
            thresholds.put(d, RfmScorer.cutsFromOrderStatistics(b, n, stats));
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
        MapPartitionsFunction<Row, Row> scorer = rows -> {
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row v = rows.next();
                int r = dr.score(sr.bin(v.getDouble(1), cr), k);
                int f = df.score(sf.bin(v.getInt(2), cf), kf);
                int m = dm.score(sm.bin(v.getDouble(3), cm), km);
                out.add(RowFactory.create(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), r, f, m,
                        cells[((r - 1) * kf + (f - 1)) * km + (m - 1)]));
            }
            return out.iterator();
        };
        Dataset<Row> scored = values.mapPartitions(scorer, Encoders.row(SCORES));
        return new SparkRfmResult(scored, options, thresholds, n);
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

    /** A partition's customers' values, by crm-segmentation's {@link CustomerColumns}. */
    private static Iterator<Row> values(Iterator<Row> rows, String currencyCode, boolean mean) {
        List<Row> in = new ArrayList<>();
        rows.forEachRemaining(in::add);
        if (in.isEmpty()) {
            return Collections.emptyIterator();
        }
        // CustomerColumns wants ascending identifiers: crmkit's order, not Spark's byte order
        CustomerId[] ids = new CustomerId[in.size()];
        Integer[] order = new Integer[in.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = CustomerId.of(in.get(i).getString(0));
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> ids[a].compareTo(ids[b]));
        int n = ids.length;
        List<CustomerId> sortedIds = new ArrayList<>(n);
        double[] recency = new double[n];
        int[] frequency = new int[n];
        int[] orders = new int[n];
        long[] revenue = new long[n];
        for (int j = 0; j < n; j++) {
            Row r = in.get(order[j]);
            sortedIds.add(ids[order[j]]);
            recency[j] = r.getDouble(1);
            frequency[j] = r.getInt(2);
            orders[j] = r.getInt(3);
            revenue[j] = r.getLong(4);
        }
        CustomerColumns c = CustomerColumns.of(java.util.Currency.getInstance(currencyCode), sortedIds, recency,
                frequency, orders, revenue, "crm-spark partition");
        List<Row> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            out.add(RowFactory.create(c.customerId(j).value(), c.recencyDays(j), c.frequency(j),
                    mean ? c.revenuePerPurchase(j) : c.revenue(j), c.orders(j), c.revenueMinor(j)));
        }
        return out.iterator();
    }

    /** The values at the 0-based ascending positions of a column, exactly. */
    static double[] orderStatistics(Dataset<Row> values, String column, int[] positions) {
        return orderStatistics(values, column, positions, DISTINCT_LIMIT);
    }

    /** As above, collecting the counts of at most {@code limit} distinct values, else sorting. */
    static double[] orderStatistics(Dataset<Row> values, String column, int[] positions, long limit) {
        double[] stats = new double[positions.length];
        if (positions.length == 0) {
            return stats;
        }
        // cached: counting the distinct values and collecting them is then one aggregation, not two
        Dataset<Row> counts = values.groupBy(col(column).cast(DataTypes.DoubleType).as("v")).count().cache();
        long distinct = counts.count();
        if (distinct <= limit) {
            List<Row> sorted = counts.collectAsList();
            counts.unpersist();
            double[] v = new double[sorted.size()];
            long[] c = new long[sorted.size()];
            Integer[] idx = new Integer[sorted.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = sorted.get(i).getDouble(0);
                c[i] = sorted.get(i).getLong(1);
                idx[i] = i;
            }
            Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
            long below = 0;
            int p = 0;
            for (Integer i : idx) {
                long upTo = below + c[i];
                while (p < positions.length && positions[p] < upTo) {
                    stats[p++] = v[i];
                }
                below = upTo;
            }
            return stats;
        }
        counts.unpersist();
        JavaPairRDD<Double, Long> indexed = values.select(col(column).cast(DataTypes.DoubleType)).javaRDD()
                .map(r -> r.getDouble(0)).sortBy(x -> x, true, values.rdd().getNumPartitions()).zipWithIndex();
        long[] wanted = Arrays.stream(positions).asLongStream().toArray();
        List<scala.Tuple2<Double, Long>> found = indexed.filter(t -> Arrays.binarySearch(wanted, t._2()) >= 0)
                .collect();
        for (scala.Tuple2<Double, Long> t : found) {
            stats[Arrays.binarySearch(wanted, t._2())] = t._1();
        }
        return stats;
    }
}
