package io.crmkit.cli.orders;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.internal.CustomerIdSort;
import io.crmkit.core.order.OrderStatusCategory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an order file in the crmkit CSV convention straight into one columnar
 * {@link OrderBatch}: no object per row, each customer identifier looked up once per row by its
 * bytes and carried as a dense index from then on. The bytes are split into fields on a second
 * thread ({@link CsvBlocks}); values are checked and appended on the calling thread, which also
 * receives every {@link ReadListener} call, in file order.
 *
 * <h2>Columns</h2>
 * Found by name in the header line ({@link OrderColumns}; other headers mapped with
 * {@code --column}):
 * <ul>
 *   <li>{@code customer_id}: the customer; an empty value makes the row a <b>guest row</b>,
 *       counted and left out of every per-customer result (not a rejection);</li>
 *   <li>{@code order_id} (optional): rows sharing it are lines of one order, adjacent in the file
 *       or not, and their amounts add up; all lines of an order must agree on customer, timestamp
 *       and status, otherwise the disagreeing line is rejected. Ties between a customer's orders
 *       placed at the same instant go to the smaller identifier. Without this column each row is
 *       one order, and ties go to the earlier line;</li>
 *   <li>{@code timestamp}: see {@link TimestampParser};</li>
 *   <li>{@code amount}: a decimal in the row's currency (see {@link AmountParser} for excess
 *       digits); a <b>negative amount is a return</b>: it lowers its customer's net revenue and is
 *       never a purchase;</li>
 *   <li>{@code currency} (optional): an ISO 4217 code. Rows in another currency than the one
 *       chosen are rejected; with none chosen, the first row's currency is the batch's and rows in
 *       others are counted by currency (the caller then stops: crmkit never converts);</li>
 *   <li>{@code status} (optional): a label mapped to a category by a {@link StatusMapping};
 *       without the column every order is completed;</li>
 *   <li>{@code cost} (optional): the cost of the goods of the row, in its currency (negative for
 *       goods returned); with it the batch carries costs and the summaries a margin.</li>
 * </ul>
 *
 * <h2>Bad rows</h2>
 * A row that cannot be used is reported to the {@link ReadListener} with the physical line where
 * it starts (the header is line 1) and a reason, and reading goes on: every data row is used,
 * counted as a guest row, or reported ({@link OrderFile}). The reasons never repeat identifiers.
 *
 * <p>Not thread-safe; one reader reads one file.
 */
public final class OrderFileReader {

    /** The currency of an input without a currency column, unless one is chosen. */
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("USD");

    private final TimestampParser timestamps;
    private final Optional<Currency> chosenCurrency;
    private final StatusMapping statusMapping;
    private final Map<String, String> columnMapping;
    private final AmountParser amounts;
    private final Optional<RoundingMode> amountRounding;
    private final long[] rejectedByKind = new long[Rejection.values().length];
    /** Rows whose customer ids are hashed (and their slots loaded) before the rows are read. */
    private static final int GROUP = 64;
    private final long[] customerKey = new long[GROUP];
    private int groupRow;

    private ReadListener listener;
    private OrderColumns columns;
    private OrderBatch.Builder builder;
    private Currency currency;
    private int scale;
    private StringDictionary customers = new StringDictionary();
    private Prework prework = Prework.BALANCED;
    private StringDictionary orders;
    private int[] rowOfOrder = new int[1024];
    private final Map<String, Integer> statusIndexes = new HashMap<>();
    private final List<OrderStatusCategory> statusCategories = new ArrayList<>();
    private final Map<String, OrderStatusCategory> statusLabels = new LinkedHashMap<>();
    private final Map<Currency, Long> otherCurrencies = new LinkedHashMap<>();
    private byte[] lastCurrencyBytes = new byte[0];
    private Currency lastCurrency;
    private long rowsRead;
    private long guestRows;
    private long returnRows;
    private long noiseRounded;
    private long modeRounded;
    private long earliest = Long.MAX_VALUE;
    private long latest = Long.MIN_VALUE;
    private final int maxRecordBytes;

    /**
     * Creates a reader.
     *
     * @param zone the zone of dates and local date-times, not null
     * @param currency the currency of the run: rows in another are rejected; without a currency
     *     column, the currency of every row ({@link #DEFAULT_CURRENCY} when empty); not null
     * @param statusMapping how status labels map to categories, not null
     * @param columnMapping crmkit column names to the file's headers ({@code --column}), checked by
     *     {@link OrderColumns#checkMapping}, not null
     * @param amountRounding how to round amounts with excess decimal places that are not
     *     floating-point noise; empty to reject them; not null
     */
    public OrderFileReader(java.time.ZoneId zone, Optional<Currency> currency, StatusMapping statusMapping,
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
    public OrderFileReader(java.time.ZoneId zone, Optional<Currency> currency, StatusMapping statusMapping,
            Map<String, String> columnMapping, Optional<RoundingMode> amountRounding, int maxRecordBytes) {
        this.maxRecordBytes = CsvBlocks.checkMaxRecordBytes(maxRecordBytes);
        this.timestamps = new TimestampParser(zone);
        this.chosenCurrency = currency;
        this.statusMapping = statusMapping;
        this.columnMapping = Map.copyOf(columnMapping);
        this.amounts = new AmountParser(amountRounding);
        this.amountRounding = amountRounding;
    }

    /**
     * Reads an order file. The stream is read to its end but not closed.
     *
     * @param in the CSV bytes (UTF-8, an optional byte-order mark; already decompressed), not null
     * @param listener receives warnings, rejected rows and progress, not null
     * @return what was read, never null
     * @throws InvalidInputException if the input is empty or its header lacks a required column
     *     or names one twice
     * @throws IOException if reading fails
     */
    public OrderFile read(InputStream in, ReadListener listener) throws IOException {
        this.listener = listener;
        Preparse preparse = new Preparse();
        try (CsvBlocks blocks = new CsvBlocks(in, preparse, maxRecordBytes)) {
            for (CsvBlocks.Block b = blocks.next(); b != null; b = blocks.next()) {
                int r = 0;
                if (columns == null && b.records > 0) {
                    header(b);
                    r = 1;
                }
                int cc = columns == null ? 0 : columns.customer();
                while (r < b.records) {
                    // hash a group of customer ids first, loading their slots in parallel
                    int end = Math.min(b.records, r + GROUP);
                    for (int k = r; k < end; k++) {
                        customerKey[k - r] = b.fieldCount(k) > cc
                                ? StringDictionary.key(b.data, b.start(k, cc), b.end(k, cc)) : 0;
                    }
                    customers.touch(customerKey, end - r);
                    for (int k = r; k < end; k++) {
                        groupRow = k - r;
                        row(b, k);
                    }
                    r = end;
                }
            }
        }
        if (columns == null) {
            throw new InvalidInputException("the input is empty: a header line naming the columns is required ("
                    + String.join(",", OrderColumns.NAMES) + ")");
        }
        if (builder == null) {
            currency = chosenCurrency.orElse(DEFAULT_CURRENCY);
            builder = OrderBatch.builder(currency);
        }
        if (orders != null && orders.size() > 0) {
            builder.rankOrderKeys(orderRanks());
        }
        orders = null;
        nameCustomers();
        OrderBatch batch = builder.build();
        builder = null;
        Map<Rejection, Long> rejected = new EnumMap<>(Rejection.class);
        long rejectedRows = 0;
        for (Rejection k : Rejection.values()) {
            long n = rejectedByKind[k.ordinal()];
            if (n > 0) {
                rejected.put(k, n);
                rejectedRows += n;
            }
        }
        return new OrderFile(batch, rowsRead, rejectedRows, rejected, guestRows, returnRows, otherCurrencies,
                noiseRounded, modeRounded, columns.order() >= 0, columns.currency() >= 0,
                columns.status() >= 0, statusLabels, instant(earliest, Long.MAX_VALUE), instant(latest, Long.MIN_VALUE));
    }

    private static Optional<Instant> instant(long micros, long none) {
        return micros == none ? Optional.empty() : Optional.of(TimestampParser.instant(micros));
    }

    /** The rank of every order key in identifier order. */
    private int[] orderRanks() {
        int n = orders.size();
        String[] text = new String[n];
        for (int k = 0; k < n; k++) {
            text[k] = orders.get(k);
        }
        int[] order = CustomerIdSort.ascending(text, n);
        int[] rank = new int[n];
        for (int k = 0; k < n; k++) {
            rank[order[k]] = k;
        }
        return rank;
    }

    private void header(CsvBlocks.Block b) {
        CsvBlocks.checkHeader(b, 0, maxRecordBytes);
        columns = OrderColumns.find(b.texts(0), columnMapping);
        if (!columns.ignored().isEmpty()) {
            listener.warning(columns.ignoredWarning());
        }
        if (columns.order() >= 0) {
            orders = new StringDictionary();
        }
        if (columns.currency() < 0 || chosenCurrency.isPresent()) {
            startBatch(chosenCurrency.orElse(DEFAULT_CURRENCY));
        }
    }

    private void startBatch(Currency c) {
        currency = c;
        scale = Math.max(0, c.getDefaultFractionDigits());
        builder = OrderBatch.builder(c, 1 << 16);
    }

    private void row(CsvBlocks.Block b, int r) {
        rowsRead++;
        int line = b.line[r];
        try {
            parseRow(b, r, line);
        } catch (RowRejectedException e) {
            rejectedByKind[e.kind().ordinal()]++;
            listener.rejected(line, e.kind(), e.getMessage());
        }
        if ((rowsRead & 0xFFFF) == 0) {
            listener.progress(rowsRead);
        }
    }

    private void parseRow(CsvBlocks.Block b, int r, int line) throws RowRejectedException {
        if (b.oversized[r]) {
            throw new RowRejectedException(Rejection.TOO_LONG, CsvBlocks.tooLong(maxRecordBytes));
        }
        if (b.malformed[r]) {
            throw new RowRejectedException(Rejection.MALFORMED, "is not well-formed CSV (text after a closing quote,"
                    + " a quote inside an unquoted value, or a quote left open)");
        }
        int count = b.fieldCount(r);
        if (count != columns.width()) {
            throw new RowRejectedException(Rejection.FIELD_COUNT, "has " + count + (count == 1 ? " field" : " fields")
                    + ", the header has " + columns.width());
        }
        byte[] d = b.data;
        int cc = columns.customer();
        if (b.isEmpty(r, cc)) {
            guestRows++;
            return;
        }
        int oc = columns.order();
        if (oc >= 0) {
            required(b, r, oc, "order_id");
        }
        int ts = columns.timestamp();
        required(b, r, ts, "timestamp");
        long micros;
        try {
            micros = (b.flags[r] & Preparse.TIMESTAMP) != 0 ? b.firstValue[r]
                    : b.escaped[b.firstField[r] + ts] ? timestamps.toEpochMicros(b.text(r, ts))
                    : timestamps.toEpochMicros(d, b.start(r, ts), b.end(r, ts));
        } catch (DateTimeException e) {
            throw new RowRejectedException(Rejection.BAD_TIMESTAMP, "timestamp " + Texts.quote(b.text(r, ts)) + " is "
                    + e.getMessage());
        }
        if (micros < OrderBatch.MIN_MICROS || micros > OrderBatch.MAX_MICROS) {
            throw new RowRejectedException(Rejection.BAD_TIMESTAMP, "timestamp " + Texts.quote(b.text(r, ts))
                    + " is outside the supported range of years -290000 to 290000");
        }
        Currency rowCurrency = columns.currency() >= 0 ? rowCurrency(b, r) : currency;
        int am = columns.amount();
        required(b, r, am, "amount");
        int rowScale = rowCurrency == currency ? scale : Math.max(0, rowCurrency.getDefaultFractionDigits());
        long minor;
        int rounding;
        if ((b.flags[r] & Preparse.AMOUNT) != 0) {
            minor = b.secondValue[r];
            rounding = (b.flags[r] >>> Preparse.ROUNDING_SHIFT) & 3;
        } else {
            try {
                minor = b.escaped[b.firstField[r] + am] ? amounts.toMinorUnits(b.text(r, am), rowScale,
                        rowCurrency.getCurrencyCode()) : amounts.toMinorUnits(d, b.start(r, am), b.end(r, am),
                        rowScale, rowCurrency.getCurrencyCode());
            } catch (IllegalArgumentException e) {
                throw new RowRejectedException(Rejection.BAD_AMOUNT, "amount " + Texts.quote(b.text(r, am)) + " "
                        + e.getMessage());
            }
            rounding = amounts.lastRounding();
        }
        OrderStatusCategory category = columns.status() >= 0 ? status(b, r) : OrderStatusCategory.COMPLETED;
        long cost = columns.cost() >= 0 ? cost(b, r, rowScale, rowCurrency) : 0;
        if (oc >= 0) {
            int key = lookup(orders, b, r, oc);
            if (key >= 0) {
                // a further line of a known order: it must agree with the order's first line
                int row = rowOfOrder[key];
                String field = lookup(customers, b, r, cc) != builder.customerHandle(row) ? "customer_id"
                        : micros != builder.placedAtMicros(row) ? "timestamp"
                        : !rowCurrency.equals(currency) ? "currency"
                        : category != builder.category(row) ? "status"
                        : null;
                if (field != null) {
                    throw conflictingLine(field, builder.sourceTag(row).orElse(0));
                }
                try {
                    if (columns.cost() >= 0) {
                        builder.addToRow(row, minor, cost);
                    } else {
                        builder.addToRow(row, minor);
                    }
                } catch (ArithmeticException e) {
                    throw totalTooLarge(currency);
                }
                countUsed(minor, micros, rounding);
                return;
            }
            checkIdentifier(b, r, oc, "order_id");
        }
        if (!rowCurrency.equals(currency)) {
            // no currency was chosen and this order is in another than the first row's: counted (its
            // customer is not added), and the caller stops (crmkit never converts)
            otherCurrencies.merge(rowCurrency, 1L, Long::sum);
            return;
        }
        if (!builder.hasRoomFor(minor, cost)) {
            throw totalTooLarge(currency);
        }
        int handle = customer(b, r, cc);
        int key = -1;
        if (oc >= 0) {
            key = orders.addFound(); // the order was looked up last and not found: no second hashing
        }
        int row = columns.cost() >= 0 ? builder.addSourced(handle, micros, category, minor, cost, key, line)
                : builder.addSourced(handle, micros, category, minor, key, line);
        if (oc >= 0) {
            if (key == rowOfOrder.length) {
                rowOfOrder = Arrays.copyOf(rowOfOrder, key * 2);
            }
            rowOfOrder[key] = row;
        }
        countUsed(minor, micros, rounding);
    }

    /** Reads the row's cost, in the row's currency: any sign (negative for goods returned). */
    private long cost(CsvBlocks.Block b, int r, int scale, Currency c) throws RowRejectedException {
        int cf = columns.cost();
        required(b, r, cf, "cost");
        try {
            return amounts.toMinorUnits(b.text(r, cf), scale, c.getCurrencyCode());
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(Rejection.BAD_AMOUNT, "cost " + Texts.quote(b.text(r, cf)) + " "
                    + e.getMessage());
        }
    }

    /** Counts a used row: a return, or an order's time; and how its amount was rounded. */
    private void countUsed(long minor, long micros, int rounding) {
        noiseRounded += rounding == AmountParser.NOISE ? 1 : 0;
        modeRounded += rounding == AmountParser.MODE ? 1 : 0;
        if (minor < 0) {
            returnRows++;
        } else {
            earliest = Math.min(earliest, micros);
            latest = Math.max(latest, micros);
        }
    }

    /** Looks a field up in a dictionary by its bytes (or its unescaped text). */
    private static int lookup(StringDictionary dictionary, CsvBlocks.Block b, int r, int f) {
        return b.escaped[b.firstField[r] + f] ? dictionary.find(b.text(r, f))
                : dictionary.find(b.data, b.start(r, f), b.end(r, f));
    }

    /** Returns the customer's handle in the batch, adding a new customer after checking its identifier. */
    private int customer(CsvBlocks.Block b, int r, int cc) throws RowRejectedException {
        int c = b.escaped[b.firstField[r] + cc] ? customers.find(b.text(r, cc))
                : customers.find(b.data, b.start(r, cc), b.end(r, cc), customerKey[groupRow]);
        if (c >= 0) {
            return c;
        }
        checkIdentifier(b, r, cc, "customer_id");
        // the handle is the dictionary's index (the lookup above left the probe): the builder learns
        // the identifiers at the end
        return customers.addFound();
    }

    /**
     * Names the batch's customers, in handle order, from the dictionary's stored bytes: done once
     * the rows are read, after the dictionary's hash table is dropped, so that the identifier
     * objects and the table are never held at once.
     */
    private void nameCustomers() {
        StringDictionary dictionary = customers;
        customers = null;
        dictionary.freeze();
        for (int k = 0; k < dictionary.size(); k++) {
            int handle = builder.newCustomer(CustomerId.of(dictionary.get(k)));
            if (handle != k) {
                throw new IllegalStateException("customer handle " + handle + " differs from dictionary index " + k);
            }
        }
    }

    /**
     * Reads the row's currency: rejects one other than the chosen currency; starts the batch with
     * the first row's when none was chosen.
     */
    private Currency rowCurrency(CsvBlocks.Block b, int r) throws RowRejectedException {
        int cf = columns.currency();
        required(b, r, cf, "currency");
        int from = b.start(r, cf);
        int to = b.end(r, cf);
        Currency c;
        if (Arrays.equals(b.data, from, to, lastCurrencyBytes, 0, lastCurrencyBytes.length)) {
            c = lastCurrency;
        } else {
            String text = b.text(r, cf);
            try {
                c = Currency.getInstance(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RowRejectedException(Rejection.BAD_CURRENCY, "currency " + Texts.quote(text)
                        + " is not an ISO 4217 code such as USD");
            }
            lastCurrencyBytes = Arrays.copyOfRange(b.data, from, to);
            lastCurrency = c;
        }
        if (chosenCurrency.isPresent() && !chosenCurrency.get().equals(c)) {
            throw new RowRejectedException(Rejection.OTHER_CURRENCY, "currency " + c.getCurrencyCode()
                    + " is not the currency of this run, " + chosenCurrency.get().getCurrencyCode()
                    + " (crmkit never converts; choose with --currency)");
        }
        if (builder == null) {
            startBatch(c);
        }
        return c;
    }

    private OrderStatusCategory status(CsvBlocks.Block b, int r) throws RowRejectedException {
        int sf = columns.status();
        required(b, r, sf, "status");
        String text = new String(b.data, b.start(r, sf), b.end(r, sf) - b.start(r, sf), StandardCharsets.UTF_8);
        Integer cached = statusIndexes.get(text);
        if (cached != null) {
            return statusCategories.get(cached);
        }
        String raw = b.text(r, sf);
        String label = StatusMapping.normalize(raw);
        Optional<OrderStatusCategory> category = statusMapping.categoryOf(label);
        if (category.isEmpty()) {
            throw new RowRejectedException(Rejection.UNKNOWN_STATUS, "status " + Texts.quote(raw) + " is not a known"
                    + " label; say what it means with --status " + Texts.quote(label + "=CATEGORY")
                    + " (open, completed or void)");
        }
        statusLabels.putIfAbsent(label, category.get());
        if (statusIndexes.size() < 1024) {
            statusIndexes.put(text, statusCategories.size());
            statusCategories.add(category.get());
        }
        return category.get();
    }

    private static void required(CsvBlocks.Block b, int r, int f, String name) throws RowRejectedException {
        if (b.isEmpty(r, f)) {
            throw new RowRejectedException(Rejection.MISSING_VALUE, name + " is empty");
        }
    }

    /** The rejection of a row whose identifier in the column is not valid. */
    static RowRejectedException invalidIdentifier(String column) {
        return new RowRejectedException(Rejection.BAD_IDENTIFIER, Texts.notValid(column));
    }

    /**
     * Checks an identifier read from a file: text ({@link Texts#isText}), then a valid customer or
     * order identifier.
     *
     * @param text the identifier as read, not null
     * @param column {@code customer_id} or {@code order_id}
     * @throws RowRejectedException naming the column and what is wrong
     */
    static void checkIdentifier(String text, String column) throws RowRejectedException {
        Function<String, Object> of = column.equals("order_id") ? OrderId::of : CustomerId::of;
        try {
            Texts.identifier(text, of, column);
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(Rejection.BAD_IDENTIFIER, e.getMessage());
        }
    }

    /**
     * Checks a cell's identifier: a cell of visible ASCII ({@link Texts#isPlainIdentifier}) from its
     * bytes, any other as text.
     */
    private static void checkIdentifier(CsvBlocks.Block b, int r, int f, String column) throws RowRejectedException {
        if (b.escaped[b.firstField[r] + f] || !Texts.isPlainIdentifier(b.data, b.start(r, f), b.end(r, f))) {
            checkIdentifier(b.text(r, f), column);
        }
    }

    /** The rejection of a row that disagrees with its order's first line on the field. */
    static RowRejectedException conflictingLine(String field, long firstLine) {
        return new RowRejectedException(Rejection.CONFLICTING_LINE, field + " differs from line " + firstLine
                + ", the first line of the same order");
    }

    /** The rejection of a row whose amount would take its order's total past the largest amount. */
    static RowRejectedException totalTooLarge(Currency currency) {
        return new RowRejectedException(Rejection.BAD_AMOUNT, totalTooLargeReason(currency));
    }

    /**
     * Says why an order whose amount would let a total overflow is left out ({@link
     * OrderBatch.Builder#hasRoomFor}).
     *
     * @param currency the batch's currency, not null
     * @return the reason, never null
     */
    public static String totalTooLargeReason(Currency currency) {
        return "would take the input's total of absolute amounts past "
                + BigDecimal.valueOf(Long.MAX_VALUE, Math.max(0, currency.getDefaultFractionDigits())).toPlainString()
                + " " + currency.getCurrencyCode() + ", the most any total holds";
    }

    /**
     * Reads timestamps and amounts on the splitting thread into each block, unless the reading
     * thread is waiting for blocks (then it reads them itself: the work goes to whichever thread has
     * time to spare, the result is the same) ({@link CsvBlocks.Block#firstValue}: epoch microseconds, {@link CsvBlocks.Block#secondValue}:
     * minor units, {@link CsvBlocks.Block#flags}: which were read). A value it cannot read (an empty,
     * quoted-with-quotes or bad one, or an amount whose currency is known only per row) is left to
     * the reading thread, which reports it. Amounts are read here only when every usable row has
     * one currency: no currency column, or a chosen currency.
     */
    /** When the splitting thread decodes values: as the threads' load says, or (for tests) always or never. */
    enum Prework {
        BALANCED, ALWAYS, NEVER
    }

    /**
     * Chooses when values are decoded on the splitting thread (tests read the same file both ways:
     * the result must not depend on it).
     */
    void prework(Prework mode) {
        this.prework = mode;
    }

    private final class Preparse implements CsvBlocks.BlockHook {
        static final byte TIMESTAMP = 1;
        static final byte AMOUNT = 2;
        static final int ROUNDING_SHIFT = 2;

        final TimestampParser timestamps = new TimestampParser(OrderFileReader.this.timestamps.zone());
        final AmountParser amounts = new AmountParser(amountRounding);
        private OrderColumns columns;
        private boolean failed;
        private int fixedScale = -1;
        private String code;

        @Override
        public void onBlock(CsvBlocks.Block b, boolean readerWaiting) {
            if (b.flags.length < b.records) {
                int n = Math.max(b.records, b.line.length);
                b.firstValue = new long[n];
                b.secondValue = new long[n];
                b.flags = new byte[n];
            }
            int r = 0;
            if (columns != null && (prework == Prework.NEVER || prework == Prework.BALANCED && readerWaiting)) {
                // the reader would wait for this block: hand it over as split, the reader decodes its
                // values itself (the same decoding); the two threads share the work by this choice
                java.util.Arrays.fill(b.flags, 0, b.records, (byte) 0);
                return;
            }
            if (columns == null && !failed && b.records > 0) {
                try {
                    columns = OrderColumns.find(b.texts(0), columnMapping);
                } catch (RuntimeException e) {
                    failed = true; // the reading thread finds the same header and reports it
                }
                if (columns != null && (columns.currency() < 0 || chosenCurrency.isPresent())) {
                    Currency c = chosenCurrency.orElse(DEFAULT_CURRENCY);
                    fixedScale = Math.max(0, c.getDefaultFractionDigits());
                    code = c.getCurrencyCode();
                }
                b.flags[0] = 0;
                r = 1;
            }
            if (columns == null) {
                java.util.Arrays.fill(b.flags, 0, b.records, (byte) 0);
                return;
            }
            int width = columns.width();
            int ts = columns.timestamp();
            int am = columns.amount();
            byte[] d = b.data;
            for (; r < b.records; r++) {
                byte flags = 0;
                if (!b.malformed[r] && b.fieldCount(r) == width) {
                    int k = b.firstField[r];
                    if (b.fieldStart[k + ts] < b.fieldEnd[k + ts] && !b.escaped[k + ts]) {
                        try {
                            b.firstValue[r] = timestamps.toEpochMicros(d, b.fieldStart[k + ts], b.fieldEnd[k + ts]);
                            flags |= TIMESTAMP;
                        } catch (DateTimeException e) {
                            // reported by the reading thread
                        }
                    }
                    if (fixedScale >= 0 && b.fieldStart[k + am] < b.fieldEnd[k + am] && !b.escaped[k + am]) {
                        try {
                            b.secondValue[r] = amounts.toMinorUnits(d, b.fieldStart[k + am], b.fieldEnd[k + am],
                                    fixedScale, code);
                            flags |= (byte) (AMOUNT | amounts.lastRounding() << ROUNDING_SHIFT);
                        } catch (IllegalArgumentException e) {
                            // reported by the reading thread
                        }
                    }
                }
                b.flags[r] = flags;
            }
        }
    }
}
