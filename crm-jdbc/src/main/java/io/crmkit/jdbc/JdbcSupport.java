package io.crmkit.jdbc;

import io.crmkit.core.CustomerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Small JDBC helpers shared by the repositories. */
final class JdbcSupport {

    private JdbcSupport() {
    }

    /**
     * Runs a range query as a forward-only cursor on the connection (closed with it): the two
     * bounds, then the customer when given, are its parameters.
     */
    static ResultSet cursor(Connection c, String sql, int fetchSize, Instant[] bounds, CustomerId customer)
            throws SQLException {
        PreparedStatement p = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        p.setFetchSize(fetchSize);
        p.setObject(1, OffsetDateTime.ofInstant(bounds[0], ZoneOffset.UTC));
        p.setObject(2, OffsetDateTime.ofInstant(bounds[1], ZoneOffset.UTC));
        if (customer != null) {
            p.setString(3, customer.value());
        }
        return p.executeQuery();
    }

    /** Runs a {@code SELECT COUNT(*)}. */
    static long count(DataSource dataSource, String sql, String operation) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(sql);
                ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new RepositoryAccessException(operation, e);
        }
    }
}
