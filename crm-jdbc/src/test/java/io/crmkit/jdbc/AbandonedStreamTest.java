package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.TimeRange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A repository stream abandoned open (200 {@code findFirst()} calls outside try-with-resources)
 * keeps no connection for good: the cleaner releases each once the stream is unreachable.
 */
class AbandonedStreamTest {

    private static long sessions(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rs.next();
            return rs.getLong(1) - 1; // this query's own session
        }
    }

    @Test
    void abandonedStreamsGiveTheirConnectionsBack() throws Exception {
        DataSource ds = JdbcDialect.dataSource("jdbc:h2:mem:abandoned;DB_CLOSE_DELAY=-1");
        JdbcSchema.migrate(ds);
        new JdbcCrmWriter(ds).saveOrders(JdbcWriteAndFaultTest.orders(0, 50));
        JdbcOrderRepository orders = new JdbcOrderRepository(ds);
        long before = sessions(ds);

        for (int i = 0; i < 200; i++) {
            assertThat(orders.stream(TimeRange.all()).findFirst()).isPresent(); // never closed
        }
        long open = sessions(ds);
        for (int k = 0; k < 100 && sessions(ds) > before; k++) {
            System.gc();
            Thread.sleep(50);
        }

        assertThat(open).as("connections held by the abandoned streams before a collection").isGreaterThan(before);
        assertThat(sessions(ds)).as("connections left after the cleaner ran").isEqualTo(before);
    }
}
