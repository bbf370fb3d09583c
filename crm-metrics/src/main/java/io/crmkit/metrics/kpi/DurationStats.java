package io.crmkit.metrics.kpi;

import com.google.common.math.Quantiles;
import io.crmkit.core.internal.Checks;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Percentiles of a set of durations (first-response or resolution times): the median, the 90th
 * and the 95th percentile, by linear interpolation between order statistics (R's type 7, Guava's
 * {@link Quantiles}), at millisecond resolution.
 *
 * <p>Immutable and thread-safe.
 *
 * @param count the number of durations
 * @param p50 the median, empty when {@code count == 0}, not null
 * @param p90 the 90th percentile, empty when {@code count == 0}, not null
 * @param p95 the 95th percentile, empty when {@code count == 0}, not null
 */
public record DurationStats(long count, Optional<Duration> p50, Optional<Duration> p90, Optional<Duration> p95) {

    /**
     * Validates the statistics.
     *
     * @throws NullPointerException if a component is null
     */
    public DurationStats {
        Checks.optional(p50, "p50");
        Checks.optional(p90, "p90");
        Checks.optional(p95, "p95");
    }

    /**
     * Computes the statistics of durations given in milliseconds.
     *
     * @param millis the durations in milliseconds (the array may be reordered), not null
     * @param count how many leading entries of the array to use
     * @return the statistics, never null
     */
    static DurationStats ofMillis(double[] millis, int count) {
        if (count == 0) {
            return new DurationStats(0, Optional.empty(), Optional.empty(), Optional.empty());
        }
        double[] values = java.util.Arrays.copyOf(millis, count);
        Map<Integer, Double> q = Quantiles.percentiles().indexes(50, 90, 95).computeInPlace(values);
        return new DurationStats(count, Optional.of(ofMs(q.get(50))), Optional.of(ofMs(q.get(90))),
                Optional.of(ofMs(q.get(95))));
    }

    private static Duration ofMs(double ms) {
        return Duration.ofMillis(Math.round(ms));
    }
}
