package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.util.Map;

/**
 * What a customer at risk would cost if lost, the key that ranks the warnings: their revenue so
 * far ({@link PastRevenue}), or values the host supplies, such as each customer's expected
 * lifetime value from a fitted model ({@link Supplied}).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface ValueAtRisk permits ValueAtRisk.PastRevenue, ValueAtRisk.Supplied {

    /**
     * Returns the past-revenue measure.
     *
     * @return the measure, never null
     */
    static ValueAtRisk pastRevenue() {
        return new PastRevenue();
    }

    /**
     * Returns a measure from supplied values.
     *
     * @param values each customer's value, not null, without null keys or values
     * @return the measure, never null
     */
    static ValueAtRisk supplied(Map<CustomerId, Money> values) {
        return new Supplied(values);
    }

    /**
     * Returns a one-line description.
     *
     * @return the description, never null
     */
    String describe();

    /** The customer's revenue on or before the as-of date. */
    record PastRevenue() implements ValueAtRisk {
        @Override
        public String describe() {
            return "past revenue";
        }
    }

    /**
     * Values supplied by the host; a customer without a value is worth zero.
     *
     * @param values each customer's value, not null
     */
    record Supplied(Map<CustomerId, Money> values) implements ValueAtRisk {

        /**
         * Copies the values.
         *
         * @throws NullPointerException if the map, a key or a value is null
         */
        public Supplied {
            values = Map.copyOf(Checks.notNull(values, "values"));
        }

        @Override
        public String describe() {
            return "supplied values for " + values.size() + " customers (others 0)";
        }

        @Override
        public String toString() {
            return "Supplied[" + values.size() + " customers]";
        }
    }
}
