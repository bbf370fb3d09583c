package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.ProductId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writes are transactional and loads idempotent (on H2 and PostgreSQL); on PostgreSQL, a connection
 * killed mid-stream raises a clear exception, and one killed mid-load leaves nothing of the load.
 */
class JdbcWriteAndFaultTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    /** Orders ord-FROM .. ord-(FROM+N-1), every tenth with two lines, one minute apart. */
    static List<Order> orders(int from, int n) {
        List<Order> out = new ArrayList<>(n);
        for (int k = from; k < from + n; k++) {
            Order.Builder b = Order.builder(OrderId.of(String.format(Locale.ROOT, "ord-%08d", k)),
                    CustomerId.of("cust-" + (k % 97)), T0.plusSeconds(60L * k), Money.currency("EUR"));
            if (k % 10 == 0) {
                b.line(OrderLine.of(ProductId.of("SKU-1"), new BigDecimal("1.50"), Money.of("2.00", "EUR")))
                        .line(OrderLine.of(ProductId.of("SKU-2"), BigDecimal.ONE, Money.of("9.99", "EUR")));
            } else {
                b.grossAmount(Money.of(BigDecimal.valueOf(k % 1000, 2), Money.currency("EUR")));
            }
            out.add(b.build());
        }
        return out;
    }

    private static TestStore store(String database, String name) {
        return database.equals("h2") ? TestStore.h2(name) : TestStore.postgres(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFailedWriteLeavesNothingOfItsBatch(String database) {
        TestStore store = store(database, "crmkit_writes");
        store.emptied().saveOrders(orders(0, 10));
        List<Order> batch = new ArrayList<>(orders(10, 5));
        batch.add(orders(3, 1).get(0)); // already stored: the whole batch must fail
        assertThatThrownBy(() -> store.writer().saveOrders(batch))
                .isInstanceOf(RepositoryAccessException.class)
                .hasMessageStartingWith("saving orders failed: a stored value violates a constraint of the schema")
                .hasMessageNotContaining("ord-0");
        JdbcOrderRepository repository = new JdbcOrderRepository(store.dataSource());
        assertThat(repository.count()).isEqualTo(10);
        assertThat(repository.findById(OrderId.of("ord-00000010"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void loadingTwiceStoresEachOrderOnce(String database) {
        TestStore store = store(database, "crmkit_loads");
        store.emptied();
        List<Order> orders = orders(0, 12_345);
        JdbcOrderLoader loader = new JdbcOrderLoader(store.dataSource());
        JdbcOrderLoader.LoadResult first = loader.load(orders, n -> { });
        assertThat(first).isEqualTo(new JdbcOrderLoader.LoadResult(12_345, 12_345, 2 * 1_235));
        JdbcOrderLoader.LoadResult second = loader.load(orders, n -> { });
        assertThat(second).isEqualTo(new JdbcOrderLoader.LoadResult(12_345, 0, 0));
        assertThat(second.ordersAlreadyStored()).isEqualTo(12_345);
        JdbcOrderRepository repository = new JdbcOrderRepository(store.dataSource(), 1_000);
        assertThat(repository.count()).isEqualTo(12_345);
        try (Stream<Order> stream = repository.stream(TimeRange.all())) {
            assertThat(stream).containsExactlyElementsOf(orders);
        }
        // a load overlapping the stored orders adds only the new ones
        JdbcOrderLoader.LoadResult overlap = loader.load(orders(12_000, 1_000), n -> { });
        assertThat(overlap.ordersInserted()).isEqualTo(655);
        assertThat(repository.count()).isEqualTo(13_000);
    }

    @Test
    void aConnectionLostMidStreamRaisesAClearException() throws SQLException {
        PostgresServer server = PostgresServer.require();
        TestStore store = TestStore.postgres("crmkit_stream_fault");
        new JdbcOrderLoader(store.dataSource()).load(orders(0, 20_000), n -> { });
        DataSource streaming = JdbcDialect.dataSource(withApplicationName(server.url("crmkit_stream_fault"),
                "crmkit-stream-fault"));
        JdbcOrderRepository repository = new JdbcOrderRepository(streaming, 100);
        List<Order> read = new ArrayList<>();
        try (Stream<Order> stream = repository.stream(TimeRange.all())) {
            Iterator<Order> it = stream.iterator();
            for (int k = 0; k < 1_000; k++) {
                read.add(it.next());
            }
            assertThat(terminate(server, "crmkit-stream-fault")).as("backends terminated").isEqualTo(1);
            assertThatThrownBy(() -> {
                while (it.hasNext()) {
                    read.add(it.next());
                }
            }).isInstanceOf(RepositoryAccessException.class)
                    .hasMessageStartingWith("streaming orders failed: ")
                    .hasMessageContaining("SQL state")
                    .hasMessageNotContaining("cust-")
                    .satisfies(e -> assertThat(((RepositoryAccessException) e).isConnectionLost()).isTrue());
        }
        assertThat(read.size()).as("orders read before the failure").isGreaterThanOrEqualTo(1_000).isLessThan(20_000);
        // the repository still works on a new connection
        assertThat(repository.count()).isEqualTo(20_000);
    }

    @Test
    void aConnectionLostMidLoadLeavesNothingOfTheLoad() throws SQLException {
        PostgresServer server = PostgresServer.require();
        TestStore store = TestStore.postgres("crmkit_load_fault");
        new JdbcOrderLoader(store.dataSource()).load(orders(0, 1_000), n -> { });
        DataSource loading = JdbcDialect.dataSource(withApplicationName(server.url("crmkit_load_fault"),
                "crmkit-load-fault"));
        int[] killed = new int[1];
        assertThatThrownBy(() -> new JdbcOrderLoader(loading).load(orders(1_000, 100_000), sent -> {
            if (sent >= 30_000 && killed[0] == 0) {
                try {
                    killed[0] = terminate(server, "crmkit-load-fault");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        })).isInstanceOf(RepositoryAccessException.class)
                .hasMessageStartingWith("loading orders failed: ")
                .hasMessageNotContaining("ord-");
        assertThat(killed[0]).as("backends terminated").isEqualTo(1);
        JdbcOrderRepository repository = new JdbcOrderRepository(store.dataSource());
        assertThat(repository.count()).as("orders after the failed load").isEqualTo(1_000);
        assertThat(repository.findById(OrderId.of("ord-00001000"))).isEmpty();
        assertThat(lineCount(store.dataSource())).isEqualTo(200);
    }

    private static long lineCount(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT COUNT(*) FROM crm_order_line"); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String withApplicationName(String url, String name) {
        return url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + name;
    }

    /** Terminates the backends of an application from another connection; returns how many. */
    private static int terminate(PostgresServer server, String applicationName) throws SQLException {
        try (Connection admin = server.admin(); PreparedStatement p = admin.prepareStatement(
                "SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE application_name = ? AND pid <> pg_backend_pid()")) {
            p.setString(1, applicationName);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
