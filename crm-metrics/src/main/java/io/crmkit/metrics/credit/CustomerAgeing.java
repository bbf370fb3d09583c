package io.crmkit.metrics.credit;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.util.List;

/**
 * One customer's receivables as of a day: the open amount of its invoices in each ageing bucket,
 * their sum (the outstanding amount) and the unapplied credit held for the customer.
 *
 * <p>Immutable and thread-safe; {@link #toString()} holds the identifier and amounts only.
 *
 * @param customerId the customer, not null
 * @param buckets the open amount per bucket of the {@link AgeingBuckets} used, not null
 * @param outstanding the sum of the buckets, not null
 * @param unappliedCredit payments and credit notes not applied to any invoice, not null
 */
public record CustomerAgeing(CustomerId customerId, List<Money> buckets, Money outstanding, Money unappliedCredit) {

    /**
     * Validates the row.
     *
     * @throws NullPointerException if a component is null
     */
    public CustomerAgeing {
        Checks.notNull(customerId, "customerId");
        buckets = List.copyOf(buckets);
        Checks.notNull(outstanding, "outstanding");
        Checks.notNull(unappliedCredit, "unappliedCredit");
    }

    /**
     * Returns the open amount past due (every bucket but the first).
     *
     * @return the overdue amount, never null
     */
    public Money overdue() {
        return outstanding.minus(buckets.get(0));
    }
}
