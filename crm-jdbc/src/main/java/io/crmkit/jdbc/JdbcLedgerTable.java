package io.crmkit.jdbc;

import io.crmkit.core.CustomerId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The queries shared by the ledger repositories (invoices, payments): find by identifier, and
 * lazy streams of the rows dated on or before a day, by date then identifier. Thread-safe.
 *
 * @param <T> the record type
 */
final class JdbcLedgerTable<T> {

    /** Reads a record from the current row of a result set. */
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;
    private final int fetchSize;
    private final String select;
    private final String idColumn;
    private final String dayColumn;
    private final RowReader<T> reader;
    private final String noun;

    JdbcLedgerTable(DataSource dataSource, int fetchSize, String table, String columns, String idColumn,
            String dayColumn, RowReader<T> reader, String noun) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be positive: " + fetchSize);
        }
        this.fetchSize = fetchSize;
        this.select = "SELECT " + columns + " FROM " + table;
        this.idColumn = idColumn;
        this.dayColumn = dayColumn;
        this.reader = reader;
        this.noun = noun;
    }

    Optional<T> findById(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(select + " WHERE " + idColumn + " = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new RepositoryAccessException("finding a " + noun, e);
        }
    }

    Stream<T> streamThrough(LocalDate lastDay, CustomerId customer) {
        String sql = select + " WHERE " + dayColumn + " <= ?" + (customer == null ? "" : " AND customer_id = ?")
                + " ORDER BY " + dayColumn + ", " + idColumn;
        return JdbcStream.of(dataSource, "streaming " + noun + "s", c -> {
            PreparedStatement p = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            p.setFetchSize(fetchSize);
            p.setObject(1, lastDay);
            if (customer != null) {
                p.setString(2, customer.value());
            }
            ResultSet rs = p.executeQuery();
            return () -> rs.next() ? reader.read(rs) : null;
        });
    }
}
