package io.crmkit.spark;

import static org.apache.spark.sql.functions.col;

import static org.apache.spark.sql.functions.min;

import io.crmkit.core.CustomerId;
import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.metrics.clv.BgBbData;
import io.crmkit.metrics.clv.BgNbdModel;
import io.crmkit.metrics.clv.CalibrationHoldout;
import io.crmkit.metrics.clv.BtydData;
import io.crmkit.metrics.clv.CustomerValue;
import io.crmkit.metrics.clv.DiscountRate;
import io.crmkit.metrics.clv.FitOptions;
import io.crmkit.metrics.clv.GammaGammaModel;
import io.crmkit.metrics.clv.HoldoutCounts;
import io.crmkit.metrics.clv.Horizon;
import io.crmkit.metrics.clv.LifetimeValue;
import io.crmkit.metrics.clv.MbgNbdModel;
import io.crmkit.metrics.clv.ModelFitException;
import io.crmkit.metrics.clv.NbdModel;
import io.crmkit.metrics.clv.ParetoNbdModel;
import io.crmkit.metrics.clv.PredictionIntervals;
import io.crmkit.metrics.clv.TransactionModel;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.spark.api.java.function.Function0;
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
 *
 * GammaGammaModel spend = SparkBtyd.fitSpend(summaries);     // on the driver, from the repeat buyers
 * Dataset<Row> values = SparkBtyd.values(summaries, model, Optional.of(spend),
 *         new LifetimeValue.Settings(Horizon.of(52, PeriodUnit.WEEKS), DiscountRate.of(0.1, PeriodUnit.YEARS), 1));
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

    static final StructType VALUES = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("x", DataTypes.IntegerType, false)
            .add("t_x", DataTypes.DoubleType, false)
            .add("T", DataTypes.DoubleType, false)
            .add("p_alive", DataTypes.DoubleType, false)
            .add("expected_transactions", DataTypes.DoubleType, false)
            .add("expected_spend", DataTypes.DoubleType, true)
            .add("clv", DataTypes.DoubleType, true);

    static final StructType INTERVALS = new StructType()
            .add("customer_id", DataTypes.StringType, false)
            .add("transactions_lower", DataTypes.DoubleType, false)
            .add("transactions_upper", DataTypes.DoubleType, false)
            .add("clv_lower", DataTypes.DoubleType, true)
            .add("clv_upper", DataTypes.DoubleType, true);

    private SparkBtyd() {
    }

    /**
     * Every customer's interval bounds of crm-metrics' parametric bootstrap ({@link
     * PredictionIntervals}): the parameters are drawn once on the driver ({@link
     * PredictionIntervals#draws}) and shipped to the partitions, which apply them to their customers
     * ({@link PredictionIntervals.Draws#bounds}). A customer's bounds depend on the draws and on its
     * own history only, so they are the single-machine ones whatever the partitioning.
     *
     * @param summaries the summaries, whose time unit is the model's, not null
     * @param model the fitted transaction model, with a covariance (Pareto/NBD, BG/NBD, MBG/NBD or
     *     NBD), not null
     * @param spend the fitted spend model with a covariance, or empty for none (then the CLV bounds
     *     are null), not null
     * @param settings the horizon, discount and margin, not null
     * @param options the level, draws and seed, not null
     * @return columns {@code customer_id}, {@code transactions_lower}, {@code transactions_upper},
     *     {@code clv_lower}, {@code clv_upper} (nullable, currency units); lazily computed, never null
     * @throws IllegalArgumentException if a model has no covariance or the model's time unit differs
     *     from the summaries'
     * @throws IllegalStateException if a drawn spend model has an infinite expected spend for some
     *     customer (checked on the driver against a customer with the smallest {@code x})
     */
    public static Dataset<Row> intervals(SparkSummaries summaries, TransactionModel model,
            Optional<GammaGammaModel> spend, LifetimeValue.Settings settings, PredictionIntervals.Options options) {
        Args.notNull(summaries, "summaries");
        Args.notNull(model, "model");
        Args.notNull(spend, "spend");
        Args.notNull(settings, "settings");
        Args.notNull(options, "options");
        PeriodUnit unit = unitOf(summaries, model);
        PredictionIntervals.Draws draws = PredictionIntervals.draws(model, spend, options);
        Dataset<Row> customers = summaries.rows().select("customer_id", "x", "t_x", "T", "mean_repeat_value");
        if (spend.isPresent()) {
            // p x + q - 1 grows with x: a drawn spend model is infinite for someone only if it is for
            // a customer with the smallest x
            OptionalInt smallest = smallestX(summaries);
            if (smallest.isPresent()) {
                draws.bounds(view(customers.where(col("x").equalTo(smallest.getAsInt())).limit(1).collectAsList(),
                        unit), settings);
            }
        }
        Function0<LifetimeValue.Settings> settingsThere = shipped(settings);
        MapPartitionsFunction<Row, Row> bounder = rows -> {
            List<Row> in = new ArrayList<>();
            rows.forEachRemaining(in::add);
            LifetimeValue.Settings s = settingsThere.call();
            List<PredictionIntervals.Bounds> bounds = draws.bounds(view(in, unit), s);
            List<Row> out = new ArrayList<>(in.size());
            for (int i = 0; i < in.size(); i++) {
                PredictionIntervals.Bounds b = bounds.get(i);
                out.add(RowFactory.create(in.get(i).getString(0), b.transactionsLower(), b.transactionsUpper(),
                        b.clvLower().isPresent() ? b.clvLower().getAsDouble() : null,
                        b.clvUpper().isPresent() ? b.clvUpper().getAsDouble() : null));
            }
            return out.iterator();
        };
        return customers.mapPartitions(bounder, Encoders.row(INTERVALS));
    }

    /** The smallest repeat count of the summaries' customers, empty without customers. */
    private static OptionalInt smallestX(SparkSummaries summaries) {
        Row smallest = summaries.rows().agg(min(col("x"))).first();
        return smallest.isNullAt(0) ? OptionalInt.empty() : OptionalInt.of(smallest.getInt(0));
    }

    /** The summaries' time unit, which must be the model's. */
    private static PeriodUnit unitOf(SparkSummaries summaries, TransactionModel model) {
        PeriodUnit unit = summaries.options().timeUnit();
        if (model.unit() != unit) {
            throw new IllegalArgumentException("the model's time unit " + model.unit() + " differs from the"
                    + " summaries' " + unit);
        }
        return unit;
    }

    /** The settings, rebuilt on a worker from their numbers (the value types are not serializable). */
    private static Function0<LifetimeValue.Settings> shipped(LifetimeValue.Settings settings) {
        double horizon = settings.horizon().amount();
        PeriodUnit horizonUnit = settings.horizon().unit();
        double rate = settings.discount().rate();
        PeriodUnit per = settings.discount().per();
        double margin = settings.margin();
        return () -> new LifetimeValue.Settings(Horizon.of(horizon, horizonUnit), DiscountRate.of(rate, per), margin);
    }

    /** The view of rows {@code customer_id, x, t_x, T, mean_repeat_value}. */
    private static BtydView view(List<Row> rows, PeriodUnit unit) {
        int n = rows.size();
        List<CustomerId> ids = new ArrayList<>(n);
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ids.add(CustomerId.of(r.getString(0)));
            x[i] = r.getInt(1);
            tx[i] = r.getDouble(2);
            bigT[i] = r.getDouble(3);
            mean[i] = r.getDouble(4);
        }
        return BtydView.of(unit, ids, x, tx, bigT, mean);
    }

    /**
     * Fits crm-metrics' Gamma-Gamma spend model ({@link GammaGammaModel#fit(int[], double[], FitOptions)}
     * with the default options) on the driver, from the repeat purchases {@code x} and the mean repeat
     * value of every customer with {@code x > 0}, collected in customer identifier order: the
     * single-machine fit sees the same numbers in the same order, so the estimates are the same
     * ({@code GammaGammaModel.fit(summaries.btyd())} on one machine). Customers without a repeat
     * purchase carry no spend information and are not collected. The driver holds the repeat
     * buyers (an identifier, an int and a double each) while it sorts and fits.
     *
     * @param summaries the summaries, not null
     * @return the fitted model, never null
     * @throws ModelFitException if fewer than two customers have a positive mean repeat value, or
     *     the fit does not converge
     */
    public static GammaGammaModel fitSpend(SparkSummaries summaries) {
        Args.notNull(summaries, "summaries");
        List<Row> rows = summaries.rows().where(col("x").gt(0)).select("customer_id", "x", "mean_repeat_value")
                .collectAsList();
        Integer[] order = new Integer[rows.size()];
        String[] ids = new String[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            ids[i] = rows.get(i).getString(0);
        }
        // CustomerId's order (String.compareTo), not Spark's byte order of UTF-8 strings
        Arrays.sort(order, Comparator.comparing(i -> ids[i]));
        int[] x = new int[order.length];
        double[] mean = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            Row r = rows.get(order[k]);
            x[k] = r.getInt(1);
            mean[k] = r.getDouble(2);
        }
        return GammaGammaModel.fit(x, mean, FitOptions.defaults());
    }

    /**
     * Values every customer in the cluster, as crm-metrics' {@link CustomerValue#of(TransactionModel,
     * Optional, io.crmkit.core.history.BtydView, LifetimeValue.Settings)} does on one machine: P(alive)
     * and the expected transactions over the horizon from the transaction model, the expected spend
     * per transaction from the spend model, and CLV from {@link LifetimeValue#compute}. Each partition
     * rebuilds the models from their parameters and calls those crm-metrics methods on its customers,
     * so every customer's figures are the single-machine ones.
     *
     * @param summaries the summaries, whose time unit is the model's, not null
     * @param model a Pareto/NBD, BG/NBD, MBG/NBD or NBD model, not null
     * @param spend the spend model, or empty for none (then {@code expected_spend} and {@code clv}
     *     are null), not null
     * @param settings the horizon, discount and margin, not null
     * @return columns {@code customer_id}, {@code x}, {@code t_x}, {@code T}, {@code p_alive},
     *     {@code expected_transactions}, {@code expected_spend}, {@code clv} (nullable, currency
     *     units); lazily computed, never null
     * @throws IllegalArgumentException if the model's time unit differs from the summaries'
     * @throws IllegalStateException if the spend model's expected spend is infinite for some
     *     customer (Gamma-Gamma {@code q <= 1}; checked on the driver against the smallest {@code x})
     */
    public static Dataset<Row> values(SparkSummaries summaries, TransactionModel model,
            Optional<GammaGammaModel> spend, LifetimeValue.Settings settings) {
        Args.notNull(summaries, "summaries");
        Args.notNull(model, "model");
        Args.notNull(spend, "spend");
        Args.notNull(settings, "settings");
        PeriodUnit unit = unitOf(summaries, model);
        if (spend.isPresent() && spend.get().q() <= 1) {
            // p x + q - 1 grows with x: the smallest x is the first to make the expectation infinite
            OptionalInt smallest = smallestX(summaries);
            if (smallest.isPresent()) {
                spend.get().conditionalExpectedSpend(smallest.getAsInt(), 0);
            }
        }
        String kind = model.name();
        double[] p = parameters(model);
        double[] g = spend.map(m -> new double[] {m.p(), m.q(), m.gamma()}).orElse(null);
        Function0<LifetimeValue.Settings> settingsThere = shipped(settings);
        MapPartitionsFunction<Row, Row> valuer = rows -> {
            List<Row> in = new ArrayList<>();
            rows.forEachRemaining(in::add);
            if (in.isEmpty()) {
                return java.util.Collections.emptyIterator();
            }
            int n = in.size();
            int[] x = new int[n];
            double[] tx = new double[n];
            double[] bigT = new double[n];
            for (int i = 0; i < n; i++) {
                Row r = in.get(i);
                x[i] = r.getInt(1);
                tx[i] = r.getDouble(2);
                bigT[i] = r.getDouble(3);
            }
            TransactionModel m = rebuild(kind, p, unit);
            LifetimeValue.Settings s = settingsThere.call();
            BtydData data = BtydData.ofCustomers(x, tx, bigT, unit);
            double[] alive = m.probabilityAlive(data);
            double[] expected = m.conditionalExpectedTransactions(data, s.horizon());
            double[] spendPer = null;
            double[] clv = null;
            if (g != null) {
                GammaGammaModel gg = GammaGammaModel.of(g[0], g[1], g[2]);
                spendPer = new double[n];
                for (int i = 0; i < n; i++) {
                    spendPer[i] = gg.conditionalExpectedSpend(x[i], in.get(i).getDouble(4));
                }
                clv = LifetimeValue.compute(m, data, spendPer, s);
            }
            List<Row> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                // the record checks that every figure is finite
                CustomerValue v = new CustomerValue(CustomerId.of(in.get(i).getString(0)), x[i], tx[i], bigT[i],
                        alive[i], expected[i],
                        spendPer == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(spendPer[i]),
                        clv == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(clv[i]));
                out.add(RowFactory.create(v.customerId().value(), v.x(), v.tx(), v.bigT(), v.probabilityAlive(),
                        v.expectedTransactions(), spendPer == null ? null : v.expectedSpend().getAsDouble(),
                        clv == null ? null : v.clv().getAsDouble()));
            }
            return out.iterator();
        };
        return summaries.rows().select("customer_id", "x", "t_x", "T", "mean_repeat_value").mapPartitions(valuer,
                Encoders.row(VALUES));
    }

    /**
     * Splits orders at the end of a calibration day as crm-metrics' {@link CalibrationHoldout#split(
     * io.crmkit.core.history.OrderBatch, LocalDate, LocalDate, ZoneId, PeriodUnit, PurchaseUnit)} does,
     * and counts what a holdout scorecard needs: the orders are shuffled by customer, each partition's
     * customers are split by crm-metrics itself ({@link HoldoutCounts#of(io.crmkit.core.history.OrderBatch,
     * LocalDate, LocalDate, ZoneId, PeriodUnit, PurchaseUnit)}), and the partitions' counts are
     * combined. The counts are the single-machine split's whatever the partitioning, so the fit on
     * {@link HoldoutCounts#data()} and {@link io.crmkit.metrics.clv.HoldoutScorecard#evaluate(
     * TransactionModel, HoldoutCounts)} equal the single-machine ones to the bit. The result has one
     * entry per distinct (x, t_x, T, holdout transactions) and one per day with repeats.
     *
     * <pre>{@code
     * HoldoutCounts counts = SparkBtyd.holdout(orders, OrderColumns.defaults(), usd,
     *         LocalDate.of(1997, 9, 30), LocalDate.of(1998, 6, 30), ZoneOffset.UTC, PeriodUnit.WEEKS,
     *         PurchaseUnit.DAY, 200);
     * BgNbdModel model = BgNbdModel.fit(counts.data());                     // on the driver
     * HoldoutScorecard card = HoldoutScorecard.evaluate(model, counts);
     * }</pre>
     *
     * @param orders the orders, one row per order, not null
     * @param columns which columns hold the order fields, not null
     * @param currency the currency of the amounts (one per run), not null
     * @param calibrationEnd the last calibration day, not null
     * @param holdoutEnd the last holdout day, after {@code calibrationEnd}, not null
     * @param zone the zone of calendar days, not null
     * @param unit the model time unit, not null
     * @param purchaseUnit what one transaction is, not null
     * @param partitions the number of partitions of the shuffle by customer, at least 1
     * @return the combined counts, never null (without customers when nobody purchased in the
     *     calibration period)
     * @throws IllegalArgumentException if the days are not in order or a mapped column is missing;
     *     a row breaking a rule fails the Spark job with an {@link IllegalArgumentException} naming the
     *     column and the value
     */
    public static HoldoutCounts holdout(Dataset<Row> orders, OrderColumns columns, Currency currency,
            LocalDate calibrationEnd, LocalDate holdoutEnd, ZoneId zone, PeriodUnit unit, PurchaseUnit purchaseUnit,
            int partitions) {
        Args.notNull(calibrationEnd, "calibrationEnd");
        Args.notNull(holdoutEnd, "holdoutEnd");
        Args.notNull(zone, "zone");
        Args.notNull(unit, "unit");
        Args.notNull(purchaseUnit, "purchaseUnit");
        if (!holdoutEnd.isAfter(calibrationEnd)) {
            throw new IllegalArgumentException("holdoutEnd " + holdoutEnd + " must be after calibrationEnd "
                    + calibrationEnd);
        }
        return SparkPurchaseHistory.perCustomerBatches(orders, columns, currency, partitions,
                batch -> HoldoutCounts.of(batch, calibrationEnd, holdoutEnd, zone, unit, purchaseUnit))
                .reduce(HoldoutCounts::combine);
    }

    /**
     * Counts the BG/BB model's transaction opportunities of orders as crm-metrics' {@link
     * BgBbData#of(io.crmkit.core.history.OrderBatch, PurchaseHistoryOptions, PeriodUnit)} does: the
     * orders are shuffled by customer, each partition's customers are counted by crm-metrics itself,
     * and the partitions' patterns are combined ({@link BgBbData#combine}), so the data, and the fit
     * made on the driver from them, are the single-machine ones whatever the partitioning.
     *
     * @param orders the orders, one row per order, not null
     * @param columns which columns hold the order fields, not null
     * @param options the calibration end, zone, counted statuses and currency (which must be set), not
     *     null
     * @param period the opportunity period, not null
     * @param partitions the number of partitions of the shuffle by customer, at least 1
     * @return the combined data, never null
     * @throws IllegalArgumentException if the options have no currency or a mapped column is missing;
     *     a row breaking a rule fails the Spark job with an {@link IllegalArgumentException} naming the
     *     column and the value
     */
    public static BgBbData bgBb(Dataset<Row> orders, OrderColumns columns, PurchaseHistoryOptions options,
            PeriodUnit period, int partitions) {
        Args.notNull(options, "options");
        Args.notNull(period, "period");
        SparkOptions shipped = new SparkOptions(options);
        return SparkPurchaseHistory.perCustomerBatches(orders, columns, shipped.currency(), partitions,
                batch -> BgBbData.of(batch, shipped.options(), period)).reduce(BgBbData::combine);
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
        PeriodUnit unit = unitOf(summaries, model);
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
