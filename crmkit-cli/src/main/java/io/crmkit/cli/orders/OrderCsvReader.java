package io.crmkit.cli.orders;

import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.OrderStatusCategory;
import java.io.IOException;
import java.io.InputStream;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an order file in the crmkit CSV convention row by row, in bounded memory, for storing it
 * elsewhere ({@code crmkit load}): every usable row goes to an {@link OrderRowConsumer} as it is
 * read. The analysis commands read files with {@link OrderFileReader} instead, straight into a
 * columnar batch. Both split the bytes with {@link CsvBlocks} and find the columns with
 * {@link OrderColumns}.
 *
 * <h2>Format</h2>
 * A header line is required. Columns, matched by name (case-insensitive, in any order):
 * <ul>
 *   <li>{@code customer_id} (required): the customer's identifier;</li>
 *   <li>{@code order_id}: rows sharing it are lines of one order, adjacent in the file or not, and
 *       their amounts add up; all lines of an order must agree on customer, timestamp, currency and
 *       status, otherwise the disagreeing line is rejected. Without this column each row is one
 *       order;</li>
 *   <li>{@code timestamp} (required): see {@link TimestampParser};</li>
 *   <li>{@code amount} (required): a non-negative decimal in the row's currency (excess digits as
 *       {@link AmountParser} reads them); a negative amount (a return) is rejected, since the
 *       orders table holds orders only;</li>
 *   <li>{@code currency}: an ISO 4217 code; without the column every row is in the configured
 *       currency (USD unless set);</li>
 *   <li>{@code status}: a label mapped to a category by a {@link StatusMapping}; without the column
 *       every order is completed.</li>
 * </ul>
 * Other columns are ignored, with one warning naming them. Values are trimmed of unquoted spaces;
 * quoted values may span lines; blank lines are skipped.
 *
 * <h2>Bad rows</h2>
 * A row that cannot be used is reported to the {@link ReadListener} with the physical line where it
 * starts (the header is line 1, lines inside quoted values count) and a reason, and reading goes on:
 * every data row is either used or reported. The reasons never repeat identifiers.
 *
 * <p>Not thread-safe; one reader reads one file.
 */
public final class OrderCsvReader {

    /** The column names the reader understands, in the conventional order. */
    public static final List<String> COLUMNS = OrderColumns.NAMES;

    /** The currency of an input without a currency column, unless configured. */
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("USD");

    private static final int MAX_CACHED_LABELS = 1024;

    private final TimestampParser timestamps;
    private final Optional<Currency> currency;
    private final StatusMapping statusMapping;
    private final Map<String, Integer> statusIndexes = new HashMap<>();
    private final long[] rejectedByKind = new long[Rejection.values().length];

    private final Map<String, String> columnMapping;
    private final AmountParser amounts;
    private final int maxRecordBytes;
    private final List<Currency> currencies = new ArrayList<>();
    private final List<OrderStatus> statuses = new ArrayList<>();
    private OrderColumns columns;
    private ReadListener listener;
    private OrderRowConsumer consumer;
    private int width;
    private int customerColumn;
    private int orderColumn;
    private int timestampColumn;
    private int amountColumn;
    private int currencyColumn;
    private int statusColumn;
    private int fixedCurrency;
    private int completedStatus;
    private String lastTimestampText;
    private long lastTimestamp;
    private String lastStatusText;
    private int lastStatus;
    private String lastCurrencyText;
    private int lastCurrency;
    private long rowsRead;

    /**
     * Creates a reader.
     *
     * @param zone the zone of dates and local date-times, not null
     * @param currency the currency of the run: rows in another currency are rejected; without a
     *     currency column, the currency of every row ({@link #DEFAULT_CURRENCY} when empty); not null
     * @param statusMapping how status labels map to categories, not null
     * @param columnMapping crmkit column names to the file's headers ({@code --column}), not null
     * @param amountRounding how to round amounts with excess decimal places that are not
     *     floating-point noise; empty to reject them; not null
     */
    public OrderCsvReader(ZoneId zone, Optional<Currency> currency, StatusMapping statusMapping,
            Map<String, String> columnMapping, Optional<RoundingMode> amountRounding) {
        this(zone, currency, statusMapping, columnMapping, amountRounding, CsvBlocks.DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * Creates a reader with a chosen maximum record length.
     *
     * @param zone the zone of dates and local date-times, not null
     * @param currency the currency of the run, as for the other constructor, not null
     * @param statusMapping how status labels map to categories, not null
     * @param columnMapping crmkit column names to the file's headers, not null
     * @param amountRounding how to round amounts with excess decimal places, not null
     * @param maxRecordBytes the longest record read, in bytes, from 1 to {@link CsvBlocks#MAX_RECORD_BYTES}:
     *     a longer row is rejected ({@link Rejection#TOO_LONG}) without being kept
     * @throws IllegalArgumentException if {@code maxRecordBytes} is out of range
     */
    public OrderCsvReader(ZoneId zone, Optional<Currency> currency, StatusMapping statusMapping,
            Map<String, String> columnMapping, Optional<RoundingMode> amountRounding, int maxRecordBytes) {
        this.maxRecordBytes = CsvBlocks.checkMaxRecordBytes(maxRecordBytes);
        this.timestamps = new TimestampParser(zone);
        this.currency = currency;
        this.statusMapping = statusMapping;
        this.columnMapping = Map.copyOf(columnMapping);
        this.amounts = new AmountParser(amountRounding);
    }

    /**
     * Reads an order file row by row, in bounded memory: every usable row goes to the consumer as
     * it is read, and nothing is kept. The rows are checked as {@link OrderFileReader} checks them,
     * but for what depends on the other rows of the same order (see {@link OrderRowConsumer}), which the
     * consumer reports through the returned {@link StreamedInput}. The stream is read to its end
     * but not closed.
     *
     * @param in the CSV bytes (UTF-8, an optional byte-order mark), not null
     * @param listener receives warnings, rejected rows and progress, not null
     * @param consumer receives the usable rows, not null
     * @return the counts, never null
     * @throws InvalidInputException if the input is empty or its header lacks a required column
     * @throws IOException if reading fails
     */
    public StreamedInput stream(InputStream in, ReadListener listener, OrderRowConsumer consumer) throws IOException {
        this.listener = listener;
        this.consumer = consumer;
        readRows(in);
        return new StreamedInput(listener, rowsRead, rejectedByKind, orderColumn >= 0);
    }

    private void readRows(InputStream in) throws IOException {
        try (CsvBlocks blocks = new CsvBlocks(in, null, maxRecordBytes)) {
            for (CsvBlocks.Block b = blocks.next(); b != null; b = blocks.next()) {
                for (int r = 0; r < b.records; r++) {
                    String[] values = b.texts(r).toArray(String[]::new);
                    if (columns == null) {
                        CsvBlocks.checkHeader(b, r, maxRecordBytes);
                        header(values);
                    } else if (b.oversized[r]) {
                        rowsRead++;
                        rejectedByKind[Rejection.TOO_LONG.ordinal()]++;
                        listener.rejected(b.line[r], Rejection.TOO_LONG, CsvBlocks.tooLong(maxRecordBytes));
                    } else if (b.malformed[r]) {
                        rowsRead++;
                        rejectedByKind[Rejection.MALFORMED.ordinal()]++;
                        listener.rejected(b.line[r], Rejection.MALFORMED, "is not well-formed CSV");
                    } else {
                        row(values, b.line[r]);
                    }
                }
            }
        }
        if (columns == null) {
            throw new InvalidInputException("the input is empty: a header line naming the columns is required ("
                    + String.join(",", OrderColumns.NAMES) + ")");
        }
    }

    /** Reads the header: finds the columns, warns about the ignored ones. */
    private void header(String[] raw) {
        columns = OrderColumns.find(List.of(raw), columnMapping);
        if (!columns.ignored().isEmpty()) {
            listener.warning(columns.ignoredWarning());
        }
        if (columns.cost() >= 0) {
            listener.warning("ignoring column cost: the orders table holds no cost (the analysis commands read it"
                    + " from the file)");
        }
        width = columns.width();
        customerColumn = columns.customer();
        orderColumn = columns.order();
        timestampColumn = columns.timestamp();
        amountColumn = columns.amount();
        currencyColumn = columns.currency();
        statusColumn = columns.status();
        if (currencyColumn < 0) {
            fixedCurrency = currencyIndex(currency.orElse(DEFAULT_CURRENCY));
        }
        if (statusColumn < 0) {
            completedStatus = statusIndex(OrderStatus.COMPLETED);
        }
        consumer.begin(orderColumn >= 0);
    }

    private int currencyIndex(Currency c) {
        int k = currencies.indexOf(c);
        if (k < 0) {
            currencies.add(c);
            k = currencies.size() - 1;
        }
        return k;
    }

    private int statusIndex(OrderStatus s) {
        int k = statuses.indexOf(s);
        if (k < 0) {
            statuses.add(s);
            k = statuses.size() - 1;
        }
        return k;
    }

    private void row(String[] f, int line) {
        rowsRead++;
        try {
            parseRow(f, line);
        } catch (RowRejectedException e) {
            rejectedByKind[e.kind().ordinal()]++;
            listener.rejected(line, e.kind(), e.getMessage());
        }
        if ((rowsRead & 0x3FFF) == 0) {
            listener.progress(rowsRead);
        }
    }

    private void parseRow(String[] f, int line) throws RowRejectedException {
        int count = f.length;
        if (count != width) {
            throw new RowRejectedException(Rejection.FIELD_COUNT, "has " + count + (count == 1 ? " field" : " fields")
                    + ", the header has " + width);
        }
        String customerText = required(f, customerColumn, "customer_id");
        String orderText = orderColumn >= 0 ? required(f, orderColumn, "order_id") : null;
        String timestampText = required(f, timestampColumn, "timestamp");
        long micros;
        if (timestampText.equals(lastTimestampText)) {
            micros = lastTimestamp;
        } else {
            try {
                micros = timestamps.toEpochMicros(timestampText);
            } catch (DateTimeException e) {
                throw new RowRejectedException(Rejection.BAD_TIMESTAMP, "timestamp " + quote(timestampText) + " is "
                        + e.getMessage());
            }
            lastTimestampText = timestampText;
            lastTimestamp = micros;
        }
        int currencyIndex = currencyColumn >= 0 ? currency(required(f, currencyColumn, "currency")) : fixedCurrency;
        Currency rowCurrency = currencies.get(currencyIndex);
        String amountText = required(f, amountColumn, "amount");
        long minor;
        try {
            minor = amounts.toMinorUnits(amountText, Math.max(0, rowCurrency.getDefaultFractionDigits()),
                    rowCurrency.getCurrencyCode());
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(Rejection.BAD_AMOUNT, "amount " + quote(amountText) + " " + e.getMessage());
        }
        if (minor < 0) {
            throw new RowRejectedException(Rejection.BAD_AMOUNT, "amount " + quote(amountText) + " is negative (a"
                    + " return): the orders table holds orders only; returns are read by the analysis commands");
        }
        int statusIndex = statusColumn >= 0 ? status(required(f, statusColumn, "status")) : completedStatus;
        // an invalid order identifier never names an existing order; an invalid customer identifier
        // is rejected here only when each row is an order
        if (orderText != null) {
            OrderFileReader.checkIdentifier(orderText, "order_id");
        } else {
            OrderFileReader.checkIdentifier(customerText, "customer_id");
        }
        boolean validCustomer = orderText == null || isValidIdentifier(customerText);
        consumer.accept(line, orderText, validCustomer ? customerText : null, TimestampParser.instant(micros), minor,
                rowCurrency, statuses.get(statusIndex));
    }

    /** Whether the text is a valid customer identifier. */
    private static boolean isValidIdentifier(String text) {
        try {
            OrderFileReader.checkIdentifier(text, "customer_id");
            return true;
        } catch (RowRejectedException e) {
            return false;
        }
    }

    private static String required(String[] f, int column, String name) throws RowRejectedException {
        String value = f[column];
        if (value.isEmpty()) {
            throw new RowRejectedException(Rejection.MISSING_VALUE, name + " is empty");
        }
        return value;
    }

    private int currency(String text) throws RowRejectedException {
        if (text.equals(lastCurrencyText)) {
            return lastCurrency;
        }
        Currency c;
        try {
            c = Currency.getInstance(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(Rejection.BAD_CURRENCY, "currency " + quote(text)
                    + " is not an ISO 4217 code such as USD");
        }
        if (currency.isPresent() && !currency.get().equals(c)) {
            throw new RowRejectedException(Rejection.OTHER_CURRENCY, "currency " + c.getCurrencyCode()
                    + " is not the currency of this run, " + currency.get().getCurrencyCode()
                    + " (crmkit never converts; choose with --currency)");
        }
        lastCurrency = currencyIndex(c);
        lastCurrencyText = text;
        return lastCurrency;
    }

    private int status(String text) throws RowRejectedException {
        if (text.equals(lastStatusText)) {
            return lastStatus;
        }
        Integer cached = statusIndexes.get(text);
        if (cached != null) {
            lastStatusText = text;
            lastStatus = cached;
            return cached;
        }
        String label = StatusMapping.normalize(text);
        Optional<OrderStatusCategory> category = statusMapping.categoryOf(label);
        if (category.isEmpty()) {
            throw new RowRejectedException(Rejection.UNKNOWN_STATUS, "status " + quote(text) + " is not a known"
                    + " label; say what it means with --status " + quote(label + "=CATEGORY")
                    + " (open, completed or void)");
        }
        int index = statusIndex(OrderStatus.of(label, category.get()));
        if (statusIndexes.size() < MAX_CACHED_LABELS) {
            statusIndexes.put(text, index);
        }
        return index;
    }

    private static String quote(String value) {
        return Texts.quote(value);
    }
}
