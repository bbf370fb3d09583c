package io.crmkit.cli;

import io.crmkit.cli.orders.Texts;
import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.MembershipId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.ReferralId;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.loyalty.Referral;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.PointsTransactionType;
import io.crmkit.cli.orders.CsvRecords;
import io.crmkit.cli.orders.GzipInput;
import io.crmkit.cli.orders.HeaderColumns;
import io.crmkit.cli.orders.InvalidInputException;
import io.crmkit.cli.orders.TimestampParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads the input files of {@code crmkit loyalty} besides the orders: {@code --members},
 * {@code --referrals} (see their readers) and the {@code --points-events} file: CSV with a header naming
 * {@code customer_id, event_id, timestamp, type, points} and optionally {@code order_id} (others are
 * ignored, with one warning). {@code type} is {@code earn}, {@code redeem}, {@code adjust} (points
 * signed) or {@code reverse}; {@code expire} rows are rejected, as the ledger computes expiry.
 * Timestamps follow the order file's rules (a date alone is the start of that day in the zone).
 * The CSV format is the order files' ({@link CsvRecords}: quoted values may span lines, broken
 * quoting rejects the row); gzip is recognised by its magic bytes as for the orders. A row must have
 * as many fields as the header. Points are whole numbers of at most {@value #MAX_POINTS} per row.
 *
 * <p>Every data row is used or reported with its physical line number (the header is line 1) and a
 * reason that never repeats an identifier; a repeated {@code event_id} is rejected (only a row that
 * was otherwise accepted claims its identifier).
 *
 * <p>Not thread-safe.
 */
final class LoyaltyFiles {

    /** The largest points value a row may carry: far beyond any real programme, far below overflow. */
    static final long MAX_POINTS = 1_000_000_000_000L;

    private LoyaltyFiles() {
    }

    /**
     * Reads the file.
     *
     * @param file the file, not null
     * @param zone the zone of date-only timestamps, not null
     * @param rejected receives each rejected row's line number and reason, not null
     * @param warning receives warnings, not null
     * @return what was read, never null
     * @throws CommandFailedException if the file cannot be read, is not UTF-8, or its header lacks a column or
     *     names one twice
     * @throws IOException if reading fails
     */
    static Rows<PointsTransaction> readPoints(Path file, ZoneId zone, BiConsumer<Long, String> rejected,
            java.util.function.Consumer<String> warning) throws IOException {
        TimestampParser timestamps = new TimestampParser(zone);
        Set<String> ids = new HashSet<>();
        return readRows(file, "points events",
                List.of("customer_id", "event_id", "timestamp", "type", "points"), List.of("order_id"), rejected,
                warning, (f, at) -> {
                    String id = field(f, at, "event_id");
                    long micros = micros(timestamps, f, at, "timestamp");
                    PointsTransactionType type = type(field(f, at, "type"));
                    long points;
                    try {
                        points = Long.parseLong(field(f, at, "points"));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("points must be a whole number: '" + field(f, at, "points")
                                + "'");
                    }
                    if (points > MAX_POINTS || points < -MAX_POINTS) {
                        throw new IllegalArgumentException("points out of range: " + points + " (at most " + MAX_POINTS
                                + " per row)");
                    }
                    Optional<OrderId> order = optional(f, at, "order_id").map(o -> Texts.identifier(o, OrderId::of,
                            "order_id"));
                    PointsTransaction t = new PointsTransaction(
                            Texts.identifier(id, PointsTransactionId::of, "event_id"),
                            Texts.identifier(field(f, at, "customer_id"), CustomerId::of, "customer_id"), type,
                            TimestampParser.instant(micros), points, order);
                    claim(ids, id, "event_id");
                    return t;
                });
    }

    /**
     * Reads a memberships file: {@code customer_id, membership_id, joined} and optionally {@code left}.
     *
     * @param file the file, not null
     * @param zone the zone of date-only timestamps, not null
     * @param rejected receives each rejected row's line number and reason, not null
     * @param warning receives warnings, not null
     * @return the memberships and the counts, never null
     * @throws IOException if reading fails
     */
    static Rows<Membership> readMemberships(Path file, ZoneId zone, BiConsumer<Long, String> rejected,
            java.util.function.Consumer<String> warning) throws IOException {
        TimestampParser timestamps = new TimestampParser(zone);
        Set<String> ids = new HashSet<>();
        return readRows(file, "members", List.of("customer_id", "membership_id", "joined"), List.of("left"),
                rejected, warning, (f, at) -> {
                    String id = field(f, at, "membership_id");
                    java.time.Instant joined = TimestampParser.instant(micros(timestamps, f, at, "joined"));
                    Optional<java.time.Instant> left = optional(f, at, "left")
                            .map(l -> TimestampParser.instant(micros(timestamps, f, at, "left")));
                    Membership m = new Membership(Texts.identifier(id, MembershipId::of, "membership_id"),
                            Texts.identifier(field(f, at, "customer_id"), CustomerId::of, "customer_id"), joined, left,
                            List.of());
                    claim(ids, id, "membership_id");
                    return m;
                });
    }

    /**
     * Reads a referrals file: {@code referral_id, referrer_id, referred_id, code, timestamp} and
     * optionally {@code order_id} (the qualifying order).
     *
     * @param file the file, not null
     * @param zone the zone of date-only timestamps, not null
     * @param rejected receives each rejected row's line number and reason, not null
     * @param warning receives warnings, not null
     * @return the referrals and the counts, never null
     * @throws IOException if reading fails
     */
    static Rows<Referral> readReferrals(Path file, ZoneId zone, BiConsumer<Long, String> rejected,
            java.util.function.Consumer<String> warning) throws IOException {
        TimestampParser timestamps = new TimestampParser(zone);
        Set<String> ids = new HashSet<>();
        return readRows(file, "referrals", List.of("referral_id", "referrer_id", "referred_id", "code", "timestamp"),
                List.of("order_id"), rejected, warning, (f, at) -> {
                    String id = field(f, at, "referral_id");
                    java.time.Instant when = TimestampParser.instant(micros(timestamps, f, at, "timestamp"));
                    CustomerId referrer = Texts.identifier(field(f, at, "referrer_id"), CustomerId::of, "referrer_id");
                    CustomerId referred = Texts.identifier(field(f, at, "referred_id"), CustomerId::of, "referred_id");
                    String code;
                    try {
                        code = io.crmkit.core.internal.Checks.text(field(f, at, "code"), "code");
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("code is not a valid text (too long or control characters)");
                    }
                    Referral r = new Referral(Texts.identifier(id, ReferralId::of, "referral_id"), referrer, referred,
                            code,
                            when, optional(f, at, "order_id").map(o -> Texts.identifier(o, OrderId::of, "order_id")));
                    claim(ids, id, "referral_id");
                    return r;
                });
    }

    /** The records of a file and the count of rows read and rejected. */
    record Rows<T>(List<T> values, long read, long rejected) {
    }

    /** Makes a record of a row's fields, given the column positions; throws to reject the row. */
    @FunctionalInterface
    interface RowParser<T> {
        T parse(List<String> fields, Map<String, Integer> at);
    }

    /** Records a row's identifier once the row is otherwise accepted; a repeat rejects the row. */
    static void claim(Set<String> ids, String id, String column) {
        if (!ids.add(id)) {
            throw new IllegalArgumentException(column + " repeats an earlier row's");
        }
    }

    static String field(List<String> f, Map<String, Integer> at, String name) {
        String v = f.get(at.get(name)).strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty " + name);
        }
        return v;
    }

    static Optional<String> optional(List<String> f, Map<String, Integer> at, String name) {
        Integer i = at.get(name);
        return i == null || f.get(i).isBlank() ? Optional.empty() : Optional.of(f.get(i).strip());
    }

    static long micros(TimestampParser timestamps, List<String> f, Map<String, Integer> at, String name) {
        String v = field(f, at, name);
        try {
            return timestamps.toEpochMicros(v);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("bad " + name + " '" + v + "': " + e.getMessage());
        }
    }

    /**
     * The loop shared by the side files (these and the service and survey files of
     * {@link ServiceFiles}): header, column positions, rows used or reported by line.
     */
    static <T> Rows<T> readRows(Path file, String what, List<String> required, List<String> optionalColumns,
            BiConsumer<Long, String> rejected, java.util.function.Consumer<String> warning, RowParser<T> parser)
            throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CommandFailedException("cannot read the " + what + " file " + file
                    + (Files.exists(file) ? " (not a readable file)" : " (no such file)"));
        }
        List<T> out = new ArrayList<>();
        Map<String, Integer> at = new LinkedHashMap<>();
        CsvRecords.CheckedRows rows = new CsvRecords.CheckedRows(rejected) {
            @Override
            protected void columns(List<String> names) {
                Map<String, String> known = new LinkedHashMap<>();
                required.forEach(c -> known.put(c, c));
                optionalColumns.forEach(c -> known.put(c, c));
                HeaderColumns.Found found = HeaderColumns.find(names, known, "");
                at.putAll(found.at());
                for (String column : required) {
                    if (!at.containsKey(column)) {
                        throw new CommandFailedException("the " + what + " file " + file + " has no " + column
                                + " column (header: " + String.join(",", names) + ")");
                    }
                }
                if (!found.ignored().isEmpty()) {
                    warning.accept(what + ": columns ignored: " + String.join(", ", found.ignored()));
                }
            }

            @Override
            protected void row(long line, List<String> fields) {
                out.add(parser.parse(fields, at));
            }
        };
        boolean header;
        try (InputStream in = GzipInput.decompressed(Files.newInputStream(file))) {
            header = CsvRecords.read(in, rows);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new CommandFailedException("cannot read the gzip " + what + " file " + file + " to its end ("
                    + e.getMessage() + "): the file is damaged or truncated");
        } catch (InvalidInputException e) {
            // the file as a whole: not UTF-8, an over-long header, a known column named twice
            throw new CommandFailedException("the " + what + " file " + file + ": " + e.getMessage());
        }
        if (!header) {
            throw new CommandFailedException("the " + what + " file " + file + " is empty (no header)");
        }
        return new Rows<>(List.copyOf(out), rows.read(), rows.rejected());
    }

    private static PointsTransactionType type(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "earn" -> PointsTransactionType.EARN;
            case "redeem" -> PointsTransactionType.REDEEM;
            case "adjust" -> PointsTransactionType.ADJUST;
            case "reverse" -> PointsTransactionType.REVERSE;
            case "expire" -> throw new IllegalArgumentException("type expire: the ledger computes expiry itself;"
                    + " leave recorded expiries out");
            default -> throw new IllegalArgumentException("unknown type '" + text
                    + "' (earn, redeem, adjust, reverse)");
        };
    }
}
