package io.crmkit.examples.cli;

import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.examples.cli.orders.OrderCsvReader;
import io.crmkit.examples.cli.orders.OrderInput;
import io.crmkit.examples.cli.orders.OrderRowConsumer;
import io.crmkit.examples.cli.orders.ReadListener;
import io.crmkit.examples.cli.orders.Rejection;
import io.crmkit.examples.cli.orders.StatusMapping;
import io.crmkit.examples.cli.orders.StreamedInput;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of every subcommand that reads an order file ({@code --input}, {@code --zone},
 * {@code --currency}, {@code --status}, {@code --strict}), used as a picocli {@code @Mixin}, and the
 * reading itself with the tool's reporting conventions: rejected rows as {@code line N: reason} on
 * stderr as they are found, one warning for ignored columns, progress on a terminal, and a closing
 * count of rejected rows.
 *
 * <p>Typical use in a subcommand's {@code call()}:
 * <pre>{@code
 * OrderInput in = input.read(this);
 * if (input.failsStrict(this, in)) {
 *     return CrmkitCli.EXIT_FAILED;
 * }
 * Currency currency = input.currency(in);
 * ... compute, print ...
 * note(input.rejectedSummary(in));
 * }</pre>
 */
public final class OrderInputOptions {

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", order = 1,
            description = {"The orders: CSV with a header; columns customer_id, order_id, timestamp, amount"
                + " and optionally currency, status (others are ignored). Rows sharing an order_id are lines"
                + " of one order; without that column each row is one order. '-' reads standard input."})
    private Path input;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", order = 2,
            description = {"Zone of calendar days: a date-only timestamp is the start of that day,"
                + " a local date-time is read in this zone (default: ${DEFAULT-VALUE})."})
    private ZoneId zone;

    @Option(names = "--currency", paramLabel = "CODE", order = 3,
            description = {"Currency of the run (ISO 4217). Without a currency column every amount is in it"
                + " (default USD); with one, rows in other currencies are rejected. crmkit never converts."})
    private Currency currency;

    @Option(names = "--status", paramLabel = "LABEL=CATEGORY", order = 4,
            description = {"Maps a status label to a category (open, completed or void); repeatable; adds to or"
                + " overrides the built-in table: paid, delivered, complete... = completed; pending,"
                + " processing, shipped... = open; cancelled, canceled, failed, rejected... = void."})
    private Map<String, OrderStatusCategory> statuses = new LinkedHashMap<>();

    @Option(names = "--strict", order = 5,
            description = "Fail (exit 1, nothing on stdout) if any row is rejected.")
    private boolean strict;

    /**
     * Creates the options; picocli fills them.
     */
    public OrderInputOptions() {
    }

    /**
     * Returns whether {@code --input} was given (it is required unless a command reads orders from
     * elsewhere, as {@code summarize --jdbc} does).
     *
     * @return true when an input file (or standard input) was named
     */
    public boolean hasInput() {
        return input != null;
    }

    /**
     * Returns {@code --currency}.
     *
     * @return the currency of the run, or empty when not given, never null
     */
    public Optional<Currency> currencyOption() {
        return Optional.ofNullable(currency);
    }

    /**
     * Returns the zone of calendar days.
     *
     * @return the zone, never null
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns whether any rejected row fails the run.
     *
     * @return true under {@code --strict}
     */
    public boolean strict() {
        return strict;
    }

    /**
     * Returns the status mapping: the built-in table with the {@code --status} overrides.
     *
     * @return the mapping, never null
     */
    public StatusMapping statusMapping() {
        return StatusMapping.defaults().with(statuses);
    }

    /**
     * Reads the input file, reporting on the command's stderr as it goes.
     *
     * @param command the running command, not null
     * @return what was read, never null
     * @throws CommandFailedException if the file cannot be opened
     * @throws ParameterException (a usage error) if {@code --input} was not given
     * @throws io.crmkit.examples.cli.orders.InvalidInputException if the file cannot be read as orders
     * @throws IOException if reading fails
     */
    public OrderInput read(CrmkitCommand command) throws IOException {
        return read(command, (reader, in, listener) -> reader.read(in, listener));
    }

    /**
     * Reads the input file row by row, in bounded memory, handing the usable rows to a consumer
     * and reporting on the command's stderr as it goes (see {@link OrderCsvReader#stream}).
     *
     * @param command the running command, not null
     * @param consumer receives the usable rows, not null
     * @return the counts, through which the consumer reports the rows it rejects, never null
     * @throws CommandFailedException if the file cannot be opened
     * @throws ParameterException (a usage error) if {@code --input} was not given
     * @throws io.crmkit.examples.cli.orders.InvalidInputException if the file cannot be read as orders
     * @throws IOException if reading fails
     */
    public StreamedInput stream(CrmkitCommand command, OrderRowConsumer consumer) throws IOException {
        return read(command, (reader, in, listener) -> reader.stream(in, listener, consumer));
    }

    /** One way of reading a file with a reader. */
    @FunctionalInterface
    private interface Reading<T> {
        T read(OrderCsvReader reader, InputStream in, ReadListener listener) throws IOException;
    }

    private <T> T read(CrmkitCommand command, Reading<T> reading) throws IOException {
        if (input == null) {
            throw new ParameterException(command.spec.commandLine(), "Missing required option: '--input=FILE'");
        }
        PrintWriter err = command.err();
        OrderCsvReader reader = new OrderCsvReader(zone, Optional.ofNullable(currency), statusMapping());
        try (Progress progress = command.progress("reading", "rows"); InputStream in = open()) {
            return reading.read(reader, in, new ReadListener() {
                @Override
                public void warning(String message) {
                    command.warn(message);
                }

                @Override
                public void rejected(long line, Rejection kind, String reason) {
                    err.println("line " + line + ": " + reason);
                }

                @Override
                public void progress(long rowsRead) {
                    progress.update(rowsRead);
                }
            });
        } finally {
            err.flush();
        }
    }

    private InputStream open() {
        if (input.toString().equals("-")) {
            return new BufferedInputStream(System.in, 1 << 16);
        }
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            throw new CommandFailedException("cannot read the input file " + input
                    + (Files.exists(input) ? " (not a readable file)" : " (no such file)"));
        }
        try {
            return new BufferedInputStream(Files.newInputStream(input), 1 << 16);
        } catch (IOException e) {
            throw new CommandFailedException("cannot open the input file " + input + ": " + e.getMessage());
        }
    }

    /**
     * Under {@code --strict}, when rows were rejected, prints the closing count and says nothing was
     * computed.
     *
     * @param command the running command, not null
     * @param in what was read, not null
     * @return true when the command must stop with {@link CrmkitCli#EXIT_FAILED}
     */
    public boolean failsStrict(CrmkitCommand command, OrderInput in) {
        return failsStrict(command, in.rowsRejected(), rejectedSummary(in));
    }

    /**
     * As {@link #failsStrict(CrmkitCommand, OrderInput)}, for a file read row by row.
     *
     * @param command the running command, not null
     * @param in what was read, with the rows the consumer rejected, not null
     * @return true when the command must stop with {@link CrmkitCli#EXIT_FAILED}
     */
    public boolean failsStrict(CrmkitCommand command, StreamedInput in) {
        return failsStrict(command, in.rowsRejected(), rejectedSummary(in));
    }

    private boolean failsStrict(CrmkitCommand command, long rowsRejected, String summary) {
        if (!strict || rowsRejected == 0) {
            return false;
        }
        command.note(summary + "; --strict: nothing computed");
        return true;
    }

    /**
     * Returns the closing count of rejected rows, by reason, such as {@code "2 of 10 rows rejected
     * (1 bad timestamp, 1 unknown status)"}: a command prints it as the last line of a run on stderr.
     *
     * @param in what was read, not null
     * @return the text, never null
     */
    public String rejectedSummary(OrderInput in) {
        return rejectedSummary(in.rowsRead(), in.rowsRejected(), in.rejectedByKind());
    }

    /**
     * As {@link #rejectedSummary(OrderInput)}, for a file read row by row.
     *
     * @param in what was read, with the rows the consumer rejected, not null
     * @return the text, never null
     */
    public String rejectedSummary(StreamedInput in) {
        return rejectedSummary(in.rowsRead(), in.rowsRejected(), in.rejectedByKind());
    }

    private static String rejectedSummary(long rowsRead, long rowsRejected, Map<Rejection, Long> byKind) {
        String text = rowsRejected + " of " + rowsRead + " rows rejected";
        if (rowsRejected > 0) {
            text += " (" + byKind.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().description())
                    .collect(Collectors.joining(", ")) + ")";
        }
        return text;
    }

    /**
     * Returns the currency of the run: {@code --currency} when given; else the single currency of
     * the input's orders (the default, USD, without a currency column).
     *
     * @param in what was read, not null
     * @return the currency, never null
     * @throws CommandFailedException if the orders are in several currencies and none was chosen
     */
    public Currency currency(OrderInput in) {
        if (currency != null) {
            return currency;
        }
        List<Currency> found = in.orders().currencies();
        if (found.size() > 1) {
            throw new CommandFailedException("the orders are in " + found.size() + " currencies ("
                    + found.stream().map(c -> c.getCurrencyCode() + ": " + in.orders().orderCount(c) + " orders")
                            .collect(Collectors.joining(", "))
                    + "); choose one with --currency (orders in the others are then rejected; crmkit never converts)");
        }
        return found.isEmpty() ? OrderCsvReader.DEFAULT_CURRENCY : found.get(0);
    }

    /**
     * Says where the run's currency came from, for the definitions.
     *
     * @param in what was read, not null
     * @return {@code "--currency"}, {@code "currency column"} or {@code "default"}, never null
     */
    public String currencySource(OrderInput in) {
        return currency != null ? "--currency" : in.hasCurrencyColumn() ? "currency column" : "default";
    }
}
