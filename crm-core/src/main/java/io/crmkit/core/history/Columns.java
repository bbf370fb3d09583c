package io.crmkit.core.history;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import java.util.Arrays;

/**
 * The per-customer columns of a purchase summary, as primitive arrays indexed by customer.
 * Times are ticks: epoch days on the day clock, epoch microseconds on the exact clock. Values are
 * in minor currency units. {@code firstOrder} is kept only for {@link PurchaseUnit#ORDER}, to break
 * ties between orders placed at the same tick. Not thread-safe.
 */
final class Columns {

    CustomerId[] ids;
    long[] first;
    long[] last;
    int[] purchases;
    int[] orders;
    long[] total;
    long[] firstValue;
    OrderId[] firstOrder;
    /** Cost of the counted orders (and returns), or null when the orders carry no cost. */
    long[] cost;
    int size;

    Columns(int capacity, boolean keepFirstOrder) {
        ids = new CustomerId[capacity];
        first = new long[capacity];
        last = new long[capacity];
        purchases = new int[capacity];
        orders = new int[capacity];
        total = new long[capacity];
        firstValue = new long[capacity];
        firstOrder = keepFirstOrder ? new OrderId[capacity] : null;
    }

    /** Wraps existing columns of {@code size} rows (no copy); {@code firstOrder} and {@code cost} may be null. */
    Columns(CustomerId[] ids, long[] first, long[] last, int[] purchases, int[] orders, long[] total,
            long[] firstValue, OrderId[] firstOrder, int size) {
        this.ids = ids;
        this.first = first;
        this.last = last;
        this.purchases = purchases;
        this.orders = orders;
        this.total = total;
        this.firstValue = firstValue;
        this.firstOrder = firstOrder;
        this.size = size;
    }

    void ensureCapacity(int needed) {
        if (needed <= ids.length) {
            return;
        }
        int capacity = Math.max(needed, ids.length + (ids.length >> 1) + 16);
        ids = Arrays.copyOf(ids, capacity);
        first = Arrays.copyOf(first, capacity);
        last = Arrays.copyOf(last, capacity);
        purchases = Arrays.copyOf(purchases, capacity);
        orders = Arrays.copyOf(orders, capacity);
        total = Arrays.copyOf(total, capacity);
        firstValue = Arrays.copyOf(firstValue, capacity);
        if (firstOrder != null) {
            firstOrder = Arrays.copyOf(firstOrder, capacity);
        }
    }

    /** Appends a customer, growing the arrays when needed; returns its index. */
    int append(CustomerId id, long firstTick, long lastTick, int purchaseCount, int orderCount, long totalValue,
            long firstPurchaseValue, OrderId firstOrderId) {
        ensureCapacity(size + 1);
        int i = size++;
        ids[i] = id;
        first[i] = firstTick;
        last[i] = lastTick;
        purchases[i] = purchaseCount;
        orders[i] = orderCount;
        total[i] = totalValue;
        firstValue[i] = firstPurchaseValue;
        if (firstOrder != null) {
            firstOrder[i] = firstOrderId;
        }
        return i;
    }

    /** Returns a compact copy with rows in the given order. */
    Columns permuted(int[] order) {
        Columns c = new Columns(order.length, firstOrder != null);
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            c.append(ids[i], first[i], last[i], purchases[i], orders[i], total[i], firstValue[i],
                    firstOrder == null ? null : firstOrder[i]);
        }
        return c;
    }
}
