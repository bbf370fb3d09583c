package io.crmkit.segmentation;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.port.CustomerRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The per-customer input of every segmentation analysis: for each customer with at least one
 * purchase, in ascending customer-identifier order, the recency in days, the number of purchases
 * (frequency), the number of counted orders, the exact revenue in minor currency units and, when
 * the orders carried the cost of their goods, the margin (revenue less that cost); plus the
 * customers without any purchase (prospects), kept apart and never scored.
 *
 * <p>The row order matters: wherever a method breaks ties "by customer identifier", it means this
 * order. Build it from {@link PurchaseSummaries} ({@link #from(PurchaseSummaries)}), optionally
 * with the prospects of a {@link CustomerRepository}, or from the host's own columns
 * ({@link #of}), which may carry negative revenue (refunds exceeding purchases).
 *
 * <p>Memory: about 30 bytes per customer beyond the identifiers. Immutable and thread-safe; the
 * column accessors return copies.
 */
public final class CustomerColumns {

    private final CustomerId[] ids;
    private final double[] recencyDays;
    private final int[] frequency;
    private final int[] orders;
    private final long[] revenueMinor;
    /** Revenue less the cost of the goods, in minor units; null when the costs are unknown. */
    private final long[] marginMinor;
    private final Optional<Currency> currency;
    private final double minorPerMajor;
    private final List<CustomerId> prospects;
    private final String definitions;

    private CustomerColumns(CustomerId[] ids, double[] recencyDays, int[] frequency, int[] orders, long[] revenueMinor,
            long[] marginMinor, Optional<Currency> currency, List<CustomerId> prospects, String definitions) {
        this.ids = ids;
        this.recencyDays = recencyDays;
        this.frequency = frequency;
        this.orders = orders;
        this.revenueMinor = revenueMinor;
        this.marginMinor = marginMinor;
        this.currency = currency;
        this.minorPerMajor = Math.pow(10, currency.map(c -> Math.max(0, c.getDefaultFractionDigits())).orElse(0));
        this.prospects = prospects;
        this.definitions = definitions;
    }

    /**
     * Reads the customers of purchase summaries: recency and frequency as
     * {@link io.crmkit.core.history.RfmView} has them, the counted orders, the exact revenue of
     * each customer and, when the summaries have it ({@link PurchaseSummaries#hasMargin()}), the
     * margin. No prospects.
     *
     * @param summaries the summaries, not null
     * @return the columns, never null
     */
    public static CustomerColumns from(PurchaseSummaries summaries) {
        Checks.notNull(summaries, "summaries");
        int n = summaries.size();
        CustomerId[] ids = new CustomerId[n];
        double[] recency = new double[n];
        int[] frequency = new int[n];
        int[] orders = new int[n];
        long[] revenue = new long[n];
        long[] margin = summaries.hasMargin() ? new long[n] : null;
        for (int i = 0; i < n; i++) {
            ids[i] = summaries.customerId(i);
            recency[i] = summaries.recencyDays(i);
            frequency[i] = summaries.purchaseCount(i);
            orders[i] = summaries.orderCount(i);
            revenue[i] = summaries.revenueMinorUnits(i);
            if (margin != null) {
                margin[i] = summaries.margin(i).orElseThrow().toMinorUnits();
            }
        }
        return new CustomerColumns(ids, recency, frequency, orders, revenue, margin, summaries.currency(), List.of(),
                summaries.options().describe() + (margin == null ? "" : "; margin = revenue less the cost of the"
                        + " goods, on the same basis"));
    }

    /**
     * Reads the customers of purchase summaries and takes as prospects every customer of the
     * repository that has no counted purchase in them. Streams the whole repository once.
     *
     * @param summaries the summaries, not null
     * @param customers the repository of every customer, not null
     * @return the columns with their prospects, never null
     */
    public static CustomerColumns from(PurchaseSummaries summaries, CustomerRepository customers) {
        Checks.notNull(customers, "customers");
        CustomerColumns columns = from(summaries);
        List<CustomerId> prospects = new ArrayList<>();
        try (Stream<Customer> all = customers.streamAll()) {
            all.forEach(c -> {
                if (summaries.indexOf(c.id()).isEmpty()) {
                    prospects.add(c.id());
                }
            });
        }
        return columns.withProspects(prospects);
    }

    /**
     * Builds columns from the host's own per-customer aggregates. The arrays are copied.
     *
     * @param currency the currency of the revenue, not null
     * @param ids the customers, strictly ascending (no duplicates), not null
     * @param recencyDays days since each customer's last purchase, finite and not negative
     * @param frequency each customer's number of purchases, at least 1
     * @param orders each customer's number of counted orders, at least 1
     * @param revenueMinor each customer's revenue in minor units of {@code currency}, any sign
     * @param definitions how the values were obtained, printed with every result, not null
     * @return the columns, never null
     * @throws IllegalArgumentException if the arrays differ in length or a value breaks a rule,
     *     naming the row and the value
     */
    public static CustomerColumns of(Currency currency, List<CustomerId> ids, double[] recencyDays, int[] frequency,
            int[] orders, long[] revenueMinor, String definitions) {
        Checks.notNull(currency, "currency");
        Checks.notNull(ids, "ids");
        Checks.notNull(recencyDays, "recencyDays");
        Checks.notNull(frequency, "frequency");
        Checks.notNull(orders, "orders");
        Checks.notNull(revenueMinor, "revenueMinor");
        Checks.notNull(definitions, "definitions");
        int n = ids.size();
        if (recencyDays.length != n || frequency.length != n || orders.length != n || revenueMinor.length != n) {
            throw new IllegalArgumentException("columns must have one value per customer (" + n + "): recencyDays "
                    + recencyDays.length + ", frequency " + frequency.length + ", orders " + orders.length
                    + ", revenueMinor " + revenueMinor.length);
        }
        CustomerId[] idArray = ids.toArray(new CustomerId[0]);
        for (int i = 0; i < n; i++) {
            Checks.notNull(idArray[i], "ids[" + i + "]");
            if (i > 0 && idArray[i - 1].compareTo(idArray[i]) >= 0) {
                throw new IllegalArgumentException("ids must be strictly ascending: row " + i + " (" + idArray[i]
                        + ") does not follow row " + (i - 1) + " (" + idArray[i - 1] + ")");
            }
            if (!Double.isFinite(recencyDays[i]) || recencyDays[i] < 0) {
                throw new IllegalArgumentException("recencyDays[" + i + "] must be finite and not negative: "
                        + recencyDays[i]);
            }
            if (frequency[i] < 1) {
                throw new IllegalArgumentException("frequency[" + i + "] must be at least 1: " + frequency[i]
                        + " (customers without purchases are prospects)");
            }
            if (orders[i] < 1) {
                throw new IllegalArgumentException("orders[" + i + "] must be at least 1: " + orders[i]);
            }
        }
        return new CustomerColumns(idArray, recencyDays.clone(), frequency.clone(), orders.clone(),
                revenueMinor.clone(), null, Optional.of(currency), List.of(), definitions);
    }

    /**
     * Returns these columns with each customer's margin (revenue less the cost of the goods) from
     * the host's own aggregates. The array is copied.
     *
     * @param marginMinor each customer's margin in minor units of the currency, any sign, one per row
     * @param definition how the margin was obtained, added to the definitions, not null
     * @return new columns, never null
     * @throws IllegalArgumentException if the array's length is not the number of rows
     */
    public CustomerColumns withMargin(long[] marginMinor, String definition) {
        Checks.notNull(marginMinor, "marginMinor");
        Checks.notNull(definition, "definition");
        if (marginMinor.length != ids.length) {
            throw new IllegalArgumentException("marginMinor must have one value per customer (" + ids.length + "): "
                    + marginMinor.length);
        }
        return new CustomerColumns(ids, recencyDays, frequency, orders, revenueMinor, marginMinor.clone(), currency,
                prospects, definitions + "; margin: " + definition);
    }

    /**
     * Returns these columns with the given prospects (customers without purchases) kept apart.
     *
     * @param customers the prospects, none of them a row of these columns, not null
     * @return new columns, never null
     * @throws IllegalArgumentException if a prospect has purchases here or is listed twice
     */
    public CustomerColumns withProspects(Collection<CustomerId> customers) {
        Checks.notNull(customers, "customers");
        CustomerId[] sorted = customers.toArray(new CustomerId[0]);
        for (int i = 0; i < sorted.length; i++) {
            Checks.notNull(sorted[i], "prospects[" + i + "]");
        }
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (i > 0 && sorted[i].equals(sorted[i - 1])) {
                throw new IllegalArgumentException("prospect " + sorted[i] + " is listed twice");
            }
            if (indexOf(sorted[i]).isPresent()) {
                throw new IllegalArgumentException("customer " + sorted[i]
                        + " has purchases and cannot be a prospect");
            }
        }
        return new CustomerColumns(ids, recencyDays, frequency, orders, revenueMinor, marginMinor, currency,
                List.of(sorted), definitions);
    }

    /**
     * Returns the number of customers with purchases (rows).
     *
     * @return the count
     */
    public int size() {
        return ids.length;
    }

    /**
     * Returns a customer's identifier.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the identifier, never null
     */
    public CustomerId customerId(int i) {
        Objects.checkIndex(i, ids.length);
        return ids[i];
    }

    /**
     * Finds a customer's row.
     *
     * @param id the customer, not null
     * @return the row, or empty if the customer has no purchase here, never null
     */
    public OptionalInt indexOf(CustomerId id) {
        Checks.notNull(id, "id");
        int k = Arrays.binarySearch(ids, id);
        return k >= 0 ? OptionalInt.of(k) : OptionalInt.empty();
    }

    /**
     * Returns a customer's recency: days from the last purchase to the as-of point.
     *
     * @param i the row
     * @return the days, not negative
     */
    public double recencyDays(int i) {
        return recencyDays[i];
    }

    /**
     * Returns a customer's number of purchases.
     *
     * @param i the row
     * @return the frequency, at least 1
     */
    public int frequency(int i) {
        return frequency[i];
    }

    /**
     * Returns a customer's number of counted orders.
     *
     * @param i the row
     * @return the count, at least 1
     */
    public int orders(int i) {
        return orders[i];
    }

    /**
     * Returns a customer's revenue in minor currency units, exactly.
     *
     * @param i the row
     * @return the revenue, any sign
     */
    public long revenueMinor(int i) {
        return revenueMinor[i];
    }

    /**
     * Returns whether the columns carry each customer's margin: from summaries of orders with costs,
     * or {@link #withMargin}.
     *
     * @return true when {@link #marginMinor(int)} has values
     */
    public boolean hasMargin() {
        return marginMinor != null;
    }

    /**
     * Returns a customer's margin (revenue less the cost of the goods) in minor units.
     *
     * @param i the row
     * @return the margin, any sign
     * @throws IllegalStateException if the columns carry no margin ({@link #hasMargin()})
     */
    public long marginMinor(int i) {
        return margins()[i];
    }

    /**
     * Returns every customer's margin in minor units, in row order.
     *
     * @return a copy of the column, never null
     * @throws IllegalStateException if the columns carry no margin ({@link #hasMargin()})
     */
    public long[] marginMinorColumn() {
        return margins().clone();
    }

    private long[] margins() {
        if (marginMinor == null) {
            throw new IllegalStateException("these customer columns carry no margin: their orders had no cost of"
                    + " goods (give the orders a cost, or use withMargin)");
        }
        return marginMinor;
    }

    /**
     * Returns a customer's revenue in major currency units (one correctly rounded division).
     *
     * @param i the row
     * @return the revenue
     */
    public double revenue(int i) {
        return revenueMinor[i] / minorPerMajor;
    }

    /**
     * Returns a customer's mean revenue per purchase, in major currency units.
     *
     * @param i the row
     * @return the mean
     */
    public double revenuePerPurchase(int i) {
        return revenueMinor[i] / (minorPerMajor * frequency[i]);
    }

    /**
     * Returns an amount of minor units as money in these columns' currency.
     *
     * @param minorUnits the amount in minor units
     * @return the money, never null
     * @throws IllegalStateException if there is no currency (no purchases at all)
     */
    public Money money(long minorUnits) {
        return Money.ofMinor(minorUnits, currency.orElseThrow(
                () -> new IllegalStateException("no currency: the summaries hold no purchase")));
    }

    /**
     * Returns the number of minor units in one major unit of the currency (100 for USD, 1 when
     * there is no currency).
     *
     * @return the factor, at least 1
     */
    public double minorPerMajor() {
        return minorPerMajor;
    }

    /**
     * Returns the currency of the revenue, empty only when built from summaries without any
     * purchase.
     *
     * @return the currency, never null
     */
    public Optional<Currency> currency() {
        return currency;
    }

    /**
     * Returns the customers without purchases, in identifier order.
     *
     * @return the prospects, immutable, never null
     */
    public List<CustomerId> prospects() {
        return prospects;
    }

    /**
     * Returns the definitions that produced the values (as-of, zone, purchase unit, revenue
     * basis...), to be printed with every result.
     *
     * @return the text, never null
     */
    public String definitions() {
        return definitions;
    }

    /**
     * Returns a copy of the recency column.
     *
     * @return days since the last purchase per row, never null
     */
    public double[] recencyDaysColumn() {
        return recencyDays.clone();
    }

    /**
     * Returns a copy of the frequency column.
     *
     * @return purchases per row, never null
     */
    public int[] frequencyColumn() {
        return frequency.clone();
    }

    /**
     * Returns a copy of the revenue column in minor units.
     *
     * @return revenue per row, never null
     */
    public long[] revenueMinorColumn() {
        return revenueMinor.clone();
    }

    /**
     * Returns the total revenue of all rows in minor units, exactly.
     *
     * @return the sum
     * @throws ArithmeticException if the sum overflows a {@code long}
     */
    public long totalRevenueMinor() {
        long sum = 0;
        for (long v : revenueMinor) {
            sum = Math.addExact(sum, v);
        }
        return sum;
    }

    /**
     * Returns a short description: rows, prospects, currency and definitions (no identifiers).
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "CustomerColumns[customers=" + ids.length + ", prospects=" + prospects.size() + ", currency="
                + currency.map(Currency::getCurrencyCode).orElse("-") + ", " + definitions + "]";
    }
}
