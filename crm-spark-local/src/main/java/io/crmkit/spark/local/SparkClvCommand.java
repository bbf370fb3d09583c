package io.crmkit.spark.local;

import io.crmkit.cli.ClvCommand;
import io.crmkit.cli.ClvFitOptions;
import io.crmkit.cli.ClvModelOptions;
import io.crmkit.cli.ClvPredictOptions;
import io.crmkit.cli.CommandFailedException;
import io.crmkit.cli.CrmkitCli;
import io.crmkit.cli.CrmkitCommand;
import io.crmkit.cli.OrderInputOptions;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.core.CustomerId;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.metrics.clv.BgBbData;
import io.crmkit.metrics.clv.BgBbModel;
import io.crmkit.metrics.clv.BtydData;
import io.crmkit.metrics.clv.CustomerValue;
import io.crmkit.metrics.clv.HoldoutCounts;
import io.crmkit.metrics.clv.HoldoutScorecard;
import io.crmkit.metrics.clv.LifetimeValue;
import io.crmkit.metrics.clv.PredictionIntervals;
import io.crmkit.metrics.clv.TransactionModel;
import io.crmkit.spark.SparkBtyd;
import io.crmkit.spark.SparkPurchaseHistory;
import io.crmkit.spark.SparkSummaries;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code clv fit} and {@code clv predict} through crm-spark, with the options and output of
 * {@code crmkit clv fit|predict}: the calibration summaries and the (x, t_x, T) pattern counts are
 * computed in Spark ({@link SparkPurchaseHistory}, {@link SparkBtyd#patterns}), the transaction model
 * and the Gamma-Gamma spend model are fitted on the driver by crm-metrics ({@link SparkBtyd#fitSpend}),
 * and the per-customer predictions run in Spark ({@link SparkBtyd#values}). With {@code --holdout-end}
 * the split is counted in Spark ({@link SparkBtyd#holdout}) and scored on the driver; with
 * {@code --model bg-bb} the opportunities are counted in Spark ({@link SparkBtyd#bgBb}). With {@code --intervals}
 * the bootstrap's parameters are drawn on the driver and applied to the customers in Spark
 * ({@link SparkBtyd#intervals}).
 *
 * <p>Filled by picocli; not thread-safe.
 */
@Command(name = "clv", mixinStandardHelpOptions = true,
        header = "Customer lifetime value of an order file, computed by crm-spark: fit a BTYD model, value every"
            + " customer.",
        subcommands = {SparkClvCommand.FitCommand.class, SparkClvCommand.PredictCommand.class})
public final class SparkClvCommand implements Runnable {

    /**
     * Creates the command group.
     */
    public SparkClvCommand() {
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "name fit or predict");
    }

    /** What {@code fit} and {@code predict} share: the options of crmkit's, the summaries and the patterns. */
    abstract static class ModelCommand extends CrmkitCommand {

        @Mixin
        OrderInputOptions input;

        @Mixin
        ClvModelOptions modelOptions;

        OrderFile in;
        SparkSummaries summaries;
        BtydData data;
        int customers;

        ModelCommand() {
        }

        SparkLocalCli root() {
            return (SparkLocalCli) spec.root().userObject();
        }

        /** Reads the file into {@link #in}; false when it fails (reported). */
        boolean read() throws IOException {
            Optional<OrderFile> read = LocalOrders.read(this, input);
            read.ifPresent(file -> in = file);
            return read.isPresent();
        }

        /** The orders read, as a dataset in the run's partitions. */
        Dataset<Row> orders() {
            SparkLocalCli root = root();
            return LocalOrders.dataset(root.spark(), in.batch(), root.partitions());
        }

        /** Reads the file, summarises the calibration period in Spark and counts its patterns. */
        boolean prepare() throws IOException {
            if (!read()) {
                return false;
            }
            PurchaseHistoryOptions options = modelOptions.calibration(input, in);
            SparkLocalCli root = root();
            summaries = SparkPurchaseHistory.summarize(orders(), LocalOrders.columns(in.batch()), options,
                    root.partitions()).cache();
            data = SparkBtyd.patterns(summaries);
            customers = Math.toIntExact(summaries.rows().count());
            return true;
        }

        Definitions definitions(String command) {
            Definitions d = ClvCommand.definitions(command, modelOptions, summaries.options(), customers, data, input,
                    in);
            d.put("engine", root().engine());
            return d;
        }
    }

    /** {@code clv fit} through crm-spark. */
    @Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Fit a BTYD model to the calibration period, from the patterns counted by crm-spark.",
            description = "The options and output of 'crmkit clv fit' (--input files only).")
    static final class FitCommand extends ModelCommand {

        @Mixin
        ClvFitOptions fitOptions;

        FitCommand() {
        }

        @Override
        public Integer call() throws IOException {
            if (modelOptions.model() == ClvCommand.Model.BG_BB) {
                return fitBgBb();
            }
            if (fitOptions.holdoutEnd().isPresent()) {
                return fitWithHoldout(fitOptions.holdoutEnd().get());
            }
            if (!prepare()) {
                return CrmkitCli.EXIT_FAILED;
            }
            ClvCommand.Fitted fitted = ClvCommand.fit(modelOptions.model(), data, this);
            ClvCommand.printFit(this, fitOptions.format(), fitted, definitions("fit"), null);
            summaries.rows().unpersist();
            note(input.rejectedSummary(in));
            return CrmkitCli.EXIT_OK;
        }

        /**
         * {@code --holdout-end}: the split's counts in Spark ({@link SparkBtyd#holdout}), the fit on
         * their patterns and the scorecard from them on the driver.
         */
        private int fitWithHoldout(LocalDate holdoutEnd) throws IOException {
            if (!read()) {
                return CrmkitCli.EXIT_FAILED;
            }
            SparkLocalCli root = root();
            HoldoutCounts counts;
            try {
                counts = SparkBtyd.holdout(orders(), LocalOrders.columns(in.batch()), input.currency(in),
                        modelOptions.calibrationEnd(), holdoutEnd, input.zone(), modelOptions.unit(),
                        modelOptions.purchaseUnit(), root.partitions());
                data = counts.data();
            } catch (IllegalArgumentException e) {
                throw new CommandFailedException(e.getMessage());
            }
            customers = Math.toIntExact(counts.customers());
            ClvCommand.Fitted fitted = ClvCommand.fit(modelOptions.model(), data, this);
            Definitions d = ClvCommand.definitions("fit", modelOptions, modelOptions.calibration(input, in), customers,
                    data, input, in);
            d.put("engine", root.engine());
            ClvCommand.printFit(this, fitOptions.format(), fitted, d,
                    HoldoutScorecard.evaluate(fitted.model(), counts));
            note(input.rejectedSummary(in));
            return CrmkitCli.EXIT_OK;
        }

        /** {@code --model bg-bb}: the opportunities counted in Spark ({@link SparkBtyd#bgBb}), fitted on the driver. */
        private int fitBgBb() throws IOException {
            if (fitOptions.holdoutEnd().isPresent()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--holdout-end is not available for bg-bb");
            }
            if (!read()) {
                return CrmkitCli.EXIT_FAILED;
            }
            SparkLocalCli root = root();
            PurchaseHistoryOptions options = ClvCommand.bgBbOptions(modelOptions, input, in);
            BgBbData opportunities = SparkBtyd.bgBb(orders(), LocalOrders.columns(in.batch()), options,
                    modelOptions.unit(), root.partitions());
            BgBbModel m = ClvCommand.fitBgBb(this, opportunities);
            Definitions d = ClvCommand.bgBbDefinitions(opportunities, options, modelOptions, input, in);
            d.put("engine", root.engine());
            ClvCommand.printBgBbFit(this, fitOptions.format(), m, d);
            note(input.rejectedSummary(in));
            return CrmkitCli.EXIT_OK;
        }
    }

    /** {@code clv predict} through crm-spark. */
    @Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Value every customer in Spark: P(alive), expected transactions and spend, discounted CLV.",
            description = "The options and output of 'crmkit clv predict' (--input files only).")
    static final class PredictCommand extends ModelCommand {

        @Mixin
        ClvPredictOptions predictOptions;

        PredictCommand() {
        }

        @Override
        public Integer call() throws IOException {
            LifetimeValue.Settings settings = predictOptions.settings();
            PredictionIntervals.Options intervalOptions = predictOptions.intervals().orElse(null);
            boolean gammaGamma = predictOptions.gammaGamma();
            if (!prepare()) {
                return CrmkitCli.EXIT_FAILED;
            }
            ClvCommand.Fitted fitted = ClvCommand.fit(modelOptions.model(), data, this);
            TransactionModel m = fitted.model();
            ClvCommand.Spend spend = ClvCommand.spend(this, gammaGamma, () -> SparkBtyd.fitSpend(summaries));
            List<Row> rows;
            List<Row> intervalRows = null;
            try {
                rows = SparkBtyd.values(summaries, m, spend.model(), settings).collectAsList();
                if (intervalOptions != null) {
                    intervalRows = SparkBtyd.intervals(summaries, m, spend.model(), settings, intervalOptions)
                            .collectAsList();
                }
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new CommandFailedException(e.getMessage());
            }
            List<CustomerValue> values = new ArrayList<>(rows.size());
            for (Row r : rows) {
                values.add(new CustomerValue(CustomerId.of(r.getString(0)), r.getInt(1), r.getDouble(2),
                        r.getDouble(3), r.getDouble(4), r.getDouble(5),
                        r.isNullAt(6) ? OptionalDouble.empty() : OptionalDouble.of(r.getDouble(6)),
                        r.isNullAt(7) ? OptionalDouble.empty() : OptionalDouble.of(r.getDouble(7))));
            }
            // the single-machine order: the summaries' customer identifier order
            values.sort(Comparator.comparing(CustomerValue::customerId));
            List<PredictionIntervals.Bounds> bounds = intervalRows == null ? null : bounds(intervalRows, values);
            Definitions d = definitions("predict");
            ClvCommand.describePrediction(d, fitted, spend, settings, intervalOptions);
            ResultWriter.write(predictOptions.format(), d, ClvCommand.predictionRows(values, bounds), out(), err());
            summaries.rows().unpersist();
            note(input.rejectedSummary(in));
            return CrmkitCli.EXIT_OK;
        }
    }

    /** The interval rows in the order of the values (one per customer). */
    private static List<PredictionIntervals.Bounds> bounds(List<Row> rows, List<CustomerValue> values) {
        java.util.Map<String, PredictionIntervals.Bounds> byId = new java.util.HashMap<>(rows.size() * 2);
        for (Row r : rows) {
            byId.put(r.getString(0), new PredictionIntervals.Bounds(r.getDouble(1), r.getDouble(2),
                    r.isNullAt(3) ? OptionalDouble.empty() : OptionalDouble.of(r.getDouble(3)),
                    r.isNullAt(4) ? OptionalDouble.empty() : OptionalDouble.of(r.getDouble(4))));
        }
        List<PredictionIntervals.Bounds> out = new ArrayList<>(values.size());
        for (CustomerValue v : values) {
            out.add(java.util.Objects.requireNonNull(byId.get(v.customerId().value()), "bounds of a customer"));
        }
        return out;
    }
}
