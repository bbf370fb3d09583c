package io.crmkit.metrics.credit;

import io.crmkit.core.internal.Checks;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Applies a {@link Ledger}'s payments and credit notes to its invoices in time order, in steps:
 * {@link #advanceTo(LocalDate)} continues from the last day reached. The allocation rule (ADR
 * 0051), per customer, for each credit in order (day, credit notes before payments, identifier):
 * <ol>
 *   <li>a credit naming one of the customer's invoices, issued on or before the credit's day and
 *       not written off, goes to that invoice up to its open amount;</li>
 *   <li>the rest, and every credit naming no invoice (or an unknown one), goes to the customer's
 *       open invoices issued on or before the credit's day, oldest first (due date, then invoice
 *       identifier);</li>
 *   <li>what is still left is unapplied credit, reported and never applied to later invoices.</li>
 * </ol>
 * A credit naming an invoice that is issued only after the credit's day therefore does not reach
 * that invoice (this keeps the allocation of any split in time equal to the whole); such credits
 * are listed by {@link Allocation#notYetIssuedReferences()} with what they left unapplied.
 * A write-off on day w takes what is open on the invoice at the end of day w (after that day's
 * credits).
 *
 * <p>Not thread-safe (it holds the running state).
 */
public final class Allocator {

    final Ledger ledger;
    final long[] open;
    final int[] settled;
    final long[] writtenOff;
    final boolean[] closedByWriteOff;
    final long[] unapplied;
    final long[] paidApplied;
    final long[] creditedApplied;
    private final int[] creditNext;
    private final int[] firstOpen;
    private final int[][] writeOffs;
    private final int[] writeOffNext;
    private int through = Integer.MIN_VALUE;
    /**
     * Credits (by position) that name one of the customer's invoices not yet issued on the credit's
     * day, with what each left unapplied and the customer; in application order. Rare, so a list.
     */
    final java.util.List<long[]> notYetIssued = new java.util.ArrayList<>();

    Allocator(Ledger ledger) {
        this.ledger = ledger;
        int ni = ledger.invoiceCount();
        int nc = ledger.customerCount();
        open = ledger.invAmount.clone();
        settled = new int[ni];
        Arrays.fill(settled, Integer.MIN_VALUE);
        writtenOff = new long[ni];
        closedByWriteOff = new boolean[ni];
        unapplied = new long[nc];
        paidApplied = new long[nc];
        creditedApplied = new long[nc];
        creditNext = new int[nc];
        firstOpen = new int[nc];
        writeOffs = new int[nc][];
        writeOffNext = new int[nc];
        for (int c = 0; c < nc; c++) {
            creditNext[c] = ledger.crStart[c];
            firstOpen[c] = ledger.invStart[c];
            int count = 0;
            for (int i = ledger.invStart[c]; i < ledger.invStart[c + 1]; i++) {
                if (ledger.invWriteOff[i] != Integer.MAX_VALUE) {
                    count++;
                }
            }
            if (count > 0) {
                Integer[] w = new Integer[count];
                int k = 0;
                for (int i = ledger.invStart[c]; i < ledger.invStart[c + 1]; i++) {
                    if (ledger.invWriteOff[i] != Integer.MAX_VALUE) {
                        w[k++] = i;
                    }
                }
                Arrays.sort(w, (x, y) -> ledger.invWriteOff[x] != ledger.invWriteOff[y]
                        ? Integer.compare(ledger.invWriteOff[x], ledger.invWriteOff[y]) : Integer.compare(x, y));
                writeOffs[c] = Arrays.stream(w).mapToInt(Integer::intValue).toArray();
            }
        }
    }

    /**
     * Applies every credit and write-off dated after the last day reached and on or before
     * {@code day}.
     *
     * @param day the day to reach, not before the last day reached, not null
     * @return this allocator
     * @throws IllegalArgumentException if {@code day} is before the last day reached or outside
     *     0001-01-01 .. 9999-12-31
     */
    public Allocator advanceTo(LocalDate day) {
        Checks.notNull(day, "day");
        int to = Ledger.epochDay(day, "day");
        if (to < through) {
            throw new IllegalArgumentException("day " + day + " is before the day already reached "
                    + LocalDate.ofEpochDay(through));
        }
        for (int c = 0; c < ledger.customerCount(); c++) {
            advanceCustomer(c, to);
        }
        through = to;
        return this;
    }

    private void advanceCustomer(int c, int to) {
        Ledger l = ledger;
        int k = creditNext[c];
        int end = l.crStart[c + 1];
        while (k < end && l.crDay[k] <= to) {
            int day = l.crDay[k];
            writeOffBefore(c, day);
            apply(c, k, day);
            k++;
        }
        creditNext[c] = k;
        writeOffBefore(c, to + 1);
    }

    private void writeOffBefore(int c, int dayExclusive) {
        int[] w = writeOffs[c];
        if (w == null) {
            return;
        }
        int p = writeOffNext[c];
        while (p < w.length && ledger.invWriteOff[w[p]] < dayExclusive) {
            int i = w[p++];
            writtenOff[i] = open[i];
            open[i] = 0;
            closedByWriteOff[i] = true;
        }
        writeOffNext[c] = p;
    }

    private void apply(int c, int k, int day) {
        Ledger l = ledger;
        long left = l.crAmount[k];
        long before = left;
        int ref = l.crRef[k];
        boolean early = ref >= 0 && l.invIssued[ref] > day;
        if (ref >= 0 && l.invIssued[ref] <= day && !closedByWriteOff[ref] && open[ref] > 0) {
            long x = Math.min(left, open[ref]);
            open[ref] -= x;
            left -= x;
            if (open[ref] == 0) {
                settled[ref] = day;
            }
        }
        int i = firstOpen[c];
        int end = l.invStart[c + 1];
        while (i < end && open[i] == 0) {
            i++;
        }
        firstOpen[c] = i;
        for (; left > 0 && i < end; i++) {
            if (open[i] == 0 || l.invIssued[i] > day) {
                continue;
            }
            long x = Math.min(left, open[i]);
            open[i] -= x;
            left -= x;
            if (open[i] == 0) {
                settled[i] = day;
            }
        }
        long applied = before - left;
        if (l.crKind[k] == Ledger.PAYMENT) {
            paidApplied[c] = Math.addExact(paidApplied[c], applied);
        } else {
            creditedApplied[c] = Math.addExact(creditedApplied[c], applied);
        }
        unapplied[c] = Math.addExact(unapplied[c], left);
        if (early) {
            notYetIssued.add(new long[] {k, left, c});
        }
    }

    /**
     * Returns the allocation as of the last day reached.
     *
     * @return the allocation, never null
     * @throws IllegalStateException if {@link #advanceTo(LocalDate)} was never called
     */
    public Allocation snapshot() {
        if (through == Integer.MIN_VALUE) {
            throw new IllegalStateException("advanceTo(day) first");
        }
        return new Allocation(this, through);
    }
}
