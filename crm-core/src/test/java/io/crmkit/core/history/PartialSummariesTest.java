package io.crmkit.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.LocalDays;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Hand-worked states, their bytes, and the refusals of bad bytes. */
class PartialSummariesTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final OrderStatusCategory DONE = OrderStatusCategory.COMPLETED;
    private static final Instant DAY1 = Instant.parse("2026-01-01T10:00:00Z");
    private static final CustomerId ALICE = CustomerId.of("alice");

    private static long day(int n) {
        return LocalDays.micros(DAY1.plusSeconds(86_400L * (n - 1)));
    }

    private static PurchaseHistoryOptions options(PurchaseUnit unit) {
        return PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 1, 31))).purchaseUnit(unit)
                .currency(USD).build();
    }

    /** Alice's days 1 and 3 in one partition, days 2, 3 and 1 in the other: they interleave. */
    private static OrderBatch partA() {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        int alice = b.customer(ALICE);
        b.addSourced(alice, day(1), DONE, 1_000, -1, 1);
        b.addSourced(alice, day(3), DONE, 500, -1, 2);
        return b.build();
    }

    private static OrderBatch partB() {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        int alice = b.customer(ALICE);
        b.addSourced(alice, day(2), DONE, 700, -1, 3);
        b.addSourced(alice, day(3), DONE, 100, -1, 4);
        b.addSourced(alice, day(1), DONE, 200, -1, 5);
        b.addSourced(b.customer(CustomerId.of("bob")), day(2), OrderStatusCategory.VOID, 900, -1, 6);
        return b.build();
    }

    @Test
    void dayUnitPartialsThatInterleaveInTimeMergeExactly() {
        PurchaseHistoryOptions day = options(PurchaseUnit.DAY);
        PartialSummaries a = PartialSummaries.of(partA(), day);
        PartialSummaries b = PartialSummaries.of(partB(), day);
        PurchaseSummaries s = PartialSummaries.empty(day).add(ALICE, b.stateBytes(0)).add(ALICE, a.stateBytes(0))
                .add(CustomerId.of("bob"), b.stateBytes(1)).toSummaries();
        // days 1, 2, 3: three purchases of five orders; day 1 is worth 10.00 + 2.00
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.purchaseCount(0)).isEqualTo(3);
        assertThat(s.orderCount(0)).isEqualTo(5);
        assertThat(s.revenueMinorUnits(0)).isEqualTo(2_500);
        assertThat(s.firstPurchaseAt(0)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(s.lastPurchaseAt(0)).isEqualTo(Instant.parse("2026-01-03T00:00:00Z"));
        assertThat(s.btyd().meanRepeatValue(0)).isEqualTo((25.00 - 12.00) / 2);
        // bob's void order is counted in the statistics though he has no summary
        assertThat(s.stats()).isEqualTo(new PurchaseHistoryStats(6, 5, 1, 0, 0));
        // the streaming accumulator cannot merge these partials (ADR 0008)
        PurchaseHistoryAccumulator accA = new PurchaseHistoryAccumulator(day).acceptAll(partA());
        assertThatThrownBy(() -> accA.acceptAll(partB())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interleave");
    }

    @Test
    void theByteFormOfAHandWorkedState() {
        byte[] bytes = PartialSummaries.of(partA(), options(PurchaseUnit.DAY)).stateBytes(0);
        // version 1; flags day unit + day clock; "USD"; 2 orders, none left out, no returns; total
        // 1500 (zigzag 3000); 2 purchases; first day 20454 (2026-01-01; zigzag 40908); span 2 days;
        // first value 1000 (zigzag 2000); two days need no day list
        assertThat(bytes).containsExactly(0x01, 0x03, 'U', 'S', 'D', 0x02, 0x00, 0x00, 0x00, 0xB8, 0x17, 0x02,
                0xCC, 0xBF, 0x02, 0x02, 0xD0, 0x0F);
    }

    @Test
    void badBytesAreRefusedSayingWhatIsWrong() {
        PurchaseHistoryOptions day = options(PurchaseUnit.DAY);
        byte[] good = PartialSummaries.of(partB(), day).stateBytes(0);
        PartialSummaries target = PartialSummaries.empty(day);

        byte[] version = good.clone();
        version[0] = 2;
        assertThatThrownBy(() -> target.add(ALICE, version)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customer alice").hasMessageContaining("version 2")
                .hasMessageContaining("reads version 1");
        assertThatThrownBy(() -> target.add(ALICE, Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> target.add(ALICE, Arrays.copyOf(good, good.length + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 bytes after its end");
        assertThatThrownBy(() -> PartialSummaries.empty(options(PurchaseUnit.ORDER)).add(ALICE, good))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is for PurchaseUnit.DAY but the options count purchases by ORDER");
        byte[] currency = good.clone();
        currency[2] = 'Q';
        assertThatThrownBy(() -> target.add(ALICE, currency)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown currency code 'QSD'");
        byte[] eur = good.clone();
        eur[2] = 'E';
        eur[3] = 'U';
        eur[4] = 'R';
        assertThatThrownBy(() -> target.add(ALICE, eur)).isInstanceOf(CurrencyMismatchException.class);
        assertThat(target.customerCount()).isZero();
        assertThat(target.add(ALICE, good).customerCount()).isEqualTo(1);
    }

    @Test
    void theOrderUnitNeedsAGlobalKeyPerOrder() {
        PurchaseHistoryOptions order = options(PurchaseUnit.ORDER);
        assertThatThrownBy(() -> PartialSummaries.of(partA(), order)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order identifiers, or pass orderKeys");
        assertThatThrownBy(() -> PartialSummaries.of(partA(), order, new long[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 keys for 2 rows");
        // same tick: the lower key is the first purchase, whichever partial holds it
        OrderBatch.Builder b = OrderBatch.builder(USD);
        b.addSourced(b.customer(ALICE), day(1), DONE, 300, -1, 1);
        PartialSummaries late = PartialSummaries.of(b.build(), order, new long[] {9});
        OrderBatch.Builder c = OrderBatch.builder(USD);
        c.addSourced(c.customer(ALICE), day(1), DONE, 400, -1, 1);
        PartialSummaries early = PartialSummaries.of(c.build(), order, new long[] {4});
        PurchaseSummaries s = PartialSummaries.empty(order).add(ALICE, late.stateBytes(0))
                .add(ALICE, early.stateBytes(0)).toSummaries();
        assertThat(s.purchaseCount(0)).isEqualTo(2);
        assertThat(s.btyd().meanRepeatValue(0)).isEqualTo(3.00);
        assertThat(late.toString()).doesNotContain("alice");
    }
}
