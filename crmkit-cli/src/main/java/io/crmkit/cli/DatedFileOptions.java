package io.crmkit.cli;

import io.crmkit.cli.output.OutputFormat;
import io.crmkit.metrics.kpi.PeriodGrid;
import io.crmkit.metrics.kpi.ReportingPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The options and the first steps shared by the commands that report a dated side file per period
 * ({@code service} on cases, {@code surveys} on responses): the period grid, zone, {@code --strict}
 * and output format, the refusal under {@code --strict}, and the grid from the first dated row to the
 * end of {@code --as-of}. A picocli mixin; not thread-safe (one per command run).
 */
final class DatedFileOptions {

    @Option(names = "--period", order = 11, paramLabel = "week|month|quarter|year", defaultValue = "month",
            description = "Period length. Default: ${DEFAULT-VALUE}.")
    ReportingPeriod period;

    @Option(names = "--zone", order = 12, paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of periods and of timestamps without offset. Default: ${DEFAULT-VALUE}.")
    ZoneId zone;

    @Option(names = "--strict", order = 13, description = "Compute nothing if a row is rejected (exit 1).")
    boolean strict;

    @Option(names = "--format", order = 14, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    OutputFormat format;

    /** The end of the as-of day in the zone: rows at or after it are left out. */
    Instant end(LocalDate asOf) {
        return asOf.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The closing line: how many rows were rejected of how many read. */
    static String closing(LoyaltyFiles.Rows<?> rows) {
        return rows.rejected() + " of " + rows.read() + " rows rejected";
    }

    /**
     * Returns the periods from the first row dated before the end of the as-of day to the as-of day,
     * or empty when {@code --strict} refuses the file (the command's note then says so).
     *
     * @throws CommandFailedException if no row is dated by then (the message says what is missing)
     */
    <T> Optional<PeriodGrid> grid(CrmkitCommand command, LoyaltyFiles.Rows<T> rows, LocalDate asOf,
            Function<T, Instant> time, String missing) {
        if (strict && rows.rejected() > 0) {
            command.note(closing(rows) + "; --strict: nothing computed");
            return Optional.empty();
        }
        Instant end = end(asOf);
        Optional<Instant> first = rows.values().stream().map(time).filter(t -> t.isBefore(end))
                .min(Instant::compareTo);
        if (first.isEmpty()) {
            throw new CommandFailedException("no " + missing + " by the end of --as-of " + asOf
                    + ": nothing to report");
        }
        return Optional.of(PeriodGrid.covering(period, zone, first.get().atZone(zone).toLocalDate(), asOf));
    }
}
