package io.crmkit.metrics.credit;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The collection lists of an {@link Allocation}: the overdue invoices ranked by amount and age, the
 * payday collection calendar, and the customers over their credit limit.
 *
 * <p>Stateless and thread-safe.
 */
public final class CollectionCalendar {

    private CollectionCalendar() {
    }

    /**
     * Options of the calendar.
     *
     * @param minPayments the fewest past payments to learn a paying day from, at least 1 (default 3)
     * @param minShare the least share of those payments on the day, in (0, 1] (default 0.5)
     * @param leadDays remind this many days before the paying day, never before the as-of day, 0 to 31 (default 0)
     */
    public record Options(int minPayments, double minShare, int leadDays) {

        /** Three payments, half of them on the day, reminded on the paying day itself. */
        public static final Options DEFAULT = new Options(3, 0.5, 0);

        /**
         * Validates the options.
         *
         * @throws IllegalArgumentException if a value is out of range
         */
        public Options {
            if (minPayments < 1) {
                throw new IllegalArgumentException("minPayments must be at least 1: " + minPayments);
            }
            if (!(minShare > 0 && minShare <= 1)) {
                throw new IllegalArgumentException("minShare must be in (0, 1]: " + minShare);
            }
            if (leadDays < 0 || leadDays > 31) {
                throw new IllegalArgumentException("leadDays must be 0 to 31: " + leadDays);
            }
        }

        /**
         * Describes the options.
         *
         * @return the text, never null
         */
        public String describe() {
            return "paying day learned from at least " + minPayments + " payments with a share of at least " + minShare
                    + "; reminder " + leadDays + " days before it, not before the as-of day";
        }
    }

    /**
     * An open invoice past due on the as-of day.
     *
     * @param invoiceId the invoice, not null
     * @param customerId the customer, not null
     * @param due the due date, not null
     * @param daysPastDue as-of day minus due date, positive
     * @param open the open amount, positive, not null
     */
    public record OverdueInvoice(InvoiceId invoiceId, CustomerId customerId, LocalDate due, int daysPastDue,
            Money open) {
    }

    /**
     * A customer whose outstanding amount exceeds its credit limit.
     *
     * @param customerId the customer, not null
     * @param outstanding the outstanding amount, not null
     * @param limit the limit, not null
     * @param excess outstanding minus limit, positive, not null
     */
    public record OverLimit(CustomerId customerId, Money outstanding, Money limit, Money excess) {
    }

    /**
     * Returns the open invoices past due on the as-of day, largest open amount first, then the
     * oldest, then by invoice identifier.
     *
     * @param allocation the allocation, not null
     * @return the invoices, never null
     */
    public static List<OverdueInvoice> overdue(Allocation allocation) {
        Checks.notNull(allocation, "allocation");
        Ledger l = allocation.ledger();
        int asOf = allocation.asOfDay();
        List<OverdueInvoice> out = new ArrayList<>();
        for (int c = 0; c < l.customerCount(); c++) {
            for (int i = l.invStart[c]; i < l.invStart[c + 1]; i++) {
                if (allocation.counted(i) && allocation.open[i] > 0 && l.invDue[i] < asOf) {
                    out.add(new OverdueInvoice(InvoiceId.of(l.invId[i]), l.customers[c],
                            LocalDate.ofEpochDay(l.invDue[i]), asOf - l.invDue[i], l.money(allocation.open[i])));
                }
            }
        }
        out.sort(Comparator.comparing(OverdueInvoice::open).reversed()
                .thenComparing(Comparator.comparingInt(OverdueInvoice::daysPastDue).reversed())
                .thenComparing(OverdueInvoice::invoiceId));
        return out;
    }

    /**
     * Returns the customers over their credit limit, largest excess first, then by identifier.
     *
     * @param allocation the allocation, not null
     * @param terms the credit terms by customer, not null
     * @return the customers, never null
     */
    public static List<OverLimit> overLimit(Allocation allocation, Map<CustomerId, CreditTerms> terms) {
        Checks.notNull(terms, "terms");
        List<OverLimit> out = new ArrayList<>();
        for (CustomerAgeing row : allocation.ageing(AgeingBuckets.DEFAULT)) {
            CreditTerms t = terms.get(row.customerId());
            if (t != null && row.outstanding().compareTo(t.limit()) > 0) {
                out.add(new OverLimit(row.customerId(), row.outstanding(), t.limit(),
                        row.outstanding().minus(t.limit())));
            }
        }
        out.sort(Comparator.comparing(OverLimit::excess).reversed().thenComparing(OverLimit::customerId));
        return out;
    }

    /**
     * Plans a reminder for every customer with an amount due by its next paying day: the contact
     * day is the customer's next {@linkplain PaydayRule paying day} on or after the as-of day, less
     * the lead days (not before the as-of day); without a rule, the as-of day. Ordered by contact
     * day, then largest amount due, then customer identifier.
     *
     * @param allocation the allocation, not null
     * @param options the options, not null
     * @return the calendar, never null
     */
    public static List<CollectionEntry> plan(Allocation allocation, Options options) {
        Checks.notNull(allocation, "allocation");
        Checks.notNull(options, "options");
        Ledger l = allocation.ledger();
        int asOf = allocation.asOfDay();
        LocalDate asOfDay = LocalDate.ofEpochDay(asOf);
        List<CollectionEntry> out = new ArrayList<>();
        for (int c = 0; c < l.customerCount(); c++) {
            List<LocalDate> paid = new ArrayList<>();
            for (int k = l.crStart[c]; k < l.crStart[c + 1] && l.crDay[k] <= asOf; k++) {
                if (l.crKind[k] == Ledger.PAYMENT) {
                    paid.add(LocalDate.ofEpochDay(l.crDay[k]));
                }
            }
            PaydayRule rule = PaydayRule.learn(paid, options.minPayments(), options.minShare());
            LocalDate payday = rule.nextOnOrAfter(asOfDay);
            LocalDate contact = payday.minusDays(options.leadDays());
            if (contact.isBefore(asOfDay)) {
                contact = asOfDay;
            }
            long dueBy = 0;
            long overdue = 0;
            int oldest = 0;
            int last = Math.toIntExact(payday.toEpochDay());
            for (int i = l.invStart[c]; i < l.invStart[c + 1]; i++) {
                long o = allocation.open[i];
                if (o == 0 || !allocation.counted(i) || l.invDue[i] > last) {
                    continue;
                }
                dueBy = Ledger.add(dueBy, o, "the amount due of customer " + l.customers[c]);
                if (l.invDue[i] < asOf) {
                    overdue = Ledger.add(overdue, o, "the overdue amount of customer " + l.customers[c]);
                    oldest = Math.max(oldest, asOf - l.invDue[i]);
                }
            }
            if (dueBy > 0) {
                out.add(new CollectionEntry(l.customers[c], contact, l.money(dueBy), l.money(overdue), oldest, rule));
            }
        }
        out.sort(Comparator.comparing(CollectionEntry::contactOn)
                .thenComparing(Comparator.comparing(CollectionEntry::amountDue).reversed())
                .thenComparing(CollectionEntry::customerId));
        return out;
    }
}
