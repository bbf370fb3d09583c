package io.crmkit.segmentation.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.segmentation.Columns;
import io.crmkit.segmentation.CustomerColumns;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Value tiers by margin (revenue less the cost of the goods) when the orders carry their cost. */
class MarginTiersTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static long micros(int day) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2026-01-01T10:00:00Z").plus(day, ChronoUnit.DAYS));
    }

    /** ann sells 100.00 for 90.00 of goods, bob 50.00 for 10.00, cy 30.00 for nothing. */
    private static PurchaseSummaries summaries(boolean costs) {
        OrderBatch.Builder b = OrderBatch.builder(USD);
        int ann = b.customer(CustomerId.of("ann"));
        int bob = b.customer(CustomerId.of("bob"));
        int cy = b.customer(CustomerId.of("cy"));
        OrderStatusCategory done = OrderStatusCategory.COMPLETED;
        if (costs) {
            b.addSourced(ann, micros(1), done, 10_000, 9_000, -1, 2);
            b.addSourced(bob, micros(2), done, 5_000, 1_000, -1, 3);
            b.addSourced(cy, micros(3), done, 3_000, 0, -1, 4);
        } else {
            b.addSourced(ann, micros(1), done, 10_000, -1, 2);
            b.addSourced(bob, micros(2), done, 5_000, -1, 3);
            b.addSourced(cy, micros(3), done, 3_000, -1, 4);
        }
        return PurchaseHistory.summarize(b.build(),
                PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 1, 31))).build());
    }

    @Test
    void marginRanksDifferentlyFromRevenueOnAWorkedExample() {
        CustomerColumns c = CustomerColumns.from(summaries(true));
        assertThat(c.hasMargin()).isTrue();
        assertThat(c.marginMinorColumn()).containsExactly(1_000, 4_000, 3_000);
        assertThat(c.definitions()).contains("margin = revenue less the cost of the goods");
        // revenue 100, 50, 30 (total 180): ann before 0 -> A, bob before 100 < 144 -> A, cy before 150 -> B
        TierAssignment<AbcClass> byRevenue = ValueTiers.abcByRevenue(c);
        assertThat(new AbcClass[] {byRevenue.tier(0), byRevenue.tier(1), byRevenue.tier(2)})
                .containsExactly(AbcClass.A, AbcClass.A, AbcClass.B);
        // margin 10, 40, 30 (total 80): bob before 0 -> A, cy before 40 < 64 -> A, ann before 70 < 76 -> B
        TierAssignment<AbcClass> byMargin = ValueTiers.abcByMargin(c);
        assertThat(new AbcClass[] {byMargin.tier(0), byMargin.tier(1), byMargin.tier(2)})
                .containsExactly(AbcClass.B, AbcClass.A, AbcClass.A);
        assertThat(byMargin.definition()).contains("cumulative margin share").contains("zero or negative margin is C");
        // heavy = the top 1/3 by margin: bob alone
        TierAssignment<UsageTier> usage = ValueTiers.usageTiers(c, TierMeasure.MARGIN, 1 / 3.0, 1 / 3.0);
        assertThat(new UsageTier[] {usage.tier(0), usage.tier(1), usage.tier(2)})
                .containsExactly(UsageTier.LIGHT, UsageTier.HEAVY, UsageTier.MEDIUM);
    }

    @Test
    void withoutCostsMarginTiersAreRefusedWithTheReason() {
        CustomerColumns c = CustomerColumns.from(summaries(false));
        assertThat(c.hasMargin()).isFalse();
        assertThatThrownBy(() -> ValueTiers.abcByMargin(c)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no margin").hasMessageContaining("no cost of goods");
        assertThatThrownBy(() -> ValueTiers.usageTiers(c, TierMeasure.MARGIN, 0.2, 0.3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("by margin");
        assertThatThrownBy(() -> c.marginMinor(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.withMargin(new long[2], "host's margin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one value per customer (3): 2");
    }

    @Provide
    Arbitrary<CustomerColumns> customers() {
        return Columns.columns(150);
    }

    @Property(tries = 200)
    void aMarginEqualToTheRevenueGivesTheRevenuesTiers(@ForAll("customers") CustomerColumns c) {
        CustomerColumns m = c.withMargin(c.revenueMinorColumn(), "equal to the revenue");
        TierAssignment<AbcClass> byMargin = ValueTiers.abcByMargin(m);
        TierAssignment<AbcClass> byRevenue = ValueTiers.abcByRevenue(c);
        TierAssignment<UsageTier> usageMargin = ValueTiers.usageTiers(m, TierMeasure.MARGIN, 0.2, 0.3);
        TierAssignment<UsageTier> usageRevenue = ValueTiers.usageTiers(c, TierMeasure.REVENUE, 0.2, 0.3);
        for (int i = 0; i < c.size(); i++) {
            assertThat(byMargin.tier(i)).isEqualTo(byRevenue.tier(i));
            assertThat(usageMargin.tier(i)).isEqualTo(usageRevenue.tier(i));
        }
        // the prospects keep the margin
        assertThat(m.withProspects(java.util.List.of(CustomerId.of("~prospect"))).hasMargin()).isTrue();
    }
}
