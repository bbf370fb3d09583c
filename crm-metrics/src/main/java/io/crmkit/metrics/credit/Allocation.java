package io.crmkit.metrics.credit;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The allocation of a {@link Ledger}'s payments and credit notes as of a day (ADR 0051): the open
 * amount of every invoice issued on or before that day, the day it was settled, the amounts
 * written off, and each customer's unapplied credit. From it come the ageing, DSO, overdue share
 * and days late.
 *
 * <p>Immutable and thread-safe.
 */
public final class Allocation {

    private final Ledger ledger;
    private final int asOf;
    final long[] open;
    final int[] settled;
    final long[] writtenOff;
    private final long[] unapplied;
    private final long[] paidApplied;
    private final long[] creditedApplied;
    private final List<long[]> notYetIssued;
    private volatile Map<String, Integer> byId;

    /**
     * A payment or credit note that names one of the customer's invoices issued only after the
     * credit's day: it was applied oldest first to the invoices issued by then (ADR 0051), and
     * {@code unapplied} of it is unapplied credit.
     *
     * @param creditId the payment or credit-note identifier, not null
     * @param creditNote whether the credit is a credit note (else a payment)
     * @param customerId the customer, not null
     * @param day the payment or credit-note day, not null
     * @param invoiceId the invoice named, not null
     * @param invoiceIssued the day that invoice was issued (after {@code day}), not null
     * @param amount the credit's amount, not null
     * @param unapplied what of it is unapplied credit, not null
     */
    public record NotYetIssuedReference(String creditId, boolean creditNote, CustomerId customerId, LocalDate day, String invoiceId,
            LocalDate invoiceIssued, Money amount, Money unapplied) {

        /**
         * Validates the record.
         */
        public NotYetIssuedReference {
            Checks.notNull(creditId, "creditId");
            Checks.notNull(customerId, "customerId");
            Checks.notNull(day, "day");
            Checks.notNull(invoiceId, "invoiceId");
            Checks.notNull(invoiceIssued, "invoiceIssued");
            Checks.notNull(amount, "amount");
            Checks.notNull(unapplied, "unapplied");
        }

        /**
         * Returns the reason, such as {@code "names invoice X not yet issued on the payment date"}.
         *
         * @return the reason, never null
         */
        public String reason() {
            return "names invoice " + invoiceId + " not yet issued on the payment date (" + day + "; issued "
                    + invoiceIssued + ")";
        }
    }

    Allocation(Allocator a, int asOf) {
        this.ledger = a.ledger;
        this.asOf = asOf;
        this.open = a.open.clone();
        this.settled = a.settled.clone();
        this.writtenOff = a.writtenOff.clone();
        this.unapplied = a.unapplied.clone();
        this.paidApplied = a.paidApplied.clone();
        this.creditedApplied = a.creditedApplied.clone();
        this.notYetIssued = List.copyOf(a.notYetIssued);
    }

    /**
     * Returns the payments and credit notes dated on or before the as-of day that name one of the
     * customer's invoices issued only after the credit's day, in the order they were applied (by
     * customer, then day). Such a credit never reaches the invoice it names (ADR 0051); what it could
     * not pay on invoices issued by its day is unapplied credit.
     *
     * @return the references, never null
     */
    public List<NotYetIssuedReference> notYetIssuedReferences() {
        List<NotYetIssuedReference> out = new ArrayList<>(notYetIssued.size());
        for (long[] e : notYetIssued) {
            int k = (int) e[0];
            int ref = ledger.crRef[k];
            int c = (int) e[2];
            out.add(new NotYetIssuedReference(ledger.crId[k], ledger.crKind[k] == Ledger.CREDIT_NOTE, ledger.customers[c], LocalDate.ofEpochDay(ledger.crDay[k]),
                    ledger.invId[ref], LocalDate.ofEpochDay(ledger.invIssued[ref]), ledger.money(ledger.crAmount[k]),
                    ledger.money(e[1])));
        }
        return out;
    }

    /**
     * Returns the day of the allocation.
     *
     * @return the as-of day, never null
     */
    public LocalDate asOf() {
        return LocalDate.ofEpochDay(asOf);
    }

    /**
     * Returns the ledger allocated.
     *
     * @return the ledger, never null
     */
    public Ledger ledger() {
        return ledger;
    }

    boolean counted(int i) {
        return ledger.invIssued[i] <= asOf;
    }

    int asOfDay() {
        return asOf;
    }

    private int position(InvoiceId id) {
        Map<String, Integer> m = byId;
        if (m == null) {
            m = new HashMap<>();
            for (int i = 0; i < ledger.invId.length; i++) {
                m.put(ledger.invId[i], i);
            }
            byId = m;
        }
        Integer p = m.get(Checks.notNull(id, "invoiceId").value());
        return p == null || !counted(p) ? -1 : p;
    }

    /**
     * Returns what is open on an invoice (zero once paid or written off).
     *
     * @param id an issued invoice, not null
     * @return the open amount, or empty if the invoice is unknown, void, a credit note or issued
     *     after the as-of day, never null
     */
    public Optional<Money> openAmount(InvoiceId id) {
        int p = position(id);
        return p < 0 ? Optional.empty() : Optional.of(ledger.money(open[p]));
    }

    /**
     * Returns the amount written off on an invoice.
     *
     * @param id an issued invoice, not null
     * @return the amount, or empty as for {@link #openAmount(InvoiceId)}, never null
     */
    public Optional<Money> writtenOff(InvoiceId id) {
        int p = position(id);
        return p < 0 ? Optional.empty() : Optional.of(ledger.money(writtenOff[p]));
    }

    /**
     * Returns the day the invoice's last open amount was paid or credited.
     *
     * @param id an issued invoice, not null
     * @return the day, or empty if it is still open, written off or unknown, never null
     */
    public Optional<LocalDate> settledOn(InvoiceId id) {
        int p = position(id);
        return p < 0 ? Optional.empty() : Ledger.day(settled[p]);
    }

    /**
     * Returns the totals, which balance to the minor unit.
     *
     * @return the totals, never null
     */
    public LedgerTotals totals() {
        long invoiced = 0;
        long wo = 0;
        long out = 0;
        for (int i = 0; i < open.length; i++) {
            if (counted(i)) {
                invoiced = Math.addExact(invoiced, ledger.invAmount[i]);
                wo = Math.addExact(wo, writtenOff[i]);
                out = Math.addExact(out, open[i]);
            }
        }
        long payments = 0;
        long notes = 0;
        for (int k = 0; k < ledger.crId.length; k++) {
            if (ledger.crDay[k] <= asOf) {
                if (ledger.crKind[k] == Ledger.PAYMENT) {
                    payments = Math.addExact(payments, ledger.crAmount[k]);
                } else {
                    notes = Math.addExact(notes, ledger.crAmount[k]);
                }
            }
        }
        long paid = 0;
        long credited = 0;
        long un = 0;
        for (int c = 0; c < ledger.customerCount(); c++) {
            paid = Ledger.add(paid, paidApplied[c], "the payments applied");
            credited = Ledger.add(credited, creditedApplied[c], "the credit notes applied");
            un = Ledger.add(un, unapplied[c], "the unapplied credit");
        }
        return new LedgerTotals(ledger.money(invoiced), ledger.money(payments), ledger.money(notes),
                ledger.money(paid), ledger.money(credited), ledger.money(wo), ledger.money(out), ledger.money(un));
    }

    /**
     * Returns the ageing of every customer with an outstanding amount or unapplied credit, by
     * customer identifier.
     *
     * @param buckets the buckets, not null
     * @return the rows, never null
     */
    public List<CustomerAgeing> ageing(AgeingBuckets buckets) {
        Checks.notNull(buckets, "buckets");
        int[] edges = buckets.toArray();
        int nb = edges.length + 1;
        long[] sums = new long[nb];
        List<CustomerAgeing> rows = new ArrayList<>();
        for (int c = 0; c < ledger.customerCount(); c++) {
            java.util.Arrays.fill(sums, 0);
            long total = 0;
            for (int i = ledger.invStart[c]; i < ledger.invStart[c + 1]; i++) {
                long o = open[i];
                if (o == 0 || !counted(i)) {
                    continue;
                }
                long late = (long) asOf - ledger.invDue[i];
                int b = 0;
                while (b < edges.length && late > edges[b]) {
                    b++;
                }
                sums[b] = Ledger.add(sums[b], o, "an ageing bucket of customer " + ledger.customers[c]);
                total = Ledger.add(total, o, "the outstanding amount of customer " + ledger.customers[c]);
            }
            if (total == 0 && unapplied[c] == 0) {
                continue;
            }
            List<Money> money = new ArrayList<>(nb);
            for (long s : sums) {
                money.add(ledger.money(s));
            }
            rows.add(new CustomerAgeing(ledger.customers[c], money, ledger.money(total), ledger.money(unapplied[c])));
        }
        return rows;
    }

    /**
     * Sums the ageing of every customer per bucket, in minor units: the fast path of
     * {@link #ageing(AgeingBuckets)} when only the portfolio totals are needed.
     *
     * @param buckets the buckets, not null
     * @return the open amount per bucket, in minor units, never null
     */
    public long[] ageingTotalsMinor(AgeingBuckets buckets) {
        int[] edges = buckets.toArray();
        long[] sums = new long[edges.length + 1];
        for (int i = 0; i < open.length; i++) {
            long o = open[i];
            if (o == 0 || !counted(i)) {
                continue;
            }
            long late = (long) asOf - ledger.invDue[i];
            int b = 0;
            while (b < edges.length && late > edges[b]) {
                b++;
            }
            sums[b] = Ledger.add(sums[b], o, "an ageing bucket's total");
        }
        return sums;
    }

    /**
     * Returns the days sales outstanding by the count-back-free (simple) method over a period:
     * outstanding as of the day, divided by the invoices issued in the {@code periodDays} days
     * ending on it, times {@code periodDays}.
     *
     * @param periodDays the period in days, positive
     * @return the DSO in days, or empty if nothing was invoiced in the period, never NaN
     */
    public OptionalDouble dso(int periodDays) {
        if (periodDays <= 0) {
            throw new IllegalArgumentException("periodDays must be positive: " + periodDays);
        }
        long sales = 0;
        long out = 0;
        for (int i = 0; i < open.length; i++) {
            if (!counted(i)) {
                continue;
            }
            out = Ledger.add(out, open[i], "the outstanding amount");
            if (ledger.invIssued[i] > (long) asOf - periodDays) {
                sales = Ledger.add(sales, ledger.invAmount[i], "the invoices of the DSO period");
            }
        }
        return sales == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) out / sales * periodDays);
    }

    /**
     * Returns the share of the outstanding amount that is past due (due before the as-of day).
     *
     * @return the share in [0, 1], or empty if nothing is outstanding, never NaN
     */
    public OptionalDouble overdueShare() {
        long out = 0;
        long overdue = 0;
        for (int i = 0; i < open.length; i++) {
            if (counted(i)) {
                out = Ledger.add(out, open[i], "the outstanding amount");
                if (ledger.invDue[i] < asOf) {
                    overdue = Ledger.add(overdue, open[i], "the overdue amount");
                }
            }
        }
        return out == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) overdue / out);
    }

    /**
     * Returns the days late of an invoice position <em>judged</em> on the as-of day (settled or
     * written off by then, or due before it): until settled for a settled one, until written off for
     * a written-off one, until the as-of day for an open one; never negative. -1 for an invoice not
     * judged yet (open and due on or after the as-of day) or not counted.
     */
    int daysLate(int i) {
        if (!counted(i)) {
            return -1;
        }
        int end;
        if (settled[i] != Integer.MIN_VALUE) {
            end = settled[i];
        } else if (ledger.invWriteOff[i] <= asOf) {
            end = ledger.invWriteOff[i];
        } else if (ledger.invDue[i] < asOf) {
            end = asOf;
        } else {
            return -1;
        }
        return Math.max(0, end - ledger.invDue[i]);
    }

    /**
     * Returns each customer's average days late over its invoices judged on the as-of day (settled
     * or written off by then, or due before it; days from due date until paid, written off or the
     * as-of day, never negative; ADR 0051), for customers with such invoices, by customer identifier.
     *
     * @return the averages, never null
     */
    public Map<CustomerId, Double> averageDaysLateByCustomer() {
        Map<CustomerId, Double> out = new TreeMap<>();
        for (int c = 0; c < ledger.customerCount(); c++) {
            long sum = 0;
            int n = 0;
            for (int i = ledger.invStart[c]; i < ledger.invStart[c + 1]; i++) {
                int late = daysLate(i);
                if (late >= 0) {
                    sum += late;
                    n++;
                }
            }
            if (n > 0) {
                out.put(ledger.customers[c], (double) sum / n);
            }
        }
        return out;
    }

    /**
     * Returns the average days late of the invoices judged on the as-of day, by month of their due date.
     *
     * @return the averages by month of the due date, ascending, never null
     */
    public Map<YearMonth, Double> averageDaysLateByDueMonth() {
        Map<YearMonth, long[]> acc = new TreeMap<>();
        for (int i = 0; i < open.length; i++) {
            int late = daysLate(i);
            if (late >= 0) {
                long[] a = acc.computeIfAbsent(YearMonth.from(LocalDate.ofEpochDay(ledger.invDue[i])), k -> new long[2]);
                a[0] += late;
                a[1]++;
            }
        }
        Map<YearMonth, Double> out = new TreeMap<>();
        acc.forEach((m, a) -> out.put(m, (double) a[0] / a[1]));
        return out;
    }

    long unappliedMinor(int c) {
        return unapplied[c];
    }
}
