package io.crmkit.spark.local;

import io.crmkit.cli.CrmkitCli;
import io.crmkit.cli.CrmkitCommand;
import io.crmkit.cli.KpiCommand;
import io.crmkit.cli.KpiOptions;
import io.crmkit.cli.OrderInputOptions;
import io.crmkit.cli.PeriodOptions;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.metrics.kpi.OrderKpiOptions;
import io.crmkit.metrics.kpi.OrderKpiReport;
import io.crmkit.spark.SparkKpis;
import java.io.IOException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kpi} through crm-spark: the options and output rows of {@code crmkit kpi} (its own option
 * handling, defaults, notes and warnings, shared through {@link KpiCommand#options}), the report
 * computed by {@link SparkKpis}.
 *
 * <p>Filled by picocli; not thread-safe.
 */
@Command(name = "kpi", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Order KPIs per period of an order file, computed by crm-spark.",
        description = {"The options and output of 'crmkit kpi' (--input files only)."})
public final class SparkKpiCommand extends CrmkitCommand {

    @ParentCommand
    private SparkLocalCli root;

    @Mixin
    private OrderInputOptions input;

    @Mixin
    private PeriodOptions periods;

    @Mixin
    private KpiOptions kpi;

    /**
     * Creates the command; picocli fills its options.
     */
    public SparkKpiCommand() {
    }

    @Override
    public Integer call() throws IOException {
        Optional<OrderFile> read = LocalOrders.read(this, input);
        if (read.isEmpty()) {
            return CrmkitCli.EXIT_FAILED;
        }
        OrderFile in = read.get();
        OrderKpiOptions options = KpiCommand.options(this, input, in, periods, kpi.activeWindow(),
                kpi.revenue());
        OrderKpiReport report = SparkKpis.compute(LocalOrders.dataset(root.spark(), in.batch(), root.partitions()),
                LocalOrders.columns(in.batch()), options, root.partitions());
        Definitions d = KpiCommand.definitions("kpi", input, in, report);
        d.put("engine", root.engine());
        ResultWriter.write(kpi.format(), d, KpiCommand.rows(report, input.zone()), out(), err());
        note(input.rejectedSummary(in));
        return CrmkitCli.EXIT_OK;
    }
}
