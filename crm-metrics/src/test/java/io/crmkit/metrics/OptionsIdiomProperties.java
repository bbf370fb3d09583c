package io.crmkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.history.PurchaseDefinition;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.metrics.clv.FitOptions;
import io.crmkit.metrics.kpi.OrderKpiOptions;
import io.crmkit.metrics.kpi.PeriodGrid;
import io.crmkit.metrics.kpi.ReportingPeriod;
import io.crmkit.metrics.loyalty.LedgerOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The options idiom (docs/adr/0100): {@code toBuilder().build()} is the identity, and a builder sets exactly what it names. */
class OptionsIdiomProperties {

    @Property(tries = 200)
    void fitOptions(@ForAll @IntRange(min = 1, max = 9) int starts, @ForAll @DoubleRange(min = 0, max = 10) double l2,
            @ForAll @DoubleRange(min = 0, max = 5) double boundary) {
        FitOptions built = FitOptions.builder().maxStarts(starts).confirmations(1).l2Penalty(l2)
                .boundaryTolerance(boundary).build();
        FitOptions d = FitOptions.defaults();
        assertThat(built).isEqualTo(new FitOptions(starts, 1, l2, d.gradientTolerance(), d.maxIterations(), boundary));
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(built.describe()).contains(starts + " starts").contains("L2 penalty " + l2);
    }

    @Property(tries = 100)
    void orderKpiOptions(@ForAll ReportingPeriod period, @ForAll @IntRange(min = 366, max = 1000) int window,
            @ForAll RevenueBasis basis, @ForAll PurchaseUnit unit) {
        PeriodGrid grid = PeriodGrid.covering(period, ZoneOffset.UTC, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        OrderKpiOptions built = OrderKpiOptions.builder(grid, window).revenueBasis(basis).purchaseUnit(unit)
                .currency(Optional.of(Currency.getInstance("JPY"))).build();
        assertThat(built).isEqualTo(new OrderKpiOptions(grid, window, new PurchaseDefinition(ZoneOffset.UTC, unit, basis,
                EnumSet.of(OrderStatusCategory.COMPLETED), Optional.of(Currency.getInstance("JPY")))));
        assertThat(built.describe()).contains("purchase = " + unit, "revenue = " + basis, "currency = JPY");
        assertThat(built.toBuilder().purchase(built.purchase()).build()).isEqualTo(built);
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(OrderKpiOptions.builder(grid, window).build()).isEqualTo(OrderKpiOptions.of(grid, window));
    }

    @Property(tries = 100)
    void ledgerOptions(@ForAll @IntRange(min = 1, max = 3650) int days) {
        Instant asOf = Instant.parse("2026-01-01T00:00:00Z");
        LedgerOptions built = LedgerOptions.builder(asOf).period(Duration.ofDays(days)).build();
        assertThat(built).isEqualTo(new LedgerOptions(asOf, Duration.ofDays(days)));
        assertThat(built.toBuilder().build()).isEqualTo(built);
        assertThat(built.describe()).contains(days + " days");
    }

    @Test
    void aBuilderValidatesWhenItBuilds() {
        assertThatThrownBy(() -> FitOptions.builder().maxStarts(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxStarts");
        assertThatThrownBy(() -> LedgerOptions.builder(Instant.EPOCH).period(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
    }
}
