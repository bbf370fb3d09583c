package io.crmkit.benchmarks;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.metrics.credit.AgeingBuckets;
import io.crmkit.metrics.credit.Allocation;
import io.crmkit.metrics.credit.CustomerAgeing;
import io.crmkit.metrics.credit.Ledger;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Receivables ageing of a synthetic ledger of {@code invoices} invoices and as many payments
 * (default 5 M + 5 M = 10 M records) over {@code customers} customers and three years: each
 * customer invoiced monthly-ish with 30-day terms; 80% of invoices paid (70% of those naming the
 * invoice) 0 to 60 days after due, some partially, some overpaid; the rest open; the remaining
 * payments (to make as many as invoices) fall on random days naming no invoice. Measures the
 * allocation as of the last day plus the per-customer ageing rows, and the allocation plus the
 * portfolio bucket totals only. The ledger is built once per fork (its build time is printed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g", "-XX:+UseParallelGC"})
public class ReceivablesBenchmark {

    /** Invoices (and as many payments). */
    @Param("5000000")
    public int invoices;

    /** Customers. */
    @Param("500000")
    public int customers;

    private Ledger ledger;
    private LocalDate asOf;

    /** Generates the ledger. */
    @Setup
    public void setUp() {
        long t0 = System.nanoTime();
        SplittableRandom random = new SplittableRandom(42);
        int start = (int) LocalDate.of(2022, 1, 1).toEpochDay();
        int days = 3 * 365;
        asOf = LocalDate.ofEpochDay(start + days);
        CustomerId[] ids = new CustomerId[customers];
        for (int c = 0; c < customers; c++) {
            ids[c] = CustomerId.of(String.format(Locale.ROOT, "C%07d", c));
        }
        Ledger.Builder b = Ledger.builder(Money.currency("EUR"));
        int payments = 0;
        for (int i = 0; i < invoices; i++) {
            int c = random.nextInt(customers);
            int issued = start + random.nextInt(days);
            int due = issued + 30;
            long amount = 1_000 + random.nextLong(500_000);
            String invoiceId = "I" + i;
            b.addIssued(invoiceId, ids[c], issued, due, amount);
            double u = random.nextDouble();
            if (u < 0.8) {
                long paid = u < 0.1 ? amount / 2 : u < 0.15 ? amount + 500 : amount;
                b.addPayment("P" + payments++, ids[c], due + random.nextInt(61), paid, u < 0.56 ? invoiceId : null);
            }
        }
        while (payments < invoices) {
            int c = random.nextInt(customers);
            b.addPayment("P" + payments++, ids[c], start + random.nextInt(days), 1_000 + random.nextLong(100_000), null);
        }
        ledger = b.build();
        System.out.printf(Locale.ROOT, "%nledger of %d invoices and %d credits over %d customers built in %.1f s%n",
                ledger.invoiceCount(), ledger.creditCount(), ledger.customers().size(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Allocation as of the last day and the ageing row of every customer with a balance.
     *
     * @return the rows
     */
    @Benchmark
    public List<CustomerAgeing> allocateAndAgeByCustomer() {
        return ledger.allocate(asOf).ageing(AgeingBuckets.DEFAULT);
    }

    /**
     * Allocation as of the last day and the portfolio bucket totals.
     *
     * @return the totals in minor units
     */
    @Benchmark
    public long[] allocateAndAgeTotals() {
        Allocation a = ledger.allocate(asOf);
        return a.ageingTotalsMinor(AgeingBuckets.DEFAULT);
    }
}
