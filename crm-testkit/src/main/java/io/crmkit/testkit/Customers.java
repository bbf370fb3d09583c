package io.crmkit.testkit;

import io.crmkit.core.customer.Customer;

/**
 * The entry point of the configurable {@link Customer} arbitraries, in jqwik's style, for example
 * {@code Customers.persons().fromIdPool(20).createdBetween(from, to)}. The defaults and every
 * option are described on {@link CustomerArbitrary}. Stateless and thread-safe.
 */
public final class Customers {

    private Customers() {
    }

    /**
     * Returns the arbitrary of all customers (the distribution of {@link CrmArbitraries#customers()}).
     *
     * @return a new arbitrary, never null
     */
    public static CustomerArbitrary customers() {
        return new CustomerArbitrary();
    }

    /**
     * Returns the arbitrary of persons.
     *
     * @return a new arbitrary, never null
     */
    public static CustomerArbitrary persons() {
        return customers().persons();
    }

    /**
     * Returns the arbitrary of organizations.
     *
     * @return a new arbitrary, never null
     */
    public static CustomerArbitrary organizations() {
        return customers().organizations();
    }

    /**
     * Returns the arbitrary of customers whose identifiers are {@code c0} to {@code c<size-1>}.
     *
     * @param size the number of identifiers, 1 to 1,000,000
     * @return a new arbitrary, never null
     * @throws IllegalArgumentException if the size is out of range
     */
    public static CustomerArbitrary fromIdPool(int size) {
        return customers().fromIdPool(size);
    }
}
