package io.crmkit.cli;

import io.crmkit.core.history.RevenueBasis;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.OutputFormat;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.metrics.kpi.CohortMatrix;
import io.crmkit.metrics.kpi.OrderKpiReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code crmkit cohorts}: the cohort retention matrix of an order file: customers grouped by the
 * period of their first purchase, and for each cohort the share (or number) who bought 0, 1, 2...
 * periods later.
 */
@Command(name = "cohorts", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Cohort retention matrix: acquisition period x periods since.",
        description = {"One row per cohort (the period of each customer's first counted purchase, customers"
            + " acquired before --from are not in any cohort): its size, then for each number of periods since"
            + " acquisition the share of the cohort who bought in that period (or the number, with"
            + " --values counts). Column 0 is the acquisition period itself (always 1, or the size); cells after"
            + " the last period are empty."})
public final class CohortsCommand extends CrmkitCommand {

    /** What the matrix cells hold. */
    enum Values {
        /** Shares of the cohort. */
        RATES,
        /** Numbers of customers. */
        COUNTS
    }

    @Mixin
    private OrderInputOptions input;

    @Mixin
    private PeriodOptions periods;

    @Option(names = "--values", order = 13, paramLabel = "rates|counts", defaultValue = "rates",
            description = "Cell values. Default: ${DEFAULT-VALUE}.")
    private Values values;

    @Option(names = "--format", order = 15, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    private OutputFormat format;

    /**
     * Creates the command; picocli fills its options.
     */
    public CohortsCommand() {
    }

    @Override
    public Integer call() throws IOException {
        OrderFile in = input.read(this);
        if (input.failsStrict(this, in)) {
            return CrmkitCli.EXIT_FAILED;
        }
        OrderKpiReport report = KpiCommand.compute(this, input, in, periods, Optional.empty(), RevenueBasis.NET);
        CohortMatrix m = report.cohorts();
        int width = m.cohorts();
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("cohort"));
        columns.add(Column.number("size", 0));
        for (int k = 0; k < width; k++) {
            columns.add(Column.number(Integer.toString(k), values == Values.RATES ? 3 : 0));
        }
        ListRows rows = new ListRows(columns);
        for (int c = 0; c < width; c++) {
            Object[] row = new Object[width + 2];
            row[0] = m.label(c);
            row[1] = m.size(c);
            for (int k = 0; k < m.columns(c); k++) {
                row[k + 2] = values == Values.RATES ? KpiCommand.cell(m.rate(c, k)) : (Object) m.count(c, k);
            }
            rows.add(row);
        }
        ResultWriter.write(format, KpiCommand.definitions("cohorts", input, in, report)
                .put("cells", KpiCommand.lower(values)), rows, out(), err());
        note(input.rejectedSummary(in));
        return CrmkitCli.EXIT_OK;
    }
}
