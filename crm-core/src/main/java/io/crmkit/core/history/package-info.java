/**
 * The purchase-history bridge: from a stream of orders to compact per-customer
 * {@linkplain io.crmkit.core.history.PurchaseSummaries summaries}, in one pass and in memory
 * proportional to the number of customers, with a mergeable
 * {@linkplain io.crmkit.core.history.PurchaseHistoryAccumulator accumulator} for partitioned input.
 * Orders already held in memory as columns (an {@linkplain io.crmkit.core.history.OrderBatch
 * order batch}: dense customer indexes and primitive arrays) are summarised without any object
 * per order, to the same result.
 *
 * <p>Every definition is an explicit {@linkplain io.crmkit.core.history.PurchaseHistoryOptions
 * option}: which status categories count, what one purchase is (an order, or a customer-day),
 * net or gross revenue, the {@linkplain io.crmkit.core.history.AsOf as-of point and clock}, the
 * zone of calendar days and the {@linkplain io.crmkit.core.history.PeriodUnit time unit}. The
 * summaries have two views: {@linkplain io.crmkit.core.history.RfmView RFM} for segmentation and
 * {@linkplain io.crmkit.core.history.BtydView BTYD} for lifetime-value models.
 */
package io.crmkit.core.history;
