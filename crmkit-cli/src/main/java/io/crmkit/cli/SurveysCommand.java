package io.crmkit.cli;

import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.metrics.kpi.PeriodGrid;
import io.crmkit.metrics.kpi.SurveyKpis;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crmkit surveys}: satisfaction and loyalty KPIs of a survey-responses file
 * ({@link ServiceFiles}) per period, computed by crm-metrics' {@link SurveyKpis}: NPS with its
 * margin of error, CSAT top-2 share and mean, CES mean.
 */
@Command(name = "surveys", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Survey KPIs per period: NPS with margin of error, CSAT top-2, CES.",
        description = {"One row per period, for the responses given in it: nps_responses, nps (%% promoters 9-10"
            + " minus %% detractors 0-6, -100 to 100), nps_margin_95 (1.96 standard errors, NPS points),"
            + " csat_responses, csat_top2 (share of 4 and 5 on 1-5), csat_mean, ces_responses, ces_mean (1-7),"
            + " other_scales. A period without responses on a scale has empty figures for it.",
            "The responses file: CSV with response_id, customer_id, responded_at, scale (nps, csat, ces), score and"
            + " optionally channel, case_id, order_id (see the README). Rejected rows are reported as"
            + " 'line N: reason'. A response rate needs the invitations, which the file does not hold."})
public final class SurveysCommand extends CrmkitCommand {

    @Option(names = "--responses", order = 1, required = true, paramLabel = "FILE",
            description = "The survey responses (CSV, optionally gzip-compressed).")
    private Path responses;

    @Option(names = "--as-of", order = 10, required = true, paramLabel = "DATE",
            description = "Last day reported (required: never 'today'); later responses are left out.")
    private LocalDate asOf;

    @Mixin
    private DatedFileOptions dated;

    /**
     * Creates the command; picocli fills its options.
     */
    public SurveysCommand() {
    }

    @Override
    public Integer call() throws IOException {
        LoyaltyFiles.Rows<SurveyResponse> rows = ServiceFiles.readSurveys(responses, dated.zone,
                (line, reason) -> err().println("line " + line + ": " + reason), this::warn);
        Optional<PeriodGrid> covering = dated.grid(this, rows, asOf, SurveyResponse::respondedAt, "response given");
        if (covering.isEmpty()) {
            return CrmkitCli.EXIT_FAILED;
        }
        PeriodGrid grid = covering.get();
        Instant end = dated.end(asOf);
        List<SurveyKpis.PeriodSurveyKpis> periods = SurveyKpis.series(rows.values().stream(), grid);
        ListRows out = new ListRows(List.of(Column.text("period"), Column.number("nps_responses", 0),
                Column.number("nps", 1), Column.number("nps_margin_95", 1), Column.number("csat_responses", 0),
                Column.number("csat_top2", 4), Column.number("csat_mean", 3), Column.number("ces_responses", 0),
                Column.number("ces_mean", 3), Column.number("other_scales", 0)));
        for (SurveyKpis.PeriodSurveyKpis p : periods) {
            out.add(p.label(), p.nps().responses(), KpiCommand.cell(p.nps().nps()),
                    KpiCommand.cell(p.nps().npsMarginOfError(1.96)), p.csat().responses(),
                    KpiCommand.cell(p.csat().topBoxShare(2)), KpiCommand.cell(p.csat().mean()), p.ces().responses(),
                    KpiCommand.cell(p.ces().mean()), p.otherScales());
        }
        Definitions d = new Definitions();
        d.put("command", "surveys");
        d.put("periods", grid.toString());
        d.put("zone", dated.zone.getId());
        d.put("responses_file", responses.toString());
        d.put("rows_read", rows.read());
        d.put("rows_rejected", rows.rejected());
        d.put("responses_after_as_of", rows.values().stream().filter(r -> !r.respondedAt().isBefore(end)).count());
        d.put("nps_margin", "1.96 x sqrt((p(1-p) + d(1-d) + 2pd) / n) x 100, p and d the promoter and detractor"
                + " shares: a 95 % interval under simple random sampling");
        d.put("response_rate", "not available: it needs the number of invitations, which a responses file does not"
                + " hold");
        ResultWriter.write(dated.format, d, out, out(), err());
        note(DatedFileOptions.closing(rows));
        return CrmkitCli.EXIT_OK;
    }
}
