package io.crmkit.cli;

import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.order.Order;
import io.crmkit.cli.report.HtmlReport;
import io.crmkit.cli.report.ReportData;
import io.crmkit.cli.report.TextSummary;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.testkit.simulation.BgNbdProcess;
import io.crmkit.testkit.simulation.CustomerBaseSimulator;
import io.crmkit.testkit.simulation.GammaGammaSpend;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code crmkit demo}: runs the purchase-history bridge on a simulated customer base (the
 * {@link CustomerBaseSimulator} with its CDNOW defaults, first purchases over the first quarter of
 * 2025, observed to the end of 2025) and prints a short report for people: the simulator settings,
 * the data, the definitions, purchases per customer, revenue and top customers, the repeat-purchase
 * share and a few customer summaries; then every analytic of {@code crmkit report} as text (RFM
 * segments, revenue concentration, monthly KPIs, cohorts, lifetime value, churn probability, the due
 * list, and the finance of an assumed CRM programme), and with {@code --output} the HTML report. No
 * files are needed; the same seed prints the same report.
 */
@Command(name = "demo", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Runs the library on simulated customers and prints a short report.",
        description = {"Simulates a customer base (BG/NBD buying and Gamma-Gamma spending with the CDNOW estimates,"
            + " first purchases over the first quarter of 2025, observed to the end of 2025), summarises its"
            + " purchase histories and prints a report: the purchase summaries, then every analytic (RFM segments,"
            + " revenue concentration, monthly KPIs, cohorts, lifetime value, churn probability, the due list, the"
            + " finance of an assumed CRM programme); --output also writes the HTML report. The same seed prints the"
            + " same report."})
public final class DemoCommand extends CrmkitCommand {

    static final LocalDate ACQUISITION_START = LocalDate.of(2025, 1, 1);
    static final LocalDate ACQUISITION_END = LocalDate.of(2025, 4, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

    private static final Currency USD = Currency.getInstance("USD");
    private static final int TOP = 5;
    private static final int SHOWN = 5;
    private static final int BAR = 40;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "2000",
            description = "Number of simulated customers. Default: ${DEFAULT-VALUE}.")
    private int customers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the simulation; the same seed gives the same report. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Also write the HTML report of every analytic (as 'crmkit report' does) to this file.")
    private java.nio.file.Path output;

    /**
     * Creates the command; picocli fills its options.
     */
    public DemoCommand() {
    }

    @Override
    public Integer call() throws java.io.IOException {
        if (customers < 1) {
            throw new ParameterException(spec.commandLine(), "--customers must be at least 1: " + customers);
        }
        CustomerBaseSimulator simulator = CustomerBaseSimulator.builder()
                .customers(customers)
                .acquisition(ACQUISITION_START.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        ACQUISITION_END.atStartOfDay(ZoneOffset.UTC).toInstant())
                .observationEnd(LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .seed(seed)
                .build();
        PurchaseHistoryOptions options = PurchaseHistoryOptions.btydConvention(LAST_DAY, ZoneId.of("UTC"),
                PeriodUnit.WEEKS);
        List<Order> orders = simulator.ordersByTime();
        PurchaseSummaries summaries = PurchaseHistory.summarize(orders, options);
        PrintWriter out = out();
        out.println("crmkit demo: the purchase-history bridge on a simulated customer base");
        out.println();
        settings(out);
        out.println();
        data(out, summaries);
        out.println();
        definitions(summaries).printTo(out);
        out.println();
        distribution(out, summaries);
        out.println();
        revenue(out, summaries);
        out.println();
        repeat(out, summaries);
        out.println();
        out.println("a few customers (the first " + SHOWN + " by identifier; t_x and T in weeks):");
        ResultWriter.table(new SummaryRows(summaries).select(IntStream.range(0, Math.min(SHOWN, summaries.size()))
                .toArray(), List.of("customer_id", "first_purchase", "last_purchase", "purchases", "revenue", "x",
                "t_x", "T", "mean_repeat_value")), out, "  ");
        out.println();
        ReportData data = ReportData.compute(new ReportData.Input(OrderBatch.of(USD, orders), USD, ZoneOffset.UTC,
                LAST_DAY, "simulated: " + customers + " customers, seed " + seed, Map.of(),
                io.crmkit.segmentation.lifecycle.EngagementHistory.none(), options.purchaseUnit()));
        TextSummary.print(data, out);
        out.println();
        if (output != null) {
            int bytes = ReportCommand.write(output, HtmlReport.render(data, List.of()));
            out.println("report: " + output + " (" + bytes + " bytes, " + HtmlReport.SECTIONS.size() + " charts)");
        } else {
            out.println("report: not written (add --output report.html for the HTML report with charts)");
        }
        out.flush();
        return CrmkitCli.EXIT_OK;
    }

    private void settings(PrintWriter out) {
        BgNbdProcess p = BgNbdProcess.CDNOW;
        GammaGammaSpend s = GammaGammaSpend.CDNOW;
        out.println("simulator (CustomerBaseSimulator, CDNOW defaults):");
        out.println("  customers: " + customers);
        out.println("  first purchases: uniform over " + ACQUISITION_START + " to " + ACQUISITION_END.minusDays(1)
                + " (UTC)");
        out.println("  observed until: the end of " + LAST_DAY);
        String unit = p.unit().name().toLowerCase(Locale.ROOT);
        out.println(String.format(Locale.ROOT, "  buying: BG/NBD, r = %s, alpha = %s (per %s), a = %s, b = %s",
                p.r(), p.alpha(), unit.substring(0, unit.length() - 1), p.a(), p.b()));
        out.println(String.format(Locale.ROOT, "  spending: Gamma-Gamma, p = %s, q = %s, gamma = %s (USD)",
                s.p(), s.q(), s.gamma()));
        out.println("  seed: " + seed);
    }

    private static void data(PrintWriter out, PurchaseSummaries summaries) {
        out.println("data:");
        out.println("  orders: " + summaries.stats().ordersSeen());
        out.println("  customers with a purchase: " + summaries.size());
    }

    private static Definitions definitions(PurchaseSummaries summaries) {
        PurchaseHistoryOptions o = summaries.options();
        return new Definitions()
                .put("as_of", o.asOf() + " (day clock: whole days)")
                .put("zone", o.zone().getId())
                .put("purchase_unit", lower(o.purchaseUnit()) + " (a customer's orders on one day are one purchase)")
                .put("revenue_basis", lower(o.revenueBasis()))
                .put("counted_statuses", o.countedCategories().stream().map(DemoCommand::lower).toList())
                .put("currency", summaries.currency().orElseThrow().getCurrencyCode())
                .put("time_unit", lower(o.timeUnit()) + " (t_x, T)")
                .put("orders_counted", summaries.stats().ordersCounted());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static void distribution(PrintWriter out, PurchaseSummaries summaries) {
        String[] labels = {"1", "2", "3", "4", "5", "6-10", "11+"};
        int[] counts = new int[labels.length];
        for (int i = 0; i < summaries.size(); i++) {
            int n = summaries.purchaseCount(i);
            counts[n <= 5 ? n - 1 : n <= 10 ? 5 : 6]++;
        }
        int max = IntStream.of(counts).max().orElse(1);
        int n = summaries.size();
        out.println("purchases per customer:");
        for (int k = 0; k < labels.length; k++) {
            out.println(String.format(Locale.ROOT, "  %-5s %7d  %5.1f %%  %s", labels[k], counts[k],
                    100.0 * counts[k] / n, "#".repeat((int) Math.round((double) BAR * counts[k] / max))));
        }
    }

    private static void revenue(PrintWriter out, PurchaseSummaries summaries) {
        String code = summaries.currency().orElseThrow().getCurrencyCode();
        BigDecimal total = summaries.totalRevenue().orElseThrow().amount();
        out.println("revenue:");
        out.println("  total: " + code + " " + total.toPlainString());
        out.println("  per customer (mean): " + code + " "
                + total.divide(BigDecimal.valueOf(summaries.size()), 2, RoundingMode.HALF_EVEN).toPlainString());
        Integer[] order = new Integer[summaries.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer, BigDecimal>comparing(i -> summaries.revenue(i).amount())
                .reversed().thenComparing(i -> i));
        int[] top = new int[Math.min(TOP, order.length)];
        for (int k = 0; k < top.length; k++) {
            top[k] = order[k];
        }
        out.println("  top " + top.length + " customers by revenue:");
        ResultWriter.table(new SummaryRows(summaries).select(top, List.of("customer_id", "first_purchase",
                "last_purchase", "purchases", "revenue")), out, "    ");
    }

    private static void repeat(PrintWriter out, PurchaseSummaries summaries) {
        BtydView btyd = summaries.btyd();
        int repeaters = 0;
        long repeats = 0;
        for (int i = 0; i < btyd.size(); i++) {
            repeaters += btyd.x(i) > 0 ? 1 : 0;
            repeats += btyd.x(i);
        }
        out.println("repeat purchases:");
        out.println(String.format(Locale.ROOT, "  customers who bought again: %d of %d (%.1f %%)", repeaters,
                btyd.size(), 100.0 * repeaters / btyd.size()));
        out.println("  repeat purchases in all: " + repeats);
    }
}
