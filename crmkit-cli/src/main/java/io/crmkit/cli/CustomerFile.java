package io.crmkit.cli;

import io.crmkit.cli.orders.Texts;
import io.crmkit.core.CustomerId;
import io.crmkit.cli.orders.CsvRecords;
import io.crmkit.cli.orders.GzipInput;
import io.crmkit.cli.orders.HeaderColumns;
import io.crmkit.cli.orders.InvalidInputException;
import io.crmkit.quality.CustomerRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads a customers file for {@code crmkit duplicates} and {@code crmkit quality}: CSV with a header
 * naming {@code customer_id} and any of {@code first_name, last_name, name, email, phone, street,
 * city, postal_code, country, birth_date, company}, and optionally {@code source} and
 * {@code updated_at} (other columns are ignored with one warning). Header names are matched
 * case-insensitively ({@link HeaderColumns}); the CSV format is the order files' ({@link CsvRecords});
 * gzip is recognised by its magic bytes ({@link GzipInput}).
 *
 * <p>Every data row is used or rejected with its physical line number (the header is line 1) and a
 * reason that never repeats a personal value: broken quoting, a wrong number of fields, an empty or
 * invalid {@code customer_id}, a {@code customer_id} repeating an earlier row's, a {@code birth_date}
 * that is not an ISO date ({@code yyyy-mm-dd}), an {@code updated_at} that is neither an ISO date
 * nor an ISO date-time (a date or a date-time without offset is UTC). Empty values are missing.
 *
 * <p>Not thread-safe.
 */
final class CustomerFile {

    static final List<String> FIELDS = List.of("first_name", "last_name", "name", "email", "phone", "street", "city",
            "postal_code", "country", "birth_date", "company");
    private static final List<String> EXTRA = List.of("source", "updated_at");

    private CustomerFile() {
    }

    /** The records read and the counts of rows. */
    record Rows(List<CustomerRecord> records, long read, long rejected) {
    }

    /**
     * Reads the file.
     *
     * @param file the file, not null
     * @param rejected receives each rejected row's line number and reason, not null
     * @param warning receives warnings, not null
     * @return the records and counts, never null
     * @throws CommandFailedException if the file cannot be read, is empty or not UTF-8, has no customer_id column or
     *     names a column twice
     * @throws IOException if reading fails
     */
    static Rows read(Path file, BiConsumer<Long, String> rejected, Consumer<String> warning) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CommandFailedException("cannot read the customers file " + file
                    + (Files.exists(file) ? " (not a readable file)" : " (no such file)"));
        }
        Map<String, String> names = new LinkedHashMap<>();
        names.put("customer_id", "customer_id");
        FIELDS.forEach(f -> names.put(f, f));
        EXTRA.forEach(f -> names.put(f, f));
        List<CustomerRecord> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Integer> at = new LinkedHashMap<>();
        CsvRecords.CheckedRows rows = new CsvRecords.CheckedRows(rejected) {
            @Override
            protected void columns(List<String> h) {
                HeaderColumns.Found found = HeaderColumns.find(h, names, "");
                at.putAll(found.at());
                if (!at.containsKey("customer_id")) {
                    throw new CommandFailedException("the customers file " + file + " has no customer_id column"
                            + " (its header names " + h.size() + " columns; expected customer_id and any of "
                            + String.join(", ", FIELDS) + ")");
                }
                if (!found.ignored().isEmpty()) {
                    warning.accept("customers: columns ignored: " + String.join(", ", found.ignored()));
                }
            }

            @Override
            protected void row(long line, List<String> fields) {
                CustomerRecord r = parse(fields, at);
                if (!ids.add(r.id().value())) {
                    throw new IllegalArgumentException("customer_id repeats an earlier row's");
                }
                out.add(r);
            }
        };
        boolean header;
        try (InputStream in = GzipInput.decompressed(Files.newInputStream(file))) {
            header = CsvRecords.read(in, rows);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new CommandFailedException(GzipInput.damaged("customers file " + file, e));
        } catch (InvalidInputException e) {
            // the file as a whole: not UTF-8, an over-long header, a known column named twice
            throw new CommandFailedException("the customers file " + file + ": " + e.getMessage());
        }
        if (!header) {
            throw new CommandFailedException("the customers file " + file + " is empty (no header)");
        }
        return new Rows(List.copyOf(out), rows.read(), rows.rejected());
    }

    private static String value(List<String> f, Map<String, Integer> at, String name) {
        Integer i = at.get(name);
        return i == null ? null : f.get(i).strip();
    }

    private static CustomerRecord parse(List<String> f, Map<String, Integer> at) {
        String id = value(f, at, "customer_id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("empty customer_id");
        }
        CustomerId cid = Texts.identifier(id, CustomerId::of, "customer_id");
        CustomerRecord.Builder b = CustomerRecord.builder(cid).firstName(value(f, at, "first_name"))
                .lastName(value(f, at, "last_name")).fullName(value(f, at, "name")).email(value(f, at, "email"))
                .phone(value(f, at, "phone")).street(value(f, at, "street")).city(value(f, at, "city"))
                .postalCode(value(f, at, "postal_code")).country(value(f, at, "country"))
                .company(value(f, at, "company")).source(value(f, at, "source"));
        String birth = value(f, at, "birth_date");
        if (birth != null && !birth.isEmpty()) {
            try {
                b.birthDate(LocalDate.parse(birth));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("birth_date is not an ISO date (yyyy-mm-dd)");
            }
        }
        String updated = value(f, at, "updated_at");
        if (updated != null && !updated.isEmpty()) {
            b.updatedAt(instant(updated));
        }
        return b.build();
    }

    private static Instant instant(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            char last = text.charAt(text.length() - 1);
            if (last == 'Z' || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("updated_at is neither an ISO date nor an ISO date-time");
        }
    }
}
