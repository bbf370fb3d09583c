package io.crmkit.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.OutputFormat;
import io.crmkit.cli.output.ResultRows;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.metrics.clv.BgBbData;
import io.crmkit.metrics.clv.BgBbModel;
import io.crmkit.metrics.clv.BgNbdModel;
import io.crmkit.metrics.clv.BtydData;
import io.crmkit.metrics.clv.CalibrationHoldout;
import io.crmkit.metrics.clv.CustomerValue;
import io.crmkit.metrics.clv.Estimate;
import io.crmkit.metrics.clv.FitBoundary;
import io.crmkit.metrics.clv.FitOptions;
import io.crmkit.metrics.clv.FitReport;
import io.crmkit.metrics.clv.FitStatus;
import io.crmkit.metrics.clv.GammaGammaModel;
import io.crmkit.metrics.clv.HoldoutScorecard;
import io.crmkit.metrics.clv.LifetimeValue;
import io.crmkit.metrics.clv.MbgNbdModel;
import io.crmkit.metrics.clv.ModelFit;
import io.crmkit.metrics.clv.ModelFitException;
import io.crmkit.metrics.clv.NbdModel;
import io.crmkit.metrics.clv.ParetoNbdModel;
import io.crmkit.metrics.clv.PredictionIntervals;
import io.crmkit.metrics.clv.TransactionModel;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code crmkit clv}: fits a "buy till you die" model (BG/NBD, MBG/NBD or Pareto/NBD) to the
 * calibration period of an order file ({@code fit}, with a holdout scorecard when a holdout end is
 * given) and values every customer ({@code predict}: P(alive), expected transactions and spend,
 * discounted CLV). Same-day purchases are one transaction (the CDNOW convention); durations are in
 * the model's unit and horizons are converted to it, never assumed.
 */
@Command(name = "clv", mixinStandardHelpOptions = true,
        header = "Customer lifetime value: fit a BTYD model, score it on a holdout, value every customer.",
        subcommands = {ClvCommand.FitCommand.class, ClvCommand.PredictCommand.class, SbgCommand.class})
public final class ClvCommand implements Runnable {

    /**
     * Creates the command group.
     */
    public ClvCommand() {
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "name fit or predict");
    }

    /**
     * The transaction models the CLI offers (public so that the Spark local jar's {@code clv} takes
     * and fits the same models).
     */
    public enum Model {
        /** BG/NBD (Fader, Hardie and Lee 2005). */
        BG_NBD(BgNbdModel.NAME),
        /** MBG/NBD (Batislam, Denizel and Filiztekin 2007). */
        MBG_NBD(MbgNbdModel.NAME),
        /** Pareto/NBD (Schmittlein, Morrison and Colombo 1987). */
        PARETO_NBD(ParetoNbdModel.NAME),
        /** NBD: purchases without drop-out, the nested model of the three above. */
        NBD(NbdModel.NAME),
        /** BG/BB (Fader, Hardie and Shang 2010): discrete opportunities, {@code clv fit} only. */
        BG_BB(BgBbModel.NAME);

        final String label;

        Model(String label) {
            this.label = label;
        }

        /**
         * Returns the model's name, such as {@code "bg-nbd"}.
         *
         * @return the name, never null
         */
        public String label() {
            return label;
        }

        TransactionModel fit(BtydData data) {
            return switch (this) {
                case BG_NBD -> BgNbdModel.fit(data);
                case MBG_NBD -> MbgNbdModel.fit(data);
                case PARETO_NBD -> ParetoNbdModel.fit(data);
                case NBD -> NbdModel.fit(data);
                case BG_BB -> throw new CommandFailedException("bg-bb is a discrete-time model of transaction"
                        + " opportunities: only 'clv fit' takes it; use bg-nbd, mbg-nbd, pareto-nbd or nbd here");
            };
        }

        /**
         * Fits the model, showing progress on a terminal; at a drop-out boundary returns the nested
         * NBD fit with the boundary (and says so on stderr).
         *
         * @param data the calibration data, not null
         * @param command the command that shows progress and warnings, not null
         * @param atBoundary what happens at a drop-out boundary, for the warning, not null
         * @return the fitted model, never null
         * @throws CommandFailedException if the fit fails, or ends at a boundary with no nested model
         */
        public Fitted fitOrNested(BtydData data, CrmkitCommand command, String atBoundary) {
            try {
                return new Fitted(Fits.withProgress(command, "fitting " + label, () -> fit(data)),
                        Optional.empty());
            } catch (ModelFitException e) {
                Optional<FitBoundary> b = e.boundary();
                if (b.isPresent() && b.get().nested().isPresent()) {
                    TransactionModel nested = b.get().nested().get();
                    command.warn(e.getMessage() + "; " + atBoundary);
                    return new Fitted(nested, b);
                }
                throw new CommandFailedException(label + " did not converge: " + e.getMessage());
            }
        }
    }

    /**
     * A fitted transaction model, and the boundary that made it the nested model instead of the
     * requested one.
     *
     * @param model the model to predict with
     * @param boundary the requested model's boundary, empty when it converged
     */
    public record Fitted(TransactionModel model, Optional<FitBoundary> boundary) {
    }

    /** Accepts {@code bg-nbd} as well as {@code bg_nbd}. Stateless and thread-safe. */
    public static final class ModelConverter implements picocli.CommandLine.ITypeConverter<Model> {

        /**
         * Creates the converter; picocli does.
         */
        public ModelConverter() {
        }

        @Override
        public Model convert(String value) {
            return Model.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** What {@code fit} and {@code predict} share: the input, the split and the model. */
    abstract static class ModelCommand extends CrmkitCommand {

        @Mixin
        OrderInputOptions input;

        @Mixin
        ClvModelOptions modelOptions;

        OrderFile in;
        PurchaseSummaries calibration;
        BtydData data;
        CalibrationHoldout split;

        /** Reads the file and summarises the calibration period (and splits off the holdout). */
        boolean prepare(LocalDate holdoutEnd) throws IOException {
            in = input.read(this);
            if (input.failsStrict(this, in)) {
                return false;
            }
            if (holdoutEnd != null) {
                split = CalibrationHoldout.split(in.batch(), modelOptions.calibrationEnd(), holdoutEnd,
                        input.zone(), modelOptions.unit(), modelOptions.purchaseUnit());
                calibration = split.calibration();
                data = split.data();
            } else {
                calibration = PurchaseHistory.summarize(in.batch(), modelOptions.calibration(input, in));
                data = BtydData.of(calibration.btyd());
            }
            return true;
        }

        Fitted fitModel() {
            return fit(modelOptions.model(), data, this);
        }

        Definitions definitions(String command) {
            // the model options' definitions, the currency of the input included (a holdout split
            // summarises the same purchases without being told the currency)
            return ClvCommand.definitions(command, modelOptions, modelOptions.calibration(input, in),
                    calibration.size(), data, input, in);
        }
    }

    /**
     * Fits the transaction model of {@code clv fit} and {@code clv predict} to calibration data, as
     * they do: with progress on a terminal, and the nested NBD fit (with a warning) when the model's
     * fit ends at the drop-out boundary. Shared with the Spark local jar's {@code clv}, which counts
     * the patterns in Spark.
     *
     * @param model the model, not null
     * @param data the calibration data, not null
     * @param command the command that shows progress and warnings, not null
     * @return the fitted model, never null
     * @throws CommandFailedException if the fit fails
     */
    public static Fitted fit(Model model, BtydData data, CrmkitCommand command) {
        return model.fitOrNested(data, command, "using the nested " + NbdModel.NAME
                + " fit (no drop-out: P(alive) = 1 for every customer)");
    }

    /**
     * The definitions of {@code clv fit --model bg-bb}'s opportunities: the calibration end of the
     * model options (end of that day, in the input's zone and currency); its purchase and time units
     * do not apply (one opportunity is one calendar period of {@code --unit}).
     *
     * @param model the model options, not null
     * @param input the input options, not null
     * @param in the orders read, not null
     * @return the options, never null
     */
    public static PurchaseHistoryOptions bgBbOptions(ClvModelOptions model, OrderInputOptions input, OrderFile in) {
        return PurchaseHistoryOptions.builder(io.crmkit.core.history.AsOf.endOfDay(model.calibrationEnd()))
                .zone(input.zone()).currency(input.currency(in)).build();
    }

    /**
     * Fits BG/BB as {@code clv fit --model bg-bb} does (with progress on a terminal). Shared with the
     * Spark local jar, which counts the opportunities in Spark.
     *
     * @param command the command that shows progress, not null
     * @param data the opportunities, not null
     * @return the fitted model, never null
     * @throws CommandFailedException if the fit fails or no customer has an opportunity
     */
    public static BgBbModel fitBgBb(CrmkitCommand command, BgBbData data) {
        try {
            return Fits.withProgress(command, "fitting bg-bb", () -> data.fit(FitOptions.defaults()));
        } catch (ModelFitException | IllegalArgumentException e) {
            throw new CommandFailedException("bg-bb: " + e.getMessage());
        }
    }

    /**
     * The definitions printed with a BG/BB fit.
     *
     * @param data the opportunities, not null
     * @param options the options of {@link #bgBbOptions}, not null
     * @param model the model options, not null
     * @param input the input options, not null
     * @param in the orders read, not null
     * @return the definitions, never null
     */
    public static Definitions bgBbDefinitions(BgBbData data, PurchaseHistoryOptions options, ClvModelOptions model,
            OrderInputOptions input, OrderFile in) {
        PeriodUnit unit = model.unit();
        Definitions d = new Definitions();
        d.put("command", "clv fit");
        d.put("model", BgBbModel.NAME);
        d.put("opportunity", "one calendar " + unit.singular()
                + " in " + input.zone() + " after the customer's first purchase period, up to the one holding "
                + model.calibrationEnd() + "; a period with a counted purchase (" + options.describe() + ") is a"
                + " transaction");
        d.put("customers", data.customers());
        d.put("customers_without_opportunities", data.withoutOpportunities());
        d.put("patterns", data.patternCount());
        input.describeInput(d, in);
        return d;
    }

    /**
     * Prints a BG/BB fit as {@code clv fit --model bg-bb} does: with {@code --format json} one
     * document (the model, parameters, standard errors, fit statistics and definitions), otherwise the
     * definitions and a row per parameter.
     *
     * @param command the command whose output to write, not null
     * @param format the output format, not null
     * @param m the fitted model, not null
     * @param d the definitions, not null
     * @throws IOException if writing fails
     */
    public static void printBgBbFit(CrmkitCommand command, OutputFormat format, BgBbModel m, Definitions d)
            throws IOException {
        ModelFit fit = m.fit().orElseThrow();
        if (format == OutputFormat.JSON) {
            Map<String, Object> doc = FitCommand.fitDocument(BgBbModel.NAME, m.parameters(), fit);
            doc.put("definitions", d.entries());
            command.out().println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(doc));
            command.out().flush();
        } else {
            d.put("log_likelihood", fit.logLikelihood());
            d.put("converged", fit.report().converged());
            ListRows rows = new ListRows(List.of(Column.text("param"), Column.number("value", 6),
                    Column.number("standard_error", 6)));
            for (Estimate e : m.parameters()) {
                rows.add(e.name(), e.value(), KpiCommand.cell(e.standardError()));
            }
            ResultWriter.write(format, d, rows, command.out(), command.err());
        }
    }

    /**
     * The definitions printed with {@code clv fit} and {@code clv predict} results.
     *
     * @param command {@code "fit"} or {@code "predict"}, not null
     * @param model the model options (the model asked for, its unit and purchase unit), not null
     * @param history the options of the calibration summaries, not null
     * @param customers the customers of the calibration period, not negative
     * @param data the calibration data, not null
     * @param input the input options, not null
     * @param in the orders read, not null
     * @return the definitions, never null
     */
    public static Definitions definitions(String command, ClvModelOptions model, PurchaseHistoryOptions history,
            int customers, BtydData data, OrderInputOptions input, OrderFile in) {
        Definitions d = new Definitions();
        d.put("command", "clv " + command);
        d.put("model", model.model().label);
        d.put("purchase_unit", KpiCommand.lower(model.purchaseUnit()));
        d.put("purchase_history", history.describe());
        d.put("unit", KpiCommand.lower(model.unit()));
        d.put("customers", customers);
        d.put("patterns", data.patternCount());
        input.describeInput(d, in);
        return d;
    }

    /**
     * Prints a fit as {@code clv fit} does: with {@code --format json} one document (the model, or
     * the boundary and the nested model, the holdout scorecard and the definitions), otherwise the
     * parameter rows with the rest in the definitions. Shared with the Spark local jar's
     * {@code clv fit}.
     *
     * @param command the command whose stdout and stderr are written, not null
     * @param format the output format, not null
     * @param fitted the fitted model, not null
     * @param d the definitions, not null
     * @param scorecard the holdout scorecard, or null without a holdout
     * @throws IOException if writing fails
     */
    public static void printFit(CrmkitCommand command, OutputFormat format, Fitted fitted, Definitions d,
            HoldoutScorecard scorecard) throws IOException {
        TransactionModel m = fitted.model();
        ModelFit fit = m.fit().orElseThrow();
        FitReport report = fit.report();
        if (format == OutputFormat.JSON) {
            Map<String, Object> doc = new LinkedHashMap<>();
            if (fitted.boundary().isPresent()) {
                FitBoundary b = fitted.boundary().get();
                doc.put("model", b.model());
                doc.put("params", FitCommand.params(b.atEdge()));
                doc.put("standardErrors", FitCommand.errors(b.atEdge()));
                doc.put("standardErrorNote", "no standard errors at the boundary: the likelihood still rises"
                        + " towards the edge of the parameter space");
                doc.put("logLikelihood", b.logLikelihood());
                doc.put("converged", false);
                doc.put("status", FitStatus.BOUNDARY.toString());
                Map<String, Object> boundary = new LinkedHashMap<>();
                boundary.put("parameter", b.parameter());
                boundary.put("explanation", b.explanation());
                doc.put("boundary", boundary);
                doc.put("nested", FitCommand.modelDocument(m, fit));
            } else {
                doc.putAll(FitCommand.modelDocument(m, fit));
            }
            if (scorecard != null) {
                doc.put("holdout", scorecard);
            }
            doc.put("definitions", d.entries());
            command.out().println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(doc));
            command.out().flush();
        } else {
            fitted.boundary().ifPresent(b -> {
                d.put("requested_model", b.model());
                d.put("requested_model_status", FitStatus.BOUNDARY.toString());
                d.put("boundary", b.parameter() + ": " + b.explanation());
            });
            d.put("model_printed", m.name());
            d.put("log_likelihood", fit.logLikelihood());
            d.put("converged", report.converged());
            d.put("iterations", report.iterations());
            if (!fit.standardErrorNote().isEmpty()) {
                d.put("standard_error_note", fit.standardErrorNote());
            }
            if (scorecard != null) {
                d.put("holdout_mae", scorecard.mae());
                d.put("holdout_rmse", scorecard.rmse());
                d.put("holdout_actual_total", scorecard.actualTotal());
                d.put("holdout_expected_total", scorecard.expectedTotal());
            }
            ListRows rows = new ListRows(List.of(Column.text("param"), Column.number("value", 6),
                    Column.number("standard_error", 6)));
            for (Estimate e : m.parameters()) {
                rows.add(e.name(), e.value(), KpiCommand.cell(e.standardError()));
            }
            ResultWriter.write(format, d, rows, command.out(), command.err());
    }
    }

    /** {@code crmkit clv fit}. */
    @Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Fit a BTYD model to the calibration period; with --holdout-end, score it on the holdout.",
            description = "--format json (default) prints one document with model, params, standardErrors,"
                + " logLikelihood, aic, bic, converged, iterations, definitions and, with a holdout, the scorecard"
                + " (MAE, RMSE, bias, actual vs expected by calibration frequency, cumulative tracking).")
    static final class FitCommand extends ModelCommand {

        @Mixin
        ClvFitOptions fitOptions;

        @Override
        public Integer call() throws IOException {
            if (modelOptions.model() == Model.BG_BB) {
                return fitBgBb();
            }
            if (!prepare(fitOptions.holdoutEnd().orElse(null))) {
                return CrmkitCli.EXIT_FAILED;
            }
            Fitted fitted = fitModel();
            Definitions d = definitions("fit");
            HoldoutScorecard scorecard = split == null ? null : HoldoutScorecard.evaluate(fitted.model(), split);
            printFit(this, fitOptions.format(), fitted, d, scorecard);
            note(input.rejectedSummary(in));
            return CrmkitCli.EXIT_OK;
        }

        /** {@code clv fit --model bg-bb}: opportunities are calendar periods of --unit. */
        private int fitBgBb() throws IOException {
            if (fitOptions.holdoutEnd().isPresent()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--holdout-end is not available for bg-bb");
            }
            in = input.read(this);
            if (input.failsStrict(this, in)) {
                return CrmkitCli.EXIT_FAILED;
            }
            PurchaseHistoryOptions options = bgBbOptions(modelOptions, input, in);
            BgBbData data = BgBbData.of(in.batch(), options, modelOptions.unit());
            BgBbModel m = ClvCommand.fitBgBb(this, data);
            printBgBbFit(this, fitOptions.format(), m, bgBbDefinitions(data, options, modelOptions, input, in));
            note(input.rejectedSummary(in));
            return CrmkitCli.EXIT_OK;
        }

        private static Map<String, Object> params(List<Estimate> estimates) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (Estimate e : estimates) {
                params.put(e.name(), e.value());
            }
            return params;
        }

        private static Map<String, Object> errors(List<Estimate> estimates) {
            Map<String, Object> errors = new LinkedHashMap<>();
            for (Estimate e : estimates) {
                errors.put(e.name(), e.standardError().isPresent() ? e.standardError().getAsDouble() : null);
            }
            return errors;
        }

        /** model, params, standardErrors, logLikelihood, aic, bic, converged, status, iterations, gradientNorm. */
        private static Map<String, Object> modelDocument(TransactionModel m, ModelFit fit) {
            Map<String, Object> doc = fitDocument(m.name(), m.parameters(), fit);
            doc.put("gradientNorm", fit.report().gradientNorm());
            return doc;
        }

        /** model, params, standardErrors (and their note), logLikelihood, aic, bic, converged, status, iterations. */
        private static Map<String, Object> fitDocument(String model, List<Estimate> parameters, ModelFit fit) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", model);
            doc.put("params", params(parameters));
            doc.put("standardErrors", errors(parameters));
            if (!fit.standardErrorNote().isEmpty()) {
                doc.put("standardErrorNote", fit.standardErrorNote());
            }
            doc.put("logLikelihood", fit.logLikelihood());
            doc.put("aic", fit.aic());
            doc.put("bic", fit.bic());
            doc.put("converged", fit.report().converged());
            doc.put("status", fit.report().status().toString());
            doc.put("iterations", fit.report().iterations());
            return doc;
        }
    }

    /** {@code crmkit clv predict}. */
    @Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
            header = "Value every customer: P(alive), expected transactions and spend, discounted CLV.",
            description = "Per customer: customer_id, x, t_x, T (in --unit), p_alive, expected_transactions (over"
                + " --horizon), expected_spend (Gamma-Gamma, per transaction), clv = discounted expected margin over"
                + " the horizon.")
    static final class PredictCommand extends ModelCommand {

        @Mixin
        ClvPredictOptions predictOptions;

        @Override
        public Integer call() throws IOException {
            LifetimeValue.Settings settings = predictOptions.settings();
            PredictionIntervals.Options intervalOptions = predictOptions.intervals().orElse(null);
            boolean gammaGamma = predictOptions.gammaGamma();
            if (!prepare(null)) {
                return CrmkitCli.EXIT_FAILED;
            }
            Fitted fitted = fitModel();
            TransactionModel m = fitted.model();
            BtydView view = calibration.btyd(modelOptions.unit());
            Spend fittedSpend = spend(this, gammaGamma, () -> GammaGammaModel.fit(view));
            Optional<GammaGammaModel> spend = fittedSpend.model();
            List<CustomerValue> values;
            List<PredictionIntervals.Bounds> bounds = null;
            try {
                values = CustomerValue.of(m, spend, view, settings);
                if (intervalOptions != null) {
                    PredictionIntervals.Options o = intervalOptions;
                    Optional<GammaGammaModel> s = spend;
                    bounds = Fits.withProgress(this, "bootstrapping intervals",
                            () -> PredictionIntervals.bootstrap(m, s, view, settings, o));
                }
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new CommandFailedException(e.getMessage());
            }
            Definitions d = definitions("predict");
            describePrediction(d, fitted, fittedSpend, settings, intervalOptions);
            ResultWriter.write(predictOptions.format(), d, predictionRows(values, bounds), out(), err());
            note(input.rejectedSummary(in));
            return CrmkitCli.EXIT_OK;
        }
    }

    /**
     * The spend model of a prediction and what the definitions say about it.
     *
     * @param model the fitted Gamma-Gamma model, empty for none, not null
     * @param note the {@code spend_model} definition, not null
     */
    public record Spend(Optional<GammaGammaModel> model, String note) {
    }

    /**
     * Fits the spend model as {@code clv predict} does: none when not asked for; when the
     * Gamma-Gamma fit fails, none with a warning that says why.
     *
     * @param command the command that shows progress and warnings, not null
     * @param gammaGamma whether the Gamma-Gamma model is asked for
     * @param fit the fit (on the driver's or the file's data), not null
     * @return the spend model, never null
     */
    public static Spend spend(CrmkitCommand command, boolean gammaGamma, java.util.function.Supplier<GammaGammaModel> fit) {
        if (!gammaGamma) {
            return new Spend(Optional.empty(), "none (--spend-model none): expected_spend and clv are empty");
        }
        try {
            return new Spend(Optional.of(Fits.withProgress(command, "fitting gamma-gamma", fit)), "gamma-gamma");
        } catch (ModelFitException | IllegalArgumentException e) {
            String note = "none: the gamma-gamma spend model cannot be fitted (" + e.getMessage()
                    + "); expected_spend and clv are empty";
            command.warn(note);
            return new Spend(Optional.empty(), note);
        }
    }

    /**
     * Adds what {@code clv predict} prints about its models and settings to the definitions.
     *
     * @param d the definitions, not null
     * @param fitted the transaction model, not null
     * @param spend the spend model, not null
     * @param settings the CLV settings, not null
     * @param intervals the interval options, or null without intervals
     */
    public static void describePrediction(Definitions d, Fitted fitted, Spend spend, LifetimeValue.Settings settings,
            PredictionIntervals.Options intervals) {
        TransactionModel m = fitted.model();
        fitted.boundary().ifPresent(b -> {
            d.put("requested_model", b.model());
            d.put("requested_model_status", FitStatus.BOUNDARY.toString());
            d.put("boundary", b.parameter() + ": " + b.explanation());
        });
        d.put("model_used", m.name());
        d.put("spend_model", spend.note());
        if (intervals != null) {
            d.put("intervals", intervals.describe());
        }
        if (spend.model().isPresent()) {
            d.put("clv", settings.describe() + "; margin applied to expected spend per transaction");
        }
        for (Estimate e : m.parameters()) {
            d.put(m.name() + "_" + e.name(), e.value());
        }
        if (spend.model().isPresent()) {
            for (Estimate e : spend.model().get().parameters()) {
                d.put("gamma_gamma_" + e.name(), e.value());
            }
        }
    }

    /**
     * The result rows of {@code clv predict}: customer_id, x, t_x, T, p_alive,
     * expected_transactions, expected_spend, clv, and the four interval bounds when there are
     * intervals.
     *
     * @param values the customers' values, in the order to print, not null
     * @param bounds their interval bounds in the same order, or null without intervals
     * @return the rows (a view of the lists), never null
     */
    public static ResultRows predictionRows(List<CustomerValue> values, List<PredictionIntervals.Bounds> bounds) {
        List<Column> base = List.of(Column.text("customer_id"), Column.number("x", 0), Column.number("t_x", 2),
                Column.number("T", 2), Column.number("p_alive", 4), Column.number("expected_transactions", 4),
                Column.number("expected_spend", 2), Column.number("clv", 2));
        List<Column> columns = bounds == null ? base : java.util.stream.Stream.concat(base.stream(), java.util.stream.Stream.of(
                Column.number("expected_transactions_lower", 4), Column.number("expected_transactions_upper", 4),
                Column.number("clv_lower", 2), Column.number("clv_upper", 2))).toList();
        return new ResultRows() {
            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public int size() {
                return values.size();
            }

            @Override
            public Object value(int row, int column) {
                CustomerValue v = values.get(row);
                return switch (column) {
                    case 0 -> v.customerId().value();
                    case 1 -> v.x();
                    case 2 -> v.tx();
                    case 3 -> v.bigT();
                    case 4 -> v.probabilityAlive();
                    case 5 -> v.expectedTransactions();
                    case 6 -> KpiCommand.cell(v.expectedSpend());
                    case 7 -> KpiCommand.cell(v.clv());
                    case 8 -> bounds.get(row).transactionsLower();
                    case 9 -> bounds.get(row).transactionsUpper();
                    case 10 -> KpiCommand.cell(bounds.get(row).clvLower());
                    case 11 -> KpiCommand.cell(bounds.get(row).clvUpper());
                    default -> throw new IndexOutOfBoundsException("column " + column);
                };
            }

            @Override
            public boolean concurrentReads() {
                return true; // reads the two lists only, which nothing changes while they are printed
            }
        };
    }
}
