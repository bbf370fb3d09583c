package io.crmkit.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.order.Order;
import io.crmkit.core.port.memory.InMemoryOrderRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderKpisTest {

    private static Order order(String id, String customer, String day, String amount) {
        return Order.of(OrderId.of(id), CustomerId.of(customer), Instant.parse(day + "T10:00:00Z"),
                Money.parse("USD " + amount));
    }

    private static final List<Order> ORDERS = List.of(
            order("1", "ann", "2025-12-15", "100.00"),   // history before the grid
            order("2", "bob", "2026-01-05", "50.00"),    // bob new in January
            order("3", "ann", "2026-01-20", "30.00"),
            order("4", "bob", "2026-01-25", "20.00"),    // bob's second January order
            order("5", "cat", "2026-02-10", "80.00"),    // cat new in February
            order("6", "bob", "2026-03-03", "10.00"));

    @Test
    void aHandCheckedQuarter() {
        PeriodGrid grid = PeriodGrid.covering(ReportingPeriod.MONTH, ZoneOffset.UTC, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31));
        OrderKpiReport r = OrderKpis.compute(InMemoryOrderRepository.of(ORDERS), OrderKpiOptions.of(grid, 31));
        PeriodOrderKpis jan = r.periods().get(0);
        assertThat(jan.label()).isEqualTo("2026-01");
        assertThat(jan.orders()).isEqualTo(3);
        assertThat(jan.revenue()).isEqualTo(Money.parse("USD 100.00"));
        assertThat(jan.buyers()).isEqualTo(2);
        assertThat(jan.newCustomers()).isEqualTo(1);
        assertThat(jan.newCustomerRevenue()).isEqualTo(Money.parse("USD 70.00"));
        assertThat(jan.multiPurchaseBuyers()).isEqualTo(1);
        // active at 1 Jan: ann (15 Dec, within 31 days); at 1 Feb: ann (20 Jan) and bob (25 Jan)
        assertThat(jan.activeAtStart()).isEqualTo(1);
        assertThat(jan.activeAtEnd()).isEqualTo(2);
        assertThat(jan.retained()).isEqualTo(1);
        assertThat(jan.retentionRate()).hasValue(1.0);
        assertThat(jan.averageOrderValue()).contains(Money.parse("USD 33.33"));
        assertThat(jan.purchaseFrequency()).hasValue(1.5);
        assertThat(jan.repeatPurchaseRate()).hasValue(0.5);

        PeriodOrderKpis feb = r.periods().get(1);
        // at 1 Mar: cat (10 Feb) only: ann's 20 Jan and bob's 25 Jan are more than 31 days back
        assertThat(feb.activeAtStart()).isEqualTo(2);
        assertThat(feb.activeAtEnd()).isEqualTo(1);
        assertThat(feb.retained()).isZero();
        assertThat(feb.churnRate()).hasValue(1.0);
        assertThat(feb.textbookRetentionRate()).hasValue(0.0);
        assertThat(feb.revenueGrowth()).hasValue(-0.2);

        PeriodOrderKpis mar = r.periods().get(2);
        // S = {cat}; at 1 Apr only bob (3 Mar) is active: cat lapsed, bob came back
        assertThat(mar.activeAtStart()).isEqualTo(1);
        assertThat(mar.activeAtEnd()).isEqualTo(1);
        assertThat(mar.reactivated()).isEqualTo(1);
        assertThat(mar.retentionRate()).hasValue(0.0);
        assertThat(mar.textbookRetentionRate()).hasValue(1.0); // (E - N) / S counts bob as retained

        CohortMatrix m = r.cohorts();
        assertThat(m.size(0)).isEqualTo(1);
        assertThat(m.count(0, 2)).isEqualTo(1); // bob, acquired in January, bought in March
        assertThat(m.rate(1, 1)).hasValue(0.0);
        assertThat(r.ordersSeen()).isEqualTo(6);
    }

    @Test
    void outOfOrderOrdersOfACustomerAreRejected() {
        PeriodGrid grid = PeriodGrid.covering(ReportingPeriod.MONTH, ZoneOffset.UTC, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31));
        assertThatThrownBy(() -> OrderKpis.compute(List.of(ORDERS.get(2), ORDERS.get(0)), OrderKpiOptions.of(grid, 31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order 1")
                .hasMessageContaining("ann");
    }

    @Test
    void theWindowMustCoverThePeriod() {
        PeriodGrid grid = PeriodGrid.covering(ReportingPeriod.QUARTER, ZoneOffset.UTC, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31));
        assertThat(grid.size()).isEqualTo(4);
        assertThat(grid.label(3)).isEqualTo("2026-Q4");
        assertThatThrownBy(() -> OrderKpiOptions.of(grid, 90)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("92").hasMessageContaining("90");
    }

    @Test
    void weeksAreIsoWeeks() {
        PeriodGrid grid = PeriodGrid.covering(ReportingPeriod.WEEK, ZoneOffset.UTC, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 11));
        assertThat(grid.startDate(0)).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(grid.label(0)).isEqualTo("2026-W01");
        assertThat(grid.size()).isEqualTo(2);
        assertThat(grid.indexOf(Instant.parse("2025-12-28T23:59:59Z"))).isEqualTo(-1);
        assertThat(grid.indexOf(Instant.parse("2026-01-05T00:00:00Z"))).isEqualTo(1);
        assertThat(grid.indexOf(Instant.parse("2026-01-12T00:00:00Z"))).isEqualTo(2);
    }
}
