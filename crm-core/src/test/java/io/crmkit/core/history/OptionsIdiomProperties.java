package io.crmkit.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.order.OrderStatusCategory;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The options idiom (docs/adr/0100): {@code toBuilder().build()} is the identity, and a builder sets exactly what it names. */
class OptionsIdiomProperties {

    @Property(tries = 200)
    void purchaseHistoryOptionsRoundTripThroughTheirBuilder(@ForAll @IntRange(min = 0, max = 20_000) int day,
            @ForAll PurchaseUnit unit, @ForAll RevenueBasis basis, @ForAll PeriodUnit timeUnit,
            @ForAll boolean withCurrency) {
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.ofEpochDay(day)))
                .zone(ZoneId.of("Asia/Shanghai"))
                .purchaseUnit(unit)
                .revenueBasis(basis)
                .timeUnit(timeUnit)
                .countedCategories(OrderStatusCategory.COMPLETED, OrderStatusCategory.OPEN)
                .build();
        if (withCurrency) {
            options = options.toBuilder().currency(Currency.getInstance("EUR")).build();
            assertThat(options.currency()).contains(Currency.getInstance("EUR"));
        }
        assertThat(options.toBuilder().build()).isEqualTo(options);
        PurchaseHistoryOptions changed = options.toBuilder().purchaseUnit(PurchaseUnit.DAY).build();
        assertThat(changed).isEqualTo(new PurchaseHistoryOptions(options.asOf(), new PurchaseDefinition(
                options.zone(), PurchaseUnit.DAY, options.revenueBasis(), options.countedCategories(),
                options.currency()), options.timeUnit()));
        assertThat(changed.purchase()).isEqualTo(options.purchase().withPurchaseUnit(PurchaseUnit.DAY));
        assertThat(options.toBuilder().purchase(changed.purchase()).build()).isEqualTo(changed);
        assertThat(changed.currency()).isEqualTo(withCurrency ? Optional.of(Currency.getInstance("EUR")) : Optional.empty());
    }
}
