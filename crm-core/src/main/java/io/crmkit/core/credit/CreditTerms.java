package io.crmkit.core.credit;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import java.util.Optional;

/**
 * The credit a host grants a customer: a limit on the outstanding balance, the payment terms in
 * days (an invoice issued on day d is due on d + terms unless it says otherwise), and the rating
 * class last assigned (a label such as {@code "AA"}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId the customer, not null
 * @param limit the credit limit, not negative, not null
 * @param termsDays the payment terms in days, 0 to 3650
 * @param ratingClass the rating class assigned, or empty, not null
 */
public record CreditTerms(CustomerId customerId, Money limit, int termsDays, Optional<String> ratingClass) {

    /**
     * Validates the terms.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the limit is negative, the terms are out of range or the
     *     rating class is not a valid short text
     */
    public CreditTerms {
        Checks.notNull(customerId, "customerId");
        Checks.notNull(limit, "limit");
        Checks.optional(ratingClass, "ratingClass");
        ratingClass.ifPresent(r -> Checks.text(r, "ratingClass"));
        if (limit.isNegative()) {
            throw new IllegalArgumentException("limit must not be negative: " + limit + " (customer " + customerId
                    + ")");
        }
        if (termsDays < 0 || termsDays > 3650) {
            throw new IllegalArgumentException("termsDays must be 0 to 3650: " + termsDays);
        }
    }

    /**
     * Returns terms without a rating class.
     *
     * @param customerId the customer, not null
     * @param limit the credit limit, not negative, not null
     * @param termsDays the payment terms in days, 0 to 3650
     * @return the terms, never null
     */
    public static CreditTerms of(CustomerId customerId, Money limit, int termsDays) {
        return new CreditTerms(customerId, limit, termsDays, Optional.empty());
    }
}
