package io.crmkit.segmentation.value;

import io.crmkit.segmentation.CustomerColumns;

/**
 * What it costs to serve a customer over the period of the summaries, in major currency units,
 * supplied by the caller (from its own cost accounting). {@link #of(double, double, double)} covers
 * the common linear form.
 *
 * <p>Implementations must be pure functions of their arguments and thread-safe.
 */
@FunctionalInterface
public interface CostToServe {

    /**
     * Returns the cost of serving one customer.
     *
     * @param customers the customers, not null
     * @param row the customer's row
     * @return the cost in major currency units, finite
     */
    double cost(CustomerColumns customers, int row);

    /**
     * Returns the linear cost {@code perCustomer + perOrder * orders + shareOfRevenue * revenue}, for
     * example 5.00 per customer for the account, 2.50 per order for handling and 0.62 of revenue for
     * the goods sold.
     *
     * @param perCustomer fixed cost per customer, finite, not negative
     * @param perOrder cost per counted order, finite, not negative
     * @param shareOfRevenue cost as a share of revenue (cost of goods, fees), finite, not negative
     * @return the cost function, never null
     * @throws IllegalArgumentException if a parameter is negative or not finite
     */
    static CostToServe of(double perCustomer, double perOrder, double shareOfRevenue) {
        for (double v : new double[] {perCustomer, perOrder, shareOfRevenue}) {
            if (!(v >= 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException("costs must be finite and not negative: perCustomer " + perCustomer
                        + ", perOrder " + perOrder + ", shareOfRevenue " + shareOfRevenue);
            }
        }
        return (customers, row) -> perCustomer + perOrder * customers.orders(row)
                + shareOfRevenue * Math.max(0, customers.revenue(row));
    }
}
