package io.crmkit.cli;

import io.crmkit.core.history.PeriodUnit;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.OutputFormat;
import io.crmkit.cli.output.ResultRows;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.metrics.clv.Horizon;
import io.crmkit.metrics.clv.ModelFitException;
import io.crmkit.segmentation.lifecycle.ChurnBacktest;
import io.crmkit.segmentation.lifecycle.ChurnBacktestReport;
import io.crmkit.segmentation.lifecycle.ChurnFeature;
import io.crmkit.segmentation.lifecycle.ChurnModel;
import io.crmkit.segmentation.lifecycle.ChurnModelOptions;
import io.crmkit.segmentation.lifecycle.ChurnProbability;
import io.crmkit.segmentation.lifecycle.ChurnRisk;
import io.crmkit.segmentation.lifecycle.ChurnRiskReport;
import io.crmkit.segmentation.lifecycle.ChurnScore;
import io.crmkit.segmentation.lifecycle.ChurnScores;
import io.crmkit.segmentation.lifecycle.ChurnWarning;
import io.crmkit.segmentation.lifecycle.EngagementHistory;
import io.crmkit.segmentation.lifecycle.RhythmOptions;
import io.crmkit.segmentation.lifecycle.ProbabilityLevels;
import io.crmkit.segmentation.lifecycle.RiskLevel;
import io.crmkit.segmentation.lifecycle.WarningOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crmkit churn-risk}: with {@code --horizon}, the fitted churn probability of every
 * customer of an order file (P(no purchase in the horizon), trained on the file's own past, with
 * its reasons), or with {@code --backtest} its backtest at past dates; without {@code --horizon},
 * the signal-count warning of issue 6, ranked by level and value at risk. Complaint and survey
 * evidence needs service data that an order file does not hold; the library takes it.
 */
@Command(name = "churn-risk", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Churn early warning: churn probability per customer with its reasons, or the signal warning.",
        description = {"With --horizon: prints for every customer who bought on or before --as-of, ranked by"
            + " probability then value at risk: customer_id, churn_probability (P(no purchase in the horizon)),"
            + " level (cut-offs on the probability, --levels), value_at_risk (past revenue), reasons (each"
            + " feature's contribution to the probability against the base, largest first; they add up to"
            + " probability - base). The probability is a logistic regression fitted on the file's own past:"
            + " at --as-of minus the horizon, who then did not buy within the horizon, on the logit of the"
            + " transaction model's P(no purchase in the horizon) and the signals.",
            "With --horizon and --backtest: AUC, Brier, precision and recall at k of the probability and of the"
                + " baselines (days since the last purchase, 1 - P(alive), the model alone), overall and among the"
                + " customers active in the last --active-days, and decile calibration on stderr.",
            "Without --horizon (the signal-count warning): prints per customer with at least one signal, ranked by"
                + " level then value at risk: customer_id, level, signals, value_at_risk, reasons. Signals from"
                + " orders: overdue, frequency and monetary decline, and optionally P(alive); with --cases, rising"
                + " complaints; with --surveys, low and falling satisfaction."})
public final class ChurnRiskCommand extends CrmkitCommand {

    @Mixin
    private OrderInputOptions input;

    @Mixin
    private PurchaseUnitOption purchaseUnit;

    @Option(names = "--as-of", order = 10, required = true, paramLabel = "DATE",
            description = "Last day of history (required: never 'today'); later purchases are ignored.")
    private LocalDate asOf;

    @Option(names = "--horizon", order = 11, paramLabel = "N{d|w|m|y}",
            description = "Churn = no purchase in this horizon after --as-of; switches to the fitted churn probability"
                + " (for example 26w). Converted to whole days (rounded; stated).")
    private String horizon;

    @Option(names = "--model", order = 12, paramLabel = "pareto-nbd|bg-nbd|mbg-nbd|nbd", defaultValue = "pareto-nbd",
            description = "With --horizon: the transaction model whose P(no purchase in the horizon) is the first"
                + " feature, fitted in weeks to the history up to --as-of. Default: ${DEFAULT-VALUE}.")
    private String churnModel;

    @Option(names = "--ridge", order = 13, paramLabel = "L", defaultValue = "1",
            description = "With --horizon: L2 penalty on the standardised coefficients. Default: ${DEFAULT-VALUE}.")
    private double ridge;

    @Option(names = "--levels", order = 14, paramLabel = "LOW,MEDIUM,HIGH", defaultValue = "0.5,0.7,0.85",
            description = "With --horizon: probability cut-offs of the levels low, medium, high. Default:"
                + " ${DEFAULT-VALUE}.")
    private String levels;

    @Option(names = "--training-as-of", order = 15, paramLabel = "DATE",
            description = "With --horizon: the date the regression is trained at (its horizon must end by --as-of)."
                + " Default: --as-of minus the horizon.")
    private LocalDate trainingAsOf;

    @Option(names = "--backtest", order = 16, paramLabel = "DATE[,DATE...]", split = ",",
            description = "With --horizon: backtest at these past as-of dates instead of scoring (each date plus the"
                + " horizon must be on or before --as-of).")
    private List<LocalDate> backtest;

    @Option(names = "--active-days", order = 17, paramLabel = "DAYS", defaultValue = "90",
            description = "With --backtest: customers with a purchase in these last days are 'active'. Default:"
                + " ${DEFAULT-VALUE}.")
    private int activeDays;

    @Option(names = "--top-share", order = 18, paramLabel = "SHARE", defaultValue = "0.1",
            description = "With --backtest: k of precision and recall at k, as a share of the customers. Default:"
                + " ${DEFAULT-VALUE}.")
    private double topShare;

    @Option(names = "--overdue-factor", order = 21, paramLabel = "F", defaultValue = "2",
            description = "Without --horizon: overdue at F times the customer's rhythm; 0 switches the signal off."
                + " Default: ${DEFAULT-VALUE}.")
    private double overdueFactor;

    @Option(names = "--min-gaps", order = 22, paramLabel = "N", defaultValue = "2",
            description = "Gaps a customer needs for their own median gap to be their rhythm (else the population"
                + " median gap). Default: ${DEFAULT-VALUE}.")
    private int minGaps;

    @Option(names = "--window-days", order = 23, paramLabel = "DAYS", defaultValue = "90",
            description = "Length of the two decline windows ending on --as-of; 0 switches decline off (with"
                + " --horizon: the decline features are not offered)."
                + " Default: ${DEFAULT-VALUE}.")
    private int windowDays;

    @Option(names = "--decline", order = 24, paramLabel = "SHARE", defaultValue = "0.5",
            description = "Drop in purchase days and in revenue that raises a decline signal. Default: ${DEFAULT-VALUE}.")
    private double decline;

    @Option(names = "--min-previous", order = 25, paramLabel = "N", defaultValue = "2",
            description = "Purchase days needed in the earlier window for decline signals. Default: ${DEFAULT-VALUE}.")
    private int minPrevious;

    @Option(names = "--p-alive-model", order = 26, paramLabel = "bg-nbd|mbg-nbd|pareto-nbd",
            converter = ClvCommand.ModelConverter.class,
            description = {"Add the P(alive) signal under this model, fitted in weeks to the history up to --as-of."
                + " When the fit ends at the drop-out boundary (no drop-out visible), a warning says so and the"
                + " signal stays off."})
    private ClvCommand.Model model;

    @Option(names = "--p-alive-below", order = 27, paramLabel = "P", defaultValue = "0.5",
            description = "P(alive) below which the signal is raised. Default: ${DEFAULT-VALUE}.")
    private double aliveThreshold;

    @Option(names = "--medium-at", order = 28, paramLabel = "N", defaultValue = "2",
            description = "Signals for level medium. Default: ${DEFAULT-VALUE}.")
    private int mediumAt;

    @Option(names = "--high-at", order = 29, paramLabel = "N", defaultValue = "3",
            description = "Signals for level high. Default: ${DEFAULT-VALUE}.")
    private int highAt;

    @Option(names = "--min-level", order = 30, paramLabel = "none|low|medium|high",
            description = "Lowest level printed. Default: none (every customer) with --horizon, low without.")
    private String minLevel;

    @Option(names = "--format", order = 31, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Option(names = "--cases", order = 32, paramLabel = "FILE",
            description = "Service cases (CSV, as for 'crmkit service'): complaint cases give the complaint signal"
                + " (without --horizon) or the complaints feature (with --horizon).")
    private java.nio.file.Path casesFile;

    @Option(names = "--surveys", order = 33, paramLabel = "FILE",
            description = "Survey responses (CSV, as for 'crmkit surveys'): low or falling scores give the"
                + " satisfaction signals (without --horizon) or the dissatisfaction feature (with --horizon).")
    private java.nio.file.Path surveysFile;

    private EngagementFiles evidence = EngagementFiles.NONE;
    private EngagementHistory engagement = EngagementHistory.none();

    /**
     * Creates the command; picocli fills its options.
     */
    public ChurnRiskCommand() {
    }

    @Override
    public Integer call() throws IOException {
        if (horizon != null) {
            return probability();
        }
        for (String o : List.of("--model", "--ridge", "--levels", "--training-as-of", "--backtest", "--active-days",
                "--top-share")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new CommandFailedException(o + " applies to the churn probability: add --horizon");
            }
        }
        RiskLevel lowest = level(RiskLevel.LOW);
        WarningOptions.Builder builder;
        try {
            builder = WarningOptions.builder(asOf)
                    .overdue(overdueFactor == 0 ? Optional.empty() : Optional.of(new WarningOptions.Overdue(
                            overdueFactor, new RhythmOptions(minGaps, 0.5, 30))))
                    .decline(windowDays == 0 ? Optional.empty() : Optional.of(new WarningOptions.Decline(windowDays,
                            decline, decline, minPrevious)))
                    .levels(new WarningOptions.Levels(mediumAt, highAt));
            // the complaint and satisfaction signals keep the library's defaults when their file is given
            if (casesFile == null) {
                builder.complaints(Optional.empty());
            }
            if (surveysFile == null) {
                builder.satisfaction(Optional.empty());
            }
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
        LifecycleInput data = LifecycleInput.read(this, input, purchaseUnit, asOf);
        if (data == null || !readEvidence()) {
            return CrmkitCli.EXIT_FAILED;
        }
        String aliveSignal = "off (no --p-alive-model)";
        if (model != null) {
            ClvCommand.Fitted fitted;
            try {
                fitted = model.fitOrNested(data.timelines.btyd(asOf, PeriodUnit.WEEKS), this,
                        "the P(alive) signal is off: P(alive) would be 1 for every customer and the signal could"
                            + " never fire");
            } catch (IllegalArgumentException e) {
                throw new CommandFailedException(model.label + ": " + e.getMessage());
            }
            if (fitted.boundary().isPresent()) {
                aliveSignal = "off: " + model.label + " is at the boundary (" + fitted.boundary().get().explanation()
                        + ")";
            } else {
                try {
                    builder.alive(Optional.of(new WarningOptions.Alive(fitted.model(), aliveThreshold)));
                } catch (IllegalArgumentException e) {
                    throw new CommandFailedException("--p-alive-below: " + e.getMessage());
                }
                aliveSignal = "on: " + model.label;
            }
        }
        WarningOptions options = builder.build();
        ChurnRiskReport report = ChurnWarning.score(data.timelines, engagement, options);
        Definitions d = data.definitions("churn-risk", input);
        d.put("warning", options.describe());
        evidence(d, "signals_not_available");
        d.put("p_alive_signal", aliveSignal);
        d.put("customers_assessed", report.assessed());
        Map<String, Object> levels = new LinkedHashMap<>();
        report.counts().forEach((l, n) -> levels.put(l.label(), n));
        d.put("customers_per_level", levels);
        Map<String, Object> signals = new LinkedHashMap<>();
        report.signalCounts().forEach((k, n) -> signals.put(k.label(), n));
        d.put("customers_per_signal", signals);
        d.put("printed", "level " + lowest.label() + " and above");
        ResultWriter.write(format, d, new WarningRows(report.atLeast(lowest)), out(), err());
        note(data.closing);
        return CrmkitCli.EXIT_OK;
    }

    /** Reads --cases and --surveys; false when --strict and a row was rejected (said on stderr). */
    private boolean readEvidence() throws IOException {
        evidence = EngagementFiles.read(this, casesFile, surveysFile, input.zone());
        if (input.strict() && evidence.rejected > 0) {
            note(evidence.rejected + " rows of " + String.join(", ", evidence.files.keySet())
                    + " rejected; --strict: nothing computed");
            return false;
        }
        engagement = evidence.history(input.zone());
        return true;
    }

    /** The evidence files read and the evidence missing, in the definitions. */
    private void evidence(Definitions d, String missingKey) {
        evidence.files.forEach((k, v) -> d.put(k + "_file", v));
        if (evidence.missing() != null) {
            d.put(missingKey, evidence.missing());
        }
        if (evidence.hasCases || evidence.hasSurveys) {
            d.put("customers_with_service_or_survey_evidence", engagement.customers());
        }
    }

    private RiskLevel level(RiskLevel fallback) {
        if (minLevel == null) {
            return fallback;
        }
        try {
            RiskLevel l = RiskLevel.valueOf(minLevel.trim().toUpperCase(Locale.ROOT));
            if (l != RiskLevel.NONE || fallback == RiskLevel.NONE) {
                return l;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new CommandFailedException("--min-level must be " + (fallback == RiskLevel.NONE ? "none, " : "")
                + "low, medium or high: " + minLevel);
    }

    private Integer probability() throws IOException {
        for (String o : List.of("--overdue-factor", "--decline", "--p-alive-model", "--p-alive-below", "--medium-at",
                "--high-at")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                throw new CommandFailedException(o + " applies to the signal-count warning (without --horizon); the"
                    + " churn probability fits its weights");
            }
        }
        RiskLevel lowest = level(RiskLevel.NONE);
        double days;
        try {
            days = Horizon.parse(horizon).in(PeriodUnit.DAYS);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("--horizon: " + e.getMessage());
        }
        int horizonDays = (int) Math.round(days);
        if (horizonDays < 1 || horizonDays > 3650) {
            throw new CommandFailedException("--horizon must be 1 day to 10 years: " + horizon);
        }
        if (!(ridge > 0) || Double.isInfinite(ridge)) {
            throw new CommandFailedException("--ridge must be a positive finite number (it keeps the regression"
                    + " finite when the labels separate): " + ridge);
        }
        if (trainingAsOf != null && backtest != null) {
            throw new CommandFailedException("--training-as-of does not apply with --backtest: each backtest date is"
                    + " trained at the date minus the horizon");
        }
        if (trainingAsOf != null && trainingAsOf.plusDays(horizonDays).isAfter(asOf)) {
            throw new CommandFailedException("--training-as-of " + trainingAsOf + " plus the horizon of " + horizonDays
                    + " days ends after --as-of " + asOf + ": its labels are not known");
        }
        if (activeDays <= 0) {
            throw new CommandFailedException("--active-days must be a positive number of days: " + activeDays);
        }
        if (!(topShare > 0 && topShare <= 1)) {
            throw new CommandFailedException("--top-share must be in (0, 1]: " + topShare);
        }
        ChurnModelOptions.Transactions transactions;
        try {
            transactions = ChurnModelOptions.Transactions.valueOf(churnModel.trim().toUpperCase(Locale.ROOT)
                    .replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("--model must be pareto-nbd, bg-nbd, mbg-nbd or nbd: " + churnModel);
        }
        ChurnModelOptions options;
        try {
            String[] cut = levels.split(",", -1);
            if (cut.length != 3) {
                throw new IllegalArgumentException("--levels needs three cut-offs LOW,MEDIUM,HIGH: " + levels);
            }
            ProbabilityLevels l;
            try {
                l = new ProbabilityLevels(Double.parseDouble(cut[0].trim()), Double.parseDouble(cut[1].trim()),
                        Double.parseDouble(cut[2].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--levels must be three numbers: " + levels, e);
            }
            Set<ChurnFeature> features = EnumSet.allOf(ChurnFeature.class);
            if (windowDays == 0) {
                features.remove(ChurnFeature.FREQUENCY_DECLINE);
                features.remove(ChurnFeature.MONETARY_DECLINE);
            }
            options = ChurnModelOptions.builder(asOf, horizonDays).transactions(transactions)
                    .trainingAsOf(Optional.ofNullable(trainingAsOf)).rhythm(new RhythmOptions(minGaps, 0.5, 30))
                    .decline(windowDays == 0 ? 90 : windowDays, minPrevious).features(features).ridge(ridge).levels(l)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
        LifecycleInput data = LifecycleInput.read(this, input, purchaseUnit, asOf);
        if (data == null || !readEvidence()) {
            return CrmkitCli.EXIT_FAILED;
        }
        Definitions d = data.definitions("churn-risk", input);
        d.put("horizon", horizon + " = " + horizonDays + " days" + (Math.abs(days - horizonDays) > 1e-9
                ? " (rounded from " + days + ")" : ""));
        evidence(d, "evidence_not_available");
        if (backtest != null) {
            return backtest(data, options, d);
        }
        ChurnModel model;
        try {
            model = ChurnProbability.fit(data.timelines, engagement, options);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | ModelFitException e) {
            throw new CommandFailedException("the churn probability cannot be fitted: " + e.getMessage());
        }
        ChurnScores scores;
        try {
            scores = model.score(data.timelines, engagement);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw new CommandFailedException("the churn probability cannot be computed at --as-of " + asOf + " with "
                    + model.transactionModel().name() + ": " + e.getMessage());
        }
        d.put("churn_model", model.describe());
        d.put("customers_assessed", scores.assessed());
        d.put("mean_probability", Math.round(scores.meanProbability() * 1e4) / 1e4);
        Map<String, Object> perLevel = new LinkedHashMap<>();
        scores.counts().forEach((l, n) -> perLevel.put(l.label(), n));
        d.put("customers_per_level", perLevel);
        outsideTrainingRange(scores, d);
        d.put("printed", lowest == RiskLevel.NONE ? "every customer assessed" : "level " + lowest.label()
                + " and above");
        ListRows rows = new ListRows(List.of(Column.text("customer_id"), Column.number("churn_probability", 4),
                Column.text("level"), Column.number("value_at_risk", 2), Column.text("reasons")));
        for (ChurnScore s : scores.atLeast(lowest)) {
            rows.add(s.customerId().value(), BigDecimal.valueOf(s.probability()).setScale(4, RoundingMode.HALF_EVEN),
                    s.level().label(), s.valueAtRisk().amount(), s.reasons());
        }
        ResultWriter.write(format, d, rows, out(), err());
        note(data.closing);
        return CrmkitCli.EXIT_OK;
    }

    /**
     * Share of scored customers beyond the training customers' range, per kept feature, in the
     * definitions; a warning for each feature where it reaches {@link #EXTRAPOLATED_SHARE}.
     */
    private void outsideTrainingRange(ChurnScores scores, Definitions d) {
        Map<String, Object> shares = new LinkedHashMap<>();
        scores.outsideTrainingRange().forEach((feature, share) -> {
            shares.put(feature.label(), Math.round(share * 1e4) / 1e4);
            if (share >= EXTRAPOLATED_SHARE) {
                warn(String.format(java.util.Locale.ROOT, "%.0f %% of the customers scored have %s beyond the range"
                        + " of the training customers (at the training date): their probabilities are"
                        + " extrapolated; a base of one acquisition cohort, or a short history, does this",
                        100 * share, feature.label()));
            }
        });
        d.put("outside_training_range", shares);
    }

    /** The share of scored customers beyond a feature's training range from which churn-risk warns. */
    static final double EXTRAPOLATED_SHARE = 0.25;

    private Integer backtest(LifecycleInput data, ChurnModelOptions options, Definitions d) throws IOException {
        for (LocalDate split : backtest) {
            if (split.plusDays(options.horizonDays()).isAfter(asOf)) {
                throw new CommandFailedException("--backtest date " + split + " plus the horizon of "
                        + options.horizonDays() + " days ends after --as-of " + asOf + ": the outcome is not known");
            }
        }
        ChurnBacktestReport report;
        try {
            report = ChurnBacktest.run(data.timelines, engagement, options, backtest, activeDays,
                    topShare);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | ModelFitException e) {
            throw new CommandFailedException("backtest: " + e.getMessage());
        }
        d.put("backtest", "at each date the model is trained at the date minus the horizon and scored against who"
                + " made no purchase in the horizon after it; AUC ties count one half; k = round(" + topShare
                + " x customers); active = a purchase in the last " + activeDays + " days");
        Map<String, Object> calibration = new LinkedHashMap<>();
        Map<String, Object> models = new LinkedHashMap<>();
        ListRows rows = new ListRows(List.of(Column.text("split"), Column.text("population"), Column.text("ranking"),
                Column.number("customers", 0), Column.number("churned", 0), Column.number("auc", 4),
                Column.text("brier"), Column.number("k", 0), Column.number("precision_at_k", 4),
                Column.number("recall_at_k", 4)));
        for (ChurnBacktestReport.Split s : report.splits()) {
            models.put(s.split().toString(), s.model());
            List<String> deciles = new ArrayList<>();
            for (ChurnBacktestReport.Decile c : s.calibration()) {
                deciles.add(String.format(Locale.ROOT, "decile %d: predicted %.3f, observed %.3f (%d)", c.decile(),
                        c.meanPredicted(), c.observed(), c.customers()));
            }
            calibration.put(s.split().toString(), deciles);
            for (boolean all : new boolean[] {true, false}) {
                for (ChurnBacktestReport.Scorecard c : all ? s.overall() : s.active()) {
                    rows.add(s.split().toString(), all ? "all" : "active", c.ranking(), c.customers(), c.churned(),
                            round(c.auc()), c.brier().isPresent() ? String.format(Locale.ROOT, "%.4f",
                                    c.brier().getAsDouble()) : "", c.k(), round(c.precisionAtK()),
                            round(c.recallAtK()));
                }
            }
            d.put("worst_decile_gap_" + s.split(), Math.round(s.worstDecileGap() * 1e4) / 1e4);
        }
        d.put("churn_models", models);
        d.put("calibration", calibration);
        ResultWriter.write(format, d, rows, out(), err());
        note(data.closing);
        return CrmkitCli.EXIT_OK;
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN);
    }

    /** The warnings printed: a view of the report's list, each cell read when printed (in parallel). */
    private static final class WarningRows implements ResultRows {
        private static final List<Column> COLUMNS = List.of(Column.text("customer_id"), Column.text("level"),
                Column.number("signals", 0), Column.number("value_at_risk", 2), Column.text("reasons"));
        private final List<ChurnRisk> warnings;

        WarningRows(List<ChurnRisk> warnings) {
            this.warnings = warnings;
        }

        @Override
        public List<Column> columns() {
            return COLUMNS;
        }

        @Override
        public int size() {
            return warnings.size();
        }

        @Override
        public Object value(int row, int column) {
            ChurnRisk r = warnings.get(row);
            return switch (column) {
                case 0 -> r.customerId().value();
                case 1 -> r.level().label();
                case 2 -> r.signals().size();
                case 3 -> r.valueAtRisk().amount();
                case 4 -> r.reasons();
                default -> throw new IndexOutOfBoundsException("column " + column);
            };
        }

        @Override
        public boolean concurrentReads() {
            return true; // immutable warnings in an immutable list
        }
    }
}
