package io.crmkit.examples.cli;

import io.crmkit.core.history.PeriodUnit;
import io.crmkit.examples.cli.output.Column;
import io.crmkit.examples.cli.output.Definitions;
import io.crmkit.examples.cli.output.ListRows;
import io.crmkit.examples.cli.output.OutputFormat;
import io.crmkit.examples.cli.output.ResultWriter;
import io.crmkit.segmentation.lifecycle.ChurnRisk;
import io.crmkit.segmentation.lifecycle.ChurnRiskReport;
import io.crmkit.segmentation.lifecycle.ChurnWarning;
import io.crmkit.segmentation.lifecycle.EngagementHistory;
import io.crmkit.segmentation.lifecycle.RhythmOptions;
import io.crmkit.segmentation.lifecycle.RiskLevel;
import io.crmkit.segmentation.lifecycle.WarningOptions;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crmkit churn-risk}: the churn early warning of every customer of an order file, ranked by
 * level and value at risk (past revenue), each with the reasons and their numbers. Complaint and
 * survey signals need service data that an order file does not hold; the library takes them.
 */
@Command(name = "churn-risk", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Churn early warning: customers at risk, ranked, with the reasons.",
        description = {"Prints per customer with at least one signal, ranked by level then value at risk:"
            + " customer_id, level, signals, value_at_risk, reasons.",
            "Signals from orders: overdue (days since the last purchase over the customer's rhythm), frequency"
            + " and monetary decline between two windows, and optionally P(alive) under a BTYD model fitted to"
            + " the history up to --as-of."})
public final class ChurnRiskCommand extends CrmkitCommand {

    @Mixin
    private OrderInputOptions input;

    @Option(names = "--as-of", order = 10, required = true, paramLabel = "DATE",
            description = "Last day of history (required: never 'today'); later purchases are ignored.")
    private LocalDate asOf;

    @Option(names = "--overdue-factor", order = 11, paramLabel = "F", defaultValue = "2",
            description = "Overdue at F times the customer's rhythm; 0 switches the signal off. Default: ${DEFAULT-VALUE}.")
    private double overdueFactor;

    @Option(names = "--min-gaps", order = 12, paramLabel = "N", defaultValue = "2",
            description = "Gaps a customer needs for their own median gap to be their rhythm (else the population"
                + " median gap). Default: ${DEFAULT-VALUE}.")
    private int minGaps;

    @Option(names = "--window-days", order = 13, paramLabel = "DAYS", defaultValue = "90",
            description = "Length of the two decline windows ending on --as-of; 0 switches decline off."
                + " Default: ${DEFAULT-VALUE}.")
    private int windowDays;

    @Option(names = "--decline", order = 14, paramLabel = "SHARE", defaultValue = "0.5",
            description = "Drop in purchase days and in revenue that raises a decline signal. Default: ${DEFAULT-VALUE}.")
    private double decline;

    @Option(names = "--min-previous", order = 15, paramLabel = "N", defaultValue = "2",
            description = "Purchase days needed in the earlier window for decline signals. Default: ${DEFAULT-VALUE}.")
    private int minPrevious;

    @Option(names = "--p-alive-model", order = 16, paramLabel = "bg-nbd|mbg-nbd|pareto-nbd",
            converter = ClvCommand.ModelConverter.class,
            description = {"Add the P(alive) signal under this model, fitted in weeks to the history up to --as-of."
                + " When the fit ends at the drop-out boundary (no drop-out visible), a warning says so and the"
                + " signal stays off."})
    private ClvCommand.Model model;

    @Option(names = "--p-alive-below", order = 17, paramLabel = "P", defaultValue = "0.5",
            description = "P(alive) below which the signal is raised. Default: ${DEFAULT-VALUE}.")
    private double aliveThreshold;

    @Option(names = "--medium-at", order = 18, paramLabel = "N", defaultValue = "2",
            description = "Signals for level medium. Default: ${DEFAULT-VALUE}.")
    private int mediumAt;

    @Option(names = "--high-at", order = 19, paramLabel = "N", defaultValue = "3",
            description = "Signals for level high. Default: ${DEFAULT-VALUE}.")
    private int highAt;

    @Option(names = "--min-level", order = 20, paramLabel = "low|medium|high", defaultValue = "low",
            description = "Lowest level printed. Default: ${DEFAULT-VALUE}.")
    private String minLevel;

    @Option(names = "--format", order = 21, paramLabel = "table|csv|json", defaultValue = "table",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    /**
     * Creates the command; picocli fills its options.
     */
    public ChurnRiskCommand() {
    }

    @Override
    public Integer call() throws IOException {
        RiskLevel lowest = level();
        WarningOptions.Builder builder;
        try {
            builder = WarningOptions.builder(asOf)
                    .overdue(overdueFactor == 0 ? Optional.empty() : Optional.of(new WarningOptions.Overdue(
                            overdueFactor, new RhythmOptions(minGaps, 0.5, 30))))
                    .decline(windowDays == 0 ? Optional.empty() : Optional.of(new WarningOptions.Decline(windowDays,
                            decline, decline, minPrevious)))
                    .complaints(Optional.empty())
                    .satisfaction(Optional.empty())
                    .levels(new WarningOptions.Levels(mediumAt, highAt));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
        LifecycleInput data = LifecycleInput.read(this, input, asOf);
        if (data == null) {
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
        ChurnRiskReport report = ChurnWarning.assess(data.timelines, EngagementHistory.none(), options);
        Definitions d = data.definitions("churn-risk", input);
        d.put("warning", options.describe());
        d.put("signals_not_available", "complaints and satisfaction (an order file holds no service data)");
        d.put("p_alive_signal", aliveSignal);
        d.put("customers_assessed", report.assessed());
        Map<String, Object> levels = new LinkedHashMap<>();
        report.counts().forEach((l, n) -> levels.put(l.label(), n));
        d.put("customers_per_level", levels);
        Map<String, Object> signals = new LinkedHashMap<>();
        report.signalCounts().forEach((k, n) -> signals.put(k.label(), n));
        d.put("customers_per_signal", signals);
        d.put("printed", "level " + lowest.label() + " and above");
        ListRows rows = new ListRows(List.of(Column.text("customer_id"), Column.text("level"),
                Column.number("signals", 0), Column.number("value_at_risk", 2), Column.text("reasons")));
        for (ChurnRisk r : report.atLeast(lowest)) {
            rows.add(r.customerId().value(), r.level().label(), r.signals().size(), r.valueAtRisk().amount(),
                    r.reasons());
        }
        ResultWriter.write(format, d, rows, out(), err());
        note(data.closing);
        return CrmkitCli.EXIT_OK;
    }

    private RiskLevel level() {
        try {
            RiskLevel l = RiskLevel.valueOf(minLevel.trim().toUpperCase(Locale.ROOT));
            if (l != RiskLevel.NONE) {
                return l;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new CommandFailedException("--min-level must be low, medium or high: " + minLevel);
    }
}
