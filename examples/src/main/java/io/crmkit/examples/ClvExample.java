package io.crmkit.examples;

import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.metrics.clv.BgNbdModel;
import io.crmkit.metrics.clv.BtydData;
import io.crmkit.metrics.clv.CustomerValue;
import io.crmkit.metrics.clv.DiscountRate;
import io.crmkit.metrics.clv.Estimate;
import io.crmkit.metrics.clv.GammaGammaModel;
import io.crmkit.metrics.clv.Horizon;
import io.crmkit.metrics.clv.LifetimeValue;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Quick start 3: customer lifetime value. Fits the BG/NBD transaction model and the Gamma-Gamma
 * spend model by maximum likelihood to the simulated shop's purchase histories (durations in
 * weeks), then values every customer over the next 52 weeks at a 10 % yearly discount rate on
 * revenue (margin 1): P(alive), expected transactions, expected spend per transaction and CLV in US
 * dollars. Prints the fitted parameters (the shop was simulated with the CDNOW estimates, r 0.243,
 * alpha 4.41, a 0.793, b 2.43), the customers with the highest CLV and the totals.
 *
 * <p>Stateless and thread-safe.
 */
public final class ClvExample {

    private ClvExample() {
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
        PurchaseSummaries summaries = ShopData.summaries();

        // tour:clv begin
        BtydView history = summaries.btyd();                      // x, t_x, T per customer, in weeks
        BgNbdModel buying = BgNbdModel.fit(BtydData.of(history));
        GammaGammaModel spending = GammaGammaModel.fit(history);
        LifetimeValue.Settings settings = new LifetimeValue.Settings(Horizon.of(52, PeriodUnit.WEEKS),
                DiscountRate.of(0.10, PeriodUnit.YEARS), 1.0);   // 52 weeks, 10 % a year, margin 1
        List<CustomerValue> values = CustomerValue.of(buying, spending, history, settings);
        for (CustomerValue v : values.subList(0, Math.min(3, values.size()))) {
            out.printf(Locale.ROOT, "%s: P(alive) %.3f, %.2f purchases next year, CLV %.2f%n", v.customerId(),
                    v.probabilityAlive(), v.expectedTransactions(), v.clv().orElseThrow());
        }
        // tour:clv end

        out.println();
        out.println("BG/NBD (" + buying.fit().map(f -> f.report().status().toString()).orElse("given") + "): " + params(buying.parameters()));
        out.println("Gamma-Gamma: " + params(spending.parameters()));
        out.println("settings: " + settings.describe());
        out.println();
        out.println("customers valued: " + values.size());
        double total = values.stream().mapToDouble(v -> v.clv().orElseThrow()).sum();
        double expected = values.stream().mapToDouble(CustomerValue::expectedTransactions).sum();
        double meanAlive = values.stream().mapToDouble(CustomerValue::probabilityAlive).average().orElseThrow();
        out.printf(Locale.ROOT, "expected purchases in the next 52 weeks: %.1f%n", expected);
        out.printf(Locale.ROOT, "total CLV: %.2f USD; mean P(alive): %.3f%n", total, meanAlive);
        out.println("highest CLV:");
        values.stream().sorted(Comparator.comparingDouble((CustomerValue v) -> v.clv().orElseThrow()).reversed())
                .limit(5)
                .forEach(v -> out.printf(Locale.ROOT, "  %s  x=%d  P(alive) %.3f  expected %.2f  spend %.2f  CLV %.2f%n",
                        v.customerId(), v.x(), v.probabilityAlive(), v.expectedTransactions(),
                        v.expectedSpend().orElseThrow(), v.clv().orElseThrow()));
    }

    private static String params(List<Estimate> estimates) {
        StringBuilder b = new StringBuilder();
        for (Estimate e : estimates) {
            b.append(b.length() == 0 ? "" : ", ").append(e.name()).append(' ')
                    .append(String.format(Locale.ROOT, "%.4g", e.value()));
        }
        return b.toString();
    }
}
