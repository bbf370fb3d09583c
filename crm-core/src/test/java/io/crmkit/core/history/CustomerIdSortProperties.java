package io.crmkit.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import java.time.Instant;
import java.time.ZoneId;
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
    void localDaysAgreeWithZoneRules(@ForAll("seconds") List<Long> seconds,
            @ForAll("zones") ZoneId zone) {
        LocalDays days = new LocalDays(zone);
        for (long s : seconds) {
            long offset = zone.getRules().getOffset(Instant.ofEpochSecond(s)).getTotalSeconds();
            assertThat(days.epochDay(s)).as("second %d in %s", s, zone).isEqualTo(Math.floorDiv(s + offset, 86_400L));
        }
    }

    @Provide
    Arbitrary<List<Long>> seconds() {
        // around the 2026 spring and autumn changes in New York, plus anywhere in 1900 to 2100
        Arbitrary<Long> nearChange = Arbitraries.of(1_772_953_200L, 1_793_512_800L, 1_775_314_800L)
                .flatMap(t -> Arbitraries.longs().between(t - 7_200, t + 7_200));
        Arbitrary<Long> anywhere = Arbitraries.longs().between(-2_208_988_800L, 4_102_444_800L);
        return Arbitraries.oneOf(nearChange, anywhere).list().ofMaxSize(50);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "America/New_York", "Australia/Lord_Howe", "Europe/Dublin", "Asia/Kathmandu")
                .map(ZoneId::of);
    }
}
