package io.crmkit.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.CustomerId;
import io.crmkit.core.TimeRange;
import io.crmkit.jackson.UntrustedJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * One table of records stored as crm-jackson JSON documents beside the columns that queries
 * filter and order on (identifier, customer, event time): the shared logic of the document-backed
 * repositories. Thread-safe.
 *
 * @param <T> the record type
 */
final class DocumentTable<T> {

    /** crm-jackson's strict, stable format (docs/adr/0009-json-format.md); thread-safe once built. */
    static final ObjectMapper MAPPER = UntrustedJson.mapper();

    private final DataSource dataSource;
    private final int fetchSize;
    private final String table;
    private final String idColumn;
    private final String timeColumn;
    private final Class<T> type;
    private final String noun;

    DocumentTable(DataSource dataSource, int fetchSize, String table, String idColumn, String timeColumn,
            Class<T> type, String noun) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be at least 1: " + fetchSize);
        }
        this.fetchSize = fetchSize;
        this.table = table;
        this.idColumn = idColumn;
        this.timeColumn = timeColumn;
        this.type = type;
        this.noun = noun;
    }

    Optional<T> findById(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("SELECT document FROM " + table + " WHERE " + idColumn + " = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(parse(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new RepositoryAccessException("finding a " + noun, e);
        }
    }

    /** Streams the records whose time lies in the range (of one customer when given), by time then id. */
    Stream<T> stream(TimeRange range, CustomerId customer) {
        Instant[] bounds = SqlValues.bounds(range);
        if (bounds == null) {
            return Stream.empty();
        }
        String sql = "SELECT document FROM " + table + " WHERE " + timeColumn + " >= ? AND " + timeColumn + " < ?"
                + (customer == null ? "" : " AND customer_id = ?") + " ORDER BY " + timeColumn + ", " + idColumn;
        return JdbcStream.of(dataSource, "streaming " + noun + "s", c -> {
            ResultSet rs = JdbcSupport.cursor(c, sql, fetchSize, bounds, customer);
            return () -> rs.next() ? parse(rs.getString(1)) : null;
        });
    }

    /** Streams every record by identifier. */
    Stream<T> streamAll() {
        String sql = "SELECT document FROM " + table + " ORDER BY " + idColumn;
        return JdbcStream.of(dataSource, "streaming " + noun + "s", c -> {
            PreparedStatement p = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            p.setFetchSize(fetchSize);
            ResultSet rs = p.executeQuery();
            return () -> rs.next() ? parse(rs.getString(1)) : null;
        });
    }

    long count() {
        return JdbcSupport.count(dataSource, "SELECT COUNT(*) FROM " + table, "counting " + noun + "s");
    }

    private T parse(String document) {
        try {
            return MAPPER.readValue(document, type);
        } catch (JsonProcessingException e) {
            // crm-jackson's messages name the property, never a personal value
            throw new RepositoryAccessException("reading a " + noun + ": the stored document is not a valid "
                    + type.getSimpleName() + " (" + e.getOriginalMessage() + ")", null);
        }
    }

    /** Serialises a record for the document column. */
    static String document(Object record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("crm-jackson cannot write a " + record.getClass().getSimpleName(), e);
        }
    }
}
