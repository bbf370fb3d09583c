package io.crmkit.examples;

import io.crmkit.metrics.credit.AgeingBuckets;
import io.crmkit.metrics.credit.Allocation;
import io.crmkit.metrics.credit.CustomerAgeing;
import io.crmkit.metrics.credit.Ledger;
import io.crmkit.metrics.credit.LedgerTotals;
import io.crmkit.testkit.simulation.ReceivablesSimulator;
import io.crmkit.testkit.simulation.ReceivablesSimulator.SimulatedLedger;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Quick start 8: receivables ageing. A business-to-business ledger of 200 customers invoiced
 * monthly on 30-day terms through 2025 (crm-testkit's {@link ReceivablesSimulator}: prompt, slow
 * and distressed payers); payments are allocated to invoices (the named invoice, else the oldest
 * due) as of 2025-12-31, then the outstanding amounts are aged by days past due (current, 1-30,
 * 31-60, 61-90, over 90), with the days sales outstanding over 90 days and the overdue share.
 * Amounts in euros.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReceivablesExample {

    private ReceivablesExample() {
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
        Currency eur = Currency.getInstance("EUR");
        SimulatedLedger data = new ReceivablesSimulator(200, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                eur, 7).generate();

        // tour:receivables begin
        Ledger ledger = Ledger.of(eur, data.invoices(), data.payments());   // the host's invoices and payments
        Allocation allocation = ledger.allocate(LocalDate.of(2025, 12, 31)); // payments applied as of that day
        AgeingBuckets buckets = AgeingBuckets.DEFAULT;         // current, 1-30, 31-60, 61-90, 91+ days past due
        List<CustomerAgeing> ageing = allocation.ageing(buckets);
        for (CustomerAgeing row : ageing.subList(0, Math.min(3, ageing.size()))) {
            out.println(row.customerId() + " " + buckets.names() + ": " + row.buckets() + ", overdue " + row.overdue());
        }
        out.printf(Locale.ROOT, "outstanding %s, DSO %.1f days%n", allocation.totals().outstanding(),
                allocation.dso(90).orElseThrow());
        // tour:receivables end

        LedgerTotals t = allocation.totals();
        out.println("invoiced " + t.invoiced() + ", paid and applied " + t.paidApplied() + ", unapplied credit "
                + t.unappliedCredit());
        out.println("customers: " + ageing.size() + "; overdue share of the outstanding: "
                + String.format(Locale.ROOT, "%.3f", allocation.overdueShare().orElseThrow()));
        BigDecimal[] perBucket = new BigDecimal[buckets.count()];
        Arrays.fill(perBucket, BigDecimal.ZERO);
        for (CustomerAgeing row : ageing) {
            for (int b = 0; b < perBucket.length; b++) {
                perBucket[b] = perBucket[b].add(row.buckets().get(b).amount());
            }
        }
        for (int b = 0; b < perBucket.length; b++) {
            out.println("  " + buckets.names().get(b) + ": " + perBucket[b].toPlainString());
        }
        out.println("most overdue customers:");
        ageing.stream().sorted(Comparator.comparing((CustomerAgeing a) -> a.overdue().amount()).reversed()
                        .thenComparing(a -> a.customerId().value()))
                .limit(5)
                .forEach(a -> out.println("  " + a.customerId() + "  " + a.buckets().stream()
                        .map(m -> m.amount().toPlainString()).toList() + "  outstanding " + a.outstanding()));
    }
}
