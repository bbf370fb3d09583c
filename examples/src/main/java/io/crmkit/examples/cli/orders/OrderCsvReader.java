package io.crmkit.examples.cli.orders;

import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.OrderStatusCategory;
import java.io.IOException;
import java.io.InputStream;
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
 * Reads an order file in the crmkit CSV convention into an {@link OrderTable}, streaming: memory
 * grows with the number of orders and customers, never with an object per row. Jackson's CSV parser
 * runs on a second thread ({@link CsvRecords}); rows are checked and stored on the calling thread,
 * which also receives every {@link ReadListener} call, in file order.
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
 *   <li>{@code amount} (required): a non-negative decimal in the row's currency, at most as many
 *       decimal places as the currency has;</li>
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
    public static final List<String> COLUMNS = List.of("customer_id", "order_id", "timestamp", "amount", "currency",
            "status");

    /** The currency of an input without a currency column, unless configured. */
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("USD");

    private static final int MAX_CACHED_LABELS = 1024;
    private static final int MAX_QUOTED = 40;

    private final TimestampParser timestamps;
    private final Optional<Currency> currency;
    private final StatusMapping statusMapping;
    private final Map<String, Integer> statusIndexes = new HashMap<>();
    private final long[] rejectedByKind = new long[Rejection.values().length];

    private OrderTable table;
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
     */
    public OrderCsvReader(ZoneId zone, Optional<Currency> currency, StatusMapping statusMapping) {
        this.timestamps = new TimestampParser(zone);
        this.currency = currency;
        this.statusMapping = statusMapping;
    }

    /**
     * Reads an order file. The stream is read to its end but not closed.
     *
     * @param in the CSV bytes (UTF-8, an optional byte-order mark), not null
     * @param listener receives warnings, rejected rows and progress, not null
     * @return what was read, never null
     * @throws InvalidInputException if the input is empty, its header lacks a required column or
     *     names one twice, or it is not well-formed CSV
     * @throws IOException if reading fails
     */
    public OrderInput read(InputStream in, ReadListener listener) throws IOException {
        this.listener = listener;
        readRows(in);
        table.endOfInput();
        Map<Rejection, Long> rejected = new EnumMap<>(Rejection.class);
        long rejectedRows = 0;
        for (Rejection r : Rejection.values()) {
            long n = rejectedByKind[r.ordinal()];
            if (n > 0) {
                rejected.put(r, n);
                rejectedRows += n;
            }
        }
        return new OrderInput(table, rowsRead, rejectedRows, rejected, currencyColumn >= 0, statusColumn >= 0);
    }

    /**
     * Reads an order file row by row, in bounded memory: every usable row goes to the consumer as
     * it is read, and nothing is kept. The rows are checked as {@link #read} checks them, but for
     * what depends on the other rows of the same order (see {@link OrderRowConsumer}), which the
     * consumer reports through the returned {@link StreamedInput}. The stream is read to its end
     * but not closed.
     *
     * @param in the CSV bytes (UTF-8, an optional byte-order mark), not null
     * @param listener receives warnings, rejected rows and progress, not null
     * @param consumer receives the usable rows, not null
     * @return the counts, never null
     * @throws InvalidInputException as {@link #read}
     * @throws IOException if reading fails
     */
    public StreamedInput stream(InputStream in, ReadListener listener, OrderRowConsumer consumer) throws IOException {
        this.listener = listener;
        this.consumer = consumer;
        readRows(in);
        return new StreamedInput(listener, rowsRead, rejectedByKind, orderColumn >= 0);
    }

    private void readRows(InputStream in) throws IOException {
        try (CsvRecords records = new CsvRecords(in)) {
            for (CsvRecords.Batch batch = records.next(); batch != null; batch = records.next()) {
                for (int i = 0; i < batch.size; i++) {
                    if (table == null) {
                        header(batch.records[i]);
                    } else {
                        row(batch.records[i], batch.lines[i]);
                    }
                }
            }
        }
        if (table == null) {
            throw new InvalidInputException("the input is empty: a header line naming the columns is required ("
                    + String.join(",", COLUMNS) + ")");
        }
    }

    /** Reads the header: finds the columns, warns about the ignored ones, creates the table. */
    private void header(String[] raw) {
        List<String> names = new ArrayList<>();
        for (String name : raw) {
            names.add(name.strip().toLowerCase(Locale.ROOT));
        }
        Map<String, Integer> at = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (!COLUMNS.contains(n)) {
                ignored.add(n.isEmpty() ? "(unnamed column " + (i + 1) + ")" : quote(n));
            } else if (at.putIfAbsent(n, i) != null) {
                throw new InvalidInputException("line 1: the header names column " + n + " twice");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("customer_id", "timestamp", "amount")) {
            if (!at.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            // the names found are not repeated: without a header they would be data
            throw new InvalidInputException("line 1: the header lacks the required column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (a header line is required: " + String.join(",", COLUMNS.subList(0, 4))
                    + "[,currency][,status])");
        }
        if (!ignored.isEmpty()) {
            listener.warning("ignoring column" + (ignored.size() > 1 ? "s " : " ") + String.join(", ", ignored)
                    + " (crmkit reads " + String.join(", ", COLUMNS) + ")");
        }
        width = names.size();
        customerColumn = at.get("customer_id");
        orderColumn = at.getOrDefault("order_id", -1);
        timestampColumn = at.get("timestamp");
        amountColumn = at.get("amount");
        currencyColumn = at.getOrDefault("currency", -1);
        statusColumn = at.getOrDefault("status", -1);
        table = new OrderTable(orderColumn >= 0);
        if (currencyColumn < 0) {
            fixedCurrency = table.currencyIndex(currency.orElse(DEFAULT_CURRENCY));
        }
        if (statusColumn < 0) {
            completedStatus = table.statusIndex(OrderStatus.COMPLETED);
        }
        if (consumer != null) {
            consumer.begin(orderColumn >= 0);
        }
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
        Currency rowCurrency = table.currencies().get(currencyIndex);
        String amountText = required(f, amountColumn, "amount");
        long minor;
        try {
            minor = AmountParser.toMinorUnits(amountText, Math.max(0, rowCurrency.getDefaultFractionDigits()),
                    rowCurrency.getCurrencyCode());
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(Rejection.BAD_AMOUNT, "amount " + quote(amountText) + " " + e.getMessage());
        }
        int statusIndex = statusColumn >= 0 ? status(required(f, statusColumn, "status")) : completedStatus;
        if (consumer == null) {
            table.addLine(customerText, orderText, micros, minor, currencyIndex, statusIndex, line);
            return;
        }
        // as OrderTable.addLine checks them: an invalid order identifier never names an existing order;
        // an invalid customer identifier is rejected here only when each row is an order
        boolean validCustomer = OrderTable.isValidIdentifier(customerText, "customer_id");
        if (orderText != null) {
            OrderTable.checkIdentifier(orderText, "order_id");
        } else if (!validCustomer) {
            throw OrderTable.invalidIdentifier("customer_id");
        }
        consumer.accept(line, orderText, validCustomer ? customerText : null, TimestampParser.instant(micros), minor,
                rowCurrency, table.statusAt(statusIndex));
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
        lastCurrency = table.currencyIndex(c);
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
        int index = table.statusIndex(OrderStatus.of(label, category.get()));
        if (statusIndexes.size() < MAX_CACHED_LABELS) {
            statusIndexes.put(text, index);
        }
        return index;
    }

    /** Quotes a (non-personal) value for a message: at most 40 characters, control characters as '?'. */
    private static String quote(String value) {
        String v = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
        return "'" + v.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
