package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.OrderId;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.cli.orders.OrderCsvReader;
import io.crmkit.core.CustomerId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.orders.OrderFileReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import io.crmkit.cli.orders.OrderRowConsumer;
import io.crmkit.cli.orders.ReadListener;
import io.crmkit.cli.orders.Rejection;
import io.crmkit.cli.orders.StatusMapping;
import io.crmkit.cli.orders.StreamedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * In the CLI's tests, in the adapter's package (for the load's test hooks), because it checks the load
 * against the CLI's order file readers.
 *
 * <p>The streamed load ({@link StagedOrderLoad} fed by {@link OrderCsvReader#stream}) stores exactly
 * what the batch reader ({@link OrderFileReader}) reads and rejects exactly the same rows with the same reasons, with a
 * file larger than one chunk, lines of one order far apart, conflicting lines, and a second load
 * that changes nothing; with the filter of identifiers large (few rows merged in SQL) and tiny
 * (every row merged in SQL).
 */
class StagedOrderLoadTest {

    private static final String FILE = buildFile();

    private static String buildFile() {
        StringBuilder b = new StringBuilder("customer_id,order_id,timestamp,amount,currency,status\n");
        b.append("alice,o1,2024-01-05,10.00,USD,paid\n");                         // 2
        b.append("bob,o2,2024-01-06T10:00:00Z,20,USD,delivered\n");               // 3
        b.append("\" carol\",o3,2024-02-01,3.00,USD,paid\n");                      // 4 invalid customer, first row
        b.append("dave,o4,2024-02-02,4.00,USD,paid\n");                           // 5
        b.append("erin,o5,2024-02-03,abc,USD,paid\n");                            // 6 bad amount
        for (int k = 0; k < 10; k++) {                                            // 7..16
            b.append("c").append(k).append(",s").append(k).append(",2024-03-0").append(k % 9 + 1)
                    .append(",1.0").append(k).append(",USD,paid\n");
        }
        b.append("alice,o1,2024-01-05,5.50,USD,paid\n");                          // 17 second line of o1
        b.append("bob,o2,2024-01-07,1.00,USD,delivered\n");                       // 18 timestamp conflict
        b.append("carol,o3,2024-02-01,3.00,USD,paid\n");                          // 19 first valid line of o3
        b.append("\" carol\",o3,2024-02-01,3.00,USD,paid\n");                      // 20 conflicts with 19
        b.append("dave,o4,2024-02-02,4.00,EUR,paid\n");                           // 21 currency conflict
        b.append("dave,o4,2024-02-02,4.00,USD,cancelled\n");                      // 22 status conflict
        b.append("frank,o6,2024-04-01,92233720368547758.00,USD,paid\n");         // 23 file total too large
        b.append("frank,o6,2024-04-01,1.00,USD,paid\n");                          // 24 fits without 23
        b.append("frank,o6,2024-04-01,0.07,USD,paid\n");                          // 25 fits
        b.append("alice,o1,2024-01-05,4.50,USD,paid\n");                          // 26 third line of o1
        b.append("\"x\ty\",o7,2024-04-02,1.00,USD,paid\n");                       // 27 invalid customer, no valid line
        return b.toString();
    }

    private record Rejected(long line, String reason) implements Comparable<Rejected> {
        @Override
        public int compareTo(Rejected o) {
            return Long.compare(line, o.line);
        }
    }

    private static OrderCsvReader reader() {
        return new OrderCsvReader(ZoneOffset.UTC, Optional.empty(), StatusMapping.defaults(), Map.of(),
                Optional.empty());
    }

    private static OrderFileReader batchReader() {
        return new OrderFileReader(ZoneOffset.UTC, Optional.empty(), StatusMapping.defaults(), Map.of(),
                Optional.empty());
    }

    /** An order as both readers keep it: customer, time, value, status category. */
    private static String key(CustomerId customer, Instant placedAt, long grossMinor, OrderStatusCategory category) {
        return customer.value() + "|" + placedAt + "|" + grossMinor + "|" + category;
    }

    private static ReadListener collecting(List<Rejected> into) {
        return new ReadListener() {
            @Override
            public void warning(String message) {
            }

            @Override
            public void rejected(long line, Rejection kind, String reason) {
                into.add(new Rejected(line, reason));
            }
        };
    }

    private static JdbcOrderLoader.LoadResult streamedLoad(TestStore store, int chunk, int expectedOrderIds,
            List<Rejected> rejected, StreamedInput[] counts) throws IOException {
        try (StagedOrderLoad load = StagedOrderLoad.begin(store.dataSource(), chunk, expectedOrderIds)) {
            StreamedInput in = reader().stream(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)),
                    collecting(rejected), new OrderRowConsumer() {
                        @Override
                        public void accept(int line, String orderId, String customerId, Instant placedAt,
                                long amountMinor, Currency currency, OrderStatus status) {
                            load.add(line, orderId, customerId, placedAt, status, currency, amountMinor);
                        }
                    });
            assertThat(load.rowsStaged()).isGreaterThan(chunk);
            load.check((line, why, firstLine, field) -> {
                switch (why) {
                    case INVALID_CUSTOMER_ID -> in.rejectInvalidCustomerId(line);
                    case CONFLICTING_LINE -> in.rejectConflictingLine(line, firstLine, field);
                    case TOTAL_TOO_LARGE -> in.rejectTotalTooLarge(line, java.util.Currency.getInstance("USD"));
                }
            });
            counts[0] = in;
            return load.commit();
        }
    }

    @ParameterizedTest
    @CsvSource({"h2, 4, 10000000", "h2, 4, 1", "postgresql, 4, 10000000", "postgresql, 3, 1"})
    void streamsExactlyWhatTheInMemoryReaderReads(String database, int chunk, int expectedOrderIds) throws IOException {
        TestStore store = database.equals("h2") ? TestStore.h2("crmkit_staged_" + chunk + "_" + expectedOrderIds)
                : TestStore.postgres("crmkit_staged");
        store.emptied();
        List<Rejected> expectedRejections = new ArrayList<>();
        OrderFile expected = batchReader().read(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)),
                collecting(expectedRejections));
        OrderBatch batch = expected.batch();
        List<String> expectedOrders = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            expectedOrders.add(key(batch.customerId(batch.customerIndex(r)),
                    Instant.EPOCH.plus(batch.placedAtMicros(r), ChronoUnit.MICROS), batch.grossMinor(r),
                    batch.category(r)));
        }

        List<Rejected> rejected = new ArrayList<>();
        StreamedInput[] counts = new StreamedInput[1];
        JdbcOrderLoader.LoadResult first = streamedLoad(store, chunk, expectedOrderIds, rejected, counts);

        assertThat(new TreeSet<>(rejected)).containsExactlyElementsOf(new TreeSet<>(expectedRejections));
        assertThat(rejected).hasSize(expectedRejections.size());
        assertThat(rejected.stream().map(Rejected::line)).contains(6L, 18L, 20L, 21L, 22L, 23L, 27L, 4L);
        assertThat(counts[0].rowsRead()).isEqualTo(expected.rowsRead());
        assertThat(counts[0].rejectedByKind()).isEqualTo(expected.rejectedByKind());
        assertThat(first.ordersRead()).isEqualTo(batch.rowCount());
        assertThat(first.ordersInserted()).isEqualTo(batch.rowCount());
        JdbcOrderRepository repository = new JdbcOrderRepository(store.dataSource());
        assertThat(repository.count()).isEqualTo(batch.rowCount());
        List<String> stored;
        try (var orders = repository.stream(TimeRange.all())) {
            stored = orders.map(o -> key(o.customerId(), o.placedAt(), o.grossAmount().toMinorUnits(),
                    o.status().category())).toList();
        }
        assertThat(stored).containsExactlyInAnyOrderElementsOf(expectedOrders);
        assertThat(repository.findById(OrderId.of("o1")).orElseThrow().grossAmount().amount())
                .isEqualByComparingTo("20.00");

        // a second load finds every order stored and changes nothing
        JdbcOrderLoader.LoadResult second = streamedLoad(store, chunk, expectedOrderIds, new ArrayList<>(), counts);
        assertThat(second.ordersRead()).isEqualTo(first.ordersRead());
        assertThat(second.ordersInserted()).isZero();
        assertThat(repository.count()).isEqualTo(batch.rowCount());
    }
}
