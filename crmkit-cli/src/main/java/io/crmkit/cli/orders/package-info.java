/**
 * Reading order files in the crmkit CSV convention (plain or gzip, other headers mapped, returns,
 * guests and floating-point noise accepted) into one columnar {@link io.crmkit.core.history.OrderBatch}.
 *
 * <p>{@link io.crmkit.cli.orders.CsvBlocks} splits the bytes into fields on a second
 * thread; {@link io.crmkit.cli.orders.OrderFileReader} decodes and checks each row and
 * appends it to the batch, reporting every rejected row with its physical line to a
 * {@link io.crmkit.cli.orders.ReadListener}, and returns an
 * {@link io.crmkit.cli.orders.OrderFile} whose counts account for every row.
 * {@link io.crmkit.cli.orders.OrderCsvReader} streams a file row by row instead, for
 * {@code crmkit load}. Commands of the {@code crmkit} tool that read orders use this package.
 */
package io.crmkit.cli.orders;
