package io.crmkit.cli;

import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.OutputFormat;
import io.crmkit.cli.output.ResultRows;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.segmentation.lifecycle.CustomerStage;
import io.crmkit.segmentation.lifecycle.Lifecycle;
import io.crmkit.segmentation.lifecycle.LifecycleReport;
import io.crmkit.segmentation.lifecycle.RhythmOptions;
import io.crmkit.segmentation.lifecycle.Stage;
import io.crmkit.segmentation.lifecycle.StageOptions;
import io.crmkit.segmentation.lifecycle.StageThresholds;
import io.crmkit.segmentation.lifecycle.StageTransitions;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crmkit lifecycle}: every customer's lifecycle stage at an as-of date, with the numbers
 * behind it, or with {@code --since} the customers whose stage changed between two dates.
 */
@Command(name = "lifecycle", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Lifecycle stages (new, active, at risk, churned, reactivated) of every customer.",
        description = {"Prints per customer: customer_id, stage, purchases, last_purchase, days_since_last,"
            + " rhythm_days, rhythm_source, at_risk_after_days, churned_after_days. A purchase is a calendar day"
            + " with a completed order.",
            "With --since DATE: the customers whose stage changed from DATE to --as-of (customer_id, from, to),"
            + " and the transition matrix in the definitions."})
public final class LifecycleCommand extends CrmkitCommand {

    @Mixin
    private OrderInputOptions input;

    @Mixin
    private PurchaseUnitOption purchaseUnit;

    @Option(names = "--as-of", order = 10, required = true, paramLabel = "DATE",
            description = "Last day of history (required: never 'today'); later purchases are ignored.")
    private LocalDate asOf;

    @Option(names = "--thresholds", order = 11, paramLabel = "fixed:A,C|rhythm:A,C", defaultValue = "rhythm:2,4",
            description = {"At risk after A and churned after C days since the last purchase (fixed:A,C), or after"
                + " A and C times the customer's own rhythm (rhythm:A,C). Default: ${DEFAULT-VALUE}."})
    private String thresholds;

    @Option(names = "--min-gaps", order = 12, paramLabel = "N", defaultValue = "2",
            description = "Gaps a customer needs for their own median gap to be their rhythm. Default: ${DEFAULT-VALUE}.")
    private int minGaps;

    @Option(names = "--population-quantile", order = 13, paramLabel = "Q", defaultValue = "0.5",
            description = "Quantile of everybody's gaps used as the rhythm of customers with fewer gaps."
                + " Default: ${DEFAULT-VALUE}.")
    private double populationQuantile;

    @Option(names = "--fallback-days", order = 14, paramLabel = "DAYS", defaultValue = "30",
            description = "Rhythm when nobody has a gap. Default: ${DEFAULT-VALUE}.")
    private double fallbackDays;

    @Option(names = "--since", order = 15, paramLabel = "DATE",
            description = "Print the stage changes from this date to --as-of instead of the stages.")
    private LocalDate since;

    @Option(names = "--format", order = 16, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    private OutputFormat format;

    /**
     * Creates the command; picocli fills its options.
     */
    public LifecycleCommand() {
    }

    @Override
    public Integer call() throws IOException {
        StageOptions options = new StageOptions(asOf, parseThresholds());
        if (since != null && since.isAfter(asOf)) {
            throw new CommandFailedException("--since " + since + " must not be after --as-of " + asOf);
        }
        LifecycleInput data = LifecycleInput.read(this, input, purchaseUnit, asOf);
        if (data == null) {
            return CrmkitCli.EXIT_FAILED;
        }
        Definitions d = data.definitions("lifecycle", input);
        d.put("stages", options.describe());
        ResultRows rows;
        if (since == null) {
            LifecycleReport report = Lifecycle.assign(data.timelines, options);
            d.put("customers_per_stage", counts(report));
            rows = new StageRows(report);
        } else {
            StageTransitions tr = StageTransitions.between(data.timelines, options.at(since), asOf);
            d.put("since", since.toString());
            d.put("customers_per_stage_since", counts(tr.first()));
            d.put("customers_per_stage", counts(tr.second()));
            Map<String, Object> matrix = new LinkedHashMap<>();
            for (Stage from : Stage.values()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (Stage to : Stage.values()) {
                    row.put(to.label(), tr.count(from, to));
                }
                matrix.put(from.label(), row);
            }
            d.put("transitions", matrix);
            ListRows changes = new ListRows(List.of(Column.text("customer_id"), Column.text("from"),
                    Column.text("to")));
            for (StageTransitions.Change c : tr.changes()) {
                changes.add(c.customerId().value(), c.from().label(), c.to().label());
            }
            rows = changes;
        }
        ResultWriter.write(format, d, rows, out(), err());
        note(data.closing);
        return CrmkitCli.EXIT_OK;
    }

    private StageThresholds parseThresholds() {
        String text = thresholds.trim().toLowerCase(Locale.ROOT);
        int colon = text.indexOf(':');
        String[] parts = colon < 0 ? new String[0] : text.substring(colon + 1).split(",");
        if (colon < 0 || parts.length != 2) {
            throw new CommandFailedException("--thresholds must be fixed:A,C or rhythm:A,C: " + thresholds);
        }
        try {
            return switch (text.substring(0, colon)) {
                case "fixed" -> new StageThresholds.Fixed(Integer.parseInt(parts[0].trim()),
                        Integer.parseInt(parts[1].trim()));
                case "rhythm" -> new StageThresholds.Relative(Double.parseDouble(parts[0].trim()),
                        Double.parseDouble(parts[1].trim()),
                        new RhythmOptions(minGaps, populationQuantile, fallbackDays));
                default -> throw new CommandFailedException("--thresholds must be fixed:A,C or rhythm:A,C: "
                        + thresholds);
            };
        } catch (NumberFormatException e) {
            throw new CommandFailedException("--thresholds has a value that is not a number: " + thresholds);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("--thresholds " + thresholds + ": " + e.getMessage());
        }
    }

    static Map<String, Object> counts(LifecycleReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        report.counts().forEach((s, n) -> out.put(s.label(), n));
        return out;
    }

    /** Per customer: the stage and the numbers behind it. */
    private static final class StageRows implements ResultRows {
        private static final List<Column> COLUMNS = List.of(Column.text("customer_id"), Column.text("stage"),
                Column.number("purchases", 0), Column.text("last_purchase"), Column.number("days_since_last", 0),
                Column.number("rhythm_days", 1), Column.text("rhythm_source"), Column.number("at_risk_after_days", 1),
                Column.number("churned_after_days", 1));
        private final LifecycleReport report;

        StageRows(LifecycleReport report) {
            this.report = report;
        }

        @Override
        public List<Column> columns() {
            return COLUMNS;
        }

        @Override
        public int size() {
            return report.size();
        }

        @Override
        public Object value(int row, int column) {
            CustomerStage c = report.customer(row);
            return switch (column) {
                case 0 -> c.customerId().value();
                case 1 -> c.stage().label();
                case 2 -> c.purchases();
                case 3 -> c.lastPurchase().orElse(null);
                case 4 -> c.daysSinceLastPurchase().isPresent() ? c.daysSinceLastPurchase().getAsInt() : null;
                case 5 -> c.rhythmDays().isPresent() ? c.rhythmDays().getAsDouble() : null;
                case 6 -> c.rhythmSource().name().toLowerCase(Locale.ROOT);
                case 7 -> c.atRiskAfterDays().isPresent() ? c.atRiskAfterDays().getAsDouble() : null;
                case 8 -> c.churnedAfterDays().isPresent() ? c.churnedAfterDays().getAsDouble() : null;
                default -> throw new IndexOutOfBoundsException("column " + column);
            };
        }

        @Override
        public boolean concurrentReads() {
            return true; // read from the result's arrays only
        }
    }
}
