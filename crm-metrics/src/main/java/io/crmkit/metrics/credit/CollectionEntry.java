package io.crmkit.metrics.credit;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.time.LocalDate;

/**
 * One planned collection contact: whom to remind, on which day (the customer's usual paying day),
 * and for what.
 *
 * <p>Immutable and thread-safe; no personal data beyond the identifier.
 *
 * @param customerId the customer, not null
 * @param contactOn the day to remind, not null
 * @param amountDue the open amount due on or before {@code contactOn}, positive, not null
 * @param overdue the part of it already past due on the as-of day, not null
 * @param oldestDaysPastDue the days past due of its oldest open invoice on the as-of day (0 if none is past due)
 * @param payday the paying-day rule the contact day follows, not null
 */
public record CollectionEntry(CustomerId customerId, LocalDate contactOn, Money amountDue, Money overdue,
        int oldestDaysPastDue, PaydayRule payday) {

    /**
     * Validates the entry.
     *
     * @throws NullPointerException if a component is null
     */
    public CollectionEntry {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(contactOn, "contactOn");
        Checks.notNull(amountDue, "amountDue");
        Checks.notNull(overdue, "overdue");
        Checks.notNull(payday, "payday");
    }
}
