package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.CustomerId;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.SalesChannel;
import io.crmkit.testkit.Orders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The split of customers partitioned anyhow (every customer's orders in one part) combines into the
 * split of all of them: {@link HoldoutCounts} and {@link BgBbData} of the parts, combined in any order,
 * equal those of the whole, and so do the scorecard and the fits made from them, to the bit. Also:
 * the scorecard from counts is the per-customer definition (MAE, RMSE, bias, bins) summed another way.
 */
class PartitionedHoldoutProperties {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    private static final LocalDate CALIBRATION_END = LocalDate.of(2024, 4, 30);
    private static final LocalDate HOLDOUT_END = LocalDate.of(2024, 6, 30);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A model with drop-out and no boundary: its expectations vary with every field of a pattern. */
    private static final TransactionModel MODEL = BgNbdModel.of(0.5, 4.0, 0.8, 2.5, PeriodUnit.WEEKS);

    @Provide
    Arbitrary<List<Order>> orders() {
        // 40 customers, whole hours over 200 days, one order in six cancelled
        return Orders.inCurrency(USD).placedBetween(BASE, BASE.plus(Duration.ofHours(200 * 24)))
                .placedAtPrecision(Duration.ofHours(1)).fromCustomerPool(40).grossMinorUnitsBetween(0, 9_000)
                .withoutLines().withoutAdjustments()
                .withStatusWeights(Map.of(OrderStatus.COMPLETED, 5, OrderStatus.CANCELLED, 1))
                .inChannels(SalesChannel.UNKNOWN).withoutCampaigns().histories().ofMinSize(1).ofMaxSize(300)
                .withIdFormat("o%04d");
    }

    /** The orders in parts by customer (a hash of the id and the seed), each part shuffled; some parts empty. */
    private static List<List<Order>> parts(List<Order> orders, int parts, long seed) {
        Random random = new Random(seed);
        Map<CustomerId, Integer> partOf = new HashMap<>();
        List<List<Order>> out = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            out.add(new ArrayList<>());
        }
        for (Order o : orders) {
            int p = partOf.computeIfAbsent(o.customerId(), c -> random.nextInt(parts));
            out.get(p).add(o);
        }
        for (List<Order> part : out) {
            Collections.shuffle(part, random);
        }
        Collections.shuffle(out, random);
        return out;
    }

    private static boolean anyCalibrationPurchase(List<Order> orders) {
        return orders.stream().anyMatch(o -> o.status().equals(OrderStatus.COMPLETED)
                && !o.placedAt().atZone(ZONE).toLocalDate().isAfter(CALIBRATION_END));
    }

    @Property(tries = 200)
    void holdoutCountsOfPartsCombineIntoTheWholeSplit(@ForAll("orders") List<Order> orders,
            @ForAll @IntRange(min = 1, max = 6) int parts, @ForAll long seed, @ForAll PurchaseUnit purchaseUnit)
            throws IOException, ClassNotFoundException {
        if (!anyCalibrationPurchase(orders)) {
            return;
        }
        CalibrationHoldout whole = CalibrationHoldout.split(OrderBatch.of(USD, orders), CALIBRATION_END, HOLDOUT_END,
                ZONE, PeriodUnit.WEEKS, purchaseUnit);
        HoldoutCounts combined = null;
        for (List<Order> part : parts(orders, parts, seed)) {
            // each part travels as a cluster would ship it
            HoldoutCounts counts = roundTrip(HoldoutCounts.of(OrderBatch.of(USD, part), CALIBRATION_END, HOLDOUT_END,
                    ZONE, PeriodUnit.WEEKS, purchaseUnit));
            combined = combined == null ? counts : combined.combine(counts);
        }
        assertThat(combined.customers()).isEqualTo(whole.calibration().size());
        BtydData data = combined.data();
        BtydData expectedData = whole.data();
        assertThat(data.patternCount()).isEqualTo(expectedData.patternCount());
        for (int k = 0; k < data.patternCount(); k++) {
            assertThat(new double[] {data.x(k), data.tx(k), data.bigT(k), data.weight(k)}).isEqualTo(
                    new double[] {expectedData.x(k), expectedData.tx(k), expectedData.bigT(k), expectedData.weight(k)});
        }
        assertThat(combined.trackingPeriods()).isEqualTo(whole.trackingPeriods());
        assertThat(combined.cumulativeRepeatTransactions()).isEqualTo(whole.cumulativeRepeatTransactions());
        // the scorecard is a record of doubles and lists: equal means equal to the bit
        assertThat(HoldoutScorecard.evaluate(MODEL, combined)).isEqualTo(HoldoutScorecard.evaluate(MODEL, whole));
    }

    @Property(tries = 200)
    void theScorecardIsThePerCustomerDefinition(@ForAll("orders") List<Order> orders,
            @ForAll PurchaseUnit purchaseUnit) {
        if (!anyCalibrationPurchase(orders)) {
            return;
        }
        CalibrationHoldout split = CalibrationHoldout.split(OrderBatch.of(USD, orders), CALIBRATION_END, HOLDOUT_END,
                ZONE, PeriodUnit.WEEKS, purchaseUnit);
        HoldoutScorecard card = HoldoutScorecard.evaluate(MODEL, split);
        BtydData data = split.data();
        int[] actual = split.holdoutTransactions();
        double t = split.holdoutLength();
        int n = actual.length;
        double sumE = 0;
        double abs = 0;
        double sq = 0;
        double[] binE = new double[8];
        int[] binN = new int[8];
        long sumA = 0;
        for (int i = 0; i < n; i++) {
            int k = data.patternOf(i);
            double e = MODEL.conditionalExpectedTransactions(data.x(k), data.tx(k), data.bigT(k), t);
            sumA += actual[i];
            sumE += e;
            abs += Math.abs(e - actual[i]);
            sq += (e - actual[i]) * (e - actual[i]);
            binE[Math.min(7, data.x(k))] += e;
            binN[Math.min(7, data.x(k))]++;
        }
        assertThat(card.customers()).isEqualTo(n);
        assertThat(card.actualTotal()).isEqualTo((double) sumA);
        assertThat(card.expectedTotal()).isCloseTo(sumE, within(1e-12 * (1 + sumE)));
        assertThat(card.mae()).isCloseTo(abs / n, within(1e-12 * (1 + abs / n)));
        assertThat(card.rmse()).isCloseTo(Math.sqrt(sq / n), within(1e-12 * (1 + Math.sqrt(sq / n))));
        assertThat(card.bias()).isCloseTo((sumE - sumA) / n, within(1e-12 * (1 + sumE / n)));
        for (int b = 0; b < 8; b++) {
            assertThat(card.byFrequency().get(b).customers()).isEqualTo(binN[b]);
            double mean = binN[b] == 0 ? 0 : binE[b] / binN[b];
            assertThat(card.byFrequency().get(b).expectedMean()).isCloseTo(mean, within(1e-12 * (1 + mean)));
        }
        // tracking: the single-machine definition through births one by one
        double[] cum = HoldoutScorecard.expectedCumulative(MODEL, split.births(), split.trackingPeriods(),
                PeriodUnit.WEEKS);
        for (int k = 0; k < cum.length; k++) {
            assertThat(card.tracking().get(k).cumulativeExpected()).isEqualTo(cum[k]);
        }
    }

    @Property(tries = 200)
    void bgBbDataOfPartsCombineIntoTheWhole(@ForAll("orders") List<Order> orders,
            @ForAll @IntRange(min = 1, max = 6) int parts, @ForAll long seed, @ForAll PeriodUnit period)
            throws IOException, ClassNotFoundException {
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(CALIBRATION_END)).zone(ZONE)
                .currency(USD).build();
        BgBbData whole = BgBbData.of(OrderBatch.of(USD, orders), options, period);
        BgBbData combined = null;
        for (List<Order> part : parts(orders, parts, seed)) {
            BgBbData data = roundTrip(BgBbData.of(OrderBatch.of(USD, part), options, period));
            combined = combined == null ? data : combined.combine(data);
        }
        assertThat(combined.patternCount()).isEqualTo(whole.patternCount());
        assertThat(combined.customers()).isEqualTo(whole.customers());
        assertThat(combined.withoutOpportunities()).isEqualTo(whole.withoutOpportunities());
        for (int k = 0; k < whole.patternCount(); k++) {
            assertThat(new double[] {combined.x(k), combined.tx(k), combined.n(k), combined.weight(k)})
                    .isEqualTo(new double[] {whole.x(k), whole.tx(k), whole.n(k), whole.weight(k)});
        }
    }

    @Example
    void countsOfDifferentSplitsDoNotCombine() {
        List<Order> orders = new ArrayList<>();
        HoldoutCounts a = HoldoutCounts.of(OrderBatch.of(USD, orders), CALIBRATION_END, HOLDOUT_END, ZONE,
                PeriodUnit.WEEKS, PurchaseUnit.DAY);
        HoldoutCounts b = HoldoutCounts.of(OrderBatch.of(USD, orders), CALIBRATION_END, HOLDOUT_END, ZONE,
                PeriodUnit.DAYS, PurchaseUnit.DAY);
        assertThat(a.customers()).isZero();
        assertThat(a.trackingPeriods()).isZero();
        assertThatThrownBy(() -> a.combine(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not combine");
        assertThatThrownBy(a::data).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no customer purchased on or before the calibration end 2024-04-30");
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(CALIBRATION_END)).zone(ZONE)
                .currency(USD).build();
        BgBbData weeks = BgBbData.of(OrderBatch.of(USD, orders), options, PeriodUnit.WEEKS);
        BgBbData months = BgBbData.of(OrderBatch.of(USD, orders), options, PeriodUnit.MONTHS);
        assertThatThrownBy(() -> weeks.combine(months)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not combine");
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
