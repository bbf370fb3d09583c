package io.crmkit.examples.cli;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.MembershipId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.ReferralId;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.loyalty.Referral;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.PointsTransactionType;
import io.crmkit.examples.cli.orders.TimestampParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import java.util.zip.GZIPInputStream;

/**
 * Reads the input files of {@code crmkit loyalty} besides the orders: {@code --members},
 * {@code --referrals} (see their readers) and the {@code --points-events} file: CSV with a header naming
 * {@code customer_id, event_id, timestamp, type, points} and optionally {@code order_id} (others are
 * ignored, with one warning). {@code type} is {@code earn}, {@code redeem}, {@code adjust} (points
 * signed) or {@code reverse}; {@code expire} rows are rejected, as the ledger computes expiry.
 * Timestamps follow the order file's rules (a date alone is the start of that day in the zone).
 * Fields may be quoted with double quotes (a quoted field cannot span lines). Gzip is recognised by its magic bytes.
 *
 * <p>Every data row is used or reported with its physical line number (the header is line 1) and a
 * reason that never repeats an identifier; a repeated {@code event_id} is rejected.
 *
 * <p>Not thread-safe.
 */
final class LoyaltyFiles {

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
     * @throws CommandFailedException if the file cannot be read or its header lacks a column
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
                    if (!ids.add(id)) {
                        throw new IllegalArgumentException("event_id repeats an earlier row's");
                    }
                    long micros = micros(timestamps, f, at, "timestamp");
                    PointsTransactionType type = type(field(f, at, "type"));
                    long points;
                    try {
                        points = Long.parseLong(field(f, at, "points"));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("points must be a whole number: '" + field(f, at, "points")
                                + "'");
                    }
                    Optional<OrderId> order = optional(f, at, "order_id").map(o -> identifier(o, OrderId::of,
                            "order_id"));
                    return new PointsTransaction(identifier(id, PointsTransactionId::of, "event_id"),
                            identifier(field(f, at, "customer_id"), CustomerId::of, "customer_id"), type,
                            TimestampParser.instant(micros), points, order);
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
                    if (!ids.add(id)) {
                        throw new IllegalArgumentException("membership_id repeats an earlier row's");
                    }
                    java.time.Instant joined = TimestampParser.instant(micros(timestamps, f, at, "joined"));
                    Optional<java.time.Instant> left = optional(f, at, "left")
                            .map(l -> TimestampParser.instant(micros(timestamps, f, at, "left")));
                    return new Membership(identifier(id, MembershipId::of, "membership_id"),
                            identifier(field(f, at, "customer_id"), CustomerId::of, "customer_id"), joined, left,
                            List.of());
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
                    if (!ids.add(id)) {
                        throw new IllegalArgumentException("referral_id repeats an earlier row's");
                    }
                    java.time.Instant when = TimestampParser.instant(micros(timestamps, f, at, "timestamp"));
                    CustomerId referrer = identifier(field(f, at, "referrer_id"), CustomerId::of, "referrer_id");
                    CustomerId referred = identifier(field(f, at, "referred_id"), CustomerId::of, "referred_id");
                    String code;
                    try {
                        code = io.crmkit.core.internal.Checks.text(field(f, at, "code"), "code");
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("code is not a valid text (too long or control characters)");
                    }
                    return new Referral(identifier(id, ReferralId::of, "referral_id"), referrer, referred, code, when,
                            optional(f, at, "order_id").map(o -> identifier(o, OrderId::of, "order_id")));
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

    private static String field(List<String> f, Map<String, Integer> at, String name) {
        String v = f.get(at.get(name)).strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("empty " + name);
        }
        return v;
    }

    private static Optional<String> optional(List<String> f, Map<String, Integer> at, String name) {
        Integer i = at.get(name);
        return i == null || f.get(i).isBlank() ? Optional.empty() : Optional.of(f.get(i).strip());
    }

    private static long micros(TimestampParser timestamps, List<String> f, Map<String, Integer> at, String name) {
        String v = field(f, at, name);
        try {
            return timestamps.toEpochMicros(v);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("bad " + name + " '" + v + "'");
        }
    }

    private static <I> I identifier(String text, java.util.function.Function<String, I> of, String column) {
        try {
            return of.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + " is not a valid identifier (too long or control characters)");
        }
    }

    /** The loop shared by the files: header, column positions, rows used or reported by line. */
    private static <T> Rows<T> readRows(Path file, String what, List<String> required, List<String> optionalColumns,
            BiConsumer<Long, String> rejected, java.util.function.Consumer<String> warning, RowParser<T> parser)
            throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CommandFailedException("cannot read the " + what + " file " + file
                    + (Files.exists(file) ? " (not a readable file)" : " (no such file)"));
        }
        List<T> out = new ArrayList<>();
        long read = 0;
        long bad = 0;
        java.io.InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        java.io.InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw) : raw;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                throw new CommandFailedException("the " + what + " file " + file + " is empty (no header)");
            }
            List<String> names = split(header.startsWith("\uFEFF") ? header.substring(1) : header);
            Map<String, Integer> at = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                at.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            for (String column : required) {
                if (!at.containsKey(column)) {
                    throw new CommandFailedException("the " + what + " file " + file + " has no " + column
                            + " column (header: " + String.join(",", names) + ")");
                }
            }
            List<String> ignored = at.keySet().stream()
                    .filter(n -> !required.contains(n) && !optionalColumns.contains(n)).toList();
            if (!ignored.isEmpty()) {
                warning.accept(what + ": columns ignored: " + String.join(", ", ignored));
            }
            long line = 1;
            String text;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                read++;
                try {
                    List<String> f = split(text);
                    if (f.size() < names.size()) {
                        throw new IllegalArgumentException("expected " + names.size() + " fields, found " + f.size());
                    }
                    out.add(parser.parse(f, at));
                } catch (IllegalArgumentException e) {
                    bad++;
                    rejected.accept(line, e.getMessage());
                }
            }
        }
        return new Rows<>(List.copyOf(out), read, bad);
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

    /** Splits a CSV record: commas, fields optionally in double quotes with doubled quotes inside. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        out.add(field.toString());
        return out;
    }
}
