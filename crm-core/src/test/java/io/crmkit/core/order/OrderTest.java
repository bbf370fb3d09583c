package io.crmkit.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.ProductId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant AT = Instant.parse("2026-03-08T10:15:00Z");

    private static Order.Builder order() {
        return Order.builder(OrderId.of("o-1"), CustomerId.of("c-1"), AT, CNY);
    }

    private static OrderLine rice(String qty, String price, String cost) {
        return new OrderLine(ProductId.of("rice-5kg"), new BigDecimal(qty), Money.of(price, "CNY"),
                Optional.ofNullable(cost).map(c -> Money.of(c, "CNY")));
    }

    @Test
    void grossIsTheSumOfTheLinesAndNetSubtractsDiscountAndRefunds() {
        Order o = order().line(rice("2", "39.90", "30.00")).line(rice("1.5", "10.00", "6.00"))
                .discountAmount(Money.of("5.00", "CNY")).refundedAmount(Money.of("10.00", "CNY")).build();
        assertThat(o.grossAmount()).isEqualTo(Money.of("94.80", "CNY"));
        assertThat(o.netRevenue()).isEqualTo(Money.of("79.80", "CNY"));
        assertThat(o.netRevenueMinorUnits()).isEqualTo(7_980L);
        assertThat(o.margin()).contains(Money.of("10.80", "CNY"));
        assertThat(o.currency()).isEqualTo(CNY);
    }

    @Test
    void marginIsUnknownWhenACostIsMissing() {
        assertThat(order().line(rice("1", "10.00", "6.00")).line(rice("1", "5.00", null)).build().margin()).isEmpty();
        assertThat(Order.of(OrderId.of("o"), CustomerId.of("c"), AT, Money.of("1.00", "CNY")).margin()).isEmpty();
    }

    @Test
    void negativeOrZeroQuantityIsRejected() {
        assertThatThrownBy(() -> rice("-1", "10.00", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantity").hasMessageContaining("-1");
        assertThatThrownBy(() -> rice("0", "10.00", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantity");
    }

    @Test
    void mixedCurrenciesAreRejected() {
        assertThatThrownBy(() -> order().line(OrderLine.of(ProductId.of("p"), BigDecimal.ONE, Money.of("1.00", "USD")))
                .build()).isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("o-1");
        assertThatThrownBy(() -> new OrderLine(ProductId.of("p"), BigDecimal.ONE, Money.of("1.00", "USD"),
                Optional.of(Money.of("1.00", "EUR")))).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void grossMustEqualTheLines() {
        assertThatThrownBy(() -> order().line(rice("1", "10.00", null)).grossAmount(Money.of("11.00", "CNY")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grossAmount")
                .hasMessageContaining("10.00");
    }

    @Test
    void discountAndRefundsAreBounded() {
        assertThatThrownBy(() -> order().grossAmount(Money.of("10.00", "CNY"))
                .discountAmount(Money.of("10.01", "CNY")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("discountAmount");
        assertThatThrownBy(() -> order().grossAmount(Money.of("10.00", "CNY")).discountAmount(Money.of("2.00", "CNY"))
                .refundedAmount(Money.of("8.01", "CNY")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refundedAmount")
                .hasMessageContaining("8.00");
        assertThatThrownBy(() -> order().grossAmount(Money.of("-1.00", "CNY")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grossAmount");
    }

    @Test
    void statusCarriesItsCategory() {
        OrderStatus shipped = OrderStatus.of("已发货", OrderStatusCategory.OPEN);
        assertThat(order().status(shipped).build().status().category()).isEqualTo(OrderStatusCategory.OPEN);
        assertThatThrownBy(() -> OrderStatus.of(" ", OrderStatusCategory.OPEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status label");
    }
}
