package io.crmkit.cli;

import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.CustomerPurchaseSummary;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.ResultRows;
import java.time.Instant;
import java.util.List;

/**
 * Per-customer purchase summaries as printable rows: identifier, first and last purchase, purchases,
 * orders, revenue, days since the last purchase, age in days, and the BTYD columns {@code x},
 * {@code t_x}, {@code T} (in the options' time unit) and {@code mean_repeat_value}, and {@code margin}
 * last when the orders carry their cost ({@link PurchaseSummaries#hasMargin()}). On the day clock
 * purchase times print as dates and durations are whole days.
 *
 * <p>Cells are read row by row: the current row's summary object is kept, so a row costs one
 * {@link CustomerPurchaseSummary}, and only the BTYD view is held in columns.
 */
final class SummaryRows implements ResultRows {

    private final PurchaseSummaries summaries;
    private final boolean dayClock;
    private final BtydView btyd;
    private final List<Column> columns;
    private int currentRow = -1;
    private CustomerPurchaseSummary current;

    SummaryRows(PurchaseSummaries summaries) {
        this.summaries = summaries;
        this.dayClock = summaries.options().dayClock();
        this.btyd = summaries.btyd();
        int dayDecimals = dayClock ? 0 : 2;
        List<Column> all = new java.util.ArrayList<>(List.of(Column.text("customer_id"), Column.text("first_purchase"),
                Column.text("last_purchase"), Column.number("purchases", 0), Column.number("orders", 0),
                Column.number("revenue", 2), Column.number("days_since_last", dayDecimals),
                Column.number("age_days", dayDecimals), Column.number("x", 0), Column.number("t_x", 2),
                Column.number("T", 2), Column.number("mean_repeat_value", 2)));
        if (summaries.hasMargin()) {
            all.add(Column.number("margin", 2));
        }
        this.columns = List.copyOf(all);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public int size() {
        return summaries.size();
    }

    @Override
    public Object value(int row, int column) {
        if (row != currentRow) {
            current = summaries.summary(row);
            currentRow = row;
        }
        CustomerPurchaseSummary s = current;
        return switch (column) {
            case 0 -> s.customerId().value();
            case 1 -> time(s.firstPurchaseAt());
            case 2 -> time(s.lastPurchaseAt());
            case 3 -> s.purchases();
            case 4 -> s.orders();
            case 5 -> s.revenue().amount();
            case 6 -> s.daysSinceLastPurchase();
            case 7 -> s.ageDays();
            case 8 -> btyd.x(row);
            case 9 -> btyd.tx(row);
            case 10 -> btyd.bigT(row);
            case 11 -> btyd.meanRepeatValue(row);
            case 12 -> summaries.margin(row).orElseThrow().amount();
            default -> throw new IndexOutOfBoundsException("column " + column);
        };
    }

    private Object time(Instant t) {
        return dayClock ? t.atZone(summaries.options().zone()).toLocalDate() : t;
    }
}
