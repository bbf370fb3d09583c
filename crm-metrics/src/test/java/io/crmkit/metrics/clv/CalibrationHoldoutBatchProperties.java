package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** A batch, in any row order, splits exactly as its orders do in time order, for both purchase units. */
class CalibrationHoldoutBatchProperties {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

    @Provide
    Arbitrary<List<Order>> orders() {
        return Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 200 * 24),
                Arbitraries.integers().between(0, 9_000), Arbitraries.integers().between(0, 5)).as(Tuple::of)
                .list().ofMaxSize(150).map(rows -> {
                    List<Order> out = new ArrayList<>();
                    for (int k = 0; k < rows.size(); k++) {
                        var r = rows.get(k);
                        out.add(Order.builder(OrderId.of(String.format("o%04d", k)), CustomerId.of("c" + r.get1()),
                                BASE.plus(Duration.ofHours(r.get2())), USD).grossAmount(Money.ofMinor(r.get3(), USD))
                                .status(r.get4() == 0 ? OrderStatus.CANCELLED : OrderStatus.COMPLETED).build());
                    }
                    return out;
                });
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
