package io.crmkit.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * When the summariser chooses the block-partitioned pass by itself: many customers whose rows are
 * interleaved (a shuffled export), not a small batch, not rows already grouped by customer. Either
 * way the summaries are the same (checked here too); the choice is about memory locality.
 */
class PartitionChoiceTest {

    private static final int CUSTOMERS = (1 << 16) + 1_000;
    private static final PurchaseHistoryOptions OPTIONS = PurchaseHistoryOptions
            .builder(AsOf.endOfDay(LocalDate.of(2026, 1, 1))).build();

    private static OrderBatch batch(boolean shuffled) {
        OrderBatch.Builder b = OrderBatch.builder(Currency.getInstance("USD"));
        int[] handle = new int[CUSTOMERS];
        for (int c = 0; c < CUSTOMERS; c++) {
            handle[c] = b.customer(CustomerId.of(String.format("c%06d", c)));
        }
        SplittableRandom rng = new SplittableRandom(7);
        long day = 86_400_000_000L;
        for (int r = 0; r < 2 * CUSTOMERS; r++) {
            int c = shuffled ? rng.nextInt(CUSTOMERS) : r / 2;
            b.add(handle[c], day * (19_000 + rng.nextInt(700)), OrderStatusCategory.COMPLETED, 1_000 + r % 97,
                    1_000 + r % 97);
        }
        return b.build();
    }

    @Test
    void interleavedRowsOfManyCustomersArePartitioned() {
        OrderBatch shuffled = batch(true);
        BatchSummarizer auto = new BatchSummarizer(shuffled, OPTIONS,
                BatchSummarizer.Layout.AUTO);
        assertThat(auto.partitioned(shuffled.rowCount(), shuffled.customerCount())).isTrue();
        PurchaseSummaries plain = new BatchSummarizer(shuffled, OPTIONS,
                new BatchSummarizer.Layout(Optional.of(false), 1 << 16, 12)).summarize();
        PurchaseSummaries partitioned = auto.summarize();
        assertThat(partitioned.size()).isEqualTo(plain.size());
        for (int i = 0; i < plain.size(); i += 101) {
            assertThat(partitioned.customerId(i)).isEqualTo(plain.customerId(i));
            assertThat(partitioned.purchaseCount(i)).isEqualTo(plain.purchaseCount(i));
            assertThat(partitioned.revenue(i)).isEqualTo(plain.revenue(i));
            assertThat(partitioned.rfm().recencyDays(i)).isEqualTo(plain.rfm().recencyDays(i));
        }
    }

    @Test
    void rowsGroupedByCustomerOrFewCustomersAreNot() {
        OrderBatch grouped = batch(false);
        assertThat(new BatchSummarizer(grouped, OPTIONS, BatchSummarizer.Layout.AUTO)
                .partitioned(grouped.rowCount(), grouped.customerCount())).isFalse();
        OrderBatch shuffled = batch(true);
        BatchSummarizer auto = new BatchSummarizer(shuffled, OPTIONS,
                BatchSummarizer.Layout.AUTO);
        assertThat(auto.partitioned(shuffled.rowCount(), 1 << 16)).as("at most 2^16 customers").isFalse();
        assertThat(auto.partitioned((1 << 16) - 1, shuffled.customerCount())).as("fewer than 2^16 rows").isFalse();
    }

    @Test
    void halvesSideBySideEqualThePlainPass() {
        // enough rows for the automatic layout to work on two halves of the customers at once
        OrderBatch.Builder b = OrderBatch.builder(Currency.getInstance("USD"));
        int customers = 70_000;
        int[] handle = new int[customers];
        for (int c = 0; c < customers; c++) {
            handle[c] = b.customer(CustomerId.of(String.format("c%06d", c)));
        }
        SplittableRandom rng = new SplittableRandom(11);
        long day = 86_400_000_000L;
        int rows = BatchSummarizer.PARALLEL_MIN_ROWS + 40_000;
        for (int r = 0; r < rows; r++) {
            long gross = 100 + rng.nextInt(50_000);
            long net = rng.nextInt(10) == 0 ? -gross / 2 : gross;
            OrderStatusCategory status = rng.nextInt(20) == 0 ? OrderStatusCategory.VOID : OrderStatusCategory.COMPLETED;
            b.add(handle[rng.nextInt(customers)], day * (19_000 + rng.nextInt(800)) + rng.nextInt(3) * 3_600_000_000L,
                    status, Math.max(0, net), net);
        }
        OrderBatch batch = b.build();
        for (PurchaseUnit unit : PurchaseUnit.values()) {
            PurchaseHistoryOptions options = OPTIONS.toBuilder().purchaseUnit(unit).build();
            PurchaseSummaries plain = new BatchSummarizer(batch, options,
                    new BatchSummarizer.Layout(Optional.of(false), 1 << 16, 12)).summarize();
            PurchaseSummaries halves = new BatchSummarizer(batch, options,
                    new BatchSummarizer.Layout(Optional.of(true), 1 << 17, 10)).summarize();
            assertThat(halves.stats()).isEqualTo(plain.stats());
            assertThat(halves.size()).isEqualTo(plain.size());
            for (int i = 0; i < plain.size(); i++) {
                assertThat(halves.summary(i)).isEqualTo(plain.summary(i));
            }
            assertThat(plain.stats().excludedByStatus()).isPositive();
            assertThat(plain.stats().returnsCounted()).isPositive();
        }
    }
}
