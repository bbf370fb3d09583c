package io.crmkit.cli;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Pii;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.report.EngagementSections;
import io.crmkit.cli.report.HtmlReport;
import io.crmkit.cli.report.ReportData;
import io.crmkit.quality.CustomerRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crmkit report}: one self-contained HTML file with charts of every analytic of an order
 * file (RFM segments and the R x F grid, the Lorenz curve and Gini, monthly KPIs, cohorts, lifetime
 * value, churn probability and the due calendar), each stating its definitions, drawn as inline SVG
 * by {@link HtmlReport}; personal data masked. Nothing is printed on stdout; the file is written
 * whole or not at all (written beside it, then moved).
 */
@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true,
        header = "One self-contained HTML report with charts of every analytic.",
        description = {"Writes --output: an HTML page with inline SVG charts (no script, loads nothing) of RFM"
            + " segments, the recency x frequency grid, the Lorenz curve and Gini, monthly retention, churn, revenue,"
            + " average order value and new customers, cohort retention, lifetime value (BG/NBD and Gamma-Gamma, 52"
            + " weeks), churn probability (90 days) with the customers most at risk, and the next-purchase due"
            + " calendar (28 days). Each chart's caption states its definitions. Customer identifiers that look like"
            + " contact data, and names from --customers, are masked.",
            "With --cases and --surveys, service SLA and survey (NPS, CSAT) sections are added."})
public final class ReportCommand extends CrmkitCommand {

    @Mixin
    private OrderInputOptions input;

    @Mixin
    private PurchaseUnitOption purchaseUnit;

    @Option(names = "--as-of", order = 10, required = true, paramLabel = "DATE",
            description = "Last day observed (required: never 'today'); later orders are left out and counted.")
    private LocalDate asOf;

    @Option(names = {"-o", "--output"}, order = 11, required = true, paramLabel = "FILE",
            description = "The HTML file to write (replaced if it exists).")
    private Path output;

    @Option(names = "--customers", order = 12, paramLabel = "FILE",
            description = "Customers file (CSV with customer_id and name columns, as for 'crmkit quality'): masked"
                + " names are shown next to the top customers.")
    private Path customers;

    @Option(names = "--cases", order = 13, paramLabel = "FILE",
            description = "Service cases (CSV, as for 'crmkit service'): adds the service SLA section, and complaint"
                + " evidence to the churn probability.")
    private Path casesFile;

    @Option(names = "--surveys", order = 14, paramLabel = "FILE",
            description = "Survey responses (CSV, as for 'crmkit surveys'): adds the NPS and CSAT section, and"
                + " satisfaction evidence to the churn probability.")
    private Path surveysFile;

    /**
     * Creates the command; picocli fills its options.
     */
    public ReportCommand() {
    }

    @Override
    public Integer call() throws IOException {
        Map<CustomerId, String> names = customers == null ? Map.of() : names();
        OrderFile in = input.read(this);
        if (input.failsStrict(this, in)) {
            return CrmkitCli.EXIT_FAILED;
        }
        EngagementFiles evidence = EngagementFiles.read(this, casesFile, surveysFile, input.zone());
        if (input.strict() && evidence.rejected > 0) {
            note(evidence.rejected + " rows of " + String.join(", ", evidence.files.keySet())
                    + " rejected; --strict: nothing computed");
            return CrmkitCli.EXIT_FAILED;
        }
        ReportData data;
        try {
            data = ReportData.compute(new ReportData.Input(in.batch(), input.currency(in), input.zone(), asOf,
                    source(in, evidence), names, evidence.history(input.zone()), purchaseUnit.unit()));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
        List<HtmlReport.Section> extra = new ArrayList<>();
        if (evidence.hasCases) {
            extra.add(EngagementSections.service(evidence.cases, input.zone(), asOf));
        }
        if (evidence.hasSurveys) {
            extra.add(EngagementSections.surveys(evidence.responses, input.zone(), asOf));
        }
        String html = HtmlReport.render(data, extra);
        int written = write(output, html);
        note("wrote " + output + " (" + written + " bytes, " + (HtmlReport.SECTIONS.size() + extra.size())
                + " charts)");
        note(input.rejectedSummary(in));
        return CrmkitCli.EXIT_OK;
    }

    private static String source(OrderFile in, EngagementFiles evidence) {
        StringBuilder s = new StringBuilder("orders: " + in.rowsRead() + " rows read, " + in.rowsRejected()
                + " rejected");
        evidence.files.forEach((k, v) -> s.append("; ").append(k).append(": ").append(v));
        return s.toString();
    }

    /** Masked display names by customer, from the customers file. */
    private Map<CustomerId, String> names() throws IOException {
        CustomerFile.Rows rows = CustomerFile.read(customers, (line, reason) -> err().println("line " + line + ": "
                + reason), this::warn);
        Map<CustomerId, String> names = new HashMap<>();
        for (CustomerRecord r : rows.records()) {
            String name = r.fullName().orElseGet(() -> (r.firstName().orElse("") + " " + r.lastName().orElse(""))
                    .strip());
            if (!name.isEmpty()) {
                names.put(r.id(), Pii.mask(name));
            }
        }
        if (rows.rejected() > 0) {
            note("customers: " + rows.rejected() + " of " + rows.read() + " rows rejected");
        }
        return names;
    }

    /**
     * Writes the page beside the target and moves it into place, so that a failed run leaves no
     * half-written report.
     *
     * @return the bytes written
     */
    static int write(Path target, String html) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CommandFailedException("--output " + target + ": the directory does not exist");
        }
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        Path temp = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return bytes.length;
    }
}
