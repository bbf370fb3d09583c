package io.crmkit.metrics.kpi;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.CustomerIndex;
import io.crmkit.core.internal.LocalDays;
import io.crmkit.core.internal.StateBytes;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.port.OrderRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Computes the order KPIs of every period of a grid, and the cohort retention matrix, in one pass
 * over the orders, in memory proportional to the number of customers plus the number of periods.
 *
 * <p>Orders must arrive in time order per customer (every {@link OrderRepository} stream does);
 * orders before the grid are used as history (who is new, who is active at the first period's
 * start), orders at or after its end are counted as excluded. An order earlier than a previous
 * order of the same customer raises {@link IllegalArgumentException}.
 *
 * <p>How active customers are counted: a purchase at {@code t} makes its customer active at every
 * period boundary in {@code (t, t + window]}; per customer these ranges are merged as they arrive,
 * and difference arrays over the boundaries give the active counts and the customers active at
 * both ends of each period, so the cost per order is a binary search over the boundaries.
 *
 * <p>Stateless and thread-safe (each call uses its own state).
 */
public final class OrderKpis {

    private OrderKpis() {
    }

    /**
     * Computes the KPIs from a repository, streaming every order placed before the grid's end.
     *
     * @param orders the repository, not null
     * @param options the definitions, not null
     * @return the report, never null
     */
    public static OrderKpiReport compute(OrderRepository orders, OrderKpiOptions options) {
        Checks.notNull(orders, "orders");
        Checks.notNull(options, "options");
        try (Stream<Order> stream = orders.stream(io.crmkit.core.TimeRange.until(options.grid().range().end()))) {
            return compute(stream, options);
        }
    }

    /**
     * Computes the KPIs from a stream of orders (consumed, not closed).
     *
     * @param orders the orders, in time order per customer, not null
     * @param options the definitions, not null
     * @return the report, never null
     * @throws IllegalArgumentException if a customer's orders are out of time order
     * @throws CurrencyMismatchException if counted orders are in different currencies
     */
    public static OrderKpiReport compute(Stream<? extends Order> orders, OrderKpiOptions options) {
        Checks.notNull(orders, "orders");
        Accumulator pass = new Accumulator(options);
        orders.sequential().forEachOrdered(pass::accept);
        return pass.report();
    }

    /**
     * Computes the KPIs from orders in an iterable.
     *
     * @param orders the orders, in time order per customer, not null
     * @param options the definitions, not null
     * @return the report, never null
     */
    public static OrderKpiReport compute(Iterable<? extends Order> orders, OrderKpiOptions options) {
        Checks.notNull(orders, "orders");
        Accumulator pass = new Accumulator(options);
        for (Order o : orders) {
            pass.accept(o);
        }
        return pass.report();
    }

    /**
     * Computes the period KPIs of a columnar batch in one pass, taking each customer's rows in time
     * order ({@link OrderBatch#byCustomer}): the same report as
     * {@link #compute(Iterable, OrderKpiOptions)} for the same orders, without an object per order.
     * Returns (rows of money paid back) are not orders: they are left out, and not counted as seen.
     *
     * @param batch the orders, not null
     * @param options the grid and definitions, not null
     * @return the report, never null
     * @throws CurrencyMismatchException if the options require another currency than the batch's and
     *     an order is counted
     */
    public static OrderKpiReport compute(OrderBatch batch, OrderKpiOptions options) {
        return accumulator(options).acceptAll(batch).report();
    }

    /**
     * Starts an accumulator: the same pass as {@code compute}, fed order by order, batch by batch,
     * or partition by partition ({@link Accumulator#combine}).
     *
     * @param options the grid and definitions, not null
     * @return a new accumulator, never null
     */
    public static Accumulator accumulator(OrderKpiOptions options) {
        return new Accumulator(options);
    }

    /**
     * The single pass: per-customer state in primitive arrays (about 30 bytes a customer), per-period
     * tallies. Feed it with {@link #accept(Order)} and {@link #acceptAll(OrderBatch)}, each customer's
     * orders in time order across the calls; {@link #combine} adds an accumulator fed with other
     * customers (partitions by customer combine exactly, in any grouping); {@link #report()} reads
     * the result. Not thread-safe: one accumulator per partition.
     */
    public static final class Accumulator {
        /** The version of the byte form of {@link #talliesAsBytes()}. */
        private static final int TALLIES_FORM = 0x4b504932;
        private final OrderKpiOptions options;
        private final PeriodGrid grid;
        private final int periods;
        private final Instant end;
        private final Duration window;
        private final CustomerIndex index = new CustomerIndex(1024);
        private Currency currency;

        private long[] lastMicros = new long[1024];
        /** Under the day unit, the calendar day (in the grid's zone) of each customer's last counted order. */
        private long[] lastDay = new long[1024];
        private final LocalDays days;
        private int[] cohort = new int[1024];
        private int[] lastPeriod = new int[1024];
        private int[] ordersInLastPeriod = new int[1024];
        private int[] lastCovered = new int[1024];

        private final long[] orders;
        private final long[] revenue;
        private final long[] newRevenue;
        private final long[] buyers;
        private final long[] newCustomers;
        private final long[] multi;
        private final long[] reactivated;
        private final long[] activeDiff;
        private final long[] pairDiff;
        private final long[][] cohortCounts;
        private long seen;
        private long counted;
        private long excludedByStatus;
        private long excludedAfterGrid;

        private CustomerId[] ids = new CustomerId[1024];

        private Accumulator(OrderKpiOptions options) {
            this.options = Checks.notNull(options, "options");
            this.grid = options.grid();
            this.periods = grid.size();
            this.end = grid.range().end();
            this.window = Duration.ofDays(options.activeWindowDays());
            this.currency = options.currency().orElse(null);
            this.days = options.purchaseUnit() == PurchaseUnit.DAY ? new LocalDays(grid.zone()) : null;
            orders = new long[periods];
            revenue = new long[periods];
            newRevenue = new long[periods];
            buyers = new long[periods];
            newCustomers = new long[periods];
            multi = new long[periods];
            reactivated = new long[periods];
            activeDiff = new long[periods + 2];
            pairDiff = new long[periods + 1];
            cohortCounts = new long[periods][];
            for (int c = 0; c < periods; c++) {
                cohortCounts[c] = new long[periods - c];
            }
        }

        /**
         * Adds one order.
         *
         * @param order the order, not null; its customer's earlier orders came before it
         * @throws IllegalArgumentException if the order is earlier than its customer's previous one
         * @throws CurrencyMismatchException if a counted order is in another currency than earlier ones
         */
        public void accept(Order order) {
            Checks.notNull(order, "order");
            if (!options.countedCategories().contains(order.status().category())) {
                seen++;
                excludedByStatus++;
                return;
            }
            Instant t = order.placedAt();
            if (!t.isBefore(end)) {
                seen++;
                excludedAfterGrid++;
                return;
            }
            Money value = options.revenueBasis() == RevenueBasis.NET ? order.netRevenue() : order.grossAmount();
            if (currency != null && !currency.equals(value.currency())) {
                throw new CurrencyMismatchException(currency, value.currency(), "order " + order.id() + " of customer "
                        + order.customerId());
            }
            long micros = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
            int found = index.getOrAdd(order.customerId());
            int i = found < 0 ? -found - 1 : found;
            if (found < 0) {
                grow(i + 1);
                ids[i] = order.customerId();
            }
            if (found >= 0 && micros < lastMicros[i]) {
                throw new IllegalArgumentException("order " + order.id() + " of customer " + order.customerId()
                        + " at " + t + " is earlier than a previous order of that customer; KPIs need each"
                        + " customer's orders in time order (sort the input, or stream it from an OrderRepository)");
            }
            currency = value.currency();
            add(i, found < 0, micros, t, value.toMinorUnits());
        }

        /**
         * Adds every order of a columnar batch, each customer's rows in time order
         * ({@link OrderBatch#byCustomer}), as {@link #accept(Order)} adds each. Returns
         * (rows of money paid back) are not orders: they are left out, and not counted as seen.
         *
         * @param batch the orders, not null; a customer's rows come after its orders fed before
         * @return this accumulator
         * @throws IllegalArgumentException if a customer's first row in the batch is earlier than
         *     its last order fed before
         * @throws CurrencyMismatchException if the batch's currency differs from that of earlier
         *     counted orders and a row of it is counted
         */
        public Accumulator acceptAll(OrderBatch batch) {
            Checks.notNull(batch, "batch");
            long endMicros = Math.addExact(Math.multiplyExact(end.getEpochSecond(), 1_000_000L),
                    end.getNano() / 1_000);
            boolean[] counts = new boolean[OrderStatusCategory.values().length];
            options.countedCategories().forEach(c -> counts[c.ordinal()] = true);
            OrderBatch.CustomerRows byCustomer = batch.byCustomer(options.revenueBasis());
            for (int b = 0; b < batch.customerCount(); b++) {
                int i = -1;
                boolean isNew = false;
                for (int k = byCustomer.start(b), to = byCustomer.start(b + 1); k < to; k++) {
                    if (byCustomer.isReturn(k)) {
                        continue;
                    }
                    if (!counts[byCustomer.category(k).ordinal()]) {
                        seen++;
                        excludedByStatus++;
                        continue;
                    }
                    long micros = byCustomer.placedAtMicros(k);
                    if (micros >= endMicros) {
                        seen++;
                        excludedAfterGrid++;
                        continue;
                    }
                    if (currency == null) {
                        currency = batch.currency();
                    } else if (!currency.equals(batch.currency())) {
                        throw new CurrencyMismatchException(currency, batch.currency(), "row " + byCustomer.row(k)
                                + " of customer " + batch.customerId(b));
                    }
                    if (i < 0) {
                        CustomerId id = batch.customerId(b);
                        int found = index.getOrAdd(id);
                        i = found < 0 ? -found - 1 : found;
                        isNew = found < 0;
                        if (isNew) {
                            grow(i + 1);
                            ids[i] = id;
                        } else if (micros < lastMicros[i]) {
                            throw new IllegalArgumentException("row " + byCustomer.row(k) + " of customer " + id
                                    + " is earlier than an order of that customer fed before; KPIs need each"
                                    + " customer's orders in time order");
                        }
                    }
                    Instant t = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                            Math.floorMod(micros, 1_000_000L) * 1_000L);
                    add(i, isNew, micros, t, byCustomer.value(k));
                    isNew = false;
                }
            }
            return this;
        }

        /**
         * Adds what another accumulator of the same options has seen, for other customers: a
         * partition of the customers into accumulators combines, in any grouping, into what one
         * accumulator fed everything gives.
         *
         * @param other an accumulator with equal options, whose customers this one has not seen, not null
         * @return this accumulator
         * @throws IllegalArgumentException if the options differ or a customer is in both
         * @throws CurrencyMismatchException if their counted orders are in different currencies
         */
        public Accumulator combine(Accumulator other) {
            Checks.notNull(other, "other");
            if (!options.equals(other.options)) {
                throw new IllegalArgumentException("accumulators of different options cannot combine: " + options
                        + " and " + other.options);
            }
            if (other.currency != null && currency != null && !currency.equals(other.currency)) {
                throw new CurrencyMismatchException(currency, other.currency, "combining KPI accumulators");
            }
            int n = other.index.size();
            for (int k = 0; k < n; k++) {
                if (index.get(other.ids[k]) >= 0) {
                    throw new IllegalArgumentException("customer " + other.ids[k] + " is in both accumulators;"
                            + " period KPIs combine partitions by customer (all of a customer's orders in one)");
                }
            }
            for (int k = 0; k < n; k++) {
                int i = -index.getOrAdd(other.ids[k]) - 1;
                grow(i + 1);
                ids[i] = other.ids[k];
                lastMicros[i] = other.lastMicros[k];
                lastDay[i] = other.lastDay[k];
                cohort[i] = other.cohort[k];
                lastPeriod[i] = other.lastPeriod[k];
                ordersInLastPeriod[i] = other.ordersInLastPeriod[k];
                lastCovered[i] = other.lastCovered[k];
            }
            if (currency == null) {
                currency = other.currency;
            }
            addAll(orders, other.orders);
            addAll(revenue, other.revenue);
            addAll(newRevenue, other.newRevenue);
            addAll(buyers, other.buyers);
            addAll(newCustomers, other.newCustomers);
            addAll(multi, other.multi);
            addAll(reactivated, other.reactivated);
            addAll(activeDiff, other.activeDiff);
            addAll(pairDiff, other.pairDiff);
            for (int c = 0; c < periods; c++) {
                addAll(cohortCounts[c], other.cohortCounts[c]);
            }
            seen += other.seen;
            counted += other.counted;
            excludedByStatus += other.excludedByStatus;
            excludedAfterGrid += other.excludedAfterGrid;
            return this;
        }

        /**
         * Returns this accumulator's per-period tallies and order counts in a byte form, without its
         * customers: what {@link #report()} reads. Partitions by customer that report together
         * (accumulators on the executors of a distributed engine, say) send these bytes to one
         * accumulator, which adds them with {@link #combineTallies}; the report then equals that of
         * one accumulator fed everything. The form holds the purchase unit and the grid's boundaries,
         * so tallies of another unit or grid are refused.
         *
         * @return the bytes, never null
         */
        public byte[] talliesAsBytes() {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
                out.writeInt(TALLIES_FORM);
                out.writeUTF(options.purchaseUnit().name());
                out.writeInt(periods);
                for (int p = 0; p <= periods; p++) {
                    Instant b = grid.start(p);
                    out.writeLong(b.getEpochSecond());
                    out.writeInt(b.getNano());
                }
                out.writeUTF(currency == null ? "" : currency.getCurrencyCode());
                for (long[] a : new long[][] {orders, revenue, newRevenue, buyers, newCustomers, multi, reactivated,
                    activeDiff, pairDiff}) {
                    write(out, a);
                }
                for (long[] row : cohortCounts) {
                    write(out, row);
                }
                out.writeLong(seen);
                out.writeLong(counted);
                out.writeLong(excludedByStatus);
                out.writeLong(excludedAfterGrid);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        /**
         * Adds the tallies of an accumulator fed with other customers, in the form of
         * {@link #talliesAsBytes()}: afterwards {@link #report()} is what one accumulator fed the
         * orders of both gives. Only the tallies are added, not the other accumulator's customers:
         * feed this accumulator no further orders of them (use {@link #combine} to go on feeding).
         *
         * @param tallies the bytes of {@link #talliesAsBytes()}, not null
         * @return this accumulator
         * @throws IllegalArgumentException if the bytes are not such a form or are of another grid
         * @throws CurrencyMismatchException if their counted orders are in another currency
         */
        public Accumulator combineTallies(byte[] tallies) {
            Checks.notNull(tallies, "tallies");
            long[][] arrays = new long[9][];
            long[][] cohorts = new long[periods][];
            long[] counts = new long[4];
            Currency other;
            try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(tallies))) {
                if (in.readInt() != TALLIES_FORM) {
                    throw new IllegalArgumentException("tallies: not the byte form of OrderKpis.Accumulator");
                }
                String unit = in.readUTF();
                if (!unit.equals(options.purchaseUnit().name())) {
                    throw new IllegalArgumentException("tallies counted by purchase unit " + unit
                            + " cannot combine with tallies by " + options.purchaseUnit());
                }
                int n = in.readInt();
                if (n != periods) {
                    throw new IllegalArgumentException("tallies of " + n + " periods cannot combine with a grid of "
                            + periods);
                }
                for (int p = 0; p <= periods; p++) {
                    Instant b = Instant.ofEpochSecond(in.readLong(), in.readInt());
                    if (!b.equals(grid.start(p))) {
                        throw new IllegalArgumentException("tallies of another grid: boundary " + p + " is " + b
                                + ", not " + grid.start(p));
                    }
                }
                String code = in.readUTF();
                other = code.isEmpty() ? null : Currency.getInstance(code);
                int[] lengths = {periods, periods, periods, periods, periods, periods, periods, periods + 2,
                    periods + 1};
                for (int k = 0; k < arrays.length; k++) {
                    arrays[k] = read(in, lengths[k]);
                }
                for (int c = 0; c < periods; c++) {
                    cohorts[c] = read(in, periods - c);
                }
                for (int k = 0; k < counts.length; k++) {
                    counts[k] = in.readLong();
                }
                if (in.read() != -1) {
                    throw new IllegalArgumentException("tallies: trailing bytes");
                }
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("tallies: truncated or malformed", e);
            }
            if (other != null && currency != null && !currency.equals(other)) {
                throw new CurrencyMismatchException(currency, other, "combining KPI tallies");
            }
            if (currency == null) {
                currency = other;
            }
            long[][] into = {orders, revenue, newRevenue, buyers, newCustomers, multi, reactivated, activeDiff,
                pairDiff};
            for (int k = 0; k < into.length; k++) {
                addAll(into[k], arrays[k]);
            }
            for (int c = 0; c < periods; c++) {
                addAll(cohortCounts[c], cohorts[c]);
            }
            seen = Math.addExact(seen, counts[0]);
            counted = Math.addExact(counted, counts[1]);
            excludedByStatus = Math.addExact(excludedByStatus, counts[2]);
            excludedAfterGrid = Math.addExact(excludedAfterGrid, counts[3]);
            return this;
        }

        /** Marks the whole-state byte form ("KPS" and its version, 1). */
        private static final int STATE_FORM = 0x4b505301;

        /**
         * Returns this accumulator's whole state in a byte form: its tallies and every customer's
         * state (what the customer's later orders need: first period, last order, last day, activity
         * coverage). A partition by customer summed on one machine and continued on another, or
         * accumulators shipped between processes, combine through {@link #combine(byte[])} exactly
         * as through {@link #combine(Accumulator)}. Use {@link #talliesAsBytes()} when only the
         * report is needed (it has no per-customer part).
         *
         * <p>The form, in {@link java.io.DataOutputStream} encoding: the int {@code 0x4b505301}
         * ("KPS", version 1); the length (int) and bytes of {@link #talliesAsBytes()}; the number of
         * customers; then per customer its identifier (int length and UTF-8 bytes), last order time
         * (long, microseconds since the epoch), last purchase day (long, epoch day; 0 under the
         * order unit), first period, last period, orders in the last period and last covered
         * boundary (ints).
         *
         * @return the bytes, never null
         */
        public byte[] asBytes() {
            byte[] tallies = talliesAsBytes();
            int n = index.size();
            return StateBytes.write(tallies.length + 16 + n * 48, out -> {
                out.writeInt(STATE_FORM);
                out.writeInt(tallies.length);
                out.write(tallies);
                out.writeInt(n);
                for (int k = 0; k < n; k++) {
                    StateBytes.writeCustomerId(out, ids[k]);
                    out.writeLong(lastMicros[k]);
                    out.writeLong(lastDay[k]);
                    out.writeInt(cohort[k]);
                    out.writeInt(lastPeriod[k]);
                    out.writeInt(ordersInLastPeriod[k]);
                    out.writeInt(lastCovered[k]);
                }
            });
        }

        /**
         * Adds an accumulator of equal options fed with other customers, in the form of
         * {@link #asBytes()}: the same as {@link #combine(Accumulator)} with that accumulator,
         * and this accumulator may be fed on with orders of those customers afterwards.
         *
         * @param state the bytes, not null
         * @return this accumulator
         * @throws IllegalArgumentException if the bytes are not such a form (named), are of another
         *     grid or purchase unit, or hold a customer this accumulator has seen; this accumulator
         *     is then unchanged
         * @throws CurrencyMismatchException if their counted orders are in another currency
         */
        public Accumulator combine(byte[] state) {
            Checks.notNull(state, "state");
            Accumulator other = new Accumulator(options);
            StateBytes.read(state, in -> {
                if (in.readInt() != STATE_FORM) {
                    throw new IllegalArgumentException("state: not the byte form of OrderKpis.Accumulator (version 1)");
                }
                byte[] tallies = new byte[StateBytes.count(in.readInt(), state.length, "tally bytes")];
                in.readFully(tallies);
                other.combineTallies(tallies);
                int n = StateBytes.count(in.readInt(), state.length / 36, "customers");
                for (int k = 0; k < n; k++) {
                    CustomerId customer = StateBytes.readCustomerId(in, state.length);
                    int found = other.index.getOrAdd(customer);
                    if (found >= 0) {
                        throw new IllegalArgumentException("state: customer " + customer + " appears twice");
                    }
                    int i = -found - 1;
                    other.grow(i + 1);
                    other.ids[i] = customer;
                    other.lastMicros[i] = in.readLong();
                    other.lastDay[i] = in.readLong();
                    other.cohort[i] = in.readInt();
                    other.lastPeriod[i] = in.readInt();
                    other.ordersInLastPeriod[i] = in.readInt();
                    other.lastCovered[i] = in.readInt();
                }
            });
            return combine(other);
        }

        private static void write(java.io.DataOutputStream out, long[] a) throws java.io.IOException {
            out.writeInt(a.length);
            for (long v : a) {
                out.writeLong(v);
            }
        }

        private static long[] read(java.io.DataInputStream in, int expected) throws java.io.IOException {
            int n = in.readInt();
            if (n != expected) {
                throw new IllegalArgumentException("tallies: an array of " + n + " values where " + expected
                        + " belong");
            }
            long[] a = new long[n];
            for (int k = 0; k < n; k++) {
                a[k] = in.readLong();
            }
            return a;
        }

        private static void addAll(long[] into, long[] from) {
            for (int k = 0; k < into.length; k++) {
                into[k] = Math.addExact(into[k], from[k]);
            }
        }

        /**
         * Adds a counted order of customer {@code i} (new to the pass when {@code isNew}), placed at
         * {@code t} ({@code micros}), of value {@code v} minor units; the customer's orders come in
         * time order. Under the day unit an order on the day of the customer's previous counted
         * order adds its value to that purchase and is not another purchase (the day lies in the
         * same period: calendar days and periods are in one zone).
         */
        private void add(int i, boolean isNew, long micros, Instant t, long v) {
            int p = grid.indexOf(t);
            if (isNew) {
                cohort[i] = p;
                lastPeriod[i] = -2;
                lastCovered[i] = -1;
            }
            lastMicros[i] = micros;
            boolean samePurchase = false;
            if (days != null) {
                long day = days.epochDayOfMicros(micros);
                samePurchase = !isNew && day == lastDay[i];
                lastDay[i] = day;
            }
            if (p >= 0) {
                revenue[p] = Math.addExact(revenue[p], v);
                if (cohort[i] == p) {
                    newRevenue[p] = Math.addExact(newRevenue[p], v);
                }
                // under the day unit a second order of the day adds only its value and coverage
                if (!samePurchase) {
                    orders[p]++;
                    if (lastPeriod[i] != p) {
                        buyers[p]++;
                        if (cohort[i] == p) {
                            newCustomers[p]++;
                        } else if (lastCovered[i] < p) {
                            reactivated[p]++;
                        }
                        if (cohort[i] >= 0) {
                            cohortCounts[cohort[i]][p - cohort[i]]++;
                        }
                        lastPeriod[i] = p;
                        ordersInLastPeriod[i] = 1;
                    } else if (++ordersInLastPeriod[i] == 2) {
                        multi[p]++;
                    }
                }
            }
            cover(i, t);
            seen++;
            counted++;
        }

        /** Marks the customer active at every boundary in (t, t + window]. */
        private void cover(int i, Instant t) {
            int from = grid.firstBoundaryAtOrAfter(t);
            if (from <= periods && grid.start(from).equals(t)) {
                from++;
            }
            Instant until = t.plus(window);
            int to = grid.firstBoundaryAtOrAfter(until);
            if (to > periods || !grid.start(to).equals(until)) {
                to--;
            }
            to = Math.min(to, periods);
            int lo = Math.max(from, lastCovered[i] + 1);
            if (lo > to) {
                return;
            }
            activeDiff[lo]++;
            activeDiff[to + 1]--;
            pairDiff[lo]++;
            pairDiff[to]--;
            if (lastCovered[i] >= 0 && lastCovered[i] == lo - 1) {
                pairDiff[lo - 1]++;
                pairDiff[lo]--;
            }
            lastCovered[i] = to;
        }

        private void grow(int needed) {
            if (needed <= lastMicros.length) {
                return;
            }
            int capacity = Math.max(needed, lastMicros.length * 2);
            lastMicros = Arrays.copyOf(lastMicros, capacity);
            lastDay = Arrays.copyOf(lastDay, capacity);
            cohort = Arrays.copyOf(cohort, capacity);
            lastPeriod = Arrays.copyOf(lastPeriod, capacity);
            ordersInLastPeriod = Arrays.copyOf(ordersInLastPeriod, capacity);
            lastCovered = Arrays.copyOf(lastCovered, capacity);
            ids = Arrays.copyOf(ids, capacity);
        }

        /**
         * Returns the report of what was fed so far; the accumulator may be fed on afterwards.
         *
         * @return the report, never null
         */
        public OrderKpiReport report() {
            Currency cur = currency != null ? currency : Currency.getInstance("XXX");
            List<PeriodOrderKpis> out = new ArrayList<>(periods);
            List<String> labels = new ArrayList<>(periods);
            long active = 0;
            long pairs = 0;
            active += activeDiff[0];
            for (int p = 0; p < periods; p++) {
                long atStart = active;
                active += activeDiff[p + 1];
                pairs += pairDiff[p];
                OptionalDouble growth = p == 0 || revenue[p - 1] == 0 ? OptionalDouble.empty()
                        : OptionalDouble.of((revenue[p] - revenue[p - 1]) / (double) revenue[p - 1]);
                out.add(new PeriodOrderKpis(grid.label(p), grid.start(p), grid.start(p + 1), orders[p],
                        Money.ofMinor(revenue[p], cur), Money.ofMinor(newRevenue[p], cur), buyers[p], newCustomers[p],
                        multi[p], atStart, active, pairs, reactivated[p], growth));
                labels.add(grid.label(p));
            }
            return new OrderKpiReport(options, out, new CohortMatrix(labels, cohortCounts), seen, counted,
                    excludedByStatus, excludedAfterGrid);
        }
    }
}
