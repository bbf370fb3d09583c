package io.crmkit.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class LifecycleProperties {

    static final Currency EUR = Currency.getInstance("EUR");
    static final LocalDate START = LocalDate.of(2024, 1, 1);

    /** One purchase: customer number, day offset from START, value in cents. */
    record Buy(int customer, int day, long cents) {
    }

    @Provide
    Arbitrary<List<Buy>> buys() {
        return Combinators.combine(Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 400),
                Arbitraries.longs().between(0, 50_000)).as(Buy::new).list().ofMaxSize(200);
    }

    @Provide
    Arbitrary<StageThresholds> thresholds() {
        Arbitrary<StageThresholds> fixed = Arbitraries.integers().between(1, 200).flatMap(a ->
                Arbitraries.integers().between(a + 1, 400).map(c -> new StageThresholds.Fixed(a, c)));
        Arbitrary<StageThresholds> relative = Combinators.combine(Arbitraries.doubles().between(0.5, 3),
                Arbitraries.doubles().between(0.1, 3), Arbitraries.integers().between(1, 4),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(1, 90))
                .as((a, extra, gaps, q, fallback) -> new StageThresholds.Relative(a, a + extra,
                        new RhythmOptions(gaps, q, fallback)));
        return Arbitraries.oneOf(fixed, relative);
    }

    /** The day unit: the stage rules below are written for purchase days. */
    static final TimelineOptions BY_DAY = TimelineOptions.builder().purchaseUnit(PurchaseUnit.DAY).build();

    static PurchaseTimelines timelines(List<Buy> buys, int prospects) {
        return timelines(buys, prospects, BY_DAY);
    }

    static PurchaseTimelines timelines(List<Buy> buys, int prospects, TimelineOptions options) {
        PurchaseTimelines.Builder b = PurchaseTimelines.builder(options);
        for (Buy buy : buys) {
            b.add(id(buy.customer()), instant(buy.day()), OrderStatusCategory.COMPLETED, buy.cents(), EUR);
        }
        for (int p = 0; p < prospects; p++) {
            b.customer(CustomerId.of("prospect-" + p));
        }
        return b.build();
    }

    /**
     * A batch read straight by build() (a fresh builder's only input), copied into the builder's rows
     * first (its byte form asked for) or added after a prospect gives the timelines of its orders:
     * by order and by day, with void orders, a return and, when skewed, one customer of every order
     * (a customer's orders sorted by key rather than by insertion).
     */
    @Property(tries = 300)
    void aBatchBuildsTheSameTimelinesAsItsOrders(@ForAll("buys") List<Buy> buys, @ForAll boolean voided,
            @ForAll boolean byDay, @ForAll boolean skewed, @ForAll @IntRange(min = 0, max = 2) int path) {
        TimelineOptions options = byDay ? BY_DAY : TimelineOptions.defaults();
        PurchaseTimelines.Builder fromParts = PurchaseTimelines.builder(options);
        io.crmkit.core.history.OrderBatch.Builder batch = io.crmkit.core.history.OrderBatch.builder(EUR);
        if (path == 2) {
            fromParts.customer(CustomerId.of("prospect"));
        }
        for (int k = 0; k < buys.size(); k++) {
            Buy buy = skewed ? new Buy(0, buys.get(k).day(), buys.get(k).cents()) : buys.get(k);
            // every third order is void when asked: seen, its customer known, never a purchase
            OrderStatusCategory category = voided && k % 3 == 0 ? OrderStatusCategory.VOID
                    : OrderStatusCategory.COMPLETED;
            fromParts.add(id(buy.customer()), instant(buy.day()), category, buy.cents(), EUR);
            batch.add(batch.customer(id(buy.customer())), io.crmkit.core.internal.LocalDays.micros(instant(buy.day())),
                    category, buy.cents(), buy.cents());
        }
        batch.add(batch.customer(id(99)), io.crmkit.core.internal.LocalDays.micros(instant(5)),
                OrderStatusCategory.COMPLETED, 0, -700); // a return: not a purchase, not seen
        PurchaseTimelines expected = fromParts.build();
        PurchaseTimelines.Builder builder = PurchaseTimelines.builder(options);
        if (path == 2) {
            builder.customer(CustomerId.of("prospect"));
        }
        builder.acceptAll(batch.build());
        if (path == 1) {
            assertThat(builder.asBytes()).isNotEmpty();
        }
        PurchaseTimelines actual = builder.build();
        assertThat(builder.build().size()).isEqualTo(actual.size());

        assertThat(actual.ordersSeen()).isEqualTo(expected.ordersSeen());
        assertThat(actual.ordersCounted()).isEqualTo(expected.ordersCounted());
        assertThat(actual.currency()).isEqualTo(expected.currency());
        // a customer seen only in a return is not in the timelines
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            int j = actual.indexOf(expected.customerId(i)).orElseThrow();
            assertThat(actual.purchaseDays(j)).isEqualTo(expected.purchaseDays(i));
            assertThat(actual.purchaseCount(j)).isEqualTo(expected.purchaseCount(i));
            for (int k = 0; k < expected.dayCount(i); k++) {
                assertThat(actual.purchaseValue(j, k)).isEqualTo(expected.purchaseValue(i, k));
            }
        }
    }

    @Property(tries = 200)
    void buildersOfAnySplitCombineIntoTheWhole(@ForAll("buys") List<Buy> buys,
            @ForAll @IntRange(min = 1, max = 4) int parts, @ForAll long seed, @ForAll boolean asBytes) {
        PurchaseTimelines whole = timelines(buys, 0, TimelineOptions.defaults());
        java.util.Random random = new java.util.Random(seed);
        List<PurchaseTimelines.Builder> builders = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            builders.add(PurchaseTimelines.builder(TimelineOptions.defaults()));
        }
        // orders dealt at random: a customer's purchases end up in several builders, in any order
        for (Buy buy : buys) {
            builders.get(random.nextInt(parts)).add(id(buy.customer()), instant(buy.day()),
                    OrderStatusCategory.COMPLETED, buy.cents(), EUR);
        }
        if (asBytes) {
            // each part shipped in its byte form and read back by a fresh builder
            for (int k = 0; k < parts; k++) {
                byte[] bytes = builders.get(k).asBytes();
                PurchaseTimelines.Builder received = PurchaseTimelines.builder(TimelineOptions.defaults()).combine(bytes);
                assertThat(received.asBytes()).isEqualTo(bytes);
                builders.set(k, received);
            }
        }
        PurchaseTimelines.Builder combined = builders.get(0);
        for (int k = 1; k < parts; k++) {
            combined = random.nextBoolean() ? combined.combine(builders.get(k)) : builders.get(k).combine(combined);
        }
        PurchaseTimelines actual = combined.build();

        assertThat(actual.size()).isEqualTo(whole.size());
        assertThat(actual.ordersSeen()).isEqualTo(whole.ordersSeen());
        assertThat(actual.ordersCounted()).isEqualTo(whole.ordersCounted());
        for (int i = 0; i < whole.size(); i++) {
            assertThat(actual.customerId(i)).isEqualTo(whole.customerId(i));
            assertThat(actual.purchaseDays(i)).isEqualTo(whole.purchaseDays(i));
            assertThat(actual.purchaseCount(i)).isEqualTo(whole.purchaseCount(i));
            for (int k = 0; k < whole.dayCount(i); k++) {
                assertThat(actual.purchaseValue(i, k)).isEqualTo(whole.purchaseValue(i, k));
            }
        }
    }

    @Property(tries = 50)
    void aDamagedOrForeignByteFormIsRefusedByName(@ForAll("buys") List<Buy> buys) {
        PurchaseTimelines.Builder b = PurchaseTimelines.builder(TimelineOptions.defaults());
        for (Buy buy : buys) {
            b.add(id(buy.customer()), instant(buy.day()), OrderStatusCategory.COMPLETED, buy.cents(), EUR);
        }
        byte[] bytes = b.asBytes();
        for (int length = 0; length < bytes.length; length += Math.max(1, bytes.length / 40)) {
            byte[] cut = java.util.Arrays.copyOf(bytes, length);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> PurchaseTimelines.builder(TimelineOptions.defaults())
                    .combine(cut)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("state: ");
        }
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PurchaseTimelines.builder(TimelineOptions.defaults())
                .combine(longer)).hasMessage("state: trailing bytes");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PurchaseTimelines.builder(BY_DAY).combine(bytes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("made under other options");
    }

    static CustomerId id(int c) {
        return CustomerId.of(String.format("c%03d", c));
    }

    static Instant instant(int day) {
        return START.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(day * 37L % 86_000);
    }

    @Property(tries = 200)
    void timelinesHoldEveryCustomerWithDistinctSortedDaysAndPreservedTotals(@ForAll("buys") List<Buy> buys) {
        PurchaseTimelines t = timelines(buys, 2);
        Map<CustomerId, TreeMap<LocalDate, Long>> expected = new TreeMap<>();
        for (Buy buy : buys) {
            expected.computeIfAbsent(id(buy.customer()), k -> new TreeMap<>()).merge(START.plusDays(buy.day()),
                    buy.cents(), Long::sum);
        }
        assertThat(t.size()).isEqualTo(expected.size() + 2);
        for (var e : expected.entrySet()) {
            int i = t.indexOf(e.getKey()).orElseThrow();
            assertThat(t.purchaseDays(i)).containsExactlyElementsOf(e.getValue().keySet());
            for (int k = 0; k < t.dayCount(i); k++) {
                assertThat(t.purchaseValue(i, k).toMinorUnits()).isEqualTo(
                        e.getValue().get(t.purchaseDays(i).get(k)));
            }
        }
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.customerId(i - 1)).isLessThan(t.customerId(i));
        }
    }

    @Property(tries = 200)
    void everyCustomerHasExactlyOneStageByTheDocumentedRules(@ForAll("buys") List<Buy> buys,
            @ForAll("thresholds") StageThresholds thresholds, @ForAll @IntRange(min = -10, max = 450) int asOf) {
        PurchaseTimelines t = timelines(buys, 3);
        LocalDate date = START.plusDays(asOf);
        LifecycleReport report = Lifecycle.assign(t, new StageOptions(date, thresholds));
        assertThat(report.counts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(t.size());
        double population = populationQuantile(t, date, thresholds);
        for (int i = 0; i < t.size(); i++) {
            assertThat(report.stage(i)).isEqualTo(referenceStage(t.purchaseDays(i), date, thresholds, population));
            assertThat(report.customer(i).stage()).isEqualTo(report.stage(i));
        }
    }

    @Property(tries = 200)
    void transitionsConserveCustomers(@ForAll("buys") List<Buy> buys, @ForAll("thresholds") StageThresholds thresholds,
            @ForAll @IntRange(min = 0, max = 300) int first, @ForAll @IntRange(min = 0, max = 150) int later) {
        PurchaseTimelines t = timelines(buys, 2);
        StageTransitions tr = StageTransitions.between(t, new StageOptions(START.plusDays(first), thresholds),
                START.plusDays(first + later));
        Map<Stage, Long> rows = new EnumMap<>(Stage.class);
        Map<Stage, Long> columns = new EnumMap<>(Stage.class);
        long total = 0;
        for (Stage a : Stage.values()) {
            for (Stage b : Stage.values()) {
                rows.merge(a, tr.count(a, b), Long::sum);
                columns.merge(b, tr.count(a, b), Long::sum);
                total += tr.count(a, b);
            }
        }
        assertThat(total).isEqualTo(t.size());
        for (Stage s : Stage.values()) {
            assertThat(rows.get(s)).isEqualTo((long) tr.first().counts().get(s));
            assertThat(columns.get(s)).isEqualTo((long) tr.second().counts().get(s));
        }
        long changed = 0;
        for (Stage s : Stage.values()) {
            changed += tr.second().counts().get(s) - tr.count(s, s);
        }
        assertThat(tr.changes()).hasSize((int) changed);
    }

    @Property(tries = 200)
    void regularBuyerIsNeverOverdueBeforeOneGapHasPassed(@ForAll("buys") List<Buy> others,
            @ForAll @IntRange(min = 1, max = 60) int gap, @ForAll @IntRange(min = 1, max = 8) int gaps,
            @ForAll @DoubleRange(min = 1, max = 4) double factor, @ForAll @IntRange(min = 0, max = 59) int elapsed) {
        List<Buy> buys = new ArrayList<>(others);
        for (int j = 0; j <= gaps; j++) {
            buys.add(new Buy(999, j * gap, 1_000));
        }
        int sinceLast = elapsed % gap;
        LocalDate asOf = START.plusDays((long) gaps * gap + sinceLast);
        WarningOptions options = WarningOptions.builder(asOf)
                .overdue(Optional.of(new WarningOptions.Overdue(factor, new RhythmOptions(gaps, 0.5, 30)))).build();
        ChurnRiskReport report = ChurnWarning.score(timelines(buys, 0), EngagementHistory.none(), options);
        assertThat(report.warningOf(id(999)).map(ChurnRisk::signals).orElse(List.of()))
                .noneMatch(s -> s.kind() == SignalKind.OVERDUE);
    }

    @Property(tries = 200)
    void theReportsViewsAgreeWithItsRankedWarnings(@ForAll("buys") List<Buy> buys,
            @ForAll @IntRange(min = 0, max = 450) int asOf, @ForAll boolean withModel) {
        WarningOptions.Builder builder = WarningOptions.builder(START.plusDays(asOf));
        if (withModel) {
            builder.alive(Optional.of(new WarningOptions.Alive(io.crmkit.metrics.clv.ParetoNbdModel.of(0.55, 10.6,
                    0.61, 11.7, io.crmkit.core.history.PeriodUnit.WEEKS), 0.5)));
        }
        ChurnRiskReport report = ChurnWarning.score(timelines(buys, 0), EngagementHistory.none(), builder.build());
        List<ChurnRisk> all = report.warnings();
        for (RiskLevel level : RiskLevel.values()) {
            assertThat(report.atLeast(level)).as("at least %s", level)
                    .containsExactlyElementsOf(all.stream().filter(w -> w.level().compareTo(level) >= 0).toList());
        }
        Map<SignalKind, Integer> counted = new EnumMap<>(SignalKind.class);
        for (SignalKind k : SignalKind.values()) {
            counted.put(k, (int) all.stream().flatMap(w -> w.signals().stream()).filter(x -> x.kind() == k).count());
        }
        assertThat(report.signalCounts()).isEqualTo(counted);
        for (ChurnRisk w : all) {
            // reasons written when asked for equal the same reasons given as text
            List<Signal> given = w.signals().stream()
                    .map(x -> new Signal(x.kind(), x.observed(), x.threshold(), x.reason())).toList();
            assertThat(given).isEqualTo(w.signals());
            assertThat(given.hashCode()).isEqualTo(w.signals().hashCode());
            assertThat(given.toString()).isEqualTo(w.signals().toString());
            assertThat(new ChurnRisk(w.customerId(), w.level(), given, w.valueAtRisk()).reasons())
                    .isEqualTo(w.reasons()).isNotBlank();
            assertThat(w.signals().get(0).toString()).startsWith("Signal[kind=" + w.signals().get(0).kind());
        }
    }

    @Property(tries = 200)
    void aRecentPurchaseNeverRaisesTheRisk(@ForAll("buys") List<Buy> buys, @ForAll @IntRange(min = 0, max = 30) int who,
            @ForAll @IntRange(min = 0, max = 450) int asOf, @ForAll @IntRange(min = 1, max = 50_000) int cents,
            @ForAll boolean withModel) {
        LocalDate date = START.plusDays(asOf);
        WarningOptions.Builder builder = WarningOptions.builder(date);
        if (withModel) {
            builder.alive(Optional.of(new WarningOptions.Alive(io.crmkit.metrics.clv.ParetoNbdModel.of(0.55, 10.6,
                    0.61, 11.7, io.crmkit.core.history.PeriodUnit.WEEKS), 0.5)));
        }
        WarningOptions options = builder.build();
        RiskLevel before = ChurnWarning.score(timelines(buys, 0), EngagementHistory.none(), options)
                .levelOf(id(who)).orElse(RiskLevel.NONE);
        List<Buy> more = new ArrayList<>(buys);
        more.add(new Buy(who, asOf, cents));
        RiskLevel after = ChurnWarning.score(timelines(more, 0), EngagementHistory.none(), options)
                .levelOf(id(who)).orElseThrow();
        assertThat(after).isLessThanOrEqualTo(before);
    }

    @Property(tries = 200)
    void forecastsLieAfterTheAsOfDateWithOrderedIntervals(@ForAll("buys") List<Buy> buys,
            @ForAll @IntRange(min = 0, max = 450) int asOf, @ForAll @DoubleRange(min = 0.05, max = 0.99) double level) {
        PurchaseTimelines t = timelines(buys, 1);
        LocalDate date = START.plusDays(asOf);
        NextPurchaseReport report = NextPurchase.forecast(t, new ForecastOptions(date, level));
        int repeaters = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.purchaseDays(i).stream().filter(d -> !d.isAfter(date)).count() >= 2) {
                repeaters++;
            }
        }
        assertThat(report.forecasts()).hasSize(repeaters);
        assertThat(report.forecasts()).allSatisfy(f -> {
            assertThat(f.expectedDate()).isAfter(date);
            assertThat(f.earliest()).isAfter(date);
            assertThat(f.lastPurchase()).isBeforeOrEqualTo(date);
        });
        assertThat(report.withinVariance()).isFinite().isNotNegative();
        assertThat(report.betweenVariance()).isFinite().isNotNegative();
    }

    @Property(tries = 200)
    void dueListsNeverHoldCustomersWithoutConsent(@ForAll("buys") List<Buy> buys,
            @ForAll @IntRange(min = 0, max = 400) int asOf, @ForAll @IntRange(min = 0, max = 120) int length,
            @ForAll long consentSeed) {
        PurchaseTimelines t = timelines(buys, 0);
        java.util.Random random = new java.util.Random(consentSeed);
        Instant created = START.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<io.crmkit.core.customer.Customer> customers = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            io.crmkit.core.customer.ConsentRecord[] records = switch (random.nextInt(4)) {
                case 0 -> new io.crmkit.core.customer.ConsentRecord[0];
                case 1 -> new io.crmkit.core.customer.ConsentRecord[] {consent(io.crmkit.core.customer.ConsentStatus.GRANTED,
                        created)};
                case 2 -> new io.crmkit.core.customer.ConsentRecord[] {consent(io.crmkit.core.customer.ConsentStatus.GRANTED,
                        created), consent(io.crmkit.core.customer.ConsentStatus.DENIED, created.plusSeconds(86_400L * 200))};
                default -> new io.crmkit.core.customer.ConsentRecord[] {consent(io.crmkit.core.customer.ConsentStatus.DENIED,
                        created)};
            };
            if (random.nextInt(10) > 0) {
                customers.add(io.crmkit.core.customer.Customer.builder(t.customerId(i),
                        io.crmkit.core.customer.PartyKind.PERSON, "Person " + i, created)
                        .consent(io.crmkit.core.customer.Consent.of(records)).build());
            }
        }
        var repository = io.crmkit.core.port.memory.InMemoryCustomerRepository.of(customers);
        LocalDate from = START.plusDays(asOf);
        Instant checkAt = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        NextPurchaseReport forecast = NextPurchase.forecast(t, new ForecastOptions(from.minusDays(1), 0.8));
        DueList due = DueList.of(forecast, from, from.plusDays(length), repository,
                io.crmkit.core.customer.ContactMedium.EMAIL, io.crmkit.core.customer.ContactPurpose.REMINDERS, checkAt);
        assertThat(due.due()).allSatisfy(f -> assertThat(repository.findById(f.customerId()).orElseThrow().consent()
                .permits(io.crmkit.core.customer.ContactMedium.EMAIL, io.crmkit.core.customer.ContactPurpose.REMINDERS,
                        checkAt)).isTrue());
        assertThat(due.due().size() + due.withoutConsent() + due.unknown())
                .isEqualTo(forecast.expectedBetween(from, from.plusDays(length)).size());
    }

    static io.crmkit.core.customer.ConsentRecord consent(io.crmkit.core.customer.ConsentStatus status, Instant from) {
        return io.crmkit.core.customer.ConsentRecord.of(io.crmkit.core.customer.ContactMedium.EMAIL,
                io.crmkit.core.customer.ContactPurpose.REMINDERS, status, from);
    }

    /** The stage rules written out plainly over a customer's list of days. */
    static Stage referenceStage(List<LocalDate> all, LocalDate asOf, StageThresholds thresholds, double population) {
        List<LocalDate> days = all.stream().filter(d -> !d.isAfter(asOf)).toList();
        if (days.isEmpty()) {
            return Stage.PROSPECT;
        }
        double atRisk;
        double churned;
        if (thresholds instanceof StageThresholds.Fixed f) {
            atRisk = f.atRiskAfterDays();
            churned = f.churnedAfterDays();
        } else {
            StageThresholds.Relative r = (StageThresholds.Relative) thresholds;
            List<Long> gaps = new ArrayList<>();
            for (int j = 1; j < days.size(); j++) {
                gaps.add(days.get(j).toEpochDay() - days.get(j - 1).toEpochDay());
            }
            double rhythm;
            if (gaps.size() >= r.rhythm().minimumGaps()) {
                List<Long> sorted = gaps.stream().sorted().toList();
                int m = sorted.size();
                rhythm = m % 2 == 1 ? sorted.get(m / 2) : (sorted.get(m / 2 - 1) + sorted.get(m / 2)) / 2.0;
            } else {
                rhythm = Double.isNaN(population) ? r.rhythm().fallbackDays() : population;
            }
            atRisk = r.atRiskFactor() * rhythm;
            churned = r.churnedFactor() * rhythm;
        }
        LocalDate last = days.get(days.size() - 1);
        long since = asOf.toEpochDay() - last.toEpochDay();
        if (since > churned) {
            return Stage.CHURNED;
        }
        if (since > atRisk) {
            return Stage.AT_RISK;
        }
        if (days.size() >= 2 && last.toEpochDay() - days.get(days.size() - 2).toEpochDay() > churned) {
            return Stage.REACTIVATED;
        }
        return days.size() == 1 ? Stage.NEW : Stage.ACTIVE;
    }

    /** Type-7 quantile of every gap on or before the date, by sorting. */
    static double populationQuantile(PurchaseTimelines t, LocalDate asOf, StageThresholds thresholds) {
        if (!(thresholds instanceof StageThresholds.Relative r)) {
            return Double.NaN;
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            List<LocalDate> days = t.purchaseDays(i).stream().filter(d -> !d.isAfter(asOf)).toList();
            for (int j = 1; j < days.size(); j++) {
                gaps.add(days.get(j).toEpochDay() - days.get(j - 1).toEpochDay());
            }
        }
        if (gaps.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = gaps.stream().sorted().toList();
        double h = (sorted.size() - 1) * r.rhythm().populationQuantile();
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.size() - 1, lo + 1);
        return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
    }

    @Property(tries = 200)
    void theOrderUnitCountsEveryOrderAndMeasuresGapsBetweenDays(@ForAll("buys") List<Buy> buys,
            @ForAll("thresholds") StageThresholds thresholds, @ForAll @IntRange(min = 0, max = 450) int asOf) {
        PurchaseTimelines byDay = timelines(buys, 1);
        PurchaseTimelines byOrder = timelines(buys, 1, TimelineOptions.defaults());
        assertThat(TimelineOptions.defaults().purchaseUnit()).isEqualTo(PurchaseUnit.ORDER);
        LocalDate date = START.plusDays(asOf);
        Map<CustomerId, Integer> orders = new TreeMap<>();
        Map<CustomerId, Integer> ordersUntil = new TreeMap<>();
        for (Buy buy : buys) {
            orders.merge(id(buy.customer()), 1, Integer::sum);
            if (buy.day() <= asOf) {
                ordersUntil.merge(id(buy.customer()), 1, Integer::sum);
            }
        }
        LifecycleReport dayStages = Lifecycle.assign(byDay, new StageOptions(date, thresholds));
        LifecycleReport orderStages = Lifecycle.assign(byOrder, new StageOptions(date, thresholds));
        for (int i = 0; i < byOrder.size(); i++) {
            CustomerId id = byOrder.customerId(i);
            // the same days, values and gaps; only what is counted differs
            assertThat(byOrder.purchaseDays(i)).isEqualTo(byDay.purchaseDays(i));
            assertThat(byOrder.purchaseCount(i)).isEqualTo(orders.getOrDefault(id, 0));
            assertThat(byDay.purchaseCount(i)).isEqualTo(byDay.dayCount(i));
            int until = ordersUntil.getOrDefault(id, 0);
            assertThat(orderStages.customer(i).purchases()).isEqualTo(until);
            Stage expected = dayStages.stage(i) == Stage.NEW && until > 1 ? Stage.ACTIVE : dayStages.stage(i);
            assertThat(orderStages.stage(i)).as("customer %s", id).isEqualTo(expected);
        }
        if (!ordersUntil.isEmpty()) {
            io.crmkit.metrics.clv.BtydData d = byOrder.btyd(date, PeriodUnit.DAYS);
            io.crmkit.metrics.clv.BtydData e = byDay.btyd(date, PeriodUnit.DAYS);
            double repeatOrders = 0;
            double repeatDays = 0;
            for (int k = 0; k < d.patternCount(); k++) {
                repeatOrders += d.x(k) * d.weight(k);
            }
            for (int k = 0; k < e.patternCount(); k++) {
                repeatDays += e.x(k) * e.weight(k);
            }
            int allUntil = ordersUntil.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(repeatOrders).isEqualTo(allUntil - ordersUntil.size());
            assertThat(repeatDays).isLessThanOrEqualTo(repeatOrders);
        }
    }
}
