/**
 * Customer credit and receivables (ADR 0051): a columnar {@linkplain io.crmkit.metrics.credit.Ledger
 * ledger} of invoices, credit notes, payments and write-offs; the
 * {@linkplain io.crmkit.metrics.credit.Allocator allocation} of payments to invoices (named invoice,
 * then oldest due first, the rest unapplied credit); ageing in
 * {@linkplain io.crmkit.metrics.credit.AgeingBuckets buckets}, DSO, overdue share and days late;
 * the {@linkplain io.crmkit.metrics.credit.RatingModel payment-behaviour rating} with its
 * {@linkplain io.crmkit.metrics.credit.RatingBacktest backtest}; and the
 * {@linkplain io.crmkit.metrics.credit.CollectionCalendar collection lists} (overdue invoices,
 * payday calendar, customers over their limit).
 *
 * <p>Amounts are exact {@code long} minor units inside and {@link io.crmkit.core.Money} outside;
 * ratios with a zero denominator are empty, never NaN.
 */
package io.crmkit.metrics.credit;
