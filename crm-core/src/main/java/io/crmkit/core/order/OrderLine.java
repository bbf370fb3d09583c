package io.crmkit.core.order;

import io.crmkit.core.Money;
import io.crmkit.core.ProductId;
import io.crmkit.core.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One line of an order: a product, a positive quantity (possibly fractional: kilograms, hours),
 * a unit price and, when known, a unit cost for margin.
 *
 * <p>The line amount is {@code quantity * unitPrice}, rounded half-even to the currency's scale.
 *
 * <p>Immutable and thread-safe.
 *
 * @param product the product, not null
 * @param quantity the quantity, greater than zero, not null
 * @param unitPrice the price of one unit, not negative, not null
 * @param unitCost the cost of one unit, if known, not negative, in the price's currency, not null
 */
public record OrderLine(ProductId product, BigDecimal quantity, Money unitPrice, Optional<Money> unitCost) {

    /**
     * Validates the line.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the quantity is not positive or a price or cost is negative
     * @throws io.crmkit.core.CurrencyMismatchException if the cost is in another currency
     */
    public OrderLine {
        Checks.notNull(product, "product");
        Checks.notNull(quantity, "quantity");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be greater than zero: " + quantity.toPlainString()
                    + " (record returns as refunds on the order, not as negative lines)");
        }
        Checks.notNull(unitPrice, "unitPrice");
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("unitPrice must not be negative: " + unitPrice);
        }
        Checks.optional(unitCost, "unitCost").ifPresent(c -> {
            unitPrice.requireSameCurrency(c, "unitCost of product " + product);
            if (c.isNegative()) {
                throw new IllegalArgumentException("unitCost must not be negative: " + c);
            }
        });
    }

    /**
     * Returns a line without a known cost.
     *
     * @param product the product, not null
     * @param quantity the quantity, positive, not null
     * @param unitPrice the unit price, not null
     * @return the line, never null
     */
    public static OrderLine of(ProductId product, BigDecimal quantity, Money unitPrice) {
        return new OrderLine(product, quantity, unitPrice, Optional.empty());
    }

    /**
     * Returns the line amount: quantity times unit price, rounded half-even to the currency scale.
     *
     * @return the amount, never null
     */
    public Money amount() {
        return unitPrice.multipliedBy(quantity, RoundingMode.HALF_EVEN);
    }

    /**
     * Returns the line cost: quantity times unit cost, rounded half-even, when the cost is known.
     *
     * @return the cost, or empty, never null
     */
    public Optional<Money> cost() {
        return unitCost.map(c -> c.multipliedBy(quantity, RoundingMode.HALF_EVEN));
    }
}
