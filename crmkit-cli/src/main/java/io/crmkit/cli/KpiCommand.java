package io.crmkit.cli;

import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.metrics.kpi.OrderKpiOptions;
import io.crmkit.metrics.kpi.OrderKpiReport;
import io.crmkit.metrics.kpi.OrderKpis;
import io.crmkit.metrics.kpi.PeriodGrid;
import io.crmkit.metrics.kpi.PeriodOrderKpis;
import io.crmkit.metrics.kpi.ReportingPeriod;
import io.crmkit.core.history.RevenueBasis;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code crmkit kpi}: the order KPI time series of an order file (retention and churn, new and
 * returning buyers, repeat purchase rate, frequency, average order value, revenue growth and the
 * share of revenue from new customers), one row per week, month, quarter or year, computed by
 * crm-metrics' {@link OrderKpis} in one pass.
 */
@Command(name = "kpi", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Order KPIs per period: retention, churn, repeat purchase, AOV, revenue growth...",
        description = {"One row per period of the grid. A customer is active at an instant when they bought in"
            + " the --active-window days before it; retention = customers active at the start and the end of the"
            + " period / active at the start (churn is its complement); textbook_retention = (E - N) / S also counts"
            + " reactivated customers. Ratios with a zero denominator are empty.",
            "Orders before --from are history (who is new, who is active at the start); orders after --to are"
            + " left out and counted. Definitions go to stderr, or into the document with --format json."})
public final class KpiCommand extends CrmkitCommand {

    @Mixin
    private OrderInputOptions input;

    @Mixin
    private PeriodOptions periods;

    @Mixin
    private KpiOptions kpi;

    /**
     * Creates the command; picocli fills its options.
     */
    public KpiCommand() {
    }

    @Override
    public Integer call() throws IOException {
        OrderFile in = input.read(this);
        if (input.failsStrict(this, in)) {
            return CrmkitCli.EXIT_FAILED;
        }
        OrderKpiReport report = compute(this, input, in, periods, kpi.activeWindow(), kpi.revenue());
        ListRows rows = rows(report, input.zone());
        ResultWriter.write(kpi.format(), definitions("kpi", input, in, report), rows, out(), err());
        note(input.rejectedSummary(in));
        return CrmkitCli.EXIT_OK;
    }

    /** Builds the options from the command line and runs the one-pass KPI computation. */
    static OrderKpiReport compute(CrmkitCommand command, OrderInputOptions input, OrderFile in,
            PeriodOptions periods, Optional<Integer> activeWindow, RevenueBasis revenue) {
        return OrderKpis.compute(in.batch(), options(command, input, in, periods, activeWindow, revenue));
    }

    /**
     * Builds the KPI options of the command line: the grid (from {@code --from}/{@code --to}, or the
     * days of the earliest and latest orders, with a note), the active window (its default per
     * period), the counted categories, the revenue basis and the run's currency; warns about
     * incomplete first and last periods. Shared with the Spark local jar's {@code kpi}, which
     * computes the report from these options in Spark.
     *
     * @param command the command that prints notes and warnings, not null
     * @param input the input options, not null
     * @param in the orders read, not null
     * @param periods the period options, not null
     * @param activeWindow {@code --active-window}, empty for the period's default
     * @param revenue the revenue basis, not null
     * @return the options, never null
     * @throws CommandFailedException if the file has no usable order or {@code --to} is before {@code --from}
     */
    public static OrderKpiOptions options(CrmkitCommand command, OrderInputOptions input, OrderFile in,
            PeriodOptions periods, Optional<Integer> activeWindow, RevenueBasis revenue) {
        ReportingPeriod period = periods.period;
        LocalDate from = periods.from;
        LocalDate to = periods.to;
        ZoneId zone = input.zone();
        Instant earliest = in.earliest().orElseThrow(() -> new CommandFailedException(
                "no usable order in the input: nothing to report"));
        LocalDate first = from != null ? from : earliest.atZone(zone).toLocalDate();
        LocalDate last = to != null ? to : in.latest().orElseThrow().atZone(zone).toLocalDate();
        if (last.isBefore(first)) {
            throw new CommandFailedException("--to " + last + " is before --from " + first);
        }
        int window = activeWindow.isPresent() ? activeWindow.get() : switch (period) {
            case WEEK, MONTH -> 90;
            case QUARTER -> 183;
            case YEAR -> 366;
        };
        PeriodGrid grid = PeriodGrid.covering(period, zone, first, last);
        OrderKpiOptions options = OrderKpiOptions.builder(grid, window).countedCategories(EnumSet.copyOf(periods.counted))
                .revenueBasis(revenue).purchaseUnit(periods.purchaseUnit.unit()).currency(Optional.of(input.currency(in)))
                .build();
        if (from == null || to == null) {
            command.note("reporting " + grid + (from == null ? " (from: the earliest order)" : "")
                    + (to == null ? " (to: the latest order)" : ""));
        }
        warnIncomplete(command, grid, earliest.atZone(zone).toLocalDate(), in.latest().orElseThrow().atZone(zone)
                .toLocalDate());
        return options;
    }

    /**
     * The result rows of {@code crmkit kpi}: one per period, dates in the zone of the grid.
     *
     * @param report the report, not null
     * @param zone the zone of the period start dates, not null
     * @return the rows, never null
     */
    public static ListRows rows(OrderKpiReport report, ZoneId zone) {
        ListRows rows = new ListRows(List.of(Column.text("period"), Column.text("start"), Column.number("orders", 0),
                Column.number("revenue", 2), Column.number("buyers", 0), Column.number("new_customers", 0),
                Column.number("returning_buyers", 0), Column.number("multi_purchase_buyers", 0),
                Column.number("active_start", 0), Column.number("active_end", 0), Column.number("retained", 0),
                Column.number("churned", 0), Column.number("reactivated", 0), Column.number("retention_rate", 4),
                Column.number("churn_rate", 4), Column.number("textbook_retention", 4),
                Column.number("repeat_purchase_rate", 4), Column.number("returning_customer_rate", 4),
                Column.number("purchase_frequency", 3), Column.number("average_order_value", 2),
                Column.number("new_customer_revenue_share", 4), Column.number("revenue_growth", 4)));
        for (PeriodOrderKpis k : report.periods()) {
            rows.add(k.label(), k.start().atZone(zone).toLocalDate(), k.orders(), k.revenue().amount(), k.buyers(),
                    k.newCustomers(), k.returningBuyers(), k.multiPurchaseBuyers(), k.activeAtStart(),
                    k.activeAtEnd(), k.retained(), k.churned(), k.reactivated(), cell(k.retentionRate()),
                    cell(k.churnRate()), cell(k.textbookRetentionRate()), cell(k.repeatPurchaseRate()),
                    cell(k.returningCustomerRate()), cell(k.purchaseFrequency()),
                    k.averageOrderValue().map(m -> (Object) m.amount()).orElse(null),
                    cell(k.newCustomerRevenueShare()), cell(k.revenueGrowth()));
        }
        return rows;
    }

    /**
     * Warns about a first or last period that the orders cover only in part (it starts before the
     * first order's day, or ends after the last order's day): its counts, revenue and growth are not
     * comparable with whole periods.
     */
    static void warnIncomplete(CrmkitCommand command, PeriodGrid grid, LocalDate firstOrder, LocalDate lastOrder) {
        LocalDate lastDay = grid.range().end().atZone(grid.zone()).toLocalDate().minusDays(1);
        if (grid.startDate(0).isBefore(firstOrder)) {
            command.warn("period " + grid.label(0) + " is incomplete: it starts on " + grid.startDate(0)
                    + ", the orders on " + firstOrder + "; its figures are not comparable with whole periods");
        }
        if (lastDay.isAfter(lastOrder)) {
            command.warn("period " + grid.label(grid.size() - 1) + " is incomplete: it ends on " + lastDay
                    + ", the orders on " + lastOrder + "; its figures (and its revenue_growth) are not comparable"
                    + " with whole periods");
        }
    }

    /**
     * The definitions printed with KPI and cohort results.
     *
     * @param command the command's name, not null
     * @param input the input options, not null
     * @param in the orders read, not null
     * @param report the report, not null
     * @return the definitions, never null
     */
    public static Definitions definitions(String command, OrderInputOptions input, OrderFile in, OrderKpiReport report) {
        OrderKpiOptions o = report.options();
        Definitions d = new Definitions();
        d.put("command", command);
        d.put("periods", o.grid().toString());
        d.put("zone", o.grid().zone().getId());
        d.put("purchase_unit", lower(o.purchaseUnit()));
        d.put("active_window_days", o.activeWindowDays());
        d.put("definitions", o.describe());
        d.put("currency", o.currency().map(c -> c.getCurrencyCode()).orElse("from data"));
        d.put("currency_source", input.currencySource(in));
        input.describeInput(d, in);
        d.put("orders_seen", report.ordersSeen());
        d.put("orders_counted", report.ordersCounted());
        d.put("orders_excluded_by_status", report.excludedByStatus());
        d.put("orders_after_the_last_period", report.excludedAfterGrid());
        return d;
    }

    static Object cell(OptionalDouble value) {
        return value.isPresent() ? (Object) value.getAsDouble() : null;
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
