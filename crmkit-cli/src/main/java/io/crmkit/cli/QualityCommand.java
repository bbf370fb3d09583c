package io.crmkit.cli;

import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.OutputFormat;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.quality.report.FieldQuality;
import io.crmkit.quality.report.QualityReport;
import io.crmkit.quality.report.QualityReporter;
import io.crmkit.quality.report.SourceQuality;
import io.crmkit.quality.report.Staleness;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crmkit quality}: the data-quality report of a customers file.
 */
@Command(name = "quality", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Data-quality report of a customers file: completeness, validity, uniqueness, staleness, per source.",
        description = {"Reads --customers as crmkit duplicates does. Prints per scope (all, then each source) and"
            + " field: records, present, completeness (present/records), valid, validity (valid/present), distinct"
            + " (normalised valid values), uniqueness (distinct/valid), invalid (reasons with counts) and examples"
            + " (masked, with their customer_id).",
            "The updated_at row is staleness: present counts dated records, valid those updated within --stale-after"
                + " days before --as-of (default: the newest updated_at in the file, never the clock), validity their"
                + " share."})
public final class QualityCommand extends CrmkitCommand {

    @Mixin
    private CustomerInputOptions input;

    @Option(names = "--as-of", order = 2, paramLabel = "DATE",
            description = "The day staleness is measured from (its start, UTC). Default: the newest updated_at.")
    private LocalDate asOf;

    @Option(names = "--stale-after", order = 3, paramLabel = "DAYS", defaultValue = "365",
            description = "A record not updated for more days is stale. Default: ${DEFAULT-VALUE}.")
    private long staleAfterDays;

    @Option(names = "--format", order = 5, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    private OutputFormat format;

    /**
     * Creates the command; picocli fills its options.
     */
    public QualityCommand() {
    }

    @Override
    public Integer call() throws IOException {
        QualityReporter reporter;
        try {
            if (staleAfterDays <= 0) {
                throw new IllegalArgumentException("--stale-after must be a positive number of days: " + staleAfterDays);
            }
            reporter = new QualityReporter(input.defaultRegion(),
                    Optional.ofNullable(asOf).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                    Duration.ofDays(staleAfterDays));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
        Optional<CustomerFile.Rows> read = input.read(this);
        if (read.isEmpty()) {
            return CrmkitCli.EXIT_FAILED;
        }
        CustomerFile.Rows rows = read.get();
        QualityReport report = reporter.report(rows.records());
        Definitions d = new Definitions();
        d.put("command", "quality");
        d.put("reference", report.reference().map(Instant::toString).orElse("none (no record is dated)"));
        d.put("stale_after_days", staleAfterDays);
        d.put("rows_read", rows.read());
        d.put("rows_rejected", rows.rejected());
        ListRows out = new ListRows(List.of(Column.text("scope"), Column.text("field"), Column.number("records", 0),
                Column.number("present", 0), Column.number("completeness", 3), Column.number("valid", 0),
                Column.number("validity", 3), Column.number("distinct", 0), Column.number("uniqueness", 3),
                Column.text("invalid"), Column.text("examples")));
        add(out, "all", report.fields(), report.staleness());
        for (SourceQuality s : report.sources()) {
            add(out, "source:" + s.source(), s.fields(), s.staleness());
        }
        ResultWriter.write(format, d, out, out(), err());
        note(rows.rejected() + " of " + rows.read() + " rows rejected; " + report.records() + " records reported");
        return CrmkitCli.EXIT_OK;
    }

    private static void add(ListRows out, String scope, List<FieldQuality> fields, Staleness staleness) {
        for (FieldQuality f : fields) {
            out.add(scope, f.field().column(), f.records(), f.present(), round(f.completeness()), f.valid(),
                    round(f.validity()), f.distinct(), round(f.uniqueness()), join(f.invalidReasons()),
                    f.examples().entrySet().stream().map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                            .collect(Collectors.joining("; ")));
        }
        long fresh = staleness.withUpdatedAt() - staleness.stale();
        out.add(scope, "updated_at", staleness.records(), staleness.withUpdatedAt(),
                round(staleness.records() == 0 ? 0 : staleness.withUpdatedAt() / (double) staleness.records()), fresh,
                round(staleness.withUpdatedAt() == 0 ? 0 : fresh / (double) staleness.withUpdatedAt()), null, null,
                staleness.stale() == 0 ? "" : "stale: " + staleness.stale(), "");
    }

    private static String join(Map<String, Long> reasons) {
        return reasons.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
