package io.crmkit.metrics.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.loyalty.LoyaltyProgram;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.PointsTransactionType;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Members with more point lots than the ledger's first lot buffer holds (16), worked by hand: the
 * lots must keep their order and amounts when the buffer grows and when spent lots are dropped from
 * its front, which the expiry of each lot on its own day makes visible.
 */
class LoyaltyLotsTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final CustomerId ANN = CustomerId.of("ann");
    private static final LoyaltyProgram YEARLY = LoyaltyProgram.builder().expiry(Duration.ofDays(365)).build();

    private final List<long[]> orders = new ArrayList<>();
    private final List<PointsTransaction> txs = new ArrayList<>();

    private static Instant day(int year, int dayOfJanuary) {
        return LocalDate.of(year, 1, dayOfJanuary).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** An order on 2025-01-{day} of {@code points} whole dollars: one point per dollar. */
    private void order(int dayOfJanuary, long points) {
        orders.add(new long[] {LedgerOptions.micros(day(2025, dayOfJanuary)), points * 100});
    }

    private void redeem(int dayOfJanuary, long points) {
        txs.add(PointsTransaction.of(PointsTransactionId.of("r" + txs.size()), ANN, PointsTransactionType.REDEEM,
                day(2025, dayOfJanuary), points));
    }

    private MemberPoints asOf(Instant asOf) {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        for (long[] o : orders) {
            b.add(b.customer(ANN), o[0], OrderStatusCategory.COMPLETED, o[1], o[1]);
        }
        OrderBatch batch = b.build();
        LedgerStatement s = LoyaltyLedger.compute(batch, txs, YEARLY, LedgerOptions.asOf(asOf));
        LedgerStatement acc = LoyaltyLedger.create(YEARLY, USD).acceptAll(batch).acceptAllTransactions(txs)
                .statement(LedgerOptions.asOf(asOf));
        assertThat(acc.member(ANN)).isEqualTo(s.member(ANN));
        return s.member(ANN).orElseThrow();
    }

    @Test
    void twentyLotsOutgrowTheBufferAndExpireOneByOne() {
        for (int k = 1; k <= 20; k++) {
            order(k, k); // lot k: k points on January k, 210 in all
        }
        redeem(25, 10); // the oldest: lots 1 to 4 exactly
        MemberPoints first = asOf(day(2026, 5)); // lot 5 expires exactly now
        assertThat(first.earned()).isEqualTo(210);
        assertThat(first.redeemed()).isEqualTo(10);
        assertThat(first.expired()).isEqualTo(5);
        assertThat(first.balance()).isEqualTo(195);
        MemberPoints later = asOf(day(2026, 19)); // lots 5 to 19
        assertThat(later.expired()).isEqualTo(190 - 10);
        assertThat(later.balance()).isEqualTo(20);
        MemberPoints all = asOf(day(2026, 20));
        assertThat(all.expired()).isEqualTo(200);
        assertThat(all.balance()).isZero();
    }

    @Test
    void lotsSpentFromTheFrontMakeRoomBeforeTheBufferGrows() {
        for (int k = 1; k <= 16; k++) {
            order(k, k); // fills the first 16 lots
        }
        redeem(17, 6); // lots 1, 2 and 3: three free places at the front
        for (int k = 18; k <= 21; k++) {
            order(k, k - 1); // lots of 17 to 20 points on January 18 to 21
        }
        assertThat(asOf(day(2025, 31)).balance()).isEqualTo(210 - 6);
        MemberPoints fourth = asOf(day(2026, 4)); // lot 4 expires
        assertThat(fourth.expired()).isEqualTo(4);
        assertThat(fourth.balance()).isEqualTo(200);
        MemberPoints sixteenth = asOf(day(2026, 17)); // lots 4 to 16: 130
        assertThat(sixteenth.expired()).isEqualTo(130);
        assertThat(sixteenth.balance()).isEqualTo(17 + 18 + 19 + 20);
        MemberPoints nineteenth = asOf(day(2026, 19)); // and the lots of January 18 and 19
        assertThat(nineteenth.expired()).isEqualTo(130 + 17 + 18);
        assertThat(nineteenth.balance()).isEqualTo(19 + 20);
        assertThat(asOf(day(2026, 21)).balance()).isZero();
    }

    @Test
    void aRedemptionAcrossManyLotsLeavesThePartOfTheLastOne() {
        for (int k = 1; k <= 18; k++) {
            order(k, 10); // 18 lots of 10
        }
        redeem(20, 95); // lots 1 to 9 and 5 of lot 10
        MemberPoints m = asOf(day(2026, 10)); // lots 1 to 10 have expired: only the 5 left of lot 10 counts
        assertThat(m.redeemed()).isEqualTo(95);
        assertThat(m.expired()).isEqualTo(5);
        assertThat(m.balance()).isEqualTo(80);
        assertThat(asOf(day(2026, 11)).expired()).isEqualTo(15);
    }
}
