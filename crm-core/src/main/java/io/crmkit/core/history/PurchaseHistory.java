package io.crmkit.core.history;

import io.crmkit.core.TimeRange;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.order.Order;
import io.crmkit.core.port.OrderRepository;
import java.util.stream.Collector;
import java.util.stream.Stream;

/**
 * Entry points of the purchase-history bridge: from orders (a port, a stream, an iterable, or a
 * columnar {@link OrderBatch}) to {@link PurchaseSummaries} in one pass.
 *
 * <pre>{@code
 * PurchaseHistoryOptions options = PurchaseHistoryOptions
 *         .builder(AsOf.endOfDay(LocalDate.of(1997, 9, 30)))
 *         .purchaseUnit(PurchaseUnit.DAY)
 *         .timeUnit(PeriodUnit.WEEKS)
 *         .build();
 * PurchaseSummaries summaries = PurchaseHistory.summarize(orderRepository, options);
 * BtydView btyd = summaries.btyd();
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class PurchaseHistory {

    private PurchaseHistory() {
    }

    /**
     * Summarises the orders a repository holds before the as-of cut-off, streaming them from it
     * (and closing the stream).
     *
     * @param orders the repository, not null
     * @param options the definitions, not null
     * @return the summaries, never null
     */
    public static PurchaseSummaries summarize(OrderRepository orders, PurchaseHistoryOptions options) {
        Checks.notNull(orders, "orders");
        Checks.notNull(options, "options");
        try (Stream<Order> stream = orders.stream(TimeRange.until(options.cutoff()))) {
            return summarize(stream, options);
        }
    }

    /**
     * Summarises a stream of orders sequentially. The stream is consumed, not closed.
     *
     * @param orders the orders, not null
     * @param options the definitions, not null
     * @return the summaries, never null
     * @see PurchaseHistoryAccumulator#accept for the errors raised on bad input
     */
    public static PurchaseSummaries summarize(Stream<? extends Order> orders, PurchaseHistoryOptions options) {
        Checks.notNull(orders, "orders");
        PurchaseHistoryAccumulator acc = new PurchaseHistoryAccumulator(options);
        orders.sequential().forEachOrdered(acc);
        return acc.toSummaries();
    }

    /**
     * Summarises orders from an iterable.
     *
     * @param orders the orders, not null
     * @param options the definitions, not null
     * @return the summaries, never null
     */
    public static PurchaseSummaries summarize(Iterable<? extends Order> orders, PurchaseHistoryOptions options) {
        Checks.notNull(orders, "orders");
        PurchaseHistoryAccumulator acc = new PurchaseHistoryAccumulator(options);
        for (Order o : orders) {
            acc.accept(o);
        }
        return acc.toSummaries();
    }

    /**
     * Summarises orders held in columns: one pass over the rows into per-customer primitive
     * arrays, without hashing or objects per row. The result equals that of
     * {@link #summarize(Iterable, PurchaseHistoryOptions)} on the same orders in row order, for
     * every option, whenever that succeeds (ties between a customer's orders placed in the same
     * microsecond are broken by order identifier, or by row order when the batch has none). With
     * {@link PurchaseUnit#DAY} rows need not be in time order: a customer whose rows are not is
     * summarised from its rows sorted by day, as the accumulator would from sorted input.
     *
     * @param orders the orders, not null
     * @param options the definitions, not null
     * @return the summaries, never null
     * @throws IllegalArgumentException if the as-of instant has a fraction of a microsecond
     * @throws io.crmkit.core.CurrencyMismatchException if the options require another currency
     *     than the batch's and an order is counted
     * @throws ArithmeticException if a customer's total overflows a {@code long} of minor units
     */
    public static PurchaseSummaries summarize(OrderBatch orders, PurchaseHistoryOptions options) {
        Checks.notNull(orders, "orders");
        Checks.notNull(options, "options");
        return new BatchSummarizer(orders, options).summarize();
    }

    /**
     * Returns a collector that summarises a stream, sequential or parallel. A parallel stream is
     * split into contiguous segments of its encounter order, so an ordered input sorted by time
     * meets the {@link PurchaseUnit#DAY} partitioning rule of {@link PurchaseHistoryAccumulator}.
     *
     * @param options the definitions, not null
     * @return the collector, never null
     */
    public static Collector<Order, PurchaseHistoryAccumulator, PurchaseSummaries> collector(
            PurchaseHistoryOptions options) {
        Checks.notNull(options, "options");
        return Collector.of(() -> new PurchaseHistoryAccumulator(options), PurchaseHistoryAccumulator::accept,
                PurchaseHistoryAccumulator::combine, PurchaseHistoryAccumulator::toSummaries);
    }
}
