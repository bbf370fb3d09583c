package io.crmkit.cli.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The direct decoding of common timestamp forms agrees with java.time on valid and invalid text. */
class TimestampParserProperties {

    private static final String[] ZONES = {"UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "+05:30",
        "Australia/Lord_Howe"};

    /** What java.time alone makes of a text: epoch microseconds, or empty when it rejects it. */
    static Optional<Long> reference(String text, ZoneId zone) {
        String s = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        try {
            Instant instant;
            if (s.indexOf('T') < 0 && s.indexOf('t') < 0) {
                instant = LocalDate.parse(s).atStartOfDay(zone).toInstant();
            } else {
                TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(s);
                instant = t.isSupported(ChronoField.OFFSET_SECONDS) ? Instant.from(t)
                        : LocalDateTime.from(t).atZone(zone).toInstant();
            }
            // the documented range: that of TimeRange.recordable(), which the database stores
            return io.crmkit.core.TimeRange.recordable().contains(instant)
                    ? Optional.of(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Property(tries = 300)
    void datesReadFromBytesAgreeWithJavaTimeAcrossTheCache(@ForAll("dateTexts") List<String> texts,
            @ForAll @IntRange(max = 5) int zone, @ForAll @IntRange(min = 1, max = 12) int cacheBits) {
        // one parser reads many 10-byte texts from one buffer (dates repeat, most are cache hits,
        // mangled ones are rejected and not kept; a small cache makes dates share slots): each must
        // read as java.time reads it alone
        ZoneId z = ZoneId.of(ZONES[zone]);
        TimestampParser parser = new TimestampParser(z, cacheBits);
        byte[] buffer = String.join(",", texts).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = 0;
        for (String text : texts) {
            int length = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            Optional<Long> expected = reference(text, z);
            int from = at;
            if (expected.isPresent()) {
                assertThat(parser.toEpochMicros(buffer, from, from + length)).as(text).isEqualTo(expected.get());
            } else {
                assertThatThrownBy(() -> parser.toEpochMicros(buffer, from, from + length)).as(text)
                        .isInstanceOf(DateTimeException.class);
            }
            at += length + 1;
        }
    }

    @Provide
    Arbitrary<List<String>> dateTexts() {
        Arbitrary<String> dates = Arbitraries.integers().between(-400, 400)
                .map(d -> LocalDate.of(2024, 3, 31).plusDays(d).toString());
        Arbitrary<String> mangled = Combinators.combine(dates, Arbitraries.integers().between(0, 9),
                Arbitraries.of('x', '0', '9', '-', '/', ' ', 'T'))
                .as((d, i, c) -> d.substring(0, i) + c + d.substring(i + 1));
        Arbitrary<String> other = Arbitraries.of("0999-12-31", "9999-01-01", "2024-02-30", "2023-02-29", "2024-02-29",
                "1000-01-01", "+2024-1-01", "2024-13-01");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, dates), net.jqwik.api.Tuple.of(2, mangled),
                net.jqwik.api.Tuple.of(1, other)).list().ofMinSize(1).ofMaxSize(400);
    }

    @Provide
    Arbitrary<String> timestamps() {
        Arbitrary<LocalDateTime> times = Combinators.combine(Arbitraries.integers().between(1890, 2150),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 31),
                Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 999_999_999))
                .filter((y, mo, d, h, mi, s, n) -> d <= LocalDate.of(y, mo, 1).lengthOfMonth())
                .as((y, mo, d, h, mi, s, n) -> LocalDateTime.of(y, mo, d, h, mi, s, n));
        Arbitrary<String> suffix = Arbitraries.of("", "Z", "+01:00", "-05:00", "+05:45", "-00:30", "+14:00", "+18:00",
                "[Europe/Paris]", "+02:00[Europe/Paris]", "+0100", "z");
        Arbitrary<Integer> fraction = Arbitraries.integers().between(-1, 9);
        return Combinators.combine(times, fraction, suffix, Arbitraries.of('T', ' ', 't'), Arbitraries.of(true, false))
                .as((t, f, z, sep, dateOnly) -> {
                    if (dateOnly) {
                        return t.toLocalDate().toString();
                    }
                    String base = t.toLocalDate() + String.valueOf(sep) + String.format("%02d:%02d:%02d", t.getHour(),
                            t.getMinute(), t.getSecond());
                    String frac = f < 0 ? "" : "." + String.format("%09d", t.getNano()).substring(0, f);
                    return base + frac + z;
                });
    }

    @Property(tries = 2000)
    void agreesWithJavaTime(@ForAll("timestamps") String text, @ForAll @IntRange(max = 5) int zone) {
        ZoneId z = ZoneId.of(ZONES[zone]);
        Optional<Long> expected = reference(text, z);
        TimestampParser parser = new TimestampParser(z);
        if (expected.isPresent()) {
            assertThat(parser.toEpochMicros(text)).as(text).isEqualTo(expected.get());
        } else {
            assertThatThrownBy(() -> parser.toEpochMicros(text)).as(text).isInstanceOf(DateTimeException.class);
        }
    }

    @Property(tries = 2000)
    void agreesWithJavaTimeOnMangledText(@ForAll("timestamps") String text, @ForAll @IntRange(max = 40) int at,
            @ForAll("junk") char replacement) {
        String mangled = at < text.length() ? text.substring(0, at) + replacement + text.substring(at + 1)
                : text + replacement;
        ZoneId z = ZoneId.of("Europe/Paris");
        Optional<Long> expected = reference(mangled, z);
        TimestampParser parser = new TimestampParser(z);
        if (expected.isPresent()) {
            assertThat(parser.toEpochMicros(mangled)).as(mangled).isEqualTo(expected.get());
        } else {
            assertThatThrownBy(() -> parser.toEpochMicros(mangled)).as(mangled).isInstanceOf(DateTimeException.class);
        }
    }

    @Provide
    Arbitrary<Character> junk() {
        return Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', 'T', ' ', 'Z', '+', '.', 'x', '6');
    }

    @Test
    void readsTheDocumentedForms() {
        TimestampParser utc = new TimestampParser(ZoneId.of("UTC"));
        TimestampParser paris = new TimestampParser(ZoneId.of("Europe/Paris"));

        assertThat(utc.toEpochMicros("1970-01-02")).isEqualTo(86_400_000_000L);
        assertThat(paris.toEpochMicros("1970-01-02")).isEqualTo(82_800_000_000L);
        assertThat(utc.toEpochMicros("1970-01-01T00:00:01.0000019Z")).isEqualTo(1_000_001L);
        assertThat(utc.toEpochMicros("1969-12-31T23:59:59.5Z")).isEqualTo(-500_000L);
        assertThat(paris.toEpochMicros("2024-07-01T02:00")).isEqualTo(paris.toEpochMicros("2024-07-01T00:00:00Z"));
        assertThatThrownBy(() -> utc.toEpochMicros("2024-02-30")).isInstanceOf(DateTimeException.class)
                .hasMessageStartingWith("not an ISO date or date-time");
        assertThatThrownBy(() -> utc.toEpochMicros("+999999999-01-01")).isInstanceOf(DateTimeException.class)
                .hasMessage("out of the supported range");
    }
}
