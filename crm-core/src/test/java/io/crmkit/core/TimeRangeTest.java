package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void isHalfOpen() {
        TimeRange r = TimeRange.of(T0, T1);
        assertThat(r.contains(T0)).isTrue();
        assertThat(r.contains(T1)).isFalse();
        assertThat(r.contains(T1.minusNanos(1))).isTrue();
        assertThat(r.contains(T0.minusNanos(1))).isFalse();
    }

    @Test
    void rejectsEndBeforeStartNamingBoth() {
        assertThatThrownBy(() -> TimeRange.of(T1, T0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("end").hasMessageContaining("start")
                .hasMessageContaining(T0.toString()).hasMessageContaining(T1.toString());
    }

    @Test
    void emptyRangeContainsNothingAndOverlapsNothing() {
        TimeRange empty = TimeRange.of(T0, T0);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.contains(T0)).isFalse();
        assertThat(empty.overlaps(TimeRange.all())).isFalse();
    }

    @Test
    void adjacentRangesDoNotOverlap() {
        assertThat(TimeRange.of(T0, T1).overlaps(TimeRange.of(T1, T1.plusSeconds(1)))).isFalse();
        assertThat(TimeRange.of(T0, T1).overlaps(TimeRange.of(T1.minusNanos(1), T1.plusSeconds(1)))).isTrue();
    }

    @Test
    void openEndedFactories() {
        assertThat(TimeRange.until(T1).contains(Instant.MIN)).isTrue();
        assertThat(TimeRange.from(T0).contains(Instant.MAX)).isFalse();
        assertThat(TimeRange.all().toString()).startsWith("[").endsWith(")");
    }

    @Property
    void consecutiveRangesTileTime(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long a,
            @ForAll @LongRange(min = 0, max = 1_000_000) long ab, @ForAll @LongRange(min = 0, max = 1_000_000) long bc,
            @ForAll @LongRange(min = -1_000_000, max = 3_000_000) long t) {
        Instant start = T0.plusSeconds(a);
        Instant mid = start.plusSeconds(ab);
        Instant end = mid.plusSeconds(bc);
        Instant x = T0.plusSeconds(t);
        boolean inFirst = TimeRange.of(start, mid).contains(x);
        boolean inSecond = TimeRange.of(mid, end).contains(x);
        assertThat(inFirst && inSecond).isFalse();
        assertThat(inFirst || inSecond).isEqualTo(TimeRange.of(start, end).contains(x));
    }
}
