package io.crmkit.benchmarks;

import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistoryAccumulator;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the memory the summary step retains: streams simulated orders straight from the
 * simulator into an accumulator (no order list is kept), then reports the heap in use with only
 * the accumulator and its summaries alive, and the rows per second of the whole pass
 * (simulation included).
 *
 * <p>Run: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.crmkit.benchmarks.SummaryFootprint 1000000}.
 */
public final class SummaryFootprint {

    private SummaryFootprint() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the number of customers (default 1,000,000)
     */
    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Runtime rt = Runtime.getRuntime();
        long before = usedAfterGc(rt);
        PurchaseHistoryAccumulator acc = new PurchaseHistoryAccumulator(
                PurchaseHistoryOptions.btydConvention(LocalDate.of(2025, 12, 31), ZoneOffset.UTC, PeriodUnit.WEEKS));
        AtomicLong rows = new AtomicLong();
        long start = System.nanoTime();
        SyntheticOrders.simulator(customers, 20261122L).orders().forEach(o -> {
            acc.accept(o);
            rows.incrementAndGet();
        });
        PurchaseSummaries summaries = acc.toSummaries();
        double seconds = (System.nanoTime() - start) / 1e9;
        long retained = usedAfterGc(rt) - before;
        System.out.printf("customers=%d orders=%d seconds=%.1f rows/s=%.0f retained=%.1f MiB (%.0f bytes/customer)"
                + " max-heap=%d MiB%n", summaries.size(), rows.get(), seconds, rows.get() / seconds,
                retained / 1048576.0, retained / (double) summaries.size(), rt.maxMemory() / 1048576);
        if (summaries.size() == 0 || acc.customerCount() != summaries.size()) {
            throw new IllegalStateException("unexpected summary size");
        }
    }

    private static long usedAfterGc(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
