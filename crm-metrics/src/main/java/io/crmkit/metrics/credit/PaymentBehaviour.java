package io.crmkit.metrics.credit;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One customer's payment behaviour as of a day, the inputs of the rating scorecard (ADR 0051).
 * Over the customer's issued invoices <em>judged</em> on the day (settled or written off by then,
 * or due before it; an open invoice due on the day or later is not judged yet):
 * <ul>
 *   <li>{@code onTimeShare}: the share settled (paid or credited in full) on or before the due
 *       date; 1 when none is judged yet (no evidence against the customer);</li>
 *   <li>{@code meanDaysLate} and {@code longestDaysLate}: days from due date to settlement, write-off
 *       or the as-of day for invoices still open, never negative; 0 when none is judged;</li>
 *   <li>{@code utilisation}: outstanding amount over the credit limit, capped at 2; 0 without
 *       terms; 2 for anything outstanding under a zero limit;</li>
 *   <li>{@code tenureYears}: years (of 365.2425 days, {@link PeriodUnit#YEARS}, ADR 0003) from the
 *       first invoice to the day.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; never NaN.
 *
 * @param customerId the customer, not null
 * @param invoicesDue the number of invoices judged on the day
 * @param onTimeShare the share paid on time, in [0, 1]
 * @param meanDaysLate the mean days late, not negative
 * @param longestDaysLate the longest days late, not negative
 * @param utilisation the utilisation of the credit limit, in [0, 2]
 * @param tenureYears the tenure in years, not negative
 */
public record PaymentBehaviour(CustomerId customerId, int invoicesDue, double onTimeShare, double meanDaysLate,
        int longestDaysLate, double utilisation, double tenureYears) {

    /** The cap on utilisation. */
    public static final double MAX_UTILISATION = 2.0;

    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException if a value is out of its range or not finite
     */
    public PaymentBehaviour {
        Checks.notNull(customerId, "customerId");
        if (invoicesDue < 0 || longestDaysLate < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + invoicesDue + ", " + longestDaysLate);
        }
        Checks.finite(onTimeShare, "onTimeShare");
        Checks.finite(meanDaysLate, "meanDaysLate");
        Checks.finite(utilisation, "utilisation");
        Checks.finite(tenureYears, "tenureYears");
        if (onTimeShare < 0 || onTimeShare > 1 || meanDaysLate < 0 || utilisation < 0
                || utilisation > MAX_UTILISATION || tenureYears < 0) {
            throw new IllegalArgumentException("payment behaviour out of range for " + customerId + ": on time "
                    + onTimeShare + ", mean days late " + meanDaysLate + ", utilisation " + utilisation
                    + ", tenure " + tenureYears);
        }
    }

    /**
     * Returns the behaviour of every customer with an invoice issued on or before the allocation's
     * day, by customer identifier.
     *
     * @param allocation the allocation, not null
     * @param terms the credit terms by customer (customers without terms have utilisation 0), not null
     * @return the behaviours, never null
     * @throws CurrencyMismatchException if a ledger customer's credit limit is in another currency
     *     than the ledger
     */
    public static List<PaymentBehaviour> of(Allocation allocation, Map<CustomerId, CreditTerms> terms) {
        Checks.notNull(allocation, "allocation");
        Checks.notNull(terms, "terms");
        Ledger l = allocation.ledger();
        int asOf = allocation.asOfDay();
        List<PaymentBehaviour> out = new ArrayList<>();
        for (int c = 0; c < l.customerCount(); c++) {
            int first = Integer.MAX_VALUE;
            int due = 0;
            int onTime = 0;
            long lateSum = 0;
            int longest = 0;
            long outstanding = 0;
            for (int i = l.invStart[c]; i < l.invStart[c + 1]; i++) {
                if (!allocation.counted(i)) {
                    continue;
                }
                first = Math.min(first, l.invIssued[i]);
                outstanding = Ledger.add(outstanding, allocation.open[i], "the outstanding amount of customer "
                        + l.customers[c]);
                int late = allocation.daysLate(i);
                if (late < 0) {
                    continue;
                }
                due++;
                int s = allocation.settled[i];
                if (s != Integer.MIN_VALUE && s <= l.invDue[i]) {
                    onTime++;
                }
                lateSum += late;
                longest = Math.max(longest, late);
            }
            if (first == Integer.MAX_VALUE) {
                continue;
            }
            CustomerId id = l.customers[c];
            CreditTerms t = terms.get(id);
            double utilisation = 0;
            if (t != null && !t.limit().currency().equals(l.currency)) {
                throw new CurrencyMismatchException(l.currency, t.limit().currency(), "credit limit of customer "
                        + id + " (the ledger has one currency; crmkit never converts)");
            }
            if (t != null && outstanding > 0) {
                long limit = t.limit().toMinorUnits();
                utilisation = limit == 0 ? MAX_UTILISATION : Math.min(MAX_UTILISATION, (double) outstanding / limit);
            }
            out.add(new PaymentBehaviour(id, due, due == 0 ? 1.0 : (double) onTime / due,
                    due == 0 ? 0.0 : (double) lateSum / due, longest, utilisation, PeriodUnit.YEARS.fromDays(asOf - first)));
        }
        return out;
    }

    /**
     * Returns the scorecard's inputs: late share (1 - on-time share), mean days late / 30 (capped
     * at 4), longest days late / 90 (capped at 4), utilisation, tenure in years (capped at 10).
     */
    double[] features() {
        return new double[] {1 - onTimeShare, Math.min(meanDaysLate / 30.0, 4.0), Math.min(longestDaysLate / 90.0, 4.0),
            utilisation, Math.min(tenureYears, 10.0)};
    }
}
