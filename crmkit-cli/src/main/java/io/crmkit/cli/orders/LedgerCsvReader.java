package io.crmkit.cli.orders;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.TimeRange;
import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.credit.InvoiceStatus;
import io.crmkit.core.credit.Payment;
import io.crmkit.core.credit.PaymentId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the ledger files of {@code crmkit receivables} and {@code crmkit collections}: invoices,
 * payments and (optionally) credit terms, CSV or gzip, in the crmkit CSV convention (split by
 * {@link CsvBlocks}: RFC 4180, physical line numbers, header on line 1).
 *
 * <h2>Columns (found by name in the header, case-insensitive)</h2>
 * <ul>
 *   <li>Invoices: {@code invoice_id,customer_id,issued,due,amount} required; {@code currency},
 *       {@code status} ({@code issued}/{@code open}, {@code void}/{@code cancelled},
 *       {@code credit_note}/{@code credit}; default issued), {@code applies_to} (the invoice a credit
 *       note credits) and {@code written_off_on} optional. A <b>negative amount is a credit note</b>
 *       of that size (counted on stderr); zero is rejected.</li>
 *   <li>Payments: {@code payment_id,customer_id,paid_on,amount} required; {@code invoice_id} (empty
 *       for none) and {@code currency} optional. The amount must be positive (a refund is a credit
 *       note).</li>
 *   <li>Credit terms: {@code customer_id,credit_limit,terms_days} required; {@code rating_class} and
 *       {@code currency} optional; one row per customer.</li>
 * </ul>
 * Dates are ISO dates ({@code 2025-01-31}) in the years {@value #MIN_YEAR}-{@value #MAX_YEAR}.
 * Amounts follow {@link AmountParser} (floating-point noise read as the nearest cent; other excess
 * digits rejected) and are at most {@value #MAX_AMOUNT_MINOR} minor units in size. A row whose
 * identifier repeats that of an <em>accepted</em> row is rejected (after its other checks). Other
 * columns are ignored with one warning.
 *
 * <h2>Currency</h2>
 * The chosen currency, or else the single currency named in the files' currency columns (USD when
 * no file has one). A file without a currency column is in the run's currency. Rows in another
 * currency than the chosen one are rejected; with none chosen and several named, reading fails:
 * crmkit never converts.
 *
 * <h2>Bad rows</h2>
 * Every data row is used or reported to the {@link ReadListener} with its physical line and a
 * reason that starts with the file's name and never repeats an identifier; reports of one file come
 * in line order. {@link LedgerRows} accounts for every row.
 *
 * <p>Not thread-safe; one reader reads one set of files.
 */
public final class LedgerCsvReader {

    /** The three files read. */
    public record LedgerInput(Currency currency, LedgerRows<Invoice> invoices, LedgerRows<Payment> payments,
            Optional<LedgerRows<CreditTerms>> terms, long negativeAmountCreditNotes) {
    }

    /** The first day a date may be: that of {@link TimeRange#recordable()}, as for orders. */
    public static final LocalDate FIRST_DAY = LocalDate.ofInstant(TimeRange.recordable().start(), ZoneOffset.UTC);
    /** The last day a date may be: the day before {@link TimeRange#recordable()}'s end. */
    public static final LocalDate LAST_DAY = LocalDate.ofInstant(TimeRange.recordable().end(), ZoneOffset.UTC)
            .minusDays(1);
    /**
     * The largest amount of one row, in minor units (10^15: ten trillion in a currency with cents),
     * so that sums of many rows stay far from the range of a {@code long}.
     */
    public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000_000L;

    private final ReadListener listener;
    private final Optional<Currency> chosen;
    private final AmountParser amounts = new AmountParser(Optional.empty());

    /**
     * Creates a reader.
     *
     * @param chosen the currency chosen for the run, or empty to take the files' single one, not null
     * @param listener receives warnings and rejected rows, not null
     */
    public LedgerCsvReader(Optional<Currency> chosen, ReadListener listener) {
        this.chosen = chosen;
        this.listener = listener;
    }

    private record Report(int line, Rejection kind, String reason) {
    }

    /** A row that passed the checks that need no currency, waiting for its amounts. */
    private record Pending(int line, Map<String, String> values, String currencyCode) {
    }

    private final class FileRows {
        final String name;
        final List<Pending> pending = new ArrayList<>();
        final List<Report> reports = new ArrayList<>();
        /** The identifier column (the first required one) and the line of each identifier's accepted row. */
        String idColumn;
        final Map<String, Integer> acceptedLine = new HashMap<>();
        long rowsRead;

        FileRows(Path file) {
            this.name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        }

        void reject(int line, Rejection kind, String reason) {
            reports.add(new Report(line, kind, reason));
        }

        Map<Rejection, Long> flush() {
            Map<Rejection, Long> byKind = new EnumMap<>(Rejection.class);
            reports.sort(Comparator.comparingInt(Report::line));
            for (Report r : reports) {
                listener.rejected(r.line(), r.kind(), name + ": " + r.reason());
                byKind.merge(r.kind(), 1L, Long::sum);
            }
            return byKind;
        }
    }

    /**
     * Reads the files.
     *
     * @param invoices the invoice file, not null
     * @param payments the payment file, not null
     * @param terms the credit-terms file, or empty, not null
     * @return what was read, never null
     * @throws IOException if a file cannot be read
     * @throws InvalidInputException if a required column is missing, or several currencies are
     *     present and none was chosen
     */
    public LedgerInput read(Path invoices, Path payments, Optional<Path> terms) throws IOException {
        FileRows inv = scan(invoices, List.of("invoice_id", "customer_id", "issued", "due", "amount"),
                List.of("currency", "status", "applies_to", "written_off_on"));
        FileRows pay = scan(payments, List.of("payment_id", "customer_id", "paid_on", "amount"),
                List.of("invoice_id", "currency"));
        Optional<FileRows> ter = terms.isPresent()
                ? Optional.of(scan(terms.get(), List.of("customer_id", "credit_limit", "terms_days"),
                        List.of("rating_class", "currency")))
                : Optional.empty();
        Currency currency = chosen.orElseGet(() -> {
            Set<String> codes = new TreeSet<>();
            for (FileRows f : ter.isPresent() ? List.of(inv, pay, ter.get()) : List.of(inv, pay)) {
                f.pending.stream().map(Pending::currencyCode).filter(java.util.Objects::nonNull).forEach(codes::add);
            }
            if (codes.size() > 1) {
                throw new InvalidInputException("the files hold amounts in " + codes.size() + " currencies " + codes
                        + "; choose one with --currency (rows in the others are then rejected; crmkit never converts)");
            }
            return codes.isEmpty() ? OrderFileReader.DEFAULT_CURRENCY : Currency.getInstance(codes.iterator().next());
        });
        long[] negatives = new long[1];
        List<Invoice> invoiceList = convert(inv, currency, (p) -> invoice(p, currency, negatives));
        List<Payment> paymentList = convert(pay, currency, (p) -> payment(p, currency));
        LedgerRows<Invoice> invoiceRows = new LedgerRows<>(invoiceList, inv.rowsRead, inv.flush());
        LedgerRows<Payment> paymentRows = new LedgerRows<>(paymentList, pay.rowsRead, pay.flush());
        Optional<LedgerRows<CreditTerms>> termRows = ter.map(t -> {
            List<CreditTerms> list = convert(t, currency, p -> terms(p, currency));
            return new LedgerRows<>(list, t.rowsRead, t.flush());
        });
        return new LedgerInput(currency, invoiceRows, paymentRows, termRows, negatives[0]);
    }

    private <T> List<T> convert(FileRows f, Currency currency, Function<Pending, T> make) {
        List<T> out = new ArrayList<>();
        for (Pending p : f.pending) {
            if (p.currencyCode() != null && !p.currencyCode().equals(currency.getCurrencyCode())) {
                f.reject(p.line(), Rejection.OTHER_CURRENCY, "currency is not " + currency.getCurrencyCode()
                        + ", the currency of the run");
                continue;
            }
            T made;
            try {
                made = make.apply(p);
            } catch (Rejected e) {
                f.reject(p.line(), e.kind, e.getMessage());
                continue;
            }
            // Checked only once the row is accepted: a valid row must not be refused as repeating a
            // row that was itself rejected.
            Integer earlier = f.acceptedLine.putIfAbsent(p.values().get(f.idColumn), p.line());
            if (earlier != null) {
                f.reject(p.line(), Rejection.DUPLICATE_ID, f.idColumn + " repeats the one on line " + earlier);
                continue;
            }
            out.add(made);
        }
        return out;
    }

    private FileRows scan(Path file, List<String> required, List<String> optional) throws IOException {
        FileRows rows = new FileRows(file);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidInputException("cannot read " + file + (Files.exists(file) ? " (not a readable file)"
                    : " (no such file)"));
        }
        try (InputStream in = GzipInput.decompressed(Files.newInputStream(file)); CsvRecords records = new CsvRecords(in)) {
            if (!records.next()) {
                throw new InvalidInputException(file + " is empty: a header line is required ("
                        + String.join(",", required) + ")");
            }
            records.checkHeader();
            List<String> header = records.texts();
            Map<String, String> known = new LinkedHashMap<>();
            required.forEach(c -> known.put(c, c));
            optional.forEach(c -> known.put(c, c));
            HeaderColumns.Found found = HeaderColumns.find(header, known, rows.name + ": ");
            Map<String, Integer> columns = found.at();
            List<String> ignored = found.ignored();
            List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException(file + ": the header lacks " + missing + " (required: "
                        + String.join(",", required) + "; optional: " + String.join(",", optional) + ")");
            }
            if (!ignored.isEmpty()) {
                listener.warning(rows.name + ": columns ignored: " + String.join(", ", ignored));
            }
            rows.idColumn = required.get(0);
            while (records.next()) {
                rows.rowsRead++;
                int line = records.line();
                if (records.oversized()) {
                    rows.reject(line, Rejection.TOO_LONG, CsvBlocks.tooLong(CsvBlocks.DEFAULT_MAX_RECORD_BYTES));
                    continue;
                }
                if (records.malformed()) {
                    rows.reject(line, Rejection.MALFORMED, "broken quoting");
                    continue;
                }
                if (records.fieldCount() != header.size()) {
                    rows.reject(line, Rejection.FIELD_COUNT, records.fieldCount() + " fields, the header has "
                            + header.size());
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                columns.forEach((name, index) -> values.put(name, records.field(index).trim()));
                String missingValue = required.stream().filter(c -> values.get(c).isEmpty()).findFirst().orElse(null);
                if (missingValue != null) {
                    rows.reject(line, Rejection.MISSING_VALUE, missingValue + " is empty");
                    continue;
                }
                String code = values.get("currency");
                if (code != null) {
                    if (code.isEmpty()) {
                        rows.reject(line, Rejection.MISSING_VALUE, "currency is empty");
                        continue;
                    }
                    try {
                        code = Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode();
                    } catch (IllegalArgumentException e) {
                        rows.reject(line, Rejection.BAD_CURRENCY, "currency is not an ISO 4217 code");
                        continue;
                    }
                }
                rows.pending.add(new Pending(line, values, code));
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new InvalidInputException(GzipInput.damaged(file.toString(), e));
        }
        return rows;
    }

    /** A row rejected while its values are converted. */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Rejection kind;

        Rejected(Rejection kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }
    }

    private static Rejected reject(Rejection kind, String message) {
        return new Rejected(kind, message);
    }

    /** An identifier of a cell ({@link Texts#identifier}), a {@code BAD_IDENTIFIER} rejection if refused. */
    private static <I> I identifier(String text, Function<String, I> of, String column) {
        try {
            return Texts.identifier(text, of, column);
        } catch (IllegalArgumentException e) {
            throw reject(Rejection.BAD_IDENTIFIER, e.getMessage());
        }
    }

    private static CustomerId customer(Map<String, String> v) {
        return identifier(v.get("customer_id"), CustomerId::of, "customer_id");
    }

    private static LocalDate date(Map<String, String> v, String column) {
        String text = v.get(column);
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw reject(Rejection.BAD_DATE, column + " is not an ISO date such as 2025-01-31: '" + text + "'");
        }
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw reject(Rejection.BAD_DATE, column + " " + text + " is outside the accepted days " + FIRST_DAY + " to "
                    + LAST_DAY);
        }
        return day;
    }

    private long minor(String text, String column, Currency currency) {
        long m;
        try {
            m = amounts.toMinorUnits(text, Math.max(0, currency.getDefaultFractionDigits()),
                    currency.getCurrencyCode());
        } catch (IllegalArgumentException e) {
            throw reject(Rejection.BAD_AMOUNT, column + " '" + text + "' " + e.getMessage());
        }
        if (m > MAX_AMOUNT_MINOR || m < -MAX_AMOUNT_MINOR) {
            throw reject(Rejection.BAD_AMOUNT, column + " '" + text + "' exceeds " + MAX_AMOUNT_MINOR
                    + " minor units (" + Money.ofMinor(MAX_AMOUNT_MINOR, currency) + ")");
        }
        return m;
    }

    private Invoice invoice(Pending p, Currency currency, long[] negatives) {
        Map<String, String> v = p.values();
        InvoiceId id = identifier(v.get("invoice_id"), InvoiceId::of, "invoice_id");
        CustomerId customer = customer(v);
        LocalDate issued = date(v, "issued");
        LocalDate due = date(v, "due");
        if (due.isBefore(issued)) {
            throw reject(Rejection.BAD_DATE, "due " + due + " is before issued " + issued);
        }
        long amount = minor(v.get("amount"), "amount", currency);
        if (amount == 0) {
            throw reject(Rejection.BAD_AMOUNT, "amount is zero");
        }
        String statusText = v.getOrDefault("status", "").toLowerCase(Locale.ROOT).replace('-', '_');
        InvoiceStatus status = switch (statusText) {
            case "", "issued", "open" -> InvoiceStatus.ISSUED;
            case "void", "cancelled", "canceled" -> InvoiceStatus.VOID;
            case "credit_note", "credit" -> InvoiceStatus.CREDIT_NOTE;
            default -> throw reject(Rejection.UNKNOWN_STATUS, "status '" + statusText
                    + "' is none of issued, open, void, cancelled, credit_note, credit");
        };
        if (amount < 0 && status == InvoiceStatus.ISSUED) {
            status = InvoiceStatus.CREDIT_NOTE;
            negatives[0]++;
        }
        Money money = Money.ofMinor(Math.abs(amount), currency);
        String appliesText = v.getOrDefault("applies_to", "");
        String writtenText = v.getOrDefault("written_off_on", "");
        Optional<InvoiceId> appliesTo = appliesText.isEmpty() ? Optional.empty()
                : Optional.of(identifier(appliesText, InvoiceId::of, "applies_to"));
        Optional<LocalDate> writtenOff = writtenText.isEmpty() ? Optional.empty()
                : Optional.of(date(v, "written_off_on"));
        if (status == InvoiceStatus.CREDIT_NOTE) {
            if (writtenOff.isPresent()) {
                throw reject(Rejection.BAD_DATE, "written_off_on is set on a credit note");
            }
            return new Invoice(id, customer, issued, due, money, status, appliesTo.filter(a -> !a.equals(id)),
                    Optional.empty());
        }
        if (appliesTo.isPresent()) {
            throw reject(Rejection.UNKNOWN_STATUS, "applies_to is set on an invoice that is not a credit note");
        }
        if (status == InvoiceStatus.VOID) {
            return Invoice.issued(id, customer, issued, due, money).voided();
        }
        if (writtenOff.isPresent() && writtenOff.get().isBefore(issued)) {
            throw reject(Rejection.BAD_DATE, "written_off_on " + writtenOff.get() + " is before issued " + issued);
        }
        return new Invoice(id, customer, issued, due, money, status, Optional.empty(), writtenOff);
    }

    private Payment payment(Pending p, Currency currency) {
        Map<String, String> v = p.values();
        PaymentId id = identifier(v.get("payment_id"), PaymentId::of, "payment_id");
        CustomerId customer = customer(v);
        LocalDate paidOn = date(v, "paid_on");
        long amount = minor(v.get("amount"), "amount", currency);
        if (amount <= 0) {
            throw reject(Rejection.BAD_AMOUNT, "amount must be positive (a refund is a credit note in the invoices)");
        }
        String invoiceText = v.getOrDefault("invoice_id", "");
        Optional<InvoiceId> invoice = invoiceText.isEmpty() ? Optional.empty()
                : Optional.of(identifier(invoiceText, InvoiceId::of, "invoice_id"));
        return new Payment(id, customer, paidOn, Money.ofMinor(amount, currency), invoice);
    }

    private CreditTerms terms(Pending p, Currency currency) {
        Map<String, String> v = p.values();
        CustomerId customer = customer(v);
        long limit = minor(v.get("credit_limit"), "credit_limit", currency);
        if (limit < 0) {
            throw reject(Rejection.BAD_AMOUNT, "credit_limit is negative");
        }
        int days;
        try {
            days = Integer.parseInt(v.get("terms_days"));
        } catch (NumberFormatException e) {
            throw reject(Rejection.BAD_AMOUNT, "terms_days is not a whole number of days: '" + v.get("terms_days") + "'");
        }
        if (days < 0 || days > 3650) {
            throw reject(Rejection.BAD_AMOUNT, "terms_days must be 0 to 3650: " + days);
        }
        String rating = v.getOrDefault("rating_class", "");
        try {
            return new CreditTerms(customer, Money.ofMinor(limit, currency), days,
                    rating.isEmpty() ? Optional.empty() : Optional.of(rating));
        } catch (IllegalArgumentException e) {
            throw reject(Rejection.BAD_IDENTIFIER, "rating_class is not acceptable");
        }
    }
}
