package io.crmkit.segmentation.value;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import io.crmkit.segmentation.CustomerColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Every customer's tier (an ABC class or a usage tier), with the definition that produced it and
 * a summary per tier. Rows as in the {@link CustomerColumns}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the tier type
 */
public final class TierAssignment<T extends Enum<T>> {

    private final CustomerColumns customers;
    private final T[] tiers;
    private final byte[] tierOf;
    private final String definition;

    TierAssignment(CustomerColumns customers, T[] tiers, byte[] tierOf, String definition) {
        this.customers = customers;
        this.tiers = tiers;
        this.tierOf = tierOf;
        this.definition = definition;
    }

    /**
     * Returns the number of customers.
     *
     * @return the count
     */
    public int size() {
        return tierOf.length;
    }

    /**
     * Returns a customer's identifier.
     *
     * @param i the row
     * @return the identifier, never null
     */
    public CustomerId customerId(int i) {
        return customers.customerId(i);
    }

    /**
     * Returns a customer's tier.
     *
     * @param i the row, {@code 0 <= i < size()}
     * @return the tier, never null
     */
    public T tier(int i) {
        return tiers[tierOf[i]];
    }

    /**
     * Returns how many customers are in a tier.
     *
     * @param tier the tier, not null
     * @return the count
     */
    public long customers(T tier) {
        Checks.notNull(tier, "tier");
        long count = 0;
        for (byte t : tierOf) {
            count += t == tier.ordinal() ? 1 : 0;
        }
        return count;
    }

    /**
     * Returns the definition: measure, bounds and tie rule.
     *
     * @return the text, never null
     */
    public String definition() {
        return definition;
    }

    /**
     * Returns one row per tier, in tier order: customers, revenue and their shares.
     *
     * @return the rows, immutable, never null
     */
    public List<TierSummary> summary() {
        long[] count = new long[tiers.length];
        long[] revenue = new long[tiers.length];
        for (int i = 0; i < tierOf.length; i++) {
            count[tierOf[i]]++;
            revenue[tierOf[i]] = Math.addExact(revenue[tierOf[i]], customers.revenueMinor(i));
        }
        long total = customers.totalRevenueMinor();
        int n = tierOf.length;
        List<TierSummary> rows = new ArrayList<>();
        for (int t = 0; t < tiers.length; t++) {
            rows.add(new TierSummary(tiers[t].name(), count[t], n == 0 ? 0 : count[t] / (double) n,
                    revenue[t] / customers.minorPerMajor(),
                    total == 0 ? OptionalDouble.empty() : OptionalDouble.of(revenue[t] / (double) total)));
        }
        return List.copyOf(rows);
    }

    /**
     * Returns the definition and the counts per tier.
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TierAssignment[").append(definition);
        for (TierSummary s : summary()) {
            sb.append(", ").append(s.tier()).append('=').append(s.customers());
        }
        return sb.append(']').toString();
    }
}
