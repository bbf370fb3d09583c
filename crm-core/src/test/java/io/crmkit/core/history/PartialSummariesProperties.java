package io.crmkit.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link PartialSummaries}: any partition of the rows into parts, each summarised into per-customer
 * states, written as bytes, read back and merged in any order (or combined in any grouping),
 * equals {@link PurchaseHistory#summarize(OrderBatch, PurchaseHistoryOptions)} of all the rows in
 * one batch: both units, both clocks, both bases, returns, costs, order identifiers or numeric
 * keys; and every state's bytes survive a round trip unchanged.
 */
class PartialSummariesProperties {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant BASE = Instant.parse("2026-02-22T00:00:00Z");
    private static final List<CustomerId> CUSTOMERS = List.of("c", "c1", "c10", "c2", "C2", "b", "é", "中",
            "customer-000000017", "customer-000000003").stream().map(CustomerId::of).toList();
    private static final List<ZoneId> ZONES = List.of("UTC", "America/New_York", "Australia/Lord_Howe",
            "Asia/Kathmandu").stream().map(ZoneId::of).toList();
    private static final long[] SECONDS_OF_DAY = {0, 1, 3_600, 43_200, 82_800, 86_399};

    /** How the rows identify their orders. */
    enum Keys {
        /** Order identifiers (not in row order). */
        ORDER_IDS,
        /** Numeric keys: the row's position in the input. */
        POSITIONS,
        /** Numeric keys, and a cost per row. */
        POSITIONS_WITH_COSTS
    }

    record Row(int customer, int day, int secondOfDay, int category, int amount, int cost) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<Row> row = Combinators.combine(
                Arbitraries.integers().between(0, CUSTOMERS.size() - 1),
                Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, SECONDS_OF_DAY.length - 1),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(-3_000, 20_000),
                Arbitraries.integers().between(-500, 5_000)).as(Row::new);
        return row.list().ofMaxSize(50);
    }

    @Provide
    Arbitrary<PurchaseHistoryOptions> options() {
        Arbitrary<AsOf> asOf = Arbitraries.oneOf(
                Arbitraries.integers().between(-1, 42).map(d -> AsOf.endOfDay(LocalDate.of(2026, 2, 22).plusDays(d))),
                Arbitraries.integers().between(0, 42 * 24).map(h -> AsOf.instant(BASE.plusSeconds(3_600L * h))));
        Arbitrary<EnumSet<OrderStatusCategory>> categories = Arbitraries.subsetOf(OrderStatusCategory.values())
                .ofMinSize(1).map(EnumSet::copyOf);
        return Combinators.combine(asOf, Arbitraries.of(ZONES), Arbitraries.of(PurchaseUnit.class),
                Arbitraries.of(RevenueBasis.class), categories, Arbitraries.integers().between(0, 4))
                .as((a, zone, unit, basis, cats, cur) -> {
                    PurchaseHistoryOptions.Builder b = PurchaseHistoryOptions.builder(a).zone(zone).purchaseUnit(unit)
                            .revenueBasis(basis).timeUnit(PeriodUnit.WEEKS);
                    b.countedCategories(cats.iterator().next(),
                            cats.stream().skip(1).toArray(OrderStatusCategory[]::new));
                    if (cur == 1) {
                        b.currency(USD);
                    } else if (cur == 2) {
                        b.currency(EUR);
                    }
                    return b.build();
                });
    }

    /** A batch of the rows at the given input positions, in that order. */
    static OrderBatch batch(List<Row> rows, List<Integer> positions, Keys keys, int[] orderIdOf) {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        for (int k : positions) {
            Row r = rows.get(k);
            int handle = b.customer(CUSTOMERS.get(r.customer()));
            long micros = (BASE.getEpochSecond() + 86_400L * r.day() + SECONDS_OF_DAY[r.secondOfDay()]) * 1_000_000L;
            OrderStatusCategory category = OrderStatusCategory.values()[r.category()];
            switch (keys) {
                case ORDER_IDS -> {
                    long gross = Math.max(0, r.amount());
                    long net = r.amount() < 0 ? r.amount() : gross - gross / 10;
                    b.add(handle, OrderId.of(String.format("o%03d", orderIdOf[k])), micros, category, gross, net);
                }
                case POSITIONS -> b.addSourced(handle, micros, category, r.amount(), k, k);
                case POSITIONS_WITH_COSTS -> b.addSourced(handle, micros, category, r.amount(), r.cost(), k, k);
                default -> throw new AssertionError(keys);
            }
        }
        return b.build();
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            all.add(k);
        }
        return all;
    }

    private static PartialSummaries partial(List<Row> rows, List<Integer> positions, Keys keys, int[] orderIdOf,
            PurchaseHistoryOptions options) {
        OrderBatch batch = batch(rows, positions, keys, orderIdOf);
        if (keys == Keys.ORDER_IDS) {
            return PartialSummaries.of(batch, options);
        }
        return PartialSummaries.of(batch, options, positions.stream().mapToLong(Integer::longValue).toArray());
    }

    /** Both sides equal, or both throw the same kind of exception. */
    private static void assertSameOutcome(Supplier<PurchaseSummaries> expected, Supplier<PurchaseSummaries> actual) {
        PurchaseSummaries want = null;
        RuntimeException error = null;
        try {
            want = expected.get();
        } catch (RuntimeException e) {
            error = e;
        }
        if (error == null) {
            PurchaseSummaries got = actual.get();
            assertThat(got).isEqualTo(want);
            assertThat(got.stats()).isEqualTo(want.stats());
            assertThat(got.currency()).isEqualTo(want.currency());
            assertThat(got.btyd().meanRepeatValue()).isEqualTo(want.btyd().meanRepeatValue());
        } else {
            assertThat(catchThrowable(actual::get)).isInstanceOf(error.getClass());
        }
    }

    private static int[] orderIds(int n, long seed) {
        List<Integer> ids = range(n);
        Collections.shuffle(ids, new Random(seed));
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    @Property
    void statesOfAnyPartitionShippedAsBytesMergeToOnePass(@ForAll("rows") List<Row> rows,
            @ForAll("options") PurchaseHistoryOptions options, @ForAll Keys keys,
            @ForAll @IntRange(min = 1, max = 5) int parts, @ForAll long seed) {
        Random random = new Random(seed);
        int[] orderIdOf = orderIds(rows.size(), seed);
        List<List<Integer>> partitions = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            partitions.add(new ArrayList<>());
        }
        // any partition, rows in any order within a part
        List<Integer> shuffled = range(rows.size());
        Collections.shuffle(shuffled, random);
        shuffled.forEach(k -> partitions.get(random.nextInt(parts)).add(k));
        assertSameOutcome(() -> PurchaseHistory.summarize(batch(rows, range(rows.size()), keys, orderIdOf), options),
                () -> {
                    record Shipped(CustomerId id, byte[] state) {
                    }
                    List<Shipped> shuffle = new ArrayList<>();
                    for (List<Integer> part : partitions) {
                        PartialSummaries p = partial(rows, part, keys, orderIdOf, options);
                        for (int i = 0; i < p.customerCount(); i++) {
                            shuffle.add(new Shipped(p.customerId(i), p.stateBytes(i)));
                        }
                    }
                    Collections.shuffle(shuffle, random);
                    PartialSummaries merged = PartialSummaries.empty(options);
                    shuffle.forEach(s -> merged.add(s.id(), s.state()));
                    return merged.toSummaries();
                });
    }

    @Property
    void partialsCombineInAnyGroupingToOnePass(@ForAll("rows") List<Row> rows,
            @ForAll("options") PurchaseHistoryOptions options, @ForAll Keys keys,
            @ForAll @IntRange(min = 1, max = 4) int parts, @ForAll long seed) {
        Random random = new Random(seed);
        int[] orderIdOf = orderIds(rows.size(), seed);
        List<List<Integer>> partitions = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            partitions.add(new ArrayList<>());
        }
        for (int k = 0; k < rows.size(); k++) {
            partitions.get(random.nextInt(parts)).add(k);
        }
        assertSameOutcome(() -> PurchaseHistory.summarize(batch(rows, range(rows.size()), keys, orderIdOf), options),
                () -> {
                    List<PartialSummaries> partials = new ArrayList<>();
                    for (List<Integer> part : partitions) {
                        partials.add(partial(rows, part, keys, orderIdOf, options));
                    }
                    // combine random neighbours until one is left: every bracketing is reachable
                    while (partials.size() > 1) {
                        int i = random.nextInt(partials.size() - 1);
                        PartialSummaries right = partials.remove(i + 1);
                        partials.set(i, partials.get(i).combine(right));
                    }
                    return partials.get(0).toSummaries();
                });
    }

    @Property
    void everyStateRoundTripsToTheSameBytesAndSummaries(@ForAll("rows") List<Row> rows,
            @ForAll("options") PurchaseHistoryOptions options, @ForAll Keys keys, @ForAll long seed) {
        int[] orderIdOf = orderIds(rows.size(), seed);
        PartialSummaries partial;
        try {
            partial = partial(rows, range(rows.size()), keys, orderIdOf, options);
        } catch (io.crmkit.core.CurrencyMismatchException e) {
            return;
        }
        PartialSummaries copy = PartialSummaries.empty(options);
        for (int i = 0; i < partial.customerCount(); i++) {
            byte[] bytes = partial.stateBytes(i);
            assertThat(bytes[0]).isEqualTo((byte) PartialSummaries.FORMAT_VERSION);
            PartialSummaries one = PartialSummaries.empty(options).add(partial.customerId(i), bytes);
            assertThat(one.stateBytes(0)).isEqualTo(bytes);
            copy.add(partial.customerId(i), bytes);
            assertThat(copy.stateBytes(i)).isEqualTo(bytes);
        }
        assertThat(copy.toSummaries()).isEqualTo(partial.toSummaries());
        assertThat(copy.toSummaries().stats()).isEqualTo(partial.toSummaries().stats());
    }

    @Property
    void everyTruncationOfAStateIsRefusedNamingTheCustomer(@ForAll("rows") List<Row> rows,
            @ForAll("options") PurchaseHistoryOptions options, @ForAll Keys keys, @ForAll long seed) {
        int[] orderIdOf = orderIds(rows.size(), seed);
        PartialSummaries partial;
        try {
            partial = partial(rows, range(rows.size()), keys, orderIdOf, options);
        } catch (io.crmkit.core.CurrencyMismatchException e) {
            return;
        }
        for (int i = 0; i < partial.customerCount(); i++) {
            byte[] bytes = partial.stateBytes(i);
            CustomerId id = partial.customerId(i);
            for (int cut = 0; cut < bytes.length; cut++) {
                byte[] truncated = java.util.Arrays.copyOf(bytes, cut);
                PartialSummaries target = PartialSummaries.empty(options);
                assertThat(catchThrowable(() -> target.add(id, truncated)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("customer " + id);
                assertThat(target.customerCount()).isZero();
            }
        }
    }
}
