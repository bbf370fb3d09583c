package io.crmkit.jdbc;

import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk-loads orders (with their lines) into the tables of {@link JdbcSchema}, idempotently: an
 * order whose identifier is already stored is left as it is and not counted as inserted, so that
 * loading the same orders twice stores them once. The whole load is one transaction: if it fails
 * (a lost connection, a value the schema cannot hold), nothing of it remains.
 *
 * <p>On PostgreSQL the orders are streamed with {@code COPY} into a temporary staging table, then
 * inserted with {@code INSERT ... ON CONFLICT (order_id) DO NOTHING} (lines only for the orders
 * inserted); on H2 they are inserted in batches of {@value #CHUNK}, after looking up which of them
 * are already stored. Memory is bounded by one chunk (or the COPY buffer), whatever the number of
 * orders.
 *
 * <p>Thread-safe (when the data source is); concurrent loads of the same orders may fail with a
 * constraint violation on H2 (nothing of the failed load remains).
 */
public final class JdbcOrderLoader {

    /** Orders per batch on H2, and between progress reports. */
    public static final int CHUNK = 5_000;

    private static final int COPY_BUFFER_CHARS = 1 << 20;

    private final DataSource dataSource;

    /**
     * What a load did.
     *
     * @param ordersRead the orders offered
     * @param ordersInserted the orders stored by this load (the others were stored already)
     * @param linesInserted the order lines stored by this load
     */
    public record LoadResult(long ordersRead, long ordersInserted, long linesInserted) {

        /**
         * Checks the counts.
         */
        public LoadResult {
            if (ordersRead < 0 || ordersInserted < 0 || linesInserted < 0 || ordersInserted > ordersRead) {
                throw new IllegalArgumentException("inconsistent load counts: read " + ordersRead + ", inserted "
                        + ordersInserted + ", lines " + linesInserted);
            }
        }

        /**
         * Returns the orders that were stored already (or offered twice) and left as they were.
         *
         * @return {@code ordersRead - ordersInserted}
         */
        public long ordersAlreadyStored() {
            return ordersRead - ordersInserted;
        }
    }

    /**
     * Creates a loader.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     */
    public JdbcOrderLoader(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Loads orders in one transaction.
     *
     * @param orders the orders, iterated once (twice on PostgreSQL when some have lines), not null
     * @param progress receives the number of orders sent so far, every {@value #CHUNK} orders, not null
     * @return what was loaded, never null
     * @throws IllegalArgumentException if an order has a value the schema cannot hold (nothing written)
     * @throws RepositoryAccessException if the database fails (nothing written)
     */
    public LoadResult load(Iterable<Order> orders, LongConsumer progress) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(progress, "progress");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                LoadResult result = JdbcDialect.of(c) == JdbcDialect.POSTGRESQL ? copy(c, orders, progress)
                        : batches(c, orders, progress);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                JdbcCrmWriter.rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new RepositoryAccessException("loading orders", e);
        }
    }

    //-----------------------------------------------------------------------
    // PostgreSQL: COPY into staging tables, then one INSERT ... ON CONFLICT DO NOTHING

    private static LoadResult copy(Connection c, Iterable<Order> orders, LongConsumer progress) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE crm_order_stage (LIKE crm_order) ON COMMIT DROP");
            s.execute("CREATE TEMP TABLE crm_order_line_stage (LIKE crm_order_line) ON COMMIT DROP");
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        long read = 0;
        boolean anyLines = false;
        CopyIn in = pg.getCopyAPI().copyIn("COPY crm_order_stage (" + OrderRows.ORDER_COLUMNS + ") FROM STDIN");
        try {
            StringBuilder buffer = new StringBuilder(COPY_BUFFER_CHARS + 4096);
            for (Order o : orders) {
                appendOrder(buffer, o);
                anyLines |= !o.lines().isEmpty();
                if (buffer.length() >= COPY_BUFFER_CHARS) {
                    flush(in, buffer);
                }
                if (++read % CHUNK == 0) {
                    progress.accept(read);
                }
            }
            flush(in, buffer);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        if (anyLines) {
            copyLines(pg, orders);
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE crm_order_stage");
            try (ResultSet rs = s.executeQuery("WITH inserted AS (INSERT INTO crm_order (" + OrderRows.ORDER_COLUMNS
                    + ") SELECT " + OrderRows.ORDER_COLUMNS + " FROM crm_order_stage"
                    + " ON CONFLICT (order_id) DO NOTHING RETURNING order_id),"
                    + " lines AS (INSERT INTO crm_order_line (" + OrderRows.LINE_COLUMNS + ") SELECT "
                    + prefixed("l.", OrderRows.LINE_COLUMNS) + " FROM crm_order_line_stage l"
                    + " JOIN inserted i ON i.order_id = l.order_id ON CONFLICT DO NOTHING RETURNING 1)"
                    + " SELECT (SELECT COUNT(*) FROM inserted), (SELECT COUNT(*) FROM lines)")) {
                rs.next();
                return new LoadResult(read, rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private static void copyLines(PGConnection pg, Iterable<Order> orders) throws SQLException {
        CopyIn in = pg.getCopyAPI().copyIn("COPY crm_order_line_stage (" + OrderRows.LINE_COLUMNS + ") FROM STDIN");
        try {
            StringBuilder buffer = new StringBuilder(COPY_BUFFER_CHARS + 4096);
            for (Order o : orders) {
                for (int k = 0; k < o.lines().size(); k++) {
                    appendLine(buffer, o, k + 1, o.lines().get(k));
                }
                if (buffer.length() >= COPY_BUFFER_CHARS) {
                    flush(in, buffer);
                }
            }
            flush(in, buffer);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void flush(CopyIn in, StringBuilder buffer) throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    /** One row of COPY's text format; values checked as {@link OrderRows} checks them. */
    private static void appendOrder(StringBuilder b, Order o) {
        String where = "order " + o.id();
        text(b, o.id().value()).append('\t');
        text(b, o.customerId().value()).append('\t');
        b.append(SqlValues.storable(o.placedAt(), where + " placedAt")).append('\t');
        text(b, o.status().label()).append('\t');
        b.append(o.status().category().name()).append('\t');
        b.append(o.channel().name()).append('\t');
        b.append(o.currency().getCurrencyCode()).append('\t');
        b.append(SqlValues.amount(o.grossAmount(), where + " grossAmount").toPlainString()).append('\t');
        b.append(SqlValues.amount(o.discountAmount(), where + " discountAmount").toPlainString()).append('\t');
        b.append(SqlValues.amount(o.refundedAmount(), where + " refundedAmount").toPlainString()).append('\t');
        if (o.campaign().isPresent()) {
            text(b, o.campaign().get().value());
        } else {
            b.append("\\N");
        }
        b.append('\n');
    }

    private static void appendLine(StringBuilder b, Order o, int lineNo, OrderLine line) {
        String where = "order " + o.id() + " line " + lineNo;
        text(b, o.id().value()).append('\t').append(lineNo).append('\t');
        text(b, line.product().value()).append('\t');
        BigDecimal q = SqlValues.quantity(line.quantity());
        b.append(q.toPlainString()).append('\t').append(q.scale()).append('\t');
        b.append(SqlValues.amount(line.unitPrice(), where + " unitPrice").toPlainString()).append('\t');
        if (line.unitCost().isPresent()) {
            b.append(SqlValues.amount(line.unitCost().get(), where + " unitCost").toPlainString());
        } else {
            b.append("\\N");
        }
        b.append('\n');
    }

    /** Appends text escaped for COPY's text format. */
    static StringBuilder text(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b;
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }

    //-----------------------------------------------------------------------
    // H2 (and any other database): look up which orders are stored, insert the others in batches

    private static LoadResult batches(Connection c, Iterable<Order> orders, LongConsumer progress) throws SQLException {
        long read = 0;
        long inserted = 0;
        long lines = 0;
        try (PreparedStatement find = c.prepareStatement("SELECT order_id FROM crm_order WHERE order_id = ANY(?)");
                PreparedStatement o = c.prepareStatement("INSERT INTO crm_order (" + OrderRows.ORDER_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement l = c.prepareStatement("INSERT INTO crm_order_line (" + OrderRows.LINE_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            List<Order> chunk = new ArrayList<>(CHUNK);
            for (Order order : orders) {
                chunk.add(order);
                read++;
                if (chunk.size() == CHUNK) {
                    long[] n = insertChunk(c, find, o, l, chunk);
                    inserted += n[0];
                    lines += n[1];
                    chunk.clear();
                    progress.accept(read);
                }
            }
            long[] n = insertChunk(c, find, o, l, chunk);
            inserted += n[0];
            lines += n[1];
        }
        return new LoadResult(read, inserted, lines);
    }

    private static long[] insertChunk(Connection c, PreparedStatement find, PreparedStatement o, PreparedStatement l,
            List<Order> chunk) throws SQLException {
        if (chunk.isEmpty()) {
            return new long[2];
        }
        Set<String> stored = new HashSet<>();
        Array ids = c.createArrayOf("VARCHAR", chunk.stream().map(x -> x.id().value()).toArray());
        find.setArray(1, ids);
        try (ResultSet rs = find.executeQuery()) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        long orders = 0;
        long lines = 0;
        for (Order order : chunk) {
            if (stored.add(order.id().value())) {
                OrderRows.bindOrder(o, order);
                o.addBatch();
                orders++;
                for (int k = 0; k < order.lines().size(); k++) {
                    OrderRows.bindLine(l, order, k + 1, order.lines().get(k));
                    l.addBatch();
                    lines++;
                }
            }
        }
        o.executeBatch();
        l.executeBatch();
        return new long[] {orders, lines};
    }
}
