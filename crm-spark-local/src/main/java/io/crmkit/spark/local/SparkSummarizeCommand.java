package io.crmkit.spark.local;

import io.crmkit.core.CustomerId;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.cli.AsOfArgument;
import io.crmkit.cli.CommandFailedException;
import io.crmkit.cli.CrmkitCli;
import io.crmkit.cli.CrmkitCommand;
import io.crmkit.cli.OrderInputOptions;
import io.crmkit.cli.PurchaseUnitOption;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.OutputFormat;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.spark.SparkPurchaseHistory;
import io.crmkit.spark.SparkSummaries;
import java.io.IOException;
import java.util.Optional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Option(names = "--as-of", order = 10, paramLabel = "DATE|DATE-TIME", converter = AsOfArgument.Converter.class,
            description = "Observation point, as for crmkit summarize. Default: the end of the day of the latest"
                + " order in the file.")
    private AsOfArgument asOf;

    @Mixin
    private PurchaseUnitOption purchaseUnit;

    @Option(names = "--revenue", order = 12, paramLabel = "net|gross", defaultValue = "net",
            description = "Revenue basis. Default: ${DEFAULT-VALUE}.")
    private RevenueBasis revenue;

    @Option(names = "--unit", order = 13, paramLabel = "days|weeks|months|years", defaultValue = "days",
            description = "Unit of t_x and T. Default: ${DEFAULT-VALUE}.")
    private PeriodUnit unit;

    @Option(names = "--counted", order = 14, paramLabel = "CATEGORY", split = ",", defaultValue = "completed",
            description = "Status categories that count as purchases. Default: ${DEFAULT-VALUE}.")
    private Set<OrderStatusCategory> counted;

    @Option(names = "--format", order = 15, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    private OutputFormat format;

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
        AsOf point;
        if (asOf != null) {
            point = asOf.resolve(zone);
        } else {
            LocalDate day = in.latest().orElseThrow(() -> new CommandFailedException(
                    "no usable order in the input, so no default as-of: give --as-of")).atZone(zone).toLocalDate();
            point = AsOf.endOfDay(day);
            note("--as-of not given: using the end of " + day + " (" + zone + "), the day of the latest order");
        }
        EnumSet<OrderStatusCategory> categories = EnumSet.copyOf(counted);
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(point).zone(zone).purchaseUnit(purchaseUnit.unit())
                .revenueBasis(revenue).countedCategories(categories.iterator().next(),
                        categories.toArray(OrderStatusCategory[]::new))
                .timeUnit(unit).currency(input.currency(in)).build();
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
        d.put("purchase_unit", purchaseUnit.unit().name().toLowerCase(Locale.ROOT));
        d.put("revenue_basis", revenue.name().toLowerCase(Locale.ROOT));
        d.put("currency", summaries.currency().getCurrencyCode());
        d.put("time_unit", unit.name().toLowerCase(Locale.ROOT));
        input.describeInput(d, in);
        d.put("customers", rows.size());
        String closing = input.rejectedSummary(in);
        ResultWriter.write(format, d, out, out(), err());
        note(closing);
        return CrmkitCli.EXIT_OK;
    }

    static Object time(java.time.Instant t, boolean dayClock, ZoneId zone) {
        return dayClock ? t.atZone(zone).toLocalDate() : t;
    }
}
