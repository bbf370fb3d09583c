package io.crmkit.jdbc;

import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Binds orders and their lines to the columns of {@code crm_order} and {@code crm_order_line}. */
final class OrderRows {

    /** The columns of {@code crm_order}, in the order {@link #bindOrder} binds them. */
    static final String ORDER_COLUMNS = "order_id, customer_id, placed_at, status_label, status_category,"
            + " sales_channel, currency, gross_amount, discount_amount, refunded_amount, campaign_id";
    /** The columns of {@code crm_order_line}, in the order {@link #bindLine} binds them. */
    static final String LINE_COLUMNS = "order_id, line_no, product_id, quantity, quantity_scale, unit_price, unit_cost";

    private OrderRows() {
    }

    static void bindOrder(PreparedStatement p, Order o) throws SQLException {
        String where = "order " + o.id();
        p.setString(1, o.id().value());
        p.setString(2, o.customerId().value());
        SqlValues.setInstant(p, 3, o.placedAt(), where + " placedAt");
        p.setString(4, o.status().label());
        p.setString(5, o.status().category().name());
        p.setString(6, o.channel().name());
        p.setString(7, o.currency().getCurrencyCode());
        p.setBigDecimal(8, SqlValues.amount(o.grossAmount(), where + " grossAmount"));
        p.setBigDecimal(9, SqlValues.amount(o.discountAmount(), where + " discountAmount"));
        p.setBigDecimal(10, SqlValues.amount(o.refundedAmount(), where + " refundedAmount"));
        if (o.campaign().isPresent()) {
            p.setString(11, o.campaign().get().value());
        } else {
            p.setNull(11, Types.VARCHAR);
        }
    }

    static void bindLine(PreparedStatement p, Order o, int lineNo, OrderLine line) throws SQLException {
        String where = "order " + o.id() + " line " + lineNo;
        p.setString(1, o.id().value());
        p.setInt(2, lineNo);
        p.setString(3, line.product().value());
        p.setBigDecimal(4, SqlValues.quantity(line.quantity()));
        p.setInt(5, line.quantity().scale());
        p.setBigDecimal(6, SqlValues.amount(line.unitPrice(), where + " unitPrice"));
        if (line.unitCost().isPresent()) {
            p.setBigDecimal(7, SqlValues.amount(line.unitCost().get(), where + " unitCost"));
        } else {
            p.setNull(7, Types.NUMERIC);
        }
    }
}
