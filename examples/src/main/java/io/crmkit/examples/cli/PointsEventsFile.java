package io.crmkit.examples.cli;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.PointsTransactionId;
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
 * Reads the {@code --points-events} file of {@code crmkit loyalty}: CSV with a header naming
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
final class PointsEventsFile {

    /** What was read: the transactions and the count of rows read and rejected. */
    record Result(List<PointsTransaction> transactions, long rowsRead, long rowsRejected) {
    }

    private PointsEventsFile() {
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
    static Result read(Path file, ZoneId zone, BiConsumer<Long, String> rejected,
            java.util.function.Consumer<String> warning) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CommandFailedException("cannot read the points events file " + file
                    + (Files.exists(file) ? " (not a readable file)" : " (no such file)"));
        }
        TimestampParser timestamps = new TimestampParser(zone);
        List<PointsTransaction> out = new ArrayList<>();
        long read = 0;
        long bad = 0;
        Set<String> ids = new HashSet<>();
        java.io.InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        int b1 = raw.read();
        int b2 = raw.read();
        raw.reset();
        java.io.InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(raw) : raw;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                throw new CommandFailedException("the points events file " + file + " is empty (no header)");
            }
            List<String> names = split(header.startsWith("\uFEFF") ? header.substring(1) : header);
            Map<String, Integer> at = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                at.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            for (String required : List.of("customer_id", "event_id", "timestamp", "type", "points")) {
                if (!at.containsKey(required)) {
                    throw new CommandFailedException("the points events file " + file + " has no " + required
                            + " column (header: " + String.join(",", names) + ")");
                }
            }
            Set<String> known = Set.of("customer_id", "event_id", "timestamp", "type", "points", "order_id");
            List<String> ignored = at.keySet().stream().filter(n -> !known.contains(n)).toList();
            if (!ignored.isEmpty()) {
                warning.accept("points events: columns ignored: " + String.join(", ", ignored));
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
                    String customer = f.get(at.get("customer_id")).strip();
                    if (customer.isEmpty()) {
                        throw new IllegalArgumentException("empty customer_id");
                    }
                    String id = f.get(at.get("event_id")).strip();
                    if (id.isEmpty()) {
                        throw new IllegalArgumentException("empty event_id");
                    }
                    if (!ids.add(id)) {
                        throw new IllegalArgumentException("event_id repeats an earlier row's");
                    }
                    long micros;
                    try {
                        micros = timestamps.toEpochMicros(f.get(at.get("timestamp")).strip());
                    } catch (DateTimeException e) {
                        throw new IllegalArgumentException("bad timestamp '" + f.get(at.get("timestamp")).strip()
                                + "'");
                    }
                    PointsTransactionType type = type(f.get(at.get("type")).strip());
                    long points;
                    try {
                        points = Long.parseLong(f.get(at.get("points")).strip());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("points must be a whole number: '"
                                + f.get(at.get("points")).strip() + "'");
                    }
                    Optional<OrderId> order = Optional.empty();
                    if (at.containsKey("order_id") && !f.get(at.get("order_id")).isBlank()) {
                        order = Optional.of(OrderId.of(f.get(at.get("order_id")).strip()));
                    }
                    CustomerId customerId;
                    PointsTransactionId eventId;
                    try {
                        customerId = CustomerId.of(customer);
                        eventId = PointsTransactionId.of(id);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("customer_id or event_id is not a valid identifier"
                                + " (too long or control characters)");
                    }
                    out.add(new PointsTransaction(eventId, customerId, type, TimestampParser.instant(micros), points,
                            order));
                } catch (IllegalArgumentException e) {
                    bad++;
                    rejected.accept(line, e.getMessage());
                }
            }
        }
        return new Result(List.copyOf(out), read, bad);
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
