package io.crmkit.cli.orders;

import io.crmkit.core.TimeRange;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.zone.ZoneRules;

/**
 * Reads order timestamps into epoch microseconds.
 *
 * <p>Accepted forms: an ISO date ({@code 2024-03-01}: the start of that day in the zone), an ISO
 * date-time with an offset or {@code Z} ({@code 2024-03-01T10:15:30Z},
 * {@code 2024-03-01T10:15:30.5+01:00}, optionally followed by a {@code [region]}), and an ISO local
 * date-time ({@code 2024-03-01T10:15}: interpreted in the zone, gaps and overlaps resolved as
 * {@link java.time.ZonedDateTime#of(LocalDateTime, ZoneId)} does). A space may stand for the
 * {@code T}. Time is kept to the microsecond (finer digits are truncated).
 *
 * <p>The common fixed-width forms are decoded directly, which is several times faster than
 * {@link DateTimeFormatter}; every other form, and every form the direct path does not fully
 * recognise, goes through {@link DateTimeFormatter#ISO_DATE_TIME} and
 * {@link DateTimeFormatter#ISO_LOCAL_DATE}, which also decide what is rejected. Both paths give the
 * same result (a property test checks this).
 *
 * <p>Only instants of {@link TimeRange#recordable()} (years 1000 to 9998) are accepted, as the JDBC
 * schema stores: a file that reads also loads.
 *
 * <p>Not thread-safe (it caches the dates it read and the last day start in zones with
 * daylight-saving rules, and keeps a scratch buffer).
 */
public final class TimestampParser {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    /** Slots of the date cache, as a power of two: 4,096 (80 KB), for exports of a few years. */
    private static final int DATE_CACHE_BITS = 12;
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long EARLIEST = micros(TimeRange.recordable().start());
    private static final long LATEST = micros(TimeRange.recordable().end());
    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000};

    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean fixedOffset;
    private final int offsetSeconds;
    private long cachedDay = Long.MIN_VALUE;
    private long cachedDayStart;
    private final byte[] scratch = new byte[40];
    /** The 10-byte timestamps read (see {@link #date}): first eight bytes, last two (-1: empty), micros. */
    private final int dateCacheBits;
    private final long[] dateHeads;
    private final int[] dateTails;
    private final long[] dateMicros;

    /**
     * Creates a parser.
     *
     * @param zone the zone of dates and local date-times, not null
     */
    public TimestampParser(ZoneId zone) {
        this(zone, DATE_CACHE_BITS);
    }

    /** A parser whose date cache has {@code 2^dateCacheBits} slots (tests use a few, to make keys collide). */
    TimestampParser(ZoneId zone, int dateCacheBits) {
        this.dateCacheBits = dateCacheBits;
        this.dateHeads = new long[1 << dateCacheBits];
        this.dateTails = filled(1 << dateCacheBits, -1);
        this.dateMicros = new long[1 << dateCacheBits];
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        this.offsetSeconds = fixedOffset ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    /**
     * Returns the zone of dates and local date-times.
     *
     * @return the zone, never null
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Reads a timestamp.
     *
     * @param text the text, not null
     * @return microseconds since 1970-01-01T00:00:00Z
     * @throws DateTimeException if the text is not one of the accepted forms or out of range
     */
    public long toEpochMicros(String text) {
        return recordable(parse(text));
    }

    private long parse(String text) {
        int n = text.length();
        if (n <= scratch.length) {
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    return slow(text);
                }
                scratch[i] = (byte) c;
            }
            long fast = fast(scratch, 0, n);
            if (fast != Long.MIN_VALUE) {
                return fast;
            }
        }
        return slow(text);
    }

    /**
     * Reads a timestamp from its UTF-8 bytes, as {@link #toEpochMicros(String)}.
     *
     * @param b the bytes, not null
     * @param from the first byte
     * @param to after the last byte
     * @return microseconds since 1970-01-01T00:00:00Z
     * @throws DateTimeException if the text is not one of the accepted forms or out of range
     */
    public long toEpochMicros(byte[] b, int from, int to) {
        return to - from == 10 ? date(b, from) : decode(b, from, to);
    }

    /** Decodes a timestamp's bytes: the fixed-width forms directly, every other through java.time. */
    private long decode(byte[] b, int from, int to) {
        long fast = fast(b, from, to - from);
        return recordable(fast != Long.MIN_VALUE ? fast : slow(new String(b, from, to - from, StandardCharsets.UTF_8)));
    }

    /**
     * Reads a 10-byte timestamp (a date, when well-formed) through a cache of the dates read: an
     * export of a few years holds a few thousand distinct dates over millions of rows, and each is
     * decoded once (its day start looked up in the zone once). Keyed by all ten bytes, so a hit is
     * the same text; only accepted dates are kept.
     */
    private long date(byte[] b, int from) {
        long head = (long) LONGS.get(b, from);
        int tail = ((b[from + 8] & 0xFF) << 8) | (b[from + 9] & 0xFF);
        long h = (head ^ tail * 0x9E3779B97F4A7C15L) * 0xC2B2AE3D27D4EB4FL;
        int slot = (int) (h >>> (64 - dateCacheBits));
        if (dateTails[slot] == tail && dateHeads[slot] == head) {
            return dateMicros[slot];
        }
        long micros = decode(b, from, from + 10);
        dateHeads[slot] = head;
        dateTails[slot] = tail;
        dateMicros[slot] = micros;
        return micros;
    }

    private static long recordable(long micros) {
        if (micros < EARLIEST || micros >= LATEST) {
            throw new DateTimeException("outside the accepted range " + TimeRange.recordable().start() + " to "
                    + TimeRange.recordable().end() + " (exclusive), which the database schema also stores");
        }
        return micros;
    }

    /**
     * Returns the instant of a number of epoch microseconds.
     *
     * @param micros microseconds since the epoch
     * @return the instant, never null
     */
    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1_000L);
    }

    /**
     * Returns an instant in epoch microseconds, truncating finer digits.
     *
     * @param instant the instant, not null
     * @return microseconds since the epoch
     * @throws ArithmeticException if out of the range of a {@code long}
     */
    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                instant.getNano() / 1_000);
    }

    /** Decodes the fixed-width forms; returns Long.MIN_VALUE when the text is not one of them. */
    private long fast(byte[] s, int o, int n) {
        if (n != 10 && (n < 19 || (at(s, o, 10) != 'T' && at(s, o, 10) != ' '))) {
            return Long.MIN_VALUE;
        }
        int year = digits(s, o, 0, 4);
        int month = digits(s, o, 5, 2);
        int day = digits(s, o, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || at(s, o, 4) != '-' || at(s, o, 7) != '-'
                || day > Month.of(month).length(Year.isLeap(year))) {
            return Long.MIN_VALUE;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        if (n == 10) {
            return dayStart(epochDay) * MICROS_PER_SECOND;
        }
        int hour = digits(s, o, 11, 2);
        int minute = digits(s, o, 14, 2);
        int second = digits(s, o, 17, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || at(s, o, 13) != ':' || at(s, o, 16) != ':') {
            return Long.MIN_VALUE;
        }
        int i = 19;
        int micros = 0;
        if (i < n && at(s, o, i) == '.') {
            int start = ++i;
            int nanos = 0;
            while (i < n && i - start < 9 && isDigit(at(s, o, i))) {
                nanos = nanos * 10 + (at(s, o, i) - '0');
                i++;
            }
            if (i == start || (i < n && isDigit(at(s, o, i)))) {
                return Long.MIN_VALUE;
            }
            micros = nanos * POW10[9 - (i - start)] / 1_000;
        }
        long localSeconds = epochDay * 86_400L + hour * 3_600L + minute * 60L + second;
        long offset;
        if (i == n) {
            if (!fixedOffset) {
                return Long.MIN_VALUE;
            }
            offset = offsetSeconds;
        } else if (i == n - 1 && at(s, o, i) == 'Z') {
            offset = 0;
        } else if (i == n - 6 && (at(s, o, i) == '+' || at(s, o, i) == '-') && at(s, o, i + 3) == ':') {
            int oh = digits(s, o, i + 1, 2);
            int om = digits(s, o, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)) {
                return Long.MIN_VALUE;
            }
            offset = (at(s, o, i) == '-' ? -1 : 1) * (oh * 3_600L + om * 60L);
        } else {
            return Long.MIN_VALUE;
        }
        return (localSeconds - offset) * MICROS_PER_SECOND + micros;
    }

    private long dayStart(long epochDay) {
        if (fixedOffset) {
            return epochDay * 86_400L - offsetSeconds;
        }
        if (epochDay != cachedDay) {
            cachedDayStart = LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toEpochSecond();
            cachedDay = epochDay;
        }
        return cachedDayStart;
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static char at(byte[] s, int o, int i) {
        return (char) (s[o + i] & 0xFF);
    }

    /** Returns the value of {@code count} decimal digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(byte[] s, int o, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int c = s[o + i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private long slow(String text) {
        String s = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            Instant instant;
            if (s.indexOf('T') < 0 && s.indexOf('t') < 0) {
                instant = LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(zone).toInstant();
            } else {
                TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(s);
                instant = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? Instant.from(parsed)
                        : LocalDateTime.from(parsed).atZone(zone).toInstant();
            }
            return micros(instant);
        } catch (DateTimeParseException e) {
            throw new DateTimeException("not an ISO date or date-time (such as 2024-03-01, 2024-03-01T10:15:30Z"
                    + " or 2024-03-01T10:15:30+01:00)", e);
        } catch (ArithmeticException e) {
            throw new DateTimeException("out of the supported range", e);
        }
    }
}
