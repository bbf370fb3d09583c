/**
 * Reading order files in the crmkit CSV convention into compact columnar state, and from there into
 * the crm-core purchase-history bridge.
 *
 * <p>{@link io.crmkit.examples.cli.orders.OrderCsvReader} streams a file with Jackson's CSV parser
 * into an {@link io.crmkit.examples.cli.orders.OrderTable} (dictionary-encoded identifiers, one
 * compact entry per order, nothing per row), reporting every rejected row with its physical line to a
 * {@link io.crmkit.examples.cli.orders.ReadListener}; the table then feeds a
 * {@link io.crmkit.core.history.PurchaseHistoryAccumulator} in the order its input rule requires.
 * Commands of the {@code crmkit} tool that read orders use this package.
 */
package io.crmkit.examples.cli.orders;
