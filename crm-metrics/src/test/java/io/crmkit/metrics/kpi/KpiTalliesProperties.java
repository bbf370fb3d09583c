package io.crmkit.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.order.Order;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link OrderKpis.Accumulator#talliesAsBytes()} and {@link OrderKpis.Accumulator#combineTallies}:
 * partitions by customer that send only their tallies report exactly what one accumulator fed
 * everything reports (crm-spark combines executors' partitions this way).
 */
class KpiTalliesProperties {

    private final OrderKpisProperties shared = new OrderKpisProperties();

    @Provide
    net.jqwik.api.Arbitrary<List<Order>> orders() {
        return shared.orders();
    }

    @Provide
    net.jqwik.api.Arbitrary<ReportingPeriod> periods() {
        return shared.periods();
    }

    @Property
    void talliesOfPartitionsByCustomerReportAsTheWhole(@ForAll("orders") List<Order> orders,
            @ForAll("periods") ReportingPeriod period, @ForAll @IntRange(min = 1, max = 4) int parts) {
        OrderKpiOptions options = OrderKpisProperties.options(period, period == ReportingPeriod.WEEK ? 30
                : period == ReportingPeriod.MONTH ? 45 : 100);
        OrderKpiReport whole = OrderKpis.compute(orders, options);
        List<List<Order>> partitions = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            partitions.add(new ArrayList<>());
        }
        for (Order o : orders) {
            partitions.get(Integer.parseInt(o.customerId().value().substring(1)) % parts).add(o);
        }
        OrderKpis.Accumulator driver = OrderKpis.accumulator(options);
        for (List<Order> part : partitions) {
            OrderKpis.Accumulator acc = OrderKpis.accumulator(options);
            part.forEach(acc::accept);
            driver.combineTallies(acc.talliesAsBytes());
        }
        assertSameReport(driver.report(), whole);
    }

    /** Every period cell, every cohort cell and every count (the cohort matrix has no equals). */
    static void assertSameReport(OrderKpiReport actual, OrderKpiReport expected) {
        assertThat(actual.periods()).isEqualTo(expected.periods());
        assertThat(actual.ordersSeen()).isEqualTo(expected.ordersSeen());
        assertThat(actual.ordersCounted()).isEqualTo(expected.ordersCounted());
        assertThat(actual.excludedByStatus()).isEqualTo(expected.excludedByStatus());
        assertThat(actual.excludedAfterGrid()).isEqualTo(expected.excludedAfterGrid());
        assertThat(actual.cohorts().cohorts()).isEqualTo(expected.cohorts().cohorts());
        for (int c = 0; c < expected.cohorts().cohorts(); c++) {
            for (int k = 0; k < expected.cohorts().columns(c); k++) {
                assertThat(actual.cohorts().count(c, k)).isEqualTo(expected.cohorts().count(c, k));
            }
        }
    }

    @Example
    void talliesOfAnotherGridOrCurrencyOrMalformedBytesAreRefused() {
        OrderKpiOptions months = OrderKpiOptions.of(PeriodGrid.covering(ReportingPeriod.MONTH, ZoneOffset.UTC,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)), 45);
        OrderKpiOptions shifted = OrderKpiOptions.of(PeriodGrid.covering(ReportingPeriod.MONTH, ZoneOffset.UTC,
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 7, 31)), 45);
        OrderKpis.Accumulator a = OrderKpis.accumulator(months);
        a.accept(Order.of(OrderId.of("o1"), CustomerId.of("c1"), LocalDate.of(2024, 2, 3).atStartOfDay()
                .toInstant(ZoneOffset.UTC), Money.ofMinor(500, Currency.getInstance("EUR"))));
        byte[] eur = a.talliesAsBytes();
        assertThatThrownBy(() -> OrderKpis.accumulator(shifted).combineTallies(eur))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tallies of another grid");
        OrderKpis.Accumulator usd = OrderKpis.accumulator(months);
        usd.accept(Order.of(OrderId.of("o2"), CustomerId.of("c2"), LocalDate.of(2024, 3, 3).atStartOfDay()
                .toInstant(ZoneOffset.UTC).plus(Duration.ofHours(1)), Money.ofMinor(700, Currency.getInstance("USD"))));
        assertThatThrownBy(() -> usd.combineTallies(eur)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> OrderKpis.accumulator(months).combineTallies(Arrays.copyOf(eur, eur.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> OrderKpis.accumulator(months).combineTallies(new byte[] {1, 2, 3, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the byte form");
        // hand-worked: one order of 5.00 EUR in February, the only buyer and new customer there
        OrderKpiReport r = OrderKpis.accumulator(months).combineTallies(eur).report();
        PeriodOrderKpis feb = r.periods().get(1);
        assertThat(feb.orders()).isEqualTo(1);
        assertThat(feb.revenue()).isEqualTo(Money.ofMinor(500, Currency.getInstance("EUR")));
        assertThat(feb.newCustomers()).isEqualTo(1);
        assertThat(r.ordersCounted()).isEqualTo(1);
    }
}
