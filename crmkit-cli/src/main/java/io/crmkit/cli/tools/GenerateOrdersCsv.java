package io.crmkit.cli.tools;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.crmkit.core.order.Order;
import io.crmkit.testkit.simulation.CustomerBaseSimulator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes a synthetic order file in the {@code crmkit} CSV convention
 * ({@code customer_id,order_id,timestamp,amount,currency,status}), for benchmarks and trials of
 * {@code crmkit summarize}: the orders of a {@link CustomerBaseSimulator} (CDNOW defaults), sorted
 * by time as a shop's export would be, each split into 1 to {@code --max-lines} lines (the order
 * amount shared between them), with status labels mixed as a shop's would be (about 4 % cancelled,
 * 3 % pending, the rest paid, delivered or completed). Deterministic for a seed.
 *
 * <p>Memory: about 24 bytes per order while sorting. Example:
 * {@code java -cp crmkit-cli/target/crmkit.jar io.crmkit.cli.tools.GenerateOrdersCsv
 * --customers 1000000 -o /tmp/orders.csv}.
 */
@Command(name = "generate-orders-csv", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a synthetic order file (crmkit CSV convention) from the customer-base simulator.")
public final class GenerateOrdersCsv implements Callable<Integer> {

    private static final String[] COMPLETED_LABELS = {"paid", "delivered", "completed"};

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The file to write.")
    private Path output;

    @Option(names = "--customers", paramLabel = "N", defaultValue = "1000000",
            description = "Number of customers. Default: ${DEFAULT-VALUE}.")
    private int customers;

    @Option(names = "--max-lines", paramLabel = "L", defaultValue = "5",
            description = "Each order has 1 to L lines (uniform). Default: ${DEFAULT-VALUE}.")
    private int maxLines;

    @Option(names = "--acquisition-start", paramLabel = "DATE", defaultValue = "2024-01-01",
            description = "First purchases fall over the quarter starting on this day. Default: ${DEFAULT-VALUE}.")
    private LocalDate acquisitionStart;

    @Option(names = "--last-day", paramLabel = "DATE", defaultValue = "2025-06-30",
            description = "Last day with orders. Default: ${DEFAULT-VALUE}.")
    private LocalDate lastDay;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    private long seed;

    /**
     * Creates the command; picocli fills its options.
     */
    public GenerateOrdersCsv() {
    }

    /**
     * Runs the generator.
     *
     * @param args the command-line arguments, not null
     */
    public static void main(String... args) {
        System.exit(new CommandLine(new GenerateOrdersCsv()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (customers < 1 || maxLines < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--customers and --max-lines must be positive");
        }
        CustomerBaseSimulator simulator = CustomerBaseSimulator.builder()
                .customers(customers)
                .acquisition(start(acquisitionStart), start(acquisitionStart.plusMonths(3)))
                .observationEnd(start(lastDay.plusDays(1)))
                .seed(seed)
                .build();
        Orders orders = new Orders();
        try (Stream<Order> stream = simulator.orders()) {
            stream.forEach(orders::add);
        }
        long[] byTime = orders.sortedByTime();
        PrintWriter err = spec.commandLine().getErr();
        long rows = 0;
        SplittableRandom random = new SplittableRandom(seed);
        CsvFactory csv = CsvFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16);
                CsvGenerator g = csv.createGenerator(w)) {
            g.setSchema(CsvSchema.emptySchema());
            row(g, "customer_id", "order_id", "timestamp", "amount", "currency", "status");
            for (long key : byTime) {
                int o = (int) key;
                String customer = simulator.customerId(orders.customer[o]).value();
                String orderId = customer + "-" + orders.sequence[o];
                String time = Instant.ofEpochSecond(orders.second[o]).toString();
                double u = random.nextDouble();
                String status = u < 0.04 ? "cancelled" : u < 0.07 ? "pending"
                        : COMPLETED_LABELS[random.nextInt(COMPLETED_LABELS.length)];
                int lines = 1 + random.nextInt(maxLines);
                long cents = orders.cents[o];
                for (int l = 0; l < lines; l++) {
                    long share = cents / lines + (l == 0 ? cents % lines : 0);
                    row(g, customer, orderId, time, BigDecimal.valueOf(share, 2).toPlainString(), "USD", status);
                }
                rows += lines;
            }
        }
        err.println("generate-orders-csv: wrote " + rows + " rows (" + orders.size + " orders of " + customers
                + " customers) to " + output);
        err.flush();
        return 0;
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void row(CsvGenerator g, String... values) throws IOException {
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** The generated orders as growable primitive columns. */
    private static final class Orders {
        int[] customer = new int[1 << 16];
        int[] sequence = new int[1 << 16];
        long[] second = new long[1 << 16];
        long[] cents = new long[1 << 16];
        int size;

        void add(Order o) {
            if (size == customer.length) {
                int capacity = size * 2;
                customer = Arrays.copyOf(customer, capacity);
                sequence = Arrays.copyOf(sequence, capacity);
                second = Arrays.copyOf(second, capacity);
                cents = Arrays.copyOf(cents, capacity);
            }
            String id = o.id().value();
            customer[size] = Integer.parseInt(o.customerId().value().substring(1)) - 1;
            sequence[size] = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
            second[size] = o.placedAt().getEpochSecond();
            cents[size] = o.grossAmount().toMinorUnits();
            size++;
        }

        /** Returns keys (seconds from the earliest order, shifted left 32, or the order index), sorted. */
        long[] sortedByTime() {
            long base = Long.MAX_VALUE;
            for (int i = 0; i < size; i++) {
                base = Math.min(base, second[i]);
            }
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = ((second[i] - base) << 32) | i;
            }
            Arrays.parallelSort(keys);
            return keys;
        }
    }
}
