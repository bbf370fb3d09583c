package io.crmkit.segmentation.value;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import io.crmkit.segmentation.CustomerColumns;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The low-return customers to let go (MISSION point 5, "放弃回报低的客户"): those whose margin,
 * revenue minus the caller's {@link CostToServe}, is zero or negative. Listed from the lowest
 * margin up (ties by customer identifier), with what letting them go would recover.
 *
 * <p>Immutable and thread-safe.
 */
public final class LowReturnCustomers {

    private final CustomerColumns customers;
    private final int[] rows;
    private final double[] margin;
    private final double totalMargin;

    private LowReturnCustomers(CustomerColumns customers, int[] rows, double[] margin, double totalMargin) {
        this.customers = customers;
        this.rows = rows;
        this.margin = margin;
        this.totalMargin = totalMargin;
    }

    /**
     * Finds the customers whose margin after the cost to serve is zero or negative.
     *
     * @param customers the customers, not null
     * @param cost the cost to serve, not null
     * @return the low-return customers, never null
     * @throws IllegalArgumentException if the cost of a customer is not finite (naming the row)
     */
    public static LowReturnCustomers compute(CustomerColumns customers, CostToServe cost) {
        Checks.notNull(customers, "customers");
        Checks.notNull(cost, "cost");
        int n = customers.size();
        double[] all = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double c = cost.cost(customers, i);
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("cost to serve of row " + i + " must be finite: " + c);
            }
            all[i] = customers.revenue(i) - c;
            total += all[i];
        }
        int[] low = IntStream.range(0, n).filter(i -> all[i] <= 0).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> all[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        double[] margin = new double[low.length];
        for (int k = 0; k < low.length; k++) {
            margin[k] = all[low[k]];
        }
        return new LowReturnCustomers(customers, low, margin, total);
    }

    /**
     * Returns how many customers have a margin of zero or less.
     *
     * @return the count
     */
    public int size() {
        return rows.length;
    }

    /**
     * Returns the {@code k}-th low-return customer's row in the columns.
     *
     * @param k 0 to {@code size() - 1}, from the lowest margin up
     * @return the row
     */
    public int row(int k) {
        Objects.checkIndex(k, rows.length);
        return rows[k];
    }

    /**
     * Returns the {@code k}-th low-return customer.
     *
     * @param k 0 to {@code size() - 1}
     * @return the identifier, never null
     */
    public CustomerId customerId(int k) {
        return customers.customerId(row(k));
    }

    /**
     * Returns the {@code k}-th low-return customer's margin.
     *
     * @param k 0 to {@code size() - 1}
     * @return the margin in major currency units, at most 0
     */
    public double margin(int k) {
        Objects.checkIndex(k, rows.length);
        return margin[k];
    }

    /**
     * Returns the revenue the low-return customers bring.
     *
     * @return the revenue in major currency units
     */
    public double revenue() {
        double sum = 0;
        for (int row : rows) {
            sum += customers.revenue(row);
        }
        return sum;
    }

    /**
     * Returns what letting them go would recover: minus the sum of their margins.
     *
     * @return the amount in major currency units, not negative
     */
    public double recoverableMargin() {
        return -Arrays.stream(margin).sum() + 0.0;
    }

    /**
     * Returns the margin of all customers, low-return or not.
     *
     * @return the total margin in major currency units
     */
    public double totalMargin() {
        return totalMargin;
    }

    /**
     * Returns the counts and amounts (no identifiers).
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "LowReturnCustomers[%d of %d customers, revenue %.2f, recoverable margin %.2f, total margin %.2f]",
                rows.length, customers.size(), revenue(), recoverableMargin(), totalMargin);
    }
}
