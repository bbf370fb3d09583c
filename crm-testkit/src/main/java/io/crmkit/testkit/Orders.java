package io.crmkit.testkit;

import io.crmkit.core.order.Order;
import java.time.Instant;
import java.util.Currency;

/**
 * The entry point of the configurable {@link Order} arbitraries, in jqwik's style:
 * <pre>{@code
 * @Provide
 * Arbitrary<List<Order>> histories() {
 *     return Orders.inCurrency("CNY")
 *             .placedBetween(Instant.parse("2025-10-01T00:00:00Z"), Instant.parse("2026-07-28T00:00:00Z"))
 *             .placedAtPrecision(Duration.ofHours(1))
 *             .fromCustomerPool(16)
 *             .grossMinorUnitsBetween(0, 20_000)
 *             .withoutLines().withoutAdjustments()
 *             .histories().ofMaxSize(120).sortedByPlacement();
 * }
 * }</pre>
 * The defaults and every option are described on {@link OrderArbitrary}. Stateless and
 * thread-safe.
 */
public final class Orders {

    private Orders() {
    }

    /**
     * Returns the arbitrary of all orders, with the defaults listed on {@link OrderArbitrary}
     * (the same distribution as {@link CrmArbitraries#orders()}).
     *
     * @return a new arbitrary, never null
     */
    public static OrderArbitrary orders() {
        return new OrderArbitrary();
    }

    /**
     * Returns the arbitrary of orders in the given currency.
     *
     * @param currency the currency of every amount, not null
     * @return a new arbitrary, never null
     */
    public static OrderArbitrary inCurrency(Currency currency) {
        return orders().inCurrency(currency);
    }

    /**
     * Returns the arbitrary of orders in the currency with the given ISO 4217 code.
     *
     * @param code an ISO 4217 code such as {@code "USD"}, not null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the code is not a known currency
     */
    public static OrderArbitrary inCurrency(String code) {
        return orders().inCurrency(code);
    }

    /**
     * Returns the arbitrary of orders (in any currency) placed from {@code from} to {@code to},
     * both inclusive, in whole seconds after {@code from}.
     *
     * @param from the earliest placement, not null
     * @param to the latest placement, not before {@code from}, not null
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if {@code from} is after {@code to}
     */
    public static OrderArbitrary placedBetween(Instant from, Instant to) {
        return orders().placedBetween(from, to);
    }
}
