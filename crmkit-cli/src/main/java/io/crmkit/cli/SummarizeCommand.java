package io.crmkit.cli;

import io.crmkit.core.TimeRange;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseHistoryStats;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.order.Order;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.jdbc.JdbcDialect;
import io.crmkit.jdbc.JdbcOrderRepository;
import io.crmkit.jdbc.RepositoryAccessException;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/**
 * {@code crmkit summarize}: per-customer purchase summaries of an order file, with the BTYD columns
 * that lifetime-value models take ({@code x}, {@code t_x}, {@code T}, mean repeat value).
 *
 * <p>The file is read into one columnar {@link io.crmkit.core.history.OrderBatch}, then summarised by
 * {@link PurchaseHistory#summarize(io.crmkit.core.history.OrderBatch, PurchaseHistoryOptions)}. Without {@code --as-of} the as-of point
 * is the end of the day of the latest order in the file, and a note on stderr says so.
 *
 * <p>With {@code --jdbc URL} instead of {@code --input}, the orders are streamed from a database
 * loaded by {@code crmkit load} (see {@link io.crmkit.jdbc}) straight into
 * {@link PurchaseHistory#summarize(Stream, PurchaseHistoryOptions)}: memory grows with customers,
 * not orders.
 */
@Command(name = "summarize", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Per-customer purchase summaries of an order file, with the BTYD columns.",
        description = {"Prints per-customer purchase summaries: customer_id, first_purchase, last_purchase,"
            + " purchases, orders, revenue, days_since_last, age_days, and the BTYD columns x (repeat purchases),"
            + " t_x (last purchase, from the first), T (as-of, from the first purchase) and mean_repeat_value,"
            + " t_x and T in --unit.",
            "The orders come from --input FILE, or from a database loaded by 'crmkit load' with --jdbc URL.",
            "Definitions (as-of, clock, zone, units, statuses, currency, counts) go to stderr, or into the"
            + " document with --format json. Rejected rows are reported on stderr as 'line N: reason'."})
public final class SummarizeCommand extends CrmkitCommand {

    @Mixin
    private OrderInputOptions input;

    @Mixin
    private SummaryOptions summary;

    /**
     * Creates the command; picocli fills its options.
     */
    public SummarizeCommand() {
    }

    @Override
    public Integer call() throws IOException {
        String jdbc = input.jdbc().orElse(null);
        if (jdbc != null) {
            if (input.hasInput()) {
                throw new ParameterException(spec.commandLine(), "--input and --jdbc are alternatives: give one");
            }
            return summarizeDatabase();
        }
        OrderFile in = input.read(this);
        if (input.failsStrict(this, in)) {
            return CrmkitCli.EXIT_FAILED;
        }
        Currency currency = input.currency(in);
        ZoneId zone = input.zone();
        String asOfSource = summary.asOfGiven() ? "--as-of" : "latest order in the input";
        PurchaseHistoryOptions options = summary.options(zone, in.latest(), "the input", this::note).currency(currency)
                .build();
        PurchaseSummaries summaries = PurchaseHistory.summarize(in.batch(), options);
        Definitions definitions = definitions(in, summaries, asOfSource);
        String closing = input.rejectedSummary(in);
        // the order columns are not needed for printing: let them go
        in = null;
        ResultWriter.write(summary.format(), definitions, new SummaryRows(summaries), out(), err());
        note(closing);
        return CrmkitCli.EXIT_OK;
    }

    /** Summarises the orders of a database, streamed through the JDBC order repository. */
    private int summarizeDatabase() throws IOException {
        String jdbc = input.jdbc().orElseThrow();
        ZoneId zone = input.zone();
        JdbcDialect dialect;
        JdbcOrderRepository orders;
        try {
            dialect = JdbcDialect.ofUrl(jdbc);
            orders = new JdbcOrderRepository(JdbcDialect.dataSource(jdbc));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
        try {
            String asOfSource = summary.asOfGiven() ? "--as-of" : "latest order in the database";
            PurchaseHistoryOptions.Builder builder = summary.options(zone,
                    summary.asOfGiven() ? Optional.empty() : orders.latestPlacedAt(), "the database", this::note);
            input.currencyOption().ifPresent(builder::currency);
            PurchaseHistoryOptions options = builder.build();
            long started = System.nanoTime();
            long[] read = new long[1];
            PurchaseSummaries summaries;
            try (Progress progress = progress("summarising", "orders");
                    Stream<Order> stream = orders.stream(TimeRange.until(options.cutoff()))) {
                summaries = PurchaseHistory.summarize(stream.peek(o -> {
                    if ((++read[0] & 0x3FFF) == 0) {
                        progress.update(read[0]);
                    }
                }), options);
            }
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            ResultWriter.write(summary.format(), databaseDefinitions(dialect, summaries, asOfSource),
                    new SummaryRows(summaries), out(), err());
            note(read[0] + " orders streamed from the database in " + millis + " ms (" + read[0] * 1000 / millis
                    + " orders/s)");
            return CrmkitCli.EXIT_OK;
        } catch (RepositoryAccessException e) {
            throw new CommandFailedException(e.getMessage());
        }
    }

    /** The summary definitions both sources print, from the as-of to the counted statuses. */
    private static void putOptions(Definitions d, PurchaseHistoryOptions o, String asOfSource) {
        d.put("as_of", o.asOf().toString());
        d.put("as_of_source", asOfSource);
        d.put("clock", o.dayClock() ? "day" : "exact");
        d.put("zone", o.zone().getId());
        d.put("purchase_unit", lower(o.purchaseUnit()));
        d.put("revenue_basis", lower(o.revenueBasis()));
        List<String> countedNames = new ArrayList<>();
        o.countedCategories().forEach(c -> countedNames.add(lower(c)));
        d.put("counted_statuses", countedNames);
    }

    private Definitions databaseDefinitions(JdbcDialect dialect, PurchaseSummaries summaries, String asOfSource) {
        PurchaseHistoryOptions o = summaries.options();
        PurchaseHistoryStats stats = summaries.stats();
        Definitions d = new Definitions();
        d.put("command", "summarize");
        d.put("source", "database (" + lower(dialect) + "), orders in time order");
        putOptions(d, o, asOfSource);
        d.put("currency", summaries.currency().map(Currency::getCurrencyCode).orElse("none (no counted order)"));
        d.put("currency_source", input.currencyOption().isPresent() ? "--currency" : "the orders");
        d.put("time_unit", lower(o.timeUnit()));
        d.put("orders_seen", stats.ordersSeen());
        d.put("orders_counted", stats.ordersCounted());
        d.put("orders_excluded_by_status", stats.excludedByStatus());
        d.put("orders_excluded_after_as_of", stats.excludedAfterAsOf());
        d.put("customers", summaries.size());
        return d;
    }

    private Definitions definitions(OrderFile in, PurchaseSummaries summaries, String asOfSource) {
        PurchaseHistoryOptions o = summaries.options();
        PurchaseHistoryStats stats = summaries.stats();
        Definitions d = new Definitions();
        d.put("command", "summarize");
        putOptions(d, o, asOfSource);
        if (in.hasStatusColumn()) {
            Map<String, Object> labels = new LinkedHashMap<>();
            in.statusLabels().forEach((label, category) -> labels.put(label, lower(category)));
            d.put("status_labels", labels);
        } else {
            d.put("status_labels", "none (no status column: every order is completed)");
        }
        d.put("currency", summaries.currency().orElseThrow().getCurrencyCode());
        d.put("currency_source", input.currencySource(in));
        d.put("order_lines", in.hasOrderIds() ? "rows sharing an order_id are one order"
                : "one order per row (no order_id column)");
        d.put("time_unit", lower(o.timeUnit()));
        input.describeInput(d, in);
        d.put("rows_used", in.rowsUsed());
        d.put("orders_seen", stats.ordersSeen());
        d.put("orders_counted", stats.ordersCounted());
        d.put("orders_excluded_by_status", stats.excludedByStatus());
        d.put("orders_excluded_after_as_of", stats.excludedAfterAsOf());
        d.put("returns_counted", stats.returnsCounted());
        d.put("customers_in_input", in.batch().customerCount());
        d.put("customers", summaries.size());
        return d;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
