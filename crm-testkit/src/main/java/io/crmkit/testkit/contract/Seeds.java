package io.crmkit.testkit.contract;

import io.crmkit.core.CustomerId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.Acquisition;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentRecord;
import io.crmkit.core.customer.Customer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The generation rules shared by the contract seeds: where records lie in time, how their
 * identifiers look and how the queried range is chosen. Package-private; stateless and
 * thread-safe.
 *
 * <p>Seeds are chosen so that a real database can hold them unchanged: instants in whole
 * milliseconds between 2000 and 2041, identifiers of lower-case ASCII letters, digits and
 * {@code -} (whose order is the same in binary and in the usual linguistic collations).
 */
final class Seeds {

    /** The most records in one seed. */
    static final int MAX_RECORDS = 16;

    /** The customers that seeded records belong to: prefixes of each other, to catch prefix matching. */
    static final List<CustomerId> CUSTOMERS = List.of(CustomerId.of("cust-1"), CustomerId.of("cust-10"),
            CustomerId.of("cust-2"));

    /** Customers that own no seeded record, close to those that do. */
    static final List<CustomerId> OTHER_CUSTOMERS = List.of(CustomerId.of("cust-3"), CustomerId.of("cust-100"),
            CustomerId.of("CUST-1"), CustomerId.of("cust-"));

    private static final Instant BASE_FROM = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant BASE_TO = Instant.parse("2040-01-01T00:00:00Z");

    private Seeds() {
    }

    /** Returns the instant truncated to whole milliseconds. */
    static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Starting instants of a seed: whole milliseconds in 2000 to 2039. */
    static Arbitrary<Instant> baseInstants() {
        return Arbitraries.longs().between(BASE_FROM.toEpochMilli(), BASE_TO.toEpochMilli()).map(Instant::ofEpochMilli);
    }

    /**
     * Offsets of records from the seed's base instant, clustered so that several records often
     * share an instant or lie a millisecond apart.
     */
    static Arbitrary<Duration> offsets() {
        return Arbitraries.frequencyOf(List.of(
                Tuple.of(4, Arbitraries.of(0L, 0L, 1L, 999L, 1000L).map(Duration::ofMillis)),
                Tuple.of(3, Arbitraries.integers().between(0, 30).map(Duration::ofMinutes)),
                Tuple.of(2, Arbitraries.longs().between(0, 48L * 3_600_000).map(Duration::ofMillis)),
                Tuple.of(1, Arbitraries.integers().between(0, 3650).map(Duration::ofDays))));
    }

    /** Lists of {@link #MAX_RECORDS} distinct identifier numbers, which sort differently as text and as numbers. */
    static Arbitrary<List<Integer>> idNumbers() {
        return Arbitraries.integers().between(0, 999).list().ofSize(MAX_RECORDS).uniqueElements();
    }

    /** Indexes into {@link #CUSTOMERS}, one per record. */
    static Arbitrary<List<Integer>> customerIndexes() {
        return Arbitraries.integers().between(0, CUSTOMERS.size() - 1).list().ofSize(MAX_RECORDS);
    }

    /**
     * How the queried range is chosen: {@code kind} selects the rule, {@code i} and {@code j}
     * pick record times, {@code jitter} offsets a bound that is not on a record time.
     *
     * @param kind the rule, 0 to 9
     * @param i an index into the record times
     * @param j another index into the record times
     * @param jitter a distance from the base instant
     */
    record RangeChoice(int kind, int i, int j, Duration jitter) {
    }

    static Arbitrary<RangeChoice> rangeChoices() {
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(0, 1000), offsets())
                .as(RangeChoice::new);
    }

    /**
     * Returns the range for a choice: mostly with bounds exactly on record times (both bounds, a
     * one-millisecond range at a record, a range ending exactly at a record, an empty range at a
     * record), sometimes around the base instant, sometimes unbounded.
     */
    static TimeRange range(RangeChoice c, List<Instant> times, Instant base) {
        List<Instant> sorted = new ArrayList<>(new TreeSet<>(times));
        if (sorted.isEmpty()) {
            sorted.add(base);
        }
        Instant a = sorted.get(c.i() % sorted.size());
        Instant b = sorted.get(c.j() % sorted.size());
        Instant lo = a.isBefore(b) ? a : b;
        Instant hi = a.isBefore(b) ? b : a;
        Instant other = base.plus(c.jitter());
        return switch (c.kind()) {
            case 0, 1, 2 -> TimeRange.of(lo, hi);
            case 3 -> TimeRange.of(a, a.plusMillis(1));
            case 4 -> TimeRange.of(a.minusMillis(1), a);
            case 5 -> TimeRange.of(a, a);
            case 6 -> other.isBefore(a) ? TimeRange.of(other, a) : TimeRange.of(a, other);
            case 7 -> TimeRange.from(a);
            case 8 -> TimeRange.until(a);
            default -> TimeRange.all();
        };
    }

    /**
     * Returns a copy of a sample customer with the given identifier and creation time, its update
     * time moved along, and every instant (acquisition and consent times included) truncated to
     * whole milliseconds.
     */
    static Customer placeCustomer(Customer t, CustomerId id, Instant createdAt) {
        Instant created = millis(createdAt);
        Instant updated = millis(created.plus(Duration.between(t.createdAt(), t.updatedAt())));
        List<ConsentRecord> consent = t.consent().records().stream()
                .map(r -> {
                    Instant from = millis(r.effectiveFrom());
                    Optional<Instant> until = r.effectiveUntil().map(Seeds::millis)
                            .map(u -> u.isAfter(from) ? u : from.plusMillis(1));
                    return new ConsentRecord(r.medium(), r.purpose(), r.status(), from, until, r.source());
                })
                .toList();
        return new Customer(id, t.kind(), t.name(), t.person(), t.company(), t.contactPoints(), t.roles(),
                t.lifecycleStage(), t.status(),
                t.acquisition().map(a -> new Acquisition(a.channel(), a.campaign(), millis(a.acquiredAt()))),
                t.owner(), t.tags(), t.attributes(), new Consent(consent), created, updated);
    }

    /**
     * Returns identifiers that no record of a seed has, close to those it has: upper-cased, one
     * character longer or shorter, and with a number never used.
     */
    static <I> List<I> unknownIds(List<String> seededIds, String prefix, Function<String, I> idOf) {
        Set<String> seeded = Set.copyOf(seededIds);
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(prefix + "-1000");
        candidates.add(prefix.toUpperCase(Locale.ROOT) + "-1");
        for (String id : seededIds.stream().sorted(Comparator.naturalOrder()).limit(4).toList()) {
            candidates.add(id.toUpperCase(Locale.ROOT));
            candidates.add(id + "0");
            candidates.add(id.substring(0, id.length() - 1));
            candidates.add(id + " x");
        }
        candidates.removeAll(seeded);
        return candidates.stream().map(idOf).toList();
    }
}
