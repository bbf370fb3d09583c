package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.SalesChannel;
import io.crmkit.testkit.Orders;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A batch, in any row order, splits exactly as its orders do in time order, for both purchase units. */
class CalibrationHoldoutBatchProperties {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

    @Provide
    Arbitrary<List<Order>> orders() {
        // 13 customers, whole hours over 200 days, 0 to 90.00 USD, one order in six cancelled
        return Orders.inCurrency(USD).placedBetween(BASE, BASE.plus(Duration.ofHours(200 * 24)))
                .placedAtPrecision(Duration.ofHours(1)).fromCustomerPool(13).grossMinorUnitsBetween(0, 9_000)
                .withoutLines().withoutAdjustments()
                .withStatusWeights(Map.of(OrderStatus.COMPLETED, 5, OrderStatus.CANCELLED, 1))
                .inChannels(SalesChannel.UNKNOWN).withoutCampaigns().histories().ofMaxSize(150).withIdFormat("o%04d");
    }

    @Property(tries = 300)
    void splitsAsTheOrdersDo(@ForAll("orders") List<Order> orders, @ForAll long seed,
            @ForAll PurchaseUnit purchaseUnit) {
        LocalDate calibrationEnd = LocalDate.of(2024, 4, 30);
        LocalDate holdoutEnd = LocalDate.of(2024, 6, 30);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        List<Order> timeOrdered = new ArrayList<>(orders);
        timeOrdered.sort(Comparator.comparing(Order::placedAt).thenComparing(Order::id));
        boolean anyCalibrationPurchase = timeOrdered.stream().anyMatch(o -> o.status().equals(OrderStatus.COMPLETED)
                && !o.placedAt().atZone(zone).toLocalDate().isAfter(calibrationEnd));
        if (!anyCalibrationPurchase) {
            return;
        }
        CalibrationHoldout expected = CalibrationHoldout.split(timeOrdered, calibrationEnd, holdoutEnd, zone,
                PeriodUnit.WEEKS, purchaseUnit);
        List<Order> shuffled = new ArrayList<>(orders);
        Collections.shuffle(shuffled, new Random(seed));
        CalibrationHoldout actual = CalibrationHoldout.split(OrderBatch.of(USD, shuffled), calibrationEnd, holdoutEnd,
                zone, PeriodUnit.WEEKS, purchaseUnit);

        assertThat(actual.calibration()).isEqualTo(expected.calibration());
        assertThat(actual.holdoutTransactions()).isEqualTo(expected.holdoutTransactions());
        assertThat(actual.trackingPeriods()).isEqualTo(expected.trackingPeriods());
        assertThat(actual.cumulativeRepeatTransactions()).isEqualTo(expected.cumulativeRepeatTransactions());
        assertThat(actual.births()).isEqualTo(expected.births());
        // every order a transaction: the calibration customers' x count orders after the first
        if (purchaseUnit == PurchaseUnit.ORDER) {
            for (int i = 0; i < actual.calibration().size(); i++) {
                assertThat(actual.calibration().btyd().x(i)).isEqualTo(actual.calibration().orderCount(i) - 1);
            }
        }
    }
}
