package io.crmkit.metrics.kpi;

import io.crmkit.core.TimeRange;
import io.crmkit.core.internal.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Consecutive reporting periods of one {@linkplain ReportingPeriod length} in a time zone: the
 * time axis of a KPI series. Period {@code i} is the half-open range
 * {@code [start(i), start(i+1))}, with every boundary at midnight in the zone.
 *
 * <p>Immutable and thread-safe.
 */
public final class PeriodGrid {

    private final ReportingPeriod period;
    private final ZoneId zone;
    private final LocalDate[] starts;
    private final Instant[] boundaries;

    private PeriodGrid(ReportingPeriod period, ZoneId zone, LocalDate[] starts) {
        this.period = period;
        this.zone = zone;
        this.starts = starts;
        this.boundaries = new Instant[starts.length];
        for (int i = 0; i < starts.length; i++) {
            boundaries[i] = starts[i].atStartOfDay(zone).toInstant();
        }
    }

    /**
     * Returns the periods that cover the days {@code from} to {@code to}, both included: from the
     * start of the period containing {@code from} to the end of the period containing {@code to}.
     *
     * @param period the period length, not null
     * @param zone the zone of the calendar, not null
     * @param from the first day to cover, not null
     * @param to the last day to cover, not before {@code from}, not null
     * @return the grid, never null
     * @throws IllegalArgumentException if {@code to} is before {@code from} or the grid would have
     *     more than 100,000 periods
     */
    public static PeriodGrid covering(ReportingPeriod period, ZoneId zone, LocalDate from, LocalDate to) {
        Checks.notNull(period, "period");
        Checks.notNull(zone, "zone");
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " must not be before from " + from);
        }
        List<LocalDate> starts = new ArrayList<>();
        LocalDate s = period.startOf(from);
        while (!s.isAfter(to)) {
            starts.add(s);
            s = period.next(s);
            if (starts.size() > 100_000) {
                throw new IllegalArgumentException("a grid of " + period + " periods from " + from + " to " + to
                        + " would have more than 100,000 periods");
            }
        }
        starts.add(s);
        return new PeriodGrid(period, zone, starts.toArray(LocalDate[]::new));
    }

    /**
     * Returns the period length.
     *
     * @return the period, never null
     */
    public ReportingPeriod period() {
        return period;
    }

    /**
     * Returns the zone of the calendar.
     *
     * @return the zone, never null
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the number of periods.
     *
     * @return the count, at least 1
     */
    public int size() {
        return starts.length - 1;
    }

    /**
     * Returns the first instant of a period ({@code i = size()} gives the end of the grid).
     *
     * @param i the period index, {@code 0 <= i <= size()}
     * @return the instant, never null
     */
    public Instant start(int i) {
        return boundaries[i];
    }

    /**
     * Returns the first day of a period.
     *
     * @param i the period index, {@code 0 <= i <= size()}
     * @return the day, never null
     */
    public LocalDate startDate(int i) {
        return starts[i];
    }

    /**
     * Returns a period's label, such as {@code 2026-03}.
     *
     * @param i the period index, {@code 0 <= i < size()}
     * @return the label, never null
     */
    public String label(int i) {
        return period.label(starts[i]);
    }

    /**
     * Returns the range of the whole grid.
     *
     * @return {@code [start(0), start(size()))}, never null
     */
    public TimeRange range() {
        return TimeRange.of(boundaries[0], boundaries[boundaries.length - 1]);
    }

    /**
     * Returns the period containing an instant.
     *
     * @param t the instant, not null
     * @return the index, or -1 before the grid and {@code size()} after it
     */
    public int indexOf(Instant t) {
        int k = Arrays.binarySearch(boundaries, t);
        return k >= 0 ? Math.min(k, size()) : -k - 2;
    }

    /**
     * Returns the index of the first boundary at or after an instant.
     *
     * @param t the instant, not null
     * @return a boundary index in {@code 0..size()+1}
     */
    int firstBoundaryAtOrAfter(Instant t) {
        int k = Arrays.binarySearch(boundaries, t);
        return k >= 0 ? k : -k - 1;
    }

    /**
     * Describes the grid: period, zone, first and last label.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return period + " periods in " + zone + " from " + label(0) + " to " + label(size() - 1) + " (" + size()
                + ")";
    }
}
