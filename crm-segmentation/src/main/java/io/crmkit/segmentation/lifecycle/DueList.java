package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.customer.ContactMedium;
import io.crmkit.core.customer.ContactPurpose;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.port.CustomerRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The customers to remind in a window of days: those whose expected next purchase day falls in
 * the window (both ends included), ordered by expected day, then customer identifier, keeping only
 * customers whose consent permits contact through the medium for the purpose at the given instant
 * (least-permissively, see {@link io.crmkit.core.customer.Consent#permits}). Customers the
 * repository does not know are left out too; both exclusions are counted.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the window's first day, not null
 * @param to the window's last day, not null
 * @param medium the contact medium, not null
 * @param purpose the contact purpose, not null
 * @param consentAt the instant at which consent is checked, not null
 * @param due the customers to remind, never null
 * @param withoutConsent customers due but not permitted, not negative
 * @param unknown customers due but not in the repository, not negative
 */
public record DueList(LocalDate from, LocalDate to, ContactMedium medium, ContactPurpose purpose, Instant consentAt,
        List<PurchaseForecast> due, int withoutConsent, int unknown) {

    /**
     * Validates the list.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a count is negative or the window reversed
     */
    public DueList {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        Checks.notNull(medium, "medium");
        Checks.notNull(purpose, "purpose");
        Checks.notNull(consentAt, "consentAt");
        due = List.copyOf(Checks.notNull(due, "due"));
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " must not be before from " + from);
        }
        if (withoutConsent < 0 || unknown < 0) {
            throw new IllegalArgumentException("counts must not be negative: withoutConsent " + withoutConsent
                    + ", unknown " + unknown);
        }
    }

    /**
     * Builds the due list of a forecast.
     *
     * @param forecast the forecasts, not null
     * @param from the window's first day, not null
     * @param to the window's last day, not before {@code from}, not null
     * @param customers the customers with their consent, not null
     * @param medium the contact medium, not null
     * @param purpose the contact purpose, not null
     * @param consentAt the instant at which consent is checked, not null
     * @return the list, never null
     */
    public static DueList of(NextPurchaseReport forecast, LocalDate from, LocalDate to, CustomerRepository customers,
            ContactMedium medium, ContactPurpose purpose, Instant consentAt) {
        Checks.notNull(forecast, "forecast");
        Checks.notNull(customers, "customers");
        Checks.notNull(medium, "medium");
        Checks.notNull(purpose, "purpose");
        Checks.notNull(consentAt, "consentAt");
        List<PurchaseForecast> due = new ArrayList<>();
        int denied = 0;
        int missing = 0;
        for (PurchaseForecast f : forecast.expectedBetween(from, to)) {
            Optional<Customer> customer = customers.findById(f.customerId());
            if (customer.isEmpty()) {
                missing++;
            } else if (!customer.get().consent().permits(medium, purpose, consentAt)) {
                denied++;
            } else {
                due.add(f);
            }
        }
        return new DueList(from, to, medium, purpose, consentAt, due, denied, missing);
    }

    /**
     * Returns a one-line description of the list's rules, printed with every result.
     *
     * @return the description, never null
     */
    public String describe() {
        return "due " + from + " to " + to + " (expected day, both included); consent for " + medium.name().toLowerCase(java.util.Locale.ROOT)
                + " " + purpose.name().toLowerCase(java.util.Locale.ROOT) + " at " + consentAt + "; " + withoutConsent
                + " left out without consent, " + unknown + " unknown";
    }
}
