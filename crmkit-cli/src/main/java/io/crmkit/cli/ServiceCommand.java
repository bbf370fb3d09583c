package io.crmkit.cli;

import io.crmkit.core.service.ServiceCase;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.metrics.kpi.PeriodGrid;
import io.crmkit.metrics.kpi.ServiceKpis;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crmkit service}: the service-quality KPIs of a cases file ({@link ServiceFiles}) per
 * period, computed by crm-metrics' {@link ServiceKpis}: cases opened, complaints and their rate,
 * the resolution rate, first-response and resolution time percentiles, SLA compliance and breaches
 * as seen at the end of {@code --as-of}, and the backlog at each period's end.
 */
@Command(name = "service", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Service KPIs per period from a cases file: response and resolution times, SLA, backlog.",
        description = {"One row per period, for the cases opened in it: opened, complaints, complaint_rate"
            + " (complaints / opened), resolution_rate (resolved or closed by --as-of / opened), first-response and"
            + " resolution time percentiles in hours (of the cases responded to / finished), SLA met, breached"
            + " (done late, or overdue at the end of --as-of) and pending, compliance = met / (met + breached), and"
            + " backlog_at_end (cases opened by the period's end and not finished by then).",
            "The cases file: CSV with case_id, customer_id, type, status, opened_at and optionally priority,"
            + " channel, first_response_at, resolved_at, closed_at, first_response_target_hours,"
            + " resolution_target_hours (see the README). Rejected rows are reported as 'line N: reason'."})
public final class ServiceCommand extends CrmkitCommand {

    @Option(names = "--cases", order = 1, required = true, paramLabel = "FILE",
            description = "The service cases (CSV, optionally gzip-compressed), each in its current state.")
    private Path cases;

    @Option(names = "--as-of", order = 10, required = true, paramLabel = "DATE",
            description = "SLAs and the backlog are judged at the end of this day (required: never 'today');"
                + " cases opened later are left out.")
    private LocalDate asOf;

    @Mixin
    private DatedFileOptions dated;

    /**
     * Creates the command; picocli fills its options.
     */
    public ServiceCommand() {
    }

    @Override
    public Integer call() throws IOException {
        LoyaltyFiles.Rows<ServiceCase> rows = ServiceFiles.readCases(cases, dated.zone,
                (line, reason) -> err().println("line " + line + ": " + reason), this::warn);
        Optional<PeriodGrid> covering = dated.grid(this, rows, asOf, ServiceCase::openedAt, "case opened");
        if (covering.isEmpty()) {
            return CrmkitCli.EXIT_FAILED;
        }
        PeriodGrid grid = covering.get();
        Instant end = dated.end(asOf);
        ServiceKpis.ServiceKpiReport report = ServiceKpis.compute(rows.values().stream(), grid, end);
        ListRows out = new ListRows(List.of(Column.text("period"), Column.number("opened", 0),
                Column.number("complaints", 0), Column.number("complaint_rate", 4), Column.number("resolution_rate", 4),
                Column.number("first_response_p50_hours", 2), Column.number("first_response_p90_hours", 2),
                Column.number("resolution_p50_hours", 2), Column.number("resolution_p90_hours", 2),
                Column.number("first_response_sla_met", 0), Column.number("first_response_sla_breached", 0),
                Column.number("first_response_sla_pending", 0), Column.number("first_response_compliance", 4),
                Column.number("resolution_sla_met", 0), Column.number("resolution_sla_breached", 0),
                Column.number("resolution_sla_pending", 0), Column.number("resolution_compliance", 4),
                Column.number("backlog_at_end", 0)));
        for (ServiceKpis.PeriodServiceKpis p : report.periods()) {
            out.add(p.label(), p.opened(), p.complaints(), share(p.complaints(), p.opened()),
                    share(p.resolutionTime().count(), p.opened()), hours(p.firstResponseTime().p50()),
                    hours(p.firstResponseTime().p90()), hours(p.resolutionTime().p50()), hours(p.resolutionTime().p90()),
                    p.firstResponseSla().met(), p.firstResponseSla().breached(), p.firstResponseSla().pending(),
                    KpiCommand.cell(p.firstResponseSla().compliance()), p.resolutionSla().met(),
                    p.resolutionSla().breached(), p.resolutionSla().pending(),
                    KpiCommand.cell(p.resolutionSla().compliance()), p.backlogAtEnd());
        }
        Definitions d = new Definitions();
        d.put("command", "service");
        d.put("periods", grid.toString());
        d.put("zone", dated.zone.getId());
        d.put("as_of", "end of " + asOf + " (SLAs and the current backlog judged then)");
        d.put("cases_file", cases.toString());
        d.put("rows_read", rows.read());
        d.put("rows_rejected", rows.rejected());
        d.put("cases_opened_after_as_of", rows.values().stream().filter(c -> !c.openedAt().isBefore(end)).count());
        d.put("resolution", "resolved, or closed without resolution (the earlier of the two times)");
        d.put("percentiles", "R type 7 over the cases of the period that have the time, in hours");
        Map<String, Object> backlog = new LinkedHashMap<>();
        report.backlogByCategory().forEach((c, n) -> backlog.put(KpiCommand.lower(c), n));
        d.put("backlog_now_by_status", backlog);
        d.put("reopen_rate", "not available: a cases file holds each case's current state, and a reopened case is"
                + " recorded as open again without its earlier resolution");
        ResultWriter.write(dated.format, d, out, out(), err());
        note(DatedFileOptions.closing(rows));
        return CrmkitCli.EXIT_OK;
    }

    private static Object share(long part, long whole) {
        return whole == 0 ? null : (Object) (part / (double) whole);
    }

    private static Object hours(Optional<Duration> d) {
        return d.map(x -> (Object) (x.toMillis() / 3_600_000.0)).orElse(null);
    }
}
