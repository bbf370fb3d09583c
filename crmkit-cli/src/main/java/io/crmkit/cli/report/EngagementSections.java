package io.crmkit.cli.report;

import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.metrics.kpi.PeriodGrid;
import io.crmkit.metrics.kpi.ReportingPeriod;
import io.crmkit.metrics.kpi.ServiceKpis;
import io.crmkit.metrics.kpi.SurveyKpis;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The report's sections on service cases and survey responses, when their files are given:
 * monthly SLA compliance and backlog ({@link ServiceKpis}) and monthly NPS and CSAT top-2
 * ({@link SurveyKpis}), each with its definitions. Stateless and thread-safe.
 */
public final class EngagementSections {

    /** The id of the service section. */
    public static final String SERVICE = "service-sla";
    /** The id of the survey section. */
    public static final String SURVEYS = "surveys";

    private EngagementSections() {
    }

    /**
     * The service section: first-response and resolution SLA compliance per month, and the backlog
     * at each month's end.
     *
     * @param cases the cases in their current state, not null
     * @param zone the zone of months, not null
     * @param asOf the last day observed (SLAs judged at its end), not null
     * @return the section, never null
     */
    public static HtmlReport.Section service(List<ServiceCase> cases, ZoneId zone, LocalDate asOf) {
        String title = "Service: SLA compliance and backlog per month";
        Instant end = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        Optional<Instant> first = cases.stream().map(ServiceCase::openedAt).filter(t -> t.isBefore(end))
                .min(Instant::compareTo);
        if (first.isEmpty()) {
            return new HtmlReport.Section(SERVICE, title, Svg.message(title, "no case opened by " + asOf),
                    "Service KPIs need cases opened by the as-of date.", "");
        }
        PeriodGrid grid = PeriodGrid.covering(ReportingPeriod.MONTH, zone, first.get().atZone(zone).toLocalDate(), asOf);
        ServiceKpis.ServiceKpiReport report = ServiceKpis.compute(cases.stream(), grid, end);
        int n = report.periods().size();
        List<String> labels = new ArrayList<>();
        double[] firstResponse = new double[n];
        double[] resolution = new double[n];
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ServiceKpis.PeriodServiceKpis p = report.periods().get(i);
            labels.add(p.label());
            firstResponse[i] = nan(p.firstResponseSla().compliance());
            resolution[i] = nan(p.resolutionSla().compliance());
            rows.add(List.of(p.label(), Long.toString(p.opened()), Long.toString(p.complaints()),
                    Long.toString(p.firstResponseSla().breached()), Long.toString(p.resolutionSla().breached()),
                    p.firstResponseTime().p50().map(d -> String.format(Locale.ROOT, "%.1f", d.toMillis() / 3.6e6))
                            .orElse(""),
                    p.resolutionTime().p50().map(d -> String.format(Locale.ROOT, "%.1f", d.toMillis() / 3.6e6))
                            .orElse(""),
                    Long.toString(p.backlogAtEnd())));
        }
        String svg = Svg.lines(title, labels, List.of("first-response SLA compliance", "resolution SLA compliance"),
                new double[][] {firstResponse, resolution}, Html::percent);
        String caption = "Cases grouped by the month they were opened (" + zone.getId() + "). Compliance = met /"
                + " (met + breached) of the cases with that SLA target; a case is breached when it was done late, or"
                + " is not done at the end of " + asOf + " and its target has passed; pending cases are not judged"
                + " (a month without judged cases has no point). Resolution = resolved, or closed without resolution."
                + " Backlog = cases opened by the month's end and not finished by then.";
        String table = Html.table(List.of("month", "opened", "complaints", "first-response breaches",
                "resolution breaches", "first response p50 (h)", "resolution p50 (h)", "backlog at end"),
                new boolean[] {false, true, true, true, true, true, true, true}, rows);
        return new HtmlReport.Section(SERVICE, title, svg, caption, table);
    }

    /**
     * The survey section: NPS and CSAT top-2 share per month.
     *
     * @param responses the responses, not null
     * @param zone the zone of months, not null
     * @param asOf the last day observed, not null
     * @return the section, never null
     */
    public static HtmlReport.Section surveys(List<SurveyResponse> responses, ZoneId zone, LocalDate asOf) {
        String title = "Surveys: NPS and CSAT per month";
        Instant end = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        Optional<Instant> first = responses.stream().map(SurveyResponse::respondedAt).filter(t -> t.isBefore(end))
                .min(Instant::compareTo);
        if (first.isEmpty()) {
            return new HtmlReport.Section(SURVEYS, title, Svg.message(title, "no response by " + asOf),
                    "Survey KPIs need responses given by the as-of date.", "");
        }
        PeriodGrid grid = PeriodGrid.covering(ReportingPeriod.MONTH, zone, first.get().atZone(zone).toLocalDate(), asOf);
        List<SurveyKpis.PeriodSurveyKpis> periods = SurveyKpis.series(responses.stream(), grid);
        int n = periods.size();
        List<String> labels = new ArrayList<>();
        double[] nps = new double[n];
        double[] csat = new double[n];
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SurveyKpis.PeriodSurveyKpis p = periods.get(i);
            labels.add(p.label());
            nps[i] = nan(p.nps().nps());
            csat[i] = 100 * nan(p.csat().topBoxShare(2));
            OptionalDouble margin = p.nps().npsMarginOfError(1.96);
            rows.add(List.of(p.label(), Long.toString(p.nps().responses()), format(p.nps().nps(), "%.1f"),
                    format(margin, "± %.1f"), Long.toString(p.csat().responses()),
                    format(p.csat().topBoxShare(2), 100, "%.1f %%"), Long.toString(p.ces().responses()),
                    format(p.ces().mean(), "%.2f")));
        }
        String svg = Svg.lines(title, labels, List.of("NPS (-100 to 100)", "CSAT top-2 share (%)"),
                new double[][] {nps, csat}, v -> String.format(Locale.ROOT, "%.0f", v));
        String caption = "Responses grouped by the month they were given (" + zone.getId() + "). NPS = % promoters"
                + " (9-10) - % detractors (0-6) of the 0-10 responses, with a 95 % margin of error of 1.96 standard"
                + " errors under simple random sampling in the table; CSAT top-2 = share of 4 and 5 among the 1-5"
                + " responses; CES = mean of the 1-7 responses. A month without responses on a scale has no point.";
        String table = Html.table(List.of("month", "NPS responses", "NPS", "95 % margin", "CSAT responses",
                "CSAT top-2", "CES responses", "CES mean"),
                new boolean[] {false, true, true, true, true, true, true, true}, rows);
        return new HtmlReport.Section(SURVEYS, title, svg, caption, table);
    }

    private static double nan(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : Double.NaN;
    }

    private static String format(OptionalDouble v, String pattern) {
        return format(v, 1, pattern);
    }

    private static String format(OptionalDouble v, double scale, String pattern) {
        return v.isPresent() ? String.format(Locale.ROOT, pattern, scale * v.getAsDouble()) : "";
    }
}
