package io.crmkit.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.port.memory.InMemoryOrderRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurchaseHistoryAccumulatorTest {

    private static final CustomerId ALICE = CustomerId.of("alice");

    private static Order order(String id, String at, String amount) {
        return Order.of(OrderId.of(id), ALICE, Instant.parse(at), Money.parse("USD " + amount));
    }

    @Test
    void exactClockMeasuresElapsedTimeToTheAsOfInstant() {
        PurchaseHistoryOptions options = PurchaseHistoryOptions
                .builder(AsOf.instant(Instant.parse("2026-01-11T12:00:00Z"))).build();
        PurchaseSummaries s = PurchaseHistory.summarize(List.of(order("1", "2026-01-01T00:00:00Z", "10.00"),
                order("2", "2026-01-10T00:00:00Z", "30.00"), order("3", "2026-01-11T12:00:00Z", "99.00")), options);
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.rfm().recencyDays(0)).isCloseTo(1.5, within(1e-12));
        assertThat(s.btyd().bigT(0)).isCloseTo(10.5, within(1e-12));
        assertThat(s.btyd().tx(0)).isCloseTo(9.0, within(1e-12));
        assertThat(s.btyd().meanRepeatValue(0)).isEqualTo(30.0);
        assertThat(s.stats().excludedAfterAsOf()).isEqualTo(1);
        assertThat(s.summary(0).revenue()).isEqualTo(Money.parse("USD 40.00"));
    }

    @Test
    void dayClockUsesCalendarDaysOfTheZone() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 1, 10)))
                .zone(shanghai).purchaseUnit(PurchaseUnit.DAY).build();
        // 2026-01-01T20:00Z is 2026-01-02 04:00 in Shanghai: the same local day as the next order
        PurchaseSummaries s = PurchaseHistory.summarize(List.of(order("1", "2026-01-01T20:00:00Z", "10.00"),
                order("2", "2026-01-02T10:00:00Z", "5.00"), order("3", "2026-01-10T15:59:59Z", "7.00"),
                order("4", "2026-01-10T16:00:00Z", "8.00")), options);
        assertThat(s.purchaseCount(0)).isEqualTo(2);
        assertThat(s.orderCount(0)).isEqualTo(3);
        assertThat(s.firstPurchaseValue(0)).isEqualTo(Money.parse("USD 15.00"));
        assertThat(s.firstPurchaseAt(0)).isEqualTo(LocalDate.of(2026, 1, 2).atStartOfDay(shanghai).toInstant());
        assertThat(s.rfm().recencyDays(0)).isZero();
        assertThat(s.btyd().bigT(0)).isEqualTo(8.0);
        assertThat(s.stats().excludedAfterAsOf()).isEqualTo(1);
    }

    @Test
    void onlyCountedStatusCategoriesCount() {
        Order cancelled = new Order(OrderId.of("c"), ALICE, Instant.parse("2026-01-02T00:00:00Z"),
                OrderStatus.CANCELLED, io.crmkit.core.order.SalesChannel.WEB, List.of(), Money.parse("USD 50.00"),
                Money.parse("USD 0.00"), Money.parse("USD 0.00"), java.util.Optional.empty());
        PurchaseSummaries s = PurchaseHistory.summarize(List.of(order("1", "2026-01-01T00:00:00Z", "10.00"),
                cancelled), PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 1, 31))).build());
        assertThat(s.orderCount(0)).isEqualTo(1);
        assertThat(s.stats().excludedByStatus()).isEqualTo(1);
    }

    @Test
    void dayUnitRejectsADayBetweenFirstAndLastSeen() {
        PurchaseHistoryAccumulator acc = new PurchaseHistoryAccumulator(PurchaseHistoryOptions
                .btydConvention(LocalDate.of(2026, 12, 31), ZoneOffset.UTC, PeriodUnit.WEEKS));
        acc.accept(order("1", "2026-03-01T00:00:00Z", "1.00"));
        acc.accept(order("2", "2026-05-01T00:00:00Z", "1.00"));
        acc.accept(order("3", "2026-01-01T00:00:00Z", "1.00"));
        // the first and the last day seen can always take more orders; an earlier day extends the history
        acc.accept(order("4", "2026-01-01T09:00:00Z", "1.00"));
        acc.accept(order("5", "2026-05-01T09:00:00Z", "1.00"));
        assertThat(acc.toSummaries().purchaseCount(0)).isEqualTo(3);
        assertThat(acc.toSummaries().firstPurchaseValue(0)).isEqualTo(Money.parse("USD 2.00"));
        // a day strictly between them cannot be told apart from the days already counted: rejected
        assertThatThrownBy(() -> acc.accept(order("6", "2026-04-01T00:00:00Z", "1.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order 6")
                .hasMessageContaining("alice").hasMessageContaining("time order");
        assertThatThrownBy(() -> acc.accept(order("7", "2026-03-01T09:00:00Z", "1.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order 7");
        // rejected orders leave no trace
        PurchaseSummaries after = acc.toSummaries();
        assertThat(after.orderCount(0)).isEqualTo(5);
        assertThat(after.revenue(0)).isEqualTo(Money.parse("USD 5.00"));
        assertThat(after.stats().ordersSeen()).isEqualTo(5);
    }

    @Test
    void dayUnitRefusesToCombineInterleavedPartials() {
        PurchaseHistoryOptions options = PurchaseHistoryOptions
                .btydConvention(LocalDate.of(2026, 12, 31), ZoneOffset.UTC, PeriodUnit.WEEKS);
        PurchaseHistoryAccumulator a = new PurchaseHistoryAccumulator(options);
        a.accept(order("1", "2026-01-01T00:00:00Z", "1.00"));
        a.accept(order("2", "2026-03-01T00:00:00Z", "1.00"));
        PurchaseHistoryAccumulator b = new PurchaseHistoryAccumulator(options);
        b.accept(order("3", "2026-02-01T00:00:00Z", "1.00"));
        assertThatThrownBy(() -> a.combine(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alice").hasMessageContaining("interleave");
    }

    @Test
    void partsWithANegativeValueAreRejected() {
        PurchaseHistoryAccumulator acc = new PurchaseHistoryAccumulator(
                PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 12, 31))).build());
        assertThatThrownBy(() -> acc.accept(ALICE, OrderId.of("9"), Instant.parse("2026-01-01T00:00:00Z"),
                io.crmkit.core.order.OrderStatusCategory.COMPLETED, -1, Currency.getInstance("USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order 9").hasMessageContaining("-1");
        assertThat(acc.toSummaries().stats().ordersSeen()).isZero();
    }

    @Test
    void combiningDifferentOptionsIsRejected() {
        PurchaseHistoryAccumulator a = new PurchaseHistoryAccumulator(
                PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 1, 1))).build());
        PurchaseHistoryAccumulator b = new PurchaseHistoryAccumulator(
                PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 1, 2))).build());
        assertThatThrownBy(() -> a.combine(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different options");
    }

    @Test
    void mixedCurrenciesAreRejectedNamingTheOrder() {
        PurchaseHistoryAccumulator acc = new PurchaseHistoryAccumulator(
                PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 12, 31))).build());
        acc.accept(order("1", "2026-01-01T00:00:00Z", "1.00"));
        assertThatThrownBy(() -> acc.accept(Order.of(OrderId.of("2"), ALICE, Instant.parse("2026-01-02T00:00:00Z"),
                Money.parse("EUR 1.00")))).isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("order 2");
        assertThat(acc.toSummaries().stats().ordersSeen()).isEqualTo(1);
        PurchaseHistoryAccumulator eur = new PurchaseHistoryAccumulator(PurchaseHistoryOptions
                .builder(AsOf.endOfDay(LocalDate.of(2026, 12, 31))).currency(Currency.getInstance("EUR")).build());
        assertThatThrownBy(() -> eur.accept(order("3", "2026-01-01T00:00:00Z", "1.00")))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void summarisesStraightFromARepositoryPort() {
        InMemoryOrderRepository repo = InMemoryOrderRepository.of(List.of(order("1", "2026-01-01T00:00:00Z", "10.00"),
                order("2", "2026-02-01T00:00:00Z", "20.00"), order("3", "2026-03-01T00:00:00Z", "40.00")));
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2026, 2, 15)))
                .timeUnit(PeriodUnit.WEEKS).build();
        PurchaseSummaries s = PurchaseHistory.summarize(repo, options);
        assertThat(s.totalRevenue()).contains(Money.parse("USD 30.00"));
        assertThat(s.stats().ordersSeen()).isEqualTo(2);
        assertThat(s.toString()).contains("customers=1").contains(options.describe());
        assertThat(options.describe()).contains("end of 2026-02-15", "day clock", "purchase = ORDER", "revenue = NET",
                "time unit = WEEKS");
    }

    @Test
    void periodUnitsConvertWithoutGuessing() {
        assertThat(PeriodUnit.WEEKS.convert(52, PeriodUnit.DAYS)).isEqualTo(364.0);
        assertThat(PeriodUnit.YEARS.days()).isEqualTo(365.2425);
        assertThat(PeriodUnit.MONTHS.convert(12, PeriodUnit.YEARS)).isCloseTo(1.0, within(1e-15));
        assertThatThrownBy(() -> PeriodUnit.DAYS.fromDays(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days");
    }
}
