package io.crmkit.cli;

import io.crmkit.core.TimeRange;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.jdbc.JdbcDialect;
import io.crmkit.jdbc.JdbcOrderRepository;
import io.crmkit.jdbc.RepositoryAccessException;
import java.time.Instant;
import java.util.stream.Stream;
import io.crmkit.cli.orders.GzipInput;
import io.crmkit.cli.orders.OrderColumns;
import io.crmkit.cli.orders.OrderCsvReader;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.orders.OrderFileReader;
import io.crmkit.cli.orders.OrderRowConsumer;
import io.crmkit.cli.orders.ReadListener;
import io.crmkit.cli.orders.Rejection;
import io.crmkit.cli.orders.StatusMapping;
import io.crmkit.cli.orders.StreamedInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.RoundingMode;
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
 * The options of every subcommand that reads orders, from a file or a database ({@code --input},
 * {@code --jdbc}, {@code --column},
 * {@code --zone}, {@code --currency}, {@code --status}, {@code --amount-rounding}, {@code --strict}),
 * used as a picocli {@code @Mixin}, and the reading itself with the tool's reporting conventions:
 * gzip input recognised by its magic bytes (also on standard input), rejected rows as
 * {@code line N: reason} on stderr as they are found, one warning for ignored columns, progress on
 * a terminal, and a closing count of every row: used, guest, rejected.
 *
 * <p>Typical use in a subcommand's {@code call()}:
 * <pre>{@code
 * OrderFile in = input.read(this);
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
                + " of one order; without that column each row is one order. A negative amount is a return;"
                + " a row without customer_id a guest row. Gzip is recognised. '-' reads standard input."})
    private Path input;

    @Option(names = "--jdbc", paramLabel = "URL", order = 2,
            description = {"A database loaded by 'crmkit load' (jdbc:h2:./crm, jdbc:postgresql://host/db?user=...;"
                + " credentials go in the URL): the analysis commands read their orders from it instead of --input"
                + " (--column, --status and --amount-rounding do not apply: the database holds checked orders);"
                + " load stores the --input file in it."})
    private String jdbc;

    @Option(names = "--column", paramLabel = "NAME=HEADER", order = 2,
            description = {"Reads crmkit's column NAME (customer_id, order_id, timestamp, amount, currency,"
                + " status) from the file's column HEADER; repeatable, e.g. --column timestamp=date."})
    private Map<String, String> columnMapping = new LinkedHashMap<>();

    @Option(names = "--amount-rounding", paramLabel = "MODE", order = 6,
            converter = AmountRoundingConverter.class,
            description = {"How to round amounts with more decimal places than the currency has: half-even,"
                + " half-up, half-down, up, down, ceiling or floor. Without it such amounts are rejected,"
                + " except floating-point noise (within 1e-9 relative of a value on the scale, such as"
                + " 118.22999999999999), which is always read as that value and counted."})
    private RoundingMode amountRounding;

    @Option(names = "--max-record-bytes", paramLabel = "BYTES", order = 6,
            defaultValue = "" + io.crmkit.cli.orders.CsvRecords.DEFAULT_MAX_RECORD_BYTES,
            description = {"The longest row read, in bytes (default: ${DEFAULT-VALUE}, 1 MiB; at most 268435456):"
                + " a longer row is rejected with its line and skipped without being kept."})
    private int maxRecordBytes;

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
     * Returns {@code --jdbc}.
     *
     * @return the database URL, or empty when not given, never null
     */
    public Optional<String> jdbc() {
        return Optional.ofNullable(jdbc);
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

    private int maxRecordBytes(CrmkitCommand command) {
        if (maxRecordBytes < 1 || maxRecordBytes > io.crmkit.cli.orders.CsvRecords.MAX_RECORD_BYTES) {
            throw new ParameterException(command.spec.commandLine(), "--max-record-bytes must be from 1 to "
                    + io.crmkit.cli.orders.CsvRecords.MAX_RECORD_BYTES + ": " + maxRecordBytes);
        }
        return maxRecordBytes;
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
     * Reads the input file into one columnar batch, reporting on the command's stderr as it goes.
     *
     * @param command the running command, not null
     * @return what was read, never null
     * @throws CommandFailedException if the file cannot be opened, or its orders are in several
     *     currencies and none was chosen
     * @throws ParameterException (a usage error) if {@code --input} was not given or a
     *     {@code --column} is wrong
     * @throws io.crmkit.cli.orders.InvalidInputException if the file cannot be read as orders
     * @throws IOException if reading fails
     */
    public OrderFile read(CrmkitCommand command) throws IOException {
        if (jdbc != null && input != null) {
            throw new ParameterException(command.spec.commandLine(), "--input and --jdbc are alternatives: give one");
        }
        OrderFile file = jdbc != null ? readDatabase(command)
                : read(command, (in, listener) -> new OrderFileReader(zone, Optional.ofNullable(currency),
                        statusMapping(), columnMapping, Optional.ofNullable(amountRounding), maxRecordBytes(command)).read(in, listener));
        if (!file.otherCurrencies().isEmpty()) {
            throw new CommandFailedException("the orders are in " + (file.otherCurrencies().size() + 1)
                    + " currencies (" + file.batch().currency().getCurrencyCode() + ": " + file.rowsUsed() + " rows, "
                    + file.otherCurrencies().entrySet().stream()
                            .map(e -> e.getKey().getCurrencyCode() + ": " + e.getValue() + " rows")
                            .collect(Collectors.joining(", "))
                    + "); choose one with --currency (rows in the others are then rejected; crmkit never converts)");
        }
        if (file.noiseRounded() > 0) {
            command.warn(file.noiseRounded() + " amounts carried floating-point noise and were read as the nearby"
                    + " value on the currency's scale (within 1e-9 relative)");
        }
        if (file.modeRounded() > 0) {
            command.warn(file.modeRounded() + " amounts were rounded to the currency's scale with --amount-rounding "
                    + lower(amountRounding));
        }
        return file;
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
     * @throws io.crmkit.cli.orders.InvalidInputException if the file cannot be read as orders
     * @throws IOException if reading fails
     */
    public StreamedInput stream(CrmkitCommand command, OrderRowConsumer consumer) throws IOException {
        return read(command, (in, listener) -> new OrderCsvReader(zone, Optional.ofNullable(currency),
                statusMapping(), columnMapping, Optional.ofNullable(amountRounding), maxRecordBytes(command)).stream(in, listener, consumer));
    }

    /**
     * Reads every order of a database loaded by {@code crmkit load} into one batch, through the JDBC
     * order repository (in time order, streamed). Orders in another currency than the chosen one (or
     * than the first order's, when none was chosen) are counted by currency, as a file's rows are.
     */
    private OrderFile readDatabase(CrmkitCommand command) {
        JdbcOrderRepository orders;
        try {
            JdbcDialect.ofUrl(jdbc);
            orders = new JdbcOrderRepository(JdbcDialect.dataSource(jdbc));
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
        OrderBatch.Builder builder = null;
        Currency batchCurrency = currency;
        Map<Currency, Long> others = new LinkedHashMap<>();
        Map<String, OrderStatusCategory> labels = new LinkedHashMap<>();
        long read = 0;
        long rejected = 0;
        Instant earliest = null;
        Instant latest = null;
        try (Progress progress = command.progress("reading", "orders");
                Stream<Order> stream = orders.stream(TimeRange.all())) {
            for (Order o : (Iterable<Order>) stream::iterator) {
                read++;
                if (batchCurrency == null) {
                    batchCurrency = o.currency();
                }
                if (!o.currency().equals(batchCurrency)) {
                    others.merge(o.currency(), 1L, Long::sum);
                    continue;
                }
                if (builder == null) {
                    builder = OrderBatch.builder(batchCurrency, 1 << 16);
                }
                try {
                    builder.add(o);
                } catch (ArithmeticException e) {
                    rejected++;
                    command.warn("order " + o.id() + " left out: " + OrderFileReader.totalTooLargeReason(batchCurrency));
                    continue;
                }
                labels.putIfAbsent(o.status().label(), o.status().category());
                earliest = earliest == null || o.placedAt().isBefore(earliest) ? o.placedAt() : earliest;
                latest = latest == null || o.placedAt().isAfter(latest) ? o.placedAt() : latest;
                if ((read & 0x3FFF) == 0) {
                    progress.update(read);
                }
            }
        } catch (RepositoryAccessException e) {
            throw new CommandFailedException(e.getMessage());
        }
        if (currency != null && !others.isEmpty()) {
            throw new CommandFailedException(others.values().stream().mapToLong(Long::longValue).sum()
                    + " orders in the database are in other currencies than " + currency.getCurrencyCode()
                    + " (" + others.keySet() + "); crmkit never converts");
        }
        OrderBatch batch = (builder != null ? builder
                : OrderBatch.builder(batchCurrency != null ? batchCurrency : OrderFileReader.DEFAULT_CURRENCY)).build();
        return new OrderFile(batch, read, rejected, rejected == 0 ? Map.of() : Map.of(Rejection.BAD_AMOUNT, rejected),
                0, 0, others, 0, 0, true, true, true, labels,
                Optional.ofNullable(earliest), Optional.ofNullable(latest));
    }

    /** One way of reading a file. */
    @FunctionalInterface
    private interface Reading<T> {
        T read(InputStream in, ReadListener listener) throws IOException;
    }

    /** Reads a rounding mode by its name in lower case with hyphens, such as half-even. */
    static final class AmountRoundingConverter implements picocli.CommandLine.ITypeConverter<RoundingMode> {
        @Override
        public RoundingMode convert(String value) {
            String name = value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            if (name.equals("UNNECESSARY")) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' rounds nothing; leave"
                        + " --amount-rounding out to reject such amounts");
            }
            try {
                return RoundingMode.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a rounding mode"
                        + " (half-even, half-up, half-down, up, down, ceiling, floor)");
            }
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private <T> T read(CrmkitCommand command, Reading<T> reading) throws IOException {
        if (input == null) {
            throw new ParameterException(command.spec.commandLine(), "Missing required option: '--input=FILE'"
                    + (command instanceof LoadCommand ? "" : " (or --jdbc=URL)"));
        }
        try {
            OrderColumns.checkMapping(columnMapping);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.spec.commandLine(), e.getMessage());
        }
        PrintWriter err = command.err();
        try (Progress progress = command.progress("reading", "rows"); InputStream in = open()) {
            return reading.read(in, new ReadListener() {
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
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            // a damaged or truncated gzip input: say so, rather than a bare decompressor message
            throw new CommandFailedException(GzipInput.damaged(input.toString().equals("-")
                    ? "on standard input" : input.toString(), e));
        } finally {
            err.flush();
        }
    }

    private InputStream open() throws IOException {
        if (input.toString().equals("-")) {
            return GzipInput.decompressed(System.in);
        }
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            throw new CommandFailedException("cannot read the input file " + input
                    + (Files.exists(input) ? " (not a readable file)" : " (no such file)"));
        }
        InputStream raw;
        try {
            raw = Files.newInputStream(input);
        } catch (IOException e) {
            throw new CommandFailedException("cannot open the input file " + input + ": " + e.getMessage());
        }
        try {
            return GzipInput.decompressed(raw);
        } catch (IOException e) {
            raw.close();
            throw new CommandFailedException("cannot read the gzip input file " + input + ": " + e.getMessage());
        }
    }

    /**
     * Under {@code --strict}, when rows were rejected, prints the closing count and says nothing was
     * computed. Guest rows and returns are not rejections.
     *
     * @param command the running command, not null
     * @param in what was read, not null
     * @return true when the command must stop with {@link CrmkitCli#EXIT_FAILED}
     */
    public boolean failsStrict(CrmkitCommand command, OrderFile in) {
        return failsStrict(command, in.rowsRejected(), rejectedSummary(in));
    }

    /**
     * As {@link #failsStrict(CrmkitCommand, OrderFile)}, for a file read row by row.
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
     * Returns the closing count of the rows, such as {@code "2 of 10 rows rejected (1 bad timestamp,
     * 1 unknown status); guest rows: 1; returns: 2"}: a command prints it as the last line of a run
     * on stderr. Guest rows and returns (orders whose total is negative) are named only when there
     * are some; every row read is used (as an order, a return or a further line of one), a guest
     * row, or rejected.
     *
     * @param in what was read, not null
     * @return the text, never null
     */
    public String rejectedSummary(OrderFile in) {
        String text = rejectedSummary(in.rowsRead(), in.rowsRejected(), in.rejectedByKind());
        if (in.guestRows() > 0) {
            text += "; guest rows: " + in.guestRows();
        }
        if (in.batch().returnCount() > 0) {
            text += "; returns: " + in.batch().returnCount();
        }
        return text;
    }

    /**
     * Returns the closing count of rejected rows, by reason, for a file read row by row, such as
     * {@code "2 of 10 rows rejected (1 bad timestamp, 1 unknown status)"}.
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
     */
    public Currency currency(OrderFile in) {
        return in.batch().currency();
    }

    /**
     * Says where the run's currency came from, for the definitions.
     *
     * @param in what was read, not null
     * @return {@code "--currency"}, {@code "currency column"} or {@code "default"}, never null
     */
    public String currencySource(OrderFile in) {
        return currency != null ? "--currency" : in.hasCurrencyColumn() ? "currency column" : "default";
    }

    /**
     * Puts what every command that reads an order file states about its input into the definitions:
     * the column mapping, the rows read, used, guest, rejected, the returns and the rounded amounts.
     *
     * @param d the definitions, not null
     * @param in what was read, not null
     */
    public void describeInput(io.crmkit.cli.output.Definitions d, OrderFile in) {
        if (!columnMapping.isEmpty()) {
            d.put("columns", columnMapping.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(",")));
        }
        d.put("rows_read", in.rowsRead());
        d.put("rows_rejected", in.rowsRejected());
        d.put("guest_rows", in.guestRows());
        d.put("return_rows", in.returnRows());
        d.put("amounts_noise_rounded", in.noiseRounded());
        if (amountRounding != null) {
            d.put("amount_rounding", lower(amountRounding));
            d.put("amounts_rounded", in.modeRounded());
        }
    }
}
