package io.crmkit.cli;

import io.crmkit.core.history.AsOf;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of an {@code --as-of} option: an ISO date means the day clock through the end of that
 * day ({@link AsOf#endOfDay}); an ISO date-time with an offset or {@code Z} means the exact clock at
 * that instant ({@link AsOf#instant}); a local date-time means the exact clock at that time in the
 * command's zone. crmkit never assumes "now".
 *
 * <p>Immutable and thread-safe.
 *
 * @param value a {@link LocalDate}, an {@link Instant} or a {@link LocalDateTime}, not null
 */
public record AsOfArgument(Temporal value) {

    /**
     * Checks the value's type.
     *
     * @throws IllegalArgumentException if the value is of another type
     */
    public AsOfArgument {
        if (!(value instanceof LocalDate || value instanceof Instant || value instanceof LocalDateTime)) {
            throw new IllegalArgumentException("as-of must be a LocalDate, Instant or LocalDateTime: " + value);
        }
    }

    /**
     * Reads the option's text.
     *
     * @param text such as {@code 1997-09-30}, {@code 1997-10-01T00:00:00Z} or {@code 1997-09-30T18:00}
     * @return the argument, never null
     * @throws DateTimeException if the text is none of these forms
     */
    public static AsOfArgument parse(String text) {
        if (text.indexOf('T') < 0 && text.indexOf('t') < 0) {
            return new AsOfArgument(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
        }
        TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(text);
        return new AsOfArgument(t.isSupported(ChronoField.OFFSET_SECONDS) ? Instant.from(t) : LocalDateTime.from(t));
    }

    /**
     * Returns the as-of point.
     *
     * @param zone the zone of a local date-time, not null
     * @return the as-of, never null
     */
    public AsOf resolve(ZoneId zone) {
        if (value instanceof LocalDate d) {
            return AsOf.endOfDay(d);
        }
        if (value instanceof Instant i) {
            return AsOf.instant(i);
        }
        return AsOf.instant(((LocalDateTime) value).atZone(zone).toInstant());
    }

    /** Converts option text for picocli; a bad value is a usage error. */
    public static final class Converter implements ITypeConverter<AsOfArgument> {
        /**
         * Creates the converter.
         */
        public Converter() {
        }

        @Override
        public AsOfArgument convert(String text) {
            try {
                return parse(text);
            } catch (DateTimeException e) {
                throw new TypeConversionException("'" + text + "' is not an ISO date (1997-09-30) or date-time"
                        + " (1997-10-01T00:00:00Z, 1997-09-30T18:00)");
            }
        }
    }
}
