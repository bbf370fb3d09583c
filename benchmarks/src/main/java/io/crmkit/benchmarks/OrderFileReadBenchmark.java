package io.crmkit.benchmarks;

import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.orders.OrderFileReader;
import io.crmkit.cli.orders.ReadListener;
import io.crmkit.cli.orders.Rejection;
import io.crmkit.cli.orders.StatusMapping;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading an order file into an {@link OrderBatch} ({@link OrderFileReader}: splitting on a second
 * thread, timestamps and amounts from the bytes, one dictionary lookup per row), alone and followed
 * by the per-customer summaries: the part of {@code crmkit rfm} that is not scoring or printing.
 * The file is made in memory like {@code shared/bench/gen_transactions.py}'s: {@code rows} rows
 * {@code customer_id,date,amount} of {@code customers} customers in random order (every customer
 * at least once, the others drawn with gamma-like weights), dates over 2022-2023, amounts of two
 * decimals; seeded.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OrderFileReadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g", "-XX:+UseParallelGC"})
public class OrderFileReadBenchmark {

    @Param("10000000")
    int rows;

    @Param("1000000")
    int customers;

    private byte[] file;

    /** Makes the file. */
    @Setup(Level.Trial)
    public void makeFile() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        int[] customerOf = new int[rows];
        for (int r = 0; r < rows; r++) {
            // every customer once, then skewed: the square of a uniform favours low numbers
            double u = random.nextDouble();
            customerOf[r] = r < customers ? r + 1 : 1 + (int) (u * u * customers);
        }
        for (int r = rows - 1; r > 0; r--) {
            int k = random.nextInt(r + 1);
            int t = customerOf[r];
            customerOf[r] = customerOf[k];
            customerOf[k] = t;
        }
        LocalDate first = LocalDate.of(2022, 1, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 25);
        StringBuilder line = new StringBuilder("customer_id,date,amount\n");
        for (int r = 0; r < rows; r++) {
            long cents = Math.max(100, Math.round(Math.exp(3.5 + 0.9 * random.nextGaussian()) * 100));
            line.append(customerOf[r]).append(',').append(first.plusDays(random.nextInt(730))).append(',')
                    .append(cents / 100).append('.').append(cents % 100 < 10 ? "0" : "").append(cents % 100)
                    .append('\n');
            if (line.length() > 1 << 16) {
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
                line.setLength(0);
            }
        }
        out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
        file = out.toByteArray();
    }

    private OrderFile read() throws IOException {
        return new OrderFileReader(ZoneOffset.UTC, Optional.empty(), StatusMapping.defaults(),
                Map.of("timestamp", "date"), Optional.empty()).read(new ByteArrayInputStream(file), new ReadListener() {
                    @Override
                    public void warning(String message) {
                    }

                    @Override
                    public void rejected(long line, Rejection kind, String reason) {
                        throw new IllegalStateException("line " + line + ": " + reason);
                    }
                });
    }

    /** Reads the file into a batch. */
    @Benchmark
    public OrderBatch readIntoBatch() throws IOException {
        return read().batch();
    }

    /** Reads the file and summarises the batch per customer (the recency, frequency, monetary input). */
    @Benchmark
    public PurchaseSummaries readAndSummarize() throws IOException {
        return PurchaseHistory.summarize(read().batch(),
                PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2024, 1, 1))).build());
    }
}
