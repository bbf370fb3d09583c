package io.crmkit.jdbc;

import io.crmkit.core.CampaignId;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.ProductId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.order.SalesChannel;
import io.crmkit.core.port.OrderRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@link OrderRepository} over the {@code crm_order} and {@code crm_order_line} tables of
 * {@link JdbcSchema}, in plain JDBC.
 *
 * <p>{@link #stream(TimeRange)} runs two queries on one connection, orders by
 * {@code (placed_at, order_id)} and their lines by {@code (placed_at, order_id, line_no)}, and
 * merges them: both are index-ordered cursors read {@linkplain #fetchSize() a batch of rows} at a
 * time, so memory stays bounded whatever the number of orders. On PostgreSQL the cursors are
 * server-side (auto-commit off, fetch size set). Each stream holds its own connection until it is
 * closed or read to its end: <strong>close every stream</strong> (try-with-resources). A lost
 * connection raises {@link RepositoryAccessException} from the stream's terminal operation.
 *
 * <p>Thread-safe (when the data source is): the repository holds no connection of its own.
 */
public final class JdbcOrderRepository implements OrderRepository {

    /** The default number of rows fetched per round trip. */
    public static final int DEFAULT_FETCH_SIZE = 10_000;

    private static final String ORDER_COLUMNS = "o.order_id, o.customer_id, o.placed_at, o.status_label,"
            + " o.status_category, o.sales_channel, o.currency, o.gross_amount, o.discount_amount,"
            + " o.refunded_amount, o.campaign_id";
    private static final String LINE_COLUMNS = "l.order_id, l.line_no, l.product_id, l.quantity, l.quantity_scale,"
            + " l.unit_price, l.unit_cost";

    private final DataSource dataSource;
    private final int fetchSize;

    /**
     * Creates a repository reading {@link #DEFAULT_FETCH_SIZE} rows per round trip.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     */
    public JdbcOrderRepository(DataSource dataSource) {
        this(dataSource, DEFAULT_FETCH_SIZE);
    }

    /**
     * Creates a repository.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     * @param fetchSize the rows fetched per round trip while streaming, at least 1
     */
    public JdbcOrderRepository(DataSource dataSource, int fetchSize) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be at least 1: " + fetchSize);
        }
        this.fetchSize = fetchSize;
    }

    /**
     * Returns the number of rows fetched per round trip while streaming.
     *
     * @return the fetch size, at least 1
     */
    public int fetchSize() {
        return fetchSize;
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        Objects.requireNonNull(id, "id");
        try (Connection c = dataSource.getConnection();
                PreparedStatement orders = c.prepareStatement("SELECT " + ORDER_COLUMNS
                        + " FROM crm_order o WHERE o.order_id = ?");
                PreparedStatement lines = c.prepareStatement("SELECT " + LINE_COLUMNS
                        + " FROM crm_order_line l WHERE l.order_id = ? ORDER BY l.line_no")) {
            orders.setString(1, id.value());
            lines.setString(1, id.value());
            try (ResultSet o = orders.executeQuery(); ResultSet l = lines.executeQuery()) {
                if (!o.next()) {
                    return Optional.empty();
                }
                Reader reader = new Reader(o, l);
                return Optional.of(reader.next());
            }
        } catch (SQLException e) {
            throw new RepositoryAccessException("finding an order", e);
        }
    }

    @Override
    public Stream<Order> stream(TimeRange range) {
        Objects.requireNonNull(range, "range");
        return query(range, null, "streaming orders");
    }

    @Override
    public Stream<Order> streamForCustomer(CustomerId customerId, TimeRange range) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(range, "range");
        return query(range, customerId, "streaming a customer's orders");
    }

    /**
     * Returns the number of orders stored.
     *
     * @return the count, not negative
     * @throws RepositoryAccessException if the database fails
     */
    public long count() {
        return JdbcSupport.count(dataSource, "SELECT COUNT(*) FROM crm_order", "counting orders");
    }

    /**
     * Returns the time of the latest order stored.
     *
     * @return the latest {@code placed_at}, or empty when there are no orders, never null
     * @throws RepositoryAccessException if the database fails
     */
    public Optional<Instant> latestPlacedAt() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("SELECT MAX(placed_at) FROM crm_order");
                ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getObject(1) == null ? Optional.empty() : Optional.of(SqlValues.instant(rs, 1));
        } catch (SQLException e) {
            throw new RepositoryAccessException("finding the latest order", e);
        }
    }

    private Stream<Order> query(TimeRange range, CustomerId customer, String operation) {
        Instant[] bounds = SqlValues.bounds(range);
        if (bounds == null) {
            return Stream.empty();
        }
        String where = " WHERE o.placed_at >= ? AND o.placed_at < ?" + (customer == null ? "" : " AND o.customer_id = ?");
        String orderSql = "SELECT " + ORDER_COLUMNS + " FROM crm_order o" + where + " ORDER BY o.placed_at, o.order_id";
        String lineSql = "SELECT " + LINE_COLUMNS + " FROM crm_order_line l JOIN crm_order o ON o.order_id = l.order_id"
                + where + " ORDER BY o.placed_at, o.order_id, l.line_no";
        return JdbcStream.of(dataSource, operation, c -> {
            ResultSet orders = JdbcSupport.cursor(c, orderSql, fetchSize, bounds, customer);
            ResultSet lines = JdbcSupport.cursor(c, lineSql, fetchSize, bounds, customer);
            Reader reader = new Reader(orders, lines);
            return () -> orders.next() ? reader.next() : null;
        });
    }

    /**
     * Builds orders from the current row of an order cursor and the matching rows of a line
     * cursor in the same order.
     */
    private static final class Reader {
        private final ResultSet orders;
        private final ResultSet lines;
        private final Map<String, Currency> currencies = new HashMap<>();
        private boolean lineRow;
        private boolean linesStarted;

        Reader(ResultSet orders, ResultSet lines) {
            this.orders = orders;
            this.lines = lines;
        }

        /** Reads the order at the current row of the order cursor, with its lines. */
        Order next() throws SQLException {
            String id = orders.getString(1);
            Currency currency = currencies.computeIfAbsent(orders.getString(7), Currency::getInstance);
            String campaign = orders.getString(11);
            List<OrderLine> orderLines = lines(id, currency);
            return new Order(OrderId.of(id), CustomerId.of(orders.getString(2)), SqlValues.instant(orders, 3),
                    OrderStatus.of(orders.getString(4), OrderStatusCategory.valueOf(orders.getString(5))),
                    SalesChannel.valueOf(orders.getString(6)), orderLines,
                    SqlValues.money(orders.getBigDecimal(8), currency), SqlValues.money(orders.getBigDecimal(9), currency),
                    SqlValues.money(orders.getBigDecimal(10), currency),
                    campaign == null ? Optional.empty() : Optional.of(CampaignId.of(campaign)));
        }

        private List<OrderLine> lines(String orderId, Currency currency) throws SQLException {
            if (!linesStarted) {
                linesStarted = true;
                lineRow = lines.next();
            }
            if (!lineRow || !lines.getString(1).equals(orderId)) {
                return List.of();
            }
            List<OrderLine> out = new ArrayList<>();
            while (lineRow && lines.getString(1).equals(orderId)) {
                BigDecimal quantity = lines.getBigDecimal(4).setScale(lines.getInt(5), RoundingMode.UNNECESSARY);
                BigDecimal cost = lines.getBigDecimal(7);
                Money unitCost = cost == null ? null : SqlValues.money(cost, currency);
                out.add(new OrderLine(ProductId.of(lines.getString(3)), quantity, SqlValues.money(lines.getBigDecimal(6),
                        currency), Optional.ofNullable(unitCost)));
                lineRow = lines.next();
            }
            return out;
        }
    }
}
