package io.crmkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The helpers of the summarising passes agree with their plain definitions. */
class CustomerIdSortProperties {

    @Provide
    Arbitrary<List<String>> identifiers() {
        // short alphabets and shared prefixes make long ties, wide characters force 16-bit keys
        Arbitrary<String> tail = Arbitraries.strings().withChars("ab0Z\u00e9\u00ff\u0100\u4e2d").ofMinLength(0)
                .ofMaxLength(12);
        Arbitrary<String> prefix = Arbitraries.of("", "C", "customer-0000", "x\u00e9");
        return net.jqwik.api.Combinators.combine(prefix, tail).as((p, t) -> p + "1" + t).list().ofMaxSize(300);
    }

    @Property
    void sortsLikeTextOrder(@ForAll("identifiers") List<String> texts) {
        Set<String> distinct = new LinkedHashSet<>(texts);
        CustomerId[] ids = distinct.stream().map(CustomerId::of).toArray(CustomerId[]::new);
        int[] order = CustomerIdSort.ascending(ids, ids.length);
        CustomerId[] sorted = new CustomerId[ids.length];
        for (int k = 0; k < ids.length; k++) {
            sorted[k] = ids[order[k]];
        }
        CustomerId[] expected = ids.clone();
        Arrays.sort(expected);
        assertThat(sorted).containsExactly(expected);
    }

    @Property
    void equalIdentifiersAreFoundAndNamed(@ForAll("identifiers") List<String> texts, @ForAll int pick) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(texts));
        if (distinct.isEmpty()) {
            return;
        }
        // one identifier again, at the end: the sorts of identifiers and of strings both report it
        String again = distinct.get(Math.floorMod(pick, distinct.size()));
        List<String> withTwin = new ArrayList<>(distinct);
        withTwin.add(again);
        int first = distinct.indexOf(again);
        int second = distinct.size();
        CustomerId[] ids = withTwin.stream().map(CustomerId::of).toArray(CustomerId[]::new);
        assertThatThrownBy(() -> CustomerIdSort.ascending(ids, ids.length))
                .isInstanceOfSatisfying(CustomerIdSort.EqualIdentifiersException.class, e -> {
                    assertThat(e.first()).isEqualTo(first);
                    assertThat(e.second()).isEqualTo(second);
                });
        String[] strings = withTwin.toArray(new String[0]);
        assertThatThrownBy(() -> CustomerIdSort.ascending(strings, strings.length))
                .isInstanceOfSatisfying(CustomerIdSort.EqualIdentifiersException.class, e -> {
                    assertThat(e.first()).isEqualTo(first);
                    assertThat(e.second()).isEqualTo(second);
                });
    }

    @Property
    void localDaysAgreeWithZoneRules(@ForAll("times") List<Long> times, @ForAll("zones") ZoneId zone) {
        LocalDays days = new LocalDays(zone);
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        ZoneOffsetTransition next;
        while ((next = zone.getRules().nextTransition(t)) != null
                && next.getInstant().getEpochSecond() < 1_830_000_000L) {
            transitions.add(next);
            t = next.getInstant();
        }
        for (long code : times) {
            // codes below 2^40 pick a time near one of the zone's transitions; others are anywhere
            long s = code < (1L << 40) && !transitions.isEmpty()
                    ? transitions.get((int) (code % transitions.size())).toEpochSecond()
                            + (code / 1000 % 172_801) - 86_400
                    : Math.floorMod(code, 6_311_433_600L) - 2_208_988_800L;
            long offset = zone.getRules().getOffset(Instant.ofEpochSecond(s)).getTotalSeconds();
            long expected = Math.floorDiv(s + offset, 86_400L);
            assertThat(days.epochDay(s)).as("second %d in %s", s, zone).isEqualTo(expected);
            long micros = s * 1_000_000L + Math.floorMod(s * 7_919L, 1_000_000L);
            assertThat(days.epochDayOfMicros(micros)).as("micros %d in %s", micros, zone).isEqualTo(expected);
            long start = LocalDays.micros(LocalDate.ofEpochDay(expected).atStartOfDay(zone)
                    .toInstant());
            assertThat(days.startOfDayMicros(expected)).as("start of day %d in %s", expected, zone).isEqualTo(start);
        }
    }

    @Provide
    Arbitrary<List<Long>> times() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, (1L << 40) - 1),
                Arbitraries.longs().between(1L << 40, Long.MAX_VALUE)).list().ofMaxSize(50);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        // Santiago and Havana change their clocks at midnight: a local day can start at 01:00
        return Arbitraries.of("UTC", "America/New_York", "Australia/Lord_Howe", "Europe/Dublin", "Asia/Kathmandu",
                "America/Santiago", "America/Havana").map(ZoneId::of);
    }
}
