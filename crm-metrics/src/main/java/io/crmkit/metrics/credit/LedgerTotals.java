package io.crmkit.metrics.credit;

import io.crmkit.core.Money;

/**
 * The money of a ledger as of a day, which always balances (property-tested):
 * {@code invoiced = paidApplied + creditedApplied + writtenOff + outstanding} and
 * {@code payments + creditNotes = paidApplied + creditedApplied + unappliedCredit}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param invoiced the issued invoices issued on or before the day
 * @param payments the payments received on or before the day
 * @param creditNotes the credit notes issued on or before the day
 * @param paidApplied the part of the payments applied to invoices
 * @param creditedApplied the part of the credit notes applied to invoices
 * @param writtenOff the open amounts written off on or before the day
 * @param outstanding what is still open on the invoices
 * @param unappliedCredit the payments and credit notes not applied
 */
public record LedgerTotals(Money invoiced, Money payments, Money creditNotes, Money paidApplied,
        Money creditedApplied, Money writtenOff, Money outstanding, Money unappliedCredit) {
}
