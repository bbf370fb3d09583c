package io.crmkit.spark.local;

import io.crmkit.core.CustomerId;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.cli.CrmkitCli;
import io.crmkit.cli.CrmkitCommand;
import io.crmkit.cli.OrderInputOptions;
import io.crmkit.cli.SummaryOptions;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.spark.SparkPurchaseHistory;
import io.crmkit.spark.SparkSummaries;
import java.io.IOException;
import java.util.Optional;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code summarize} through crm-spark: the options and the output rows of {@code crmkit summarize},
 * the summaries computed by {@link SparkPurchaseHistory}.
 */
@Command(name = "summarize", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Per-customer purchase summaries of an order file, computed by crm-spark.",
        description = {"The options and output of 'crmkit summarize' (--input files only)."})
public final class SparkSummarizeCommand extends CrmkitCommand {

    @ParentCommand
    private SparkLocalCli root;

    @Mixin
    private OrderInputOptions input;

    @Mixin
    private SummaryOptions summary;

    /**
     * Creates the command; picocli fills its options.
     */
    public SparkSummarizeCommand() {
    }

    @Override
    public Integer call() throws IOException {
        Optional<OrderFile> read = LocalOrders.read(this, input);
        if (read.isEmpty()) {
            return CrmkitCli.EXIT_FAILED;
        }
        OrderFile in = read.get();
        ZoneId zone = input.zone();
        PurchaseHistoryOptions options = summary.options(zone, in.latest(), "the input", this::note)
                .currency(input.currency(in)).build();
        SparkSummaries summaries = SparkPurchaseHistory.summarize(
                LocalOrders.dataset(root.spark(), in.batch(), root.partitions()), LocalOrders.columns(in.batch()),
                options, root.partitions());
        List<Row> rows = new ArrayList<>(summaries.rows().collectAsList());
        rows.sort(Comparator.comparing(r -> CustomerId.of(r.getString(0))));
        boolean dayClock = options.dayClock();
        int dayDecimals = dayClock ? 0 : 2;
        ListRows out = new ListRows(List.of(Column.text("customer_id"), Column.text("first_purchase"),
                Column.text("last_purchase"), Column.number("purchases", 0), Column.number("orders", 0),
                Column.number("revenue", 2), Column.number("days_since_last", dayDecimals),
                Column.number("age_days", dayDecimals), Column.number("x", 0), Column.number("t_x", 2),
                Column.number("T", 2), Column.number("mean_repeat_value", 2)));
        for (Row r : rows) {
            out.add(r.getString(0), time(r.getTimestamp(1).toInstant(), dayClock, zone),
                    time(r.getTimestamp(2).toInstant(), dayClock, zone), r.getInt(3), r.getInt(4), r.getDecimal(6),
                    r.getDouble(7), r.getDouble(8), r.getInt(9), r.getDouble(10), r.getDouble(11), r.getDouble(12));
        }
        Definitions d = new Definitions();
        d.put("command", "summarize");
        d.put("engine", root.engine());
        d.put("as_of", options.asOf().toString());
        d.put("clock", dayClock ? "day" : "exact");
        d.put("zone", zone.getId());
        d.put("purchase_unit", options.purchaseUnit().name().toLowerCase(Locale.ROOT));
        d.put("revenue_basis", options.revenueBasis().name().toLowerCase(Locale.ROOT));
        d.put("currency", summaries.currency().getCurrencyCode());
        d.put("time_unit", options.timeUnit().name().toLowerCase(Locale.ROOT));
        input.describeInput(d, in);
        d.put("customers", rows.size());
        String closing = input.rejectedSummary(in);
        ResultWriter.write(summary.format(), d, out, out(), err());
        note(closing);
        return CrmkitCli.EXIT_OK;
    }

    static Object time(java.time.Instant t, boolean dayClock, ZoneId zone) {
        return dayClock ? t.atZone(zone).toLocalDate() : t;
    }
}
