package io.crmkit.jdbc;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import io.crmkit.core.OrderId;
import io.crmkit.core.order.OrderStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A bulk load of order rows streamed from a file, in bounded memory, as one transaction: every
 * row (one line of an order, with its file line number) is sent to a staging table in chunks
 * ({@code COPY} on PostgreSQL, batches on H2) as it comes; {@link #check} then finds, in SQL, the
 * rows that cannot be lines of their order, and {@link #commit} merges the lines of each order and
 * inserts the orders not yet stored ({@code INSERT ... ON CONFLICT DO NOTHING} on PostgreSQL), then
 * commits once. Loading the same rows twice stores their orders once; if anything fails, or the
 * load is closed without {@link #commit}, nothing of it remains.
 *
 * <p>Rows sharing an order identifier are lines of one order, adjacent or not: their amounts add
 * up, and every line must agree with the order's first line (the smallest file line with a valid
 * customer identifier) on customer, time, currency and status. A row handed over without a valid
 * customer identifier is rejected as such when it comes before the order's first line, and as
 * disagreeing with it after. So that the usual file (every order on one row) needs no grouping in
 * the database, a Bloom filter of the identifiers seen (Guava's, sized for
 * {@value #EXPECTED_ORDER_IDS} identifiers at a 1 % false-positive rate) marks the rows whose order
 * may have occurred before; only the orders with a marked row are checked and merged in SQL. More
 * identifiers only mark more rows (more grouping in SQL), never fewer.
 *
 * <p>Memory: one chunk of rows ({@value #CHUNK_ROWS}) and the filter (about 12 MiB), whatever the number
 * of rows. Not thread-safe: one thread adds the rows, checks and commits.
 */
public final class StagedOrderLoad implements AutoCloseable {

    /** Rows per {@code COPY} or batch. */
    public static final int CHUNK_ROWS = 50_000;
    /** Order identifiers the filter of identifiers seen is sized for (about 12 MiB). */
    public static final int EXPECTED_ORDER_IDS = 10_000_000;
    private static final double FALSE_POSITIVE_RATE = 0.01;

    private static final String STAGE = "crm_load_row";
    private static final String STAGE_COLUMNS = "line, order_id, customer_id, placed_at, status_label, status_category,"
            + " currency, amount, amount_minor, repeated";

    /**
     * Why {@link #check} rejects a row.
     */
    public enum Rejected {
        /** The row's customer identifier is not valid and no earlier row created its order. */
        INVALID_CUSTOMER_ID,
        /** The row disagrees with its order's first line; the field is named. */
        CONFLICTING_LINE,
        /**
         * Adding the row's amount to its order's total, or to the file's total of amounts, would
         * exceed the largest amount in minor units.
         */
        TOTAL_TOO_LARGE
    }

    /**
     * Receives the rows {@link #check} rejects, in file line order within each kind.
     */
    @FunctionalInterface
    public interface RejectionListener {

        /**
         * Reports a rejected row; it is not loaded.
         *
         * @param line the row's file line
         * @param why why, not null
         * @param firstLine the file line of the order's first line ({@link Rejected#CONFLICTING_LINE}), else 0
         * @param field the first disagreeing field, {@code customer_id}, {@code timestamp}, {@code currency}
         *     or {@code status} ({@link Rejected#CONFLICTING_LINE}), else null
         */
        void rejected(long line, Rejected why, long firstLine, String field);
    }

    private final Connection connection;
    private final JdbcDialect dialect;
    private final int chunkRows;
    private final BloomFilter<CharSequence> seenIds;
    private final StringBuilder copyBuffer;
    private final PreparedStatement batch;
    private int pending;
    private long rowsStaged;
    private long rowsMarked;
    private long absoluteTotal; // the staged rows' amounts, for the file-wide bound
    private final List<Long> beyondTotal = new ArrayList<>(); // lines of rows past that bound, not staged
    private boolean checked;
    private boolean done;

    private StagedOrderLoad(Connection connection, JdbcDialect dialect, int chunkRows, int expectedOrderIds)
            throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.chunkRows = chunkRows;
        this.seenIds = BloomFilter.create(Funnels.unencodedCharsFunnel(), expectedOrderIds, FALSE_POSITIVE_RATE);
        try (Statement s = connection.createStatement()) {
            String columns = "(line BIGINT NOT NULL, order_id VARCHAR NOT NULL, customer_id VARCHAR,"
                    + " placed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, status_label VARCHAR NOT NULL,"
                    + " status_category VARCHAR(16) NOT NULL, currency CHAR(3) NOT NULL,"
                    + " amount NUMERIC(38, 4) NOT NULL, amount_minor BIGINT NOT NULL, repeated BOOLEAN NOT NULL)";
            if (dialect == JdbcDialect.POSTGRESQL) {
                s.execute("CREATE TEMP TABLE " + STAGE + " " + columns.replace("VARCHAR NOT NULL, customer_id VARCHAR",
                        "TEXT COLLATE \"C\" NOT NULL, customer_id TEXT COLLATE \"C\"") + " ON COMMIT DROP");
            } else {
                // TRANSACTIONAL: creating it does not commit; dropped by close()
                s.execute("DROP TABLE IF EXISTS " + STAGE);
                s.execute("CREATE LOCAL TEMPORARY TABLE " + STAGE + " " + columns + " TRANSACTIONAL");
            }
        }
        if (dialect == JdbcDialect.POSTGRESQL) {
            copyBuffer = new StringBuilder(1 << 16);
            batch = null;
        } else {
            copyBuffer = null;
            batch = connection.prepareStatement("INSERT INTO " + STAGE + " (" + STAGE_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
    }

    /**
     * Begins a load on a new connection of a database migrated by {@link JdbcSchema} (the schema
     * is needed only by {@link #commit}).
     *
     * @param dataSource the database, not null
     * @return the load, to be closed, never null
     * @throws RepositoryAccessException if the database fails
     */
    public static StagedOrderLoad begin(DataSource dataSource) {
        return begin(dataSource, CHUNK_ROWS, EXPECTED_ORDER_IDS);
    }

    /** As {@link #begin(DataSource)}, with a chunk size and filter size (for tests: small ones). */
    static StagedOrderLoad begin(DataSource dataSource, int chunkRows, int expectedOrderIds) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (chunkRows < 1 || expectedOrderIds < 1) {
            throw new IllegalArgumentException("chunkRows " + chunkRows + ", expectedOrderIds " + expectedOrderIds);
        }
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            return new StagedOrderLoad(c, JdbcDialect.of(c), chunkRows, expectedOrderIds);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new RepositoryAccessException("starting to load orders", e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * Stages one row: a line of an order (the whole order when no other row has its identifier).
     *
     * @param line the row's file line (identifies it in rejections)
     * @param orderId the order identifier, a valid {@link OrderId} text, not null
     * @param customerId the customer identifier, or null when the row's is not a valid identifier
     *     (then {@link #check} rejects the row)
     * @param placedAt when the order was placed, not null
     * @param status the order's status, not null
     * @param currency the amount's currency, not null
     * @param amountMinor the line's amount in the currency's minor units, not negative
     * @throws IllegalArgumentException if the time or amount cannot be stored (the load must then be
     *     closed: nothing is stored)
     * @throws RepositoryAccessException if the database fails
     */
    public void add(long line, String orderId, String customerId, Instant placedAt, OrderStatus status,
            Currency currency, long amountMinor) {
        if (checked || done) {
            throw new IllegalStateException("rows can only be added before check()");
        }
        if (placedAt.isBefore(SqlValues.EARLIEST) || !placedAt.isBefore(SqlValues.LATEST)
                || placedAt.getNano() % 1000 != 0) {
            SqlValues.storable(placedAt, "order " + OrderId.of(orderId) + " placedAt");
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        if (digits > SqlValues.MONEY_SCALE || amountMinor < 0) {
            throw new IllegalArgumentException("order " + orderId + " grossAmount cannot be stored (" + amountMinor
                    + " minor units of " + currency.getCurrencyCode() + ")");
        }
        if (customerId != null) {
            if (amountMinor > Long.MAX_VALUE - absoluteTotal) {
                // as a file read into one batch: no total of the stored orders may overflow
                beyondTotal.add(line);
                return;
            }
            absoluteTotal += amountMinor;
        }
        boolean repeated = seen(orderId) || customerId == null;
        rowsMarked += repeated ? 1 : 0;
        BigDecimal amount = BigDecimal.valueOf(amountMinor, digits);
        try {
            if (copyBuffer != null) {
                StringBuilder b = copyBuffer;
                b.append(line).append('\t');
                JdbcOrderLoader.text(b, orderId).append('\t');
                if (customerId == null) {
                    b.append("\\N");
                } else {
                    JdbcOrderLoader.text(b, customerId);
                }
                b.append('\t').append(placedAt).append('\t');
                JdbcOrderLoader.text(b, status.label()).append('\t');
                b.append(status.category().name()).append('\t').append(currency.getCurrencyCode()).append('\t');
                b.append(amount.toPlainString()).append('\t').append(amountMinor).append('\t');
                b.append(repeated ? 't' : 'f').append('\n');
            } else {
                batch.setLong(1, line);
                batch.setString(2, orderId);
                batch.setString(3, customerId);
                batch.setObject(4, OffsetDateTime.ofInstant(placedAt, ZoneOffset.UTC));
                batch.setString(5, status.label());
                batch.setString(6, status.category().name());
                batch.setString(7, currency.getCurrencyCode());
                batch.setBigDecimal(8, amount);
                batch.setLong(9, amountMinor);
                batch.setBoolean(10, repeated);
                batch.addBatch();
            }
            rowsStaged++;
            if (++pending == chunkRows) {
                flush();
            }
        } catch (SQLException e) {
            throw new RepositoryAccessException("staging order rows", e);
        }
    }

    /** Sends the pending rows: one {@code COPY} or one batch. */
    private void flush() throws SQLException {
        if (pending == 0) {
            return;
        }
        if (copyBuffer != null) {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + STAGE + " (" + STAGE_COLUMNS + ") FROM STDIN");
            try {
                byte[] bytes = copyBuffer.toString().getBytes(StandardCharsets.UTF_8);
                copyBuffer.setLength(0);
                in.writeToCopy(bytes, 0, bytes.length);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        } else {
            batch.executeBatch();
        }
        pending = 0;
    }

    /** Whether the identifier may have been added before; adds it. */
    private boolean seen(String orderId) {
        // put changes no bit exactly when every bit of the identifier was already set
        return !seenIds.put(orderId);
    }

    /**
     * Sends the last rows and rejects, in SQL, the rows that cannot be lines of their order (see
     * the class description), reporting each; the rejected rows are not loaded.
     *
     * @param listener receives the rejected rows, not null
     * @return the number of rows rejected
     * @throws RepositoryAccessException if the database fails
     */
    public long check(RejectionListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (checked || done) {
            throw new IllegalStateException("check() runs once, before commit()");
        }
        checked = true;
        try {
            flush();
            for (long line : beyondTotal) {
                listener.rejected(line, Rejected.TOTAL_TOO_LARGE, 0, null);
            }
            if (rowsMarked == 0) {
                return beyondTotal.size();
            }
            try (Statement s = connection.createStatement()) {
                // every row of an order with a marked row is marked, so that its lines are merged
                s.executeUpdate("UPDATE " + STAGE + " SET repeated = TRUE WHERE NOT repeated AND order_id IN"
                        + " (SELECT order_id FROM " + STAGE + " WHERE repeated)");
                if (dialect == JdbcDialect.POSTGRESQL) {
                    s.execute("ANALYZE " + STAGE);
                }
            }
            long rejected = conflicts(listener);
            return beyondTotal.size() + rejected;
        } catch (SQLException e) {
            throw new RepositoryAccessException("checking the order rows", e);
        }
    }

    /** Rows without a valid customer, or disagreeing with their order's first line. */
    private long conflicts(RejectionListener listener) throws SQLException {
        String firsts = "SELECT f.* FROM " + STAGE + " f JOIN (SELECT order_id, MIN(line) AS first_line FROM " + STAGE
                + " WHERE repeated AND customer_id IS NOT NULL GROUP BY order_id) m ON f.line = m.first_line";
        String joined = " FROM " + STAGE + " s LEFT JOIN (" + firsts + ") f ON f.order_id = s.order_id"
                + " WHERE s.repeated AND (s.customer_id IS NULL OR (s.line <> f.line AND (s.customer_id <> f.customer_id"
                + " OR s.placed_at <> f.placed_at OR s.currency <> f.currency OR s.status_label <> f.status_label"
                + " OR s.status_category <> f.status_category)))";
        long rejected = 0;
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery("SELECT s.line, f.line, CASE WHEN s.customer_id IS NULL AND"
                    + " (f.line IS NULL OR s.line < f.line) THEN 'invalid' WHEN s.customer_id IS NULL"
                    + " OR s.customer_id <> f.customer_id THEN 'customer_id' WHEN s.placed_at <> f.placed_at"
                    + " THEN 'timestamp' WHEN s.currency <> f.currency THEN 'currency' ELSE 'status' END"
                    + joined + " ORDER BY s.line")) {
                while (rs.next()) {
                    String field = rs.getString(3);
                    if (field.equals("invalid")) {
                        listener.rejected(rs.getLong(1), Rejected.INVALID_CUSTOMER_ID, 0, null);
                    } else {
                        listener.rejected(rs.getLong(1), Rejected.CONFLICTING_LINE, rs.getLong(2), field);
                    }
                    rejected++;
                }
            }
            if (rejected > 0) {
                s.executeUpdate("DELETE FROM " + STAGE + " WHERE line IN (SELECT s.line" + joined + ")");
            }
        }
        return rejected;
    }

    /**
     * Inserts the orders (the lines of each merged, their amounts added) whose identifiers are not
     * stored yet, and commits the load. The schema must exist ({@link JdbcSchema#migrate}).
     *
     * @return what was loaded: the orders staged, and those inserted, never null
     * @throws IllegalStateException if {@link #check} did not run
     * @throws RepositoryAccessException if the database fails (nothing is stored)
     */
    public JdbcOrderLoader.LoadResult commit() {
        if (!checked || done) {
            throw new IllegalStateException("commit() runs once, after check()");
        }
        done = true;
        String columns = OrderRows.ORDER_COLUMNS;
        String orders = "SELECT order_id, customer_id, placed_at, status_label, status_category, 'UNKNOWN' AS sales_channel,"
                + " currency, amount AS gross_amount, 0 AS discount_amount, 0 AS refunded_amount,"
                + " CAST(NULL AS VARCHAR) AS campaign_id FROM " + STAGE + " WHERE NOT repeated";
        if (rowsMarked > 0) {
            orders += " UNION ALL SELECT order_id, MIN(customer_id), MIN(placed_at), MIN(status_label),"
                    + " MIN(status_category), 'UNKNOWN', MIN(currency), SUM(amount), 0, 0, CAST(NULL AS VARCHAR) FROM "
                    + STAGE + " WHERE repeated GROUP BY order_id";
        }
        try {
            long read;
            long inserted;
            try (Statement s = connection.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + STAGE + " WHERE NOT repeated")) {
                    rs.next();
                    read = rs.getLong(1);
                }
                if (rowsMarked > 0) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT order_id) FROM " + STAGE
                            + " WHERE repeated")) {
                        rs.next();
                        read += rs.getLong(1);
                    }
                }
                if (dialect == JdbcDialect.POSTGRESQL) {
                    inserted = s.executeUpdate("INSERT INTO crm_order (" + columns + ") SELECT " + columns + " FROM ("
                            + orders + ") o ON CONFLICT (order_id) DO NOTHING");
                } else {
                    inserted = s.executeUpdate("INSERT INTO crm_order (" + columns + ") SELECT " + columns + " FROM ("
                            + orders + ") o WHERE NOT EXISTS (SELECT 1 FROM crm_order x WHERE x.order_id = o.order_id)");
                }
            }
            connection.commit();
            return new JdbcOrderLoader.LoadResult(read, inserted, 0);
        } catch (SQLException e) {
            JdbcCrmWriter.rollbackQuietly(connection);
            throw new RepositoryAccessException("loading orders", e);
        }
    }

    /** Returns the rows staged so far (rejected ones included). */
    long rowsStaged() {
        return rowsStaged;
    }

    /**
     * Ends the load: rolls it back unless {@link #commit} succeeded, and closes the connection.
     */
    @Override
    public void close() {
        JdbcCrmWriter.rollbackQuietly(connection);
        if (dialect == JdbcDialect.H2) {
            try (Statement s = connection.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + STAGE);
            } catch (SQLException ignored) {
                // the table goes with the connection anyway
            }
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}
