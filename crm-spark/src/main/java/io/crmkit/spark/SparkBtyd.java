package io.crmkit.spark;

import static org.apache.spark.sql.functions.col;

import io.crmkit.core.history.PeriodUnit;
import io.crmkit.metrics.clv.BgNbdModel;
import io.crmkit.metrics.clv.BtydData;
import io.crmkit.metrics.clv.Horizon;
import io.crmkit.metrics.clv.MbgNbdModel;
import io.crmkit.metrics.clv.NbdModel;
import io.crmkit.metrics.clv.ParetoNbdModel;
import io.crmkit.metrics.clv.TransactionModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * BTYD lifetime-value models over {@link SparkSummaries}: the model is fitted on the driver from the
 * (x, t_x, T) patterns the cluster counts (far fewer than customers: CDNOW's 2,357 customers have
 * 1,125 patterns, and the count grows with the time resolution, not with the customers), and the
 * per-customer predictions run in the cluster.
 *
 * <pre>{@code
 * BtydData patterns = SparkBtyd.patterns(summaries);          // one small action
 * ParetoNbdModel model = ParetoNbdModel.fit(patterns);        // on the driver, crm-metrics itself
 * Dataset<Row> predictions = SparkBtyd.predict(summaries, model, Horizon.of(39, PeriodUnit.WEEKS));
 * }</pre>
 *
 * <p>The patterns are the single-machine {@link BtydData#of} patterns with the same weights and in
 * the same (sorted) order, so a fit equals the single-machine fit.
 *
 * <p>Stateless and thread-safe.
 */
public final class SparkBtyd {

    static final StructType PREDICTIONS = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("x", DataTypes.IntegerType, false)
            .add("t_x", DataTypes.DoubleType, false)
            .add("T", DataTypes.DoubleType, false)
            .add("p_alive", DataTypes.DoubleType, false)
            .add("expected_transactions", DataTypes.DoubleType, false);

    private SparkBtyd() {
    }

    /**
     * Counts the customers of each (x, t_x, T) pattern, in the summaries' time unit.
     *
     * @param summaries the summaries, not null
     * @return the weighted patterns, never null
     * @throws IllegalArgumentException if there is no customer
     */
    public static BtydData patterns(SparkSummaries summaries) {
        Args.notNull(summaries, "summaries");
        List<Row> rows = summaries.rows().groupBy(col("x"), col("t_x"), col("T")).count()
                .orderBy(col("x"), col("t_x"), col("T")).collectAsList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no customer has a counted purchase: no BTYD pattern");
        }
        int n = rows.size();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            x[i] = r.getInt(0);
            tx[i] = r.getDouble(1);
            bigT[i] = r.getDouble(2);
            weights[i] = r.getLong(3);
        }
        return BtydData.ofPatterns(x, tx, bigT, weights, summaries.options().timeUnit());
    }

    /**
     * Predicts, per customer, the probability of being alive and the expected number of transactions
     * over a horizon, with a fitted (or given) model of crm-metrics.
     *
     * @param summaries the summaries, whose time unit is the model's, not null
     * @param model a Pareto/NBD, BG/NBD, MBG/NBD or NBD model, not null
     * @param horizon the prediction horizon, not null
     * @return columns {@code customer_id}, {@code x}, {@code t_x}, {@code T}, {@code p_alive},
     *     {@code expected_transactions}; lazily computed, never null
     * @throws IllegalArgumentException if the model's time unit differs from the summaries'
     */
    public static Dataset<Row> predict(SparkSummaries summaries, TransactionModel model, Horizon horizon) {
        Args.notNull(summaries, "summaries");
        Args.notNull(model, "model");
        Args.notNull(horizon, "horizon");
        PeriodUnit unit = summaries.options().timeUnit();
        if (model.unit() != unit) {
            throw new IllegalArgumentException("the model's time unit " + model.unit() + " differs from the"
                    + " summaries' " + unit);
        }
        String kind = model.name();
        double[] p = parameters(model);
        double t = horizon.in(unit);
        MapPartitionsFunction<Row, Row> predictor = rows -> {
            TransactionModel m = rebuild(kind, p, unit);
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                int x = r.getInt(1);
                double tx = r.getDouble(2);
                double bigT = r.getDouble(3);
                out.add(RowFactory.create(r.getString(0), x, tx, bigT, m.probabilityAlive(x, tx, bigT),
                        m.conditionalExpectedTransactions(x, tx, bigT, t)));
            }
            return out.iterator();
        };
        return summaries.rows().select("customer_id", "x", "t_x", "T").mapPartitions(predictor,
                Encoders.row(PREDICTIONS));
    }

    private static double[] parameters(TransactionModel model) {
        if (model instanceof ParetoNbdModel m) {
            return new double[] {m.r(), m.alpha(), m.s(), m.beta()};
        } else if (model instanceof BgNbdModel m) {
            return new double[] {m.r(), m.alpha(), m.a(), m.b()};
        } else if (model instanceof MbgNbdModel m) {
            return new double[] {m.r(), m.alpha(), m.a(), m.b()};
        } else if (model instanceof NbdModel m) {
            return new double[] {m.r(), m.alpha()};
        }
        throw new IllegalArgumentException("unsupported model: " + model.name());
    }

    private static TransactionModel rebuild(String kind, double[] p, PeriodUnit unit) {
        return switch (kind) {
            case ParetoNbdModel.NAME -> ParetoNbdModel.of(p[0], p[1], p[2], p[3], unit);
            case BgNbdModel.NAME -> BgNbdModel.of(p[0], p[1], p[2], p[3], unit);
            case MbgNbdModel.NAME -> MbgNbdModel.of(p[0], p[1], p[2], p[3], unit);
            case NbdModel.NAME -> NbdModel.of(p[0], p[1], unit);
            default -> throw new IllegalArgumentException("unsupported model: " + kind);
        };
    }
}
