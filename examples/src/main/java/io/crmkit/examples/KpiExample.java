package io.crmkit.examples;

import io.crmkit.core.order.Order;
import io.crmkit.metrics.kpi.CohortMatrix;
import io.crmkit.metrics.kpi.OrderKpiOptions;
import io.crmkit.metrics.kpi.OrderKpiReport;
import io.crmkit.metrics.kpi.OrderKpis;
import io.crmkit.metrics.kpi.PeriodGrid;
import io.crmkit.metrics.kpi.PeriodOrderKpis;
import io.crmkit.metrics.kpi.ReportingPeriod;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Quick start 5: KPIs and cohorts. Computes the order KPIs of every month of 2025 (UTC) in one
 * pass over the simulated shop's orders, a customer being active while they bought in the last
 * 90 days: orders, buyers, new customers, revenue in US dollars, retained and churned customers,
 * repeat-purchase rate; then the cohort retention matrix (per month of acquisition, the share of
 * the cohort buying 0, 1, 2... months later) and the definitions used.
 *
 * <p>Stateless and thread-safe.
 */
public final class KpiExample {

    private KpiExample() {
    }

    /**
     * Runs the quick start and prints to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the quick start and prints its report.
     *
     * @param out where the report goes, not null
     */
    public static void run(PrintStream out) {
        Stream<Order> orders = ShopData.orders();
        out.println("monthly KPIs of 2025:");

        // tour:kpi begin
        PeriodGrid months = PeriodGrid.covering(ReportingPeriod.MONTH, ZoneOffset.UTC,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        OrderKpiReport report = OrderKpis.compute(orders, OrderKpiOptions.of(months, 90)); // active: bought in 90 days
        for (PeriodOrderKpis k : report.periods()) {
            out.printf(Locale.ROOT, "%s: %4d orders, %4d buyers (%3d new), revenue %s, retained %d of %d active%n",
                    k.label(), k.orders(), k.buyers(), k.newCustomers(), k.revenue(), k.retained(), k.activeAtStart());
        }
        CohortMatrix cohorts = report.cohorts();   // per month of first purchase: who bought again, k months on
        out.printf(Locale.ROOT, "cohort %s: %d customers, %d bought again a month later%n", cohorts.label(0),
                cohorts.size(0), cohorts.count(0, 1));
        // tour:kpi end

        out.println();
        out.println("cohort retention (share of each cohort buying k months after its first purchase):");
        StringBuilder header = new StringBuilder("  cohort     size");
        for (int k = 0; k < cohorts.cohorts(); k++) {
            header.append(String.format(Locale.ROOT, " %5d", k));
        }
        out.println(header);
        for (int c = 0; c < cohorts.cohorts(); c++) {
            if (cohorts.size(c) == 0) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-8s %6d", cohorts.label(c),
                    cohorts.size(c)));
            for (int k = 0; k < cohorts.columns(c); k++) {
                row.append(String.format(Locale.ROOT, " %5.3f", cohorts.rate(c, k).orElseThrow()));
            }
            out.println(row);
        }
        out.println("customers in cohorts: " + cohorts.customers());
        out.println("orders seen: " + report.ordersSeen() + ", counted: " + report.ordersCounted());
        out.println("definitions: " + report.options().describe());
    }
}
