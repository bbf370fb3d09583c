package io.crmkit.metrics.loyalty;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.CustomerIdSort;
import io.crmkit.core.internal.CustomerIndex;
import io.crmkit.core.loyalty.LoyaltyProgram;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.PointsTransactionType;
import io.crmkit.core.loyalty.TierBasis;
import io.crmkit.core.loyalty.TierRules;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatusCategory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The points ledger of a loyalty programme: balances, flows and tiers as of any instant, computed
 * from orders and the host's points transactions. A mergeable accumulator ({@link #accept},
 * {@link #acceptAll}, {@link #combine}) and a one-call path over an order batch
 * ({@link #compute(OrderBatch, Collection, LoyaltyProgram, LedgerOptions)}); both replay each
 * customer's events with the same rules, so they agree.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Earn</b>: an order of an earning status category earns the programme's rate times the
 *       whole currency units of its <em>net amount</em> (after discounts and refunds, rounded per
 *       the programme, down by default: a partial unit earns nothing), per order. With
 *       {@link Order}s the order's channel rate applies; an {@link OrderBatch} carries no channel,
 *       so its rows earn the programme's base rate.</li>
 *   <li><b>Returns</b>: a return (a batch row with a negative net amount) is not linked to the
 *       order it returns, so it takes back points by the customer's cumulative returned amount
 *       {@code R}, rounded the same way: the k-th return in replay order takes back
 *       {@code rate x (units(R_k) - units(R_k-1))} (a full return takes back exactly what its order
 *       earned, and many small returns what one return of their total would), from the newest unspent points
 *       (LIFO), and never more than the balance: the rest is reported as a {@link Shortfall} of kind
 *       reverse. An order refunded in place ({@code Order.refundedAmount}) simply earns on its lower
 *       net amount.</li>
 *   <li><b>Transactions</b>: an earn or a positive adjustment credits points as an order does; a
 *       reversal or a negative adjustment takes points back like a return; a redemption consumes
 *       the oldest unspent points first (FIFO). A debit larger than the balance is applied up to the
 *       balance and the rest reported as a {@link Shortfall}: the balance never goes negative and
 *       nothing is hidden. Recorded expiries are rejected: the ledger computes expiry.</li>
 *   <li><b>Expiry</b>: a point credited at {@code t} has expired at {@code t + expiry}; before
 *       anything else happens at an instant, the points due by then expire, oldest first.</li>
 *   <li><b>Order of events</b> at one instant: credits, then reversals, then redemptions; among
 *       equals, orders before transactions, transactions by identifier. The result therefore does not
 *       depend on the order in which events are given, nor on how they are split between
 *       accumulators.</li>
 *   <li><b>Tiers</b>: see {@link TierRules}. Under {@link TierBasis#SPEND} the qualifying value is
 *       the net spend (returns subtracted) of earning orders in the window; under
 *       {@link TierBasis#POINTS}, the points credited in the window less the points returns,
 *       reversals and negative adjustments took back in it.</li>
 * </ul>
 * For each member {@code earned = redeemed + expired + reversed + balance} at every instant.
 *
 * <p>Memory: the accumulator holds about 29 bytes per order (it must, to replay in time order);
 * the batch path holds the batch's customer-ordered copy and one customer's events at a time.
 *
 * <p>Not thread-safe: one accumulator per thread, then {@link #combine}.
 */
public final class LoyaltyLedger {

    private final LoyaltyProgram program;
    private final Currency currency;
    private final long minorPerUnit;
    private final boolean[] earning = new boolean[OrderStatusCategory.values().length];
    private final CustomerIndex handles = new CustomerIndex(16);
    private final List<CustomerId> ids = new ArrayList<>();
    private int size;
    private int[] cust = new int[64];
    private long[] time = new long[64];
    private byte[] kind = new byte[64];
    private long[] points = new long[64];
    private long[] spend = new long[64];
    private long ordersCounted;
    private long excludedByStatus;
    private final List<PointsTransaction> transactions = new ArrayList<>();
    private int[] transactionHandles = new int[16];

    private LoyaltyLedger(LoyaltyProgram program, Currency currency) {
        this.program = Checks.notNull(program, "program");
        this.currency = Checks.notNull(currency, "currency");
        this.minorPerUnit = minorPerUnit(currency);
        for (OrderStatusCategory c : program.earningCategories()) {
            earning[c.ordinal()] = true;
        }
    }

    /**
     * Creates an empty ledger.
     *
     * @param program the programme's rules, not null
     * @param currency the currency of the orders, not null
     * @return the ledger, never null
     */
    public static LoyaltyLedger create(LoyaltyProgram program, Currency currency) {
        return new LoyaltyLedger(program, currency);
    }

    /**
     * Adds an order: it earns at its channel's rate on its net revenue, if its status category earns.
     *
     * @param order the order, in the ledger's currency, not null
     * @return this ledger
     * @throws IllegalArgumentException if the order is in another currency, naming the order
     * @throws ArithmeticException if its points exceed the range of {@code long}
     */
    public LoyaltyLedger accept(Order order) {
        Checks.notNull(order, "order");
        if (!order.currency().equals(currency)) {
            throw new IllegalArgumentException("order " + order.id() + " is in " + order.currency()
                    + ", the ledger in " + currency);
        }
        addOrder(handle(order.customerId()), LedgerOptions.micros(order.placedAt()), order.status().category(),
                order.netRevenueMinorUnits(), program.pointsPerUnit(order.channel()));
        return this;
    }

    /**
     * Adds every row of an order batch at the programme's base rate (a batch has no channel).
     *
     * @param batch the orders and returns, in the ledger's currency, not null
     * @return this ledger
     * @throws IllegalArgumentException if the batch is in another currency
     */
    public LoyaltyLedger acceptAll(OrderBatch batch) {
        Checks.notNull(batch, "batch");
        if (!batch.currency().equals(currency)) {
            throw new IllegalArgumentException("the batch is in " + batch.currency() + ", the ledger in " + currency);
        }
        int[] local = new int[batch.customerCount()];
        for (int c = 0; c < local.length; c++) {
            local[c] = handle(batch.customerId(c));
        }
        for (int r = 0, n = batch.rowCount(); r < n; r++) {
            addOrder(local[batch.customerIndex(r)], batch.placedAtMicros(r), batch.category(r), batch.netMinor(r),
                    program.pointsPerUnit());
        }
        return this;
    }

    /**
     * Adds a points transaction.
     *
     * @param transaction the transaction, not an expiry, not null
     * @return this ledger
     * @throws IllegalArgumentException if it is an expiry, naming it
     */
    public LoyaltyLedger accept(PointsTransaction transaction) {
        checkTransaction(transaction);
        addTransactionHandle(handle(transaction.customerId()));
        transactions.add(transaction);
        return this;
    }

    /**
     * Adds points transactions in turn.
     *
     * @param transactions the transactions, none an expiry, not null
     * @return this ledger
     */
    public LoyaltyLedger acceptAllTransactions(Iterable<PointsTransaction> transactions) {
        Checks.notNull(transactions, "transactions");
        for (PointsTransaction t : transactions) {
            accept(t);
        }
        return this;
    }

    /**
     * Adds everything another ledger holds; the other is unchanged. The result equals one ledger
     * given both ledgers' events.
     *
     * @param other a ledger of the same programme and currency, not null
     * @return this ledger
     * @throws IllegalArgumentException if the programmes or currencies differ
     */
    public LoyaltyLedger combine(LoyaltyLedger other) {
        Checks.notNull(other, "other");
        if (!other.program.equals(program) || !other.currency.equals(currency)) {
            throw new IllegalArgumentException("cannot combine ledgers of different programmes or currencies");
        }
        int[] map = new int[other.ids.size()];
        for (int h = 0; h < map.length; h++) {
            map[h] = handle(other.ids.get(h));
        }
        for (int k = 0; k < other.size; k++) {
            add(map[other.cust[k]], other.time[k], other.kind[k], other.points[k], other.spend[k]);
        }
        ordersCounted += other.ordersCounted;
        excludedByStatus += other.excludedByStatus;
        for (int k = 0; k < other.transactions.size(); k++) {
            addTransactionHandle(map[other.transactionHandles[k]]);
            transactions.add(other.transactions.get(k));
        }
        return this;
    }

    /**
     * Replays every event up to the as-of instant.
     *
     * @param options the as-of instant and flow period, not null
     * @return the statement, never null
     * @throws ArithmeticException if a total exceeds the range of {@code long}
     */
    public LedgerStatement statement(LedgerOptions options) {
        Checks.notNull(options, "options");
        int customers = ids.size();
        int[] sorted = CustomerIdSort.ascending(ids.toArray(new CustomerId[0]), customers);
        int[] start = new int[customers + 1];
        for (int k = 0; k < size; k++) {
            start[cust[k] + 1]++;
        }
        for (int h = 0; h < customers; h++) {
            start[h + 1] += start[h];
        }
        int[] next = Arrays.copyOf(start, customers);
        int[] byCustomer = new int[size];
        for (int k = 0; k < size; k++) {
            byCustomer[next[cust[k]]++] = k;
        }
        int[] tStart = new int[customers + 1];
        int txCount = transactions.size();
        for (int k = 0; k < txCount; k++) {
            tStart[transactionHandles[k] + 1]++;
        }
        for (int h = 0; h < customers; h++) {
            tStart[h + 1] += tStart[h];
        }
        int[] tNext = Arrays.copyOf(tStart, customers);
        int[] tByCustomer = new int[transactions.size()];
        for (int k = 0; k < transactions.size(); k++) {
            tByCustomer[tNext[transactionHandles[k]]++] = k;
        }
        CustomerId[] out = new CustomerId[customers];
        for (int c = 0; c < customers; c++) {
            out[c] = ids.get(sorted[c]);
        }
        return new Build(program, options, currency, out, transactions, ordersCounted, excludedByStatus)
                .run((c, r) -> {
                    int h = sorted[c];
                    for (int p = start[h]; p < start[h + 1]; p++) {
                        int k = byCustomer[p];
                        r.add(time[k], kind[k], points[k], spend[k], true, null, -1);
                    }
                    for (int p = tStart[h]; p < tStart[h + 1]; p++) {
                        addTransaction(r, transactions.get(tByCustomer[p]), tByCustomer[p]);
                    }
                });
    }

    /**
     * Computes the ledger of an order batch and points transactions in one call, without holding
     * the orders a second time: the fastest path (see the class rules; batch rows earn the base rate).
     *
     * @param batch the orders and returns, not null
     * @param transactions the points transactions, none an expiry, not null
     * @param program the programme, not null
     * @param options the as-of instant and flow period, not null
     * @return the statement, never null
     * @throws IllegalArgumentException if a transaction is an expiry, naming it
     * @throws ArithmeticException if a total exceeds the range of {@code long}
     */
    public static LedgerStatement compute(OrderBatch batch, Collection<PointsTransaction> transactions,
            LoyaltyProgram program, LedgerOptions options) {
        Checks.notNull(batch, "batch");
        Checks.notNull(transactions, "transactions");
        Checks.notNull(program, "program");
        Checks.notNull(options, "options");
        List<PointsTransaction> txs = new ArrayList<>(transactions);
        txs.forEach(LoyaltyLedger::checkTransaction);
        int[] txOrder = groupByCustomer(txs);
        // the union of the batch's customers (sorted) and the transactions' customers (sorted)
        List<CustomerId> union = new ArrayList<>(batch.customerCount());
        int[] batchOf = new int[batch.customerCount() + txOrder.length];
        int[] txFrom = new int[batchOf.length + 1];
        int u = 0;
        int b = 0;
        int t = 0;
        while (b < batch.customerCount() || t < txOrder.length) {
            CustomerId nextBatch = b < batch.customerCount() ? batch.customerId(b) : null;
            CustomerId nextTx = t < txOrder.length ? txs.get(txOrder[t]).customerId() : null;
            int cmp = nextBatch == null ? 1 : nextTx == null ? -1 : nextBatch.compareTo(nextTx);
            CustomerId id = cmp <= 0 ? nextBatch : nextTx;
            union.add(id);
            batchOf[u] = cmp <= 0 ? b++ : -1;
            txFrom[u] = t;
            u++;
            while (t < txOrder.length && txs.get(txOrder[t]).customerId().equals(id)) {
                t++;
            }
        }
        txFrom[u] = t;
        OrderBatch.CustomerRows rows = batch.byCustomer(RevenueBasis.NET);
        boolean[] earns = new boolean[OrderStatusCategory.values().length];
        for (OrderStatusCategory c : program.earningCategories()) {
            earns[c.ordinal()] = true;
        }
        long perUnit = program.pointsPerUnit();
        long minor = minorPerUnit(batch.currency());
        long counted = 0;
        for (int r = 0, n = batch.rowCount(); r < n; r++) {
            if (earns[batch.category(r).ordinal()]) {
                counted++;
            }
        }
        return new Build(program, options, batch.currency(), union.toArray(new CustomerId[0]), txs, counted,
                batch.rowCount() - counted).run((c, r) -> {
                    int bi = batchOf[c];
                    if (bi >= 0) {
                        for (int k = rows.start(bi), end = rows.start(bi + 1); k < end; k++) {
                            if (!earns[rows.category(k).ordinal()]) {
                                continue;
                            }
                            long net = rows.value(k);
                            if (net >= 0) {
                                r.add(rows.placedAtMicros(k), Replay.CREDIT,
                                        program.rounding().points(net, perUnit, minor), net, true, null, -1);
                            } else {
                                // a return carries its rate; the replay rounds the cumulative returns
                                r.add(rows.placedAtMicros(k), Replay.REVERSE, perUnit, net, true, null, -1);
                            }
                        }
                    }
                    for (int k = txFrom[c]; k < txFrom[c + 1]; k++) {
                        addTransaction(r, txs.get(txOrder[k]), txOrder[k]);
                    }
                });
    }

    /**
     * Returns the transactions' indexes grouped by customer, customers in identifier order, each
     * customer's in list order: distinct customers interned, radix-sorted, then a counting sort.
     */
    private static int[] groupByCustomer(List<PointsTransaction> txs) {
        CustomerIndex handle = new CustomerIndex(16);
        List<CustomerId> distinct = new ArrayList<>();
        int[] of = new int[txs.size()];
        for (int k = 0; k < of.length; k++) {
            CustomerId c = txs.get(k).customerId();
            int h = handle.getOrAdd(c);
            if (h < 0) {
                h = -h - 1;
                distinct.add(c);
            }
            of[k] = h;
        }
        int[] order = CustomerIdSort.ascending(distinct.toArray(new CustomerId[0]), distinct.size());
        int[] rank = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        int[] start = new int[order.length + 1];
        for (int h : of) {
            start[rank[h] + 1]++;
        }
        for (int r = 0; r < order.length; r++) {
            start[r + 1] += start[r];
        }
        int[] out = new int[of.length];
        for (int k = 0; k < of.length; k++) {
            out[start[rank[of[k]]]++] = k;
        }
        return out;
    }

    private static void checkTransaction(PointsTransaction t) {
        Checks.notNull(t, "transaction");
        if (t.type() == PointsTransactionType.EXPIRE) {
            throw new IllegalArgumentException("points transaction " + t.id() + " is an expiry: the ledger computes"
                    + " expiry from the programme's rule; leave recorded expiries out");
        }
    }

    private static void addTransaction(Replay r, PointsTransaction t, int index) {
        long at = LedgerOptions.micros(t.occurredAt());
        String id = t.id().value();
        switch (t.type()) {
            case EARN -> r.add(at, Replay.CREDIT, t.points(), 0, false, id, index);
            case REDEEM -> r.add(at, Replay.REDEEM, t.points(), 0, false, id, index);
            case REVERSE -> r.add(at, Replay.REVERSE, t.points(), 0, false, id, index);
            case ADJUST -> r.add(at, t.points() > 0 ? Replay.CREDIT : Replay.REVERSE, Math.abs(t.points()), 0, false,
                    id, index);
            default -> throw new IllegalStateException("checked before: " + t.type());
        }
    }

    private void addOrder(int handle, long micros, OrderStatusCategory category, long net, long rate) {
        if (!earning[category.ordinal()]) {
            excludedByStatus++;
            return;
        }
        ordersCounted++;
        if (net >= 0) {
            add(handle, micros, Replay.CREDIT, program.rounding().points(net, rate, minorPerUnit), net);
        } else {
            // a return carries its rate; the replay rounds the customer's cumulative returns
            add(handle, micros, Replay.REVERSE, rate, net);
        }
    }

    private void add(int handle, long micros, byte k, long pts, long spendMinor) {
        if (size == cust.length) {
            int n = size * 2;
            cust = Arrays.copyOf(cust, n);
            time = Arrays.copyOf(time, n);
            kind = Arrays.copyOf(kind, n);
            points = Arrays.copyOf(points, n);
            spend = Arrays.copyOf(spend, n);
        }
        cust[size] = handle;
        time[size] = micros;
        kind[size] = k;
        points[size] = pts;
        spend[size] = spendMinor;
        size++;
    }

    private int handle(CustomerId id) {
        int h = handles.getOrAdd(id);
        if (h < 0) {
            ids.add(id);
            return -h - 1;
        }
        return h;
    }

    private void addTransactionHandle(int h) {
        int k = transactions.size();
        if (k == transactionHandles.length) {
            transactionHandles = Arrays.copyOf(transactionHandles, k * 2);
        }
        transactionHandles[k] = h;
    }

    static long minorPerUnit(Currency currency) {
        return Money.minorUnitsPerUnit(currency);
    }

    /** Loads one customer's events into the replay. */
    @FunctionalInterface
    interface Loader {
        void load(int customer, Replay replay);
    }

    /** Runs the replay over every customer and gathers the columns. */
    private static final class Build implements Replay.Sink {
        private final LoyaltyProgram program;
        private final LedgerOptions options;
        private final Currency currency;
        private final CustomerId[] customers;
        private final List<PointsTransaction> transactions;
        private final long ordersCounted;
        private final long excluded;
        private final List<Shortfall> shortfalls = new ArrayList<>();
        private int current;
        private int historySize;
        private long[] historyTime = new long[1024];
        private byte[] historyLevel = new byte[1024];

        Build(LoyaltyProgram program, LedgerOptions options, Currency currency, CustomerId[] customers,
                List<PointsTransaction> transactions, long ordersCounted, long excluded) {
            this.program = program;
            this.options = options;
            this.currency = currency;
            this.customers = customers;
            this.transactions = transactions;
            this.ordersCounted = ordersCounted;
            this.excluded = excluded;
        }

        LedgerStatement run(Loader loader) {
            int n = customers.length;
            long[][] columns = new long[LedgerStatement.COLUMNS][n];
            byte[] level = new byte[n];
            long[] since = new long[n];
            int[] historyStart = new int[n + 1];
            Replay r = new Replay();
            long asOf = options.asOfMicros();
            long periodStart = options.periodStartMicros();
            long expiry = program.expiryMicros();
            TierRules rules = program.tiers();
            if (rules.tiers().size() > Byte.MAX_VALUE) {
                throw new IllegalArgumentException("at most " + Byte.MAX_VALUE + " tiers: " + rules.tiers().size());
            }
            long window = LedgerOptions.micros(rules.window());
            boolean spendBasis = rules.basis() == TierBasis.SPEND;
            long minor = minorPerUnit(currency);
            long unitScale = spendBasis ? minor : 1;
            long after = 0;
            for (int c = 0; c < n; c++) {
                current = c;
                r.clear();
                loader.load(c, r);
                historyStart[c] = historySize;
                r.run(asOf, expiry, periodStart, rules, window, unitScale, spendBasis, program.rounding(), minor,
                        this);
                columns[LedgerStatement.BALANCE][c] = r.balance();
                columns[LedgerStatement.EARNED][c] = r.earned;
                columns[LedgerStatement.REDEEMED][c] = r.redeemed;
                columns[LedgerStatement.EXPIRED][c] = r.expired;
                columns[LedgerStatement.REVERSED][c] = r.reversed;
                columns[LedgerStatement.REDEEM_SHORT][c] = r.redeemShortfall;
                columns[LedgerStatement.REVERSE_SHORT][c] = r.reverseShortfall;
                columns[LedgerStatement.QUALIFYING][c] = r.qualifying;
                columns[LedgerStatement.PERIOD_EARNED][c] = r.periodEarned;
                columns[LedgerStatement.PERIOD_REDEEMED][c] = r.periodRedeemed;
                columns[LedgerStatement.PERIOD_EXPIRED][c] = r.periodExpired;
                level[c] = (byte) r.level;
                since[c] = r.tierSince;
                after += r.eventsAfterAsOf;
            }
            historyStart[n] = historySize;
            return new LedgerStatement(program, options, currency, customers, columns, level, since, historyStart,
                    Arrays.copyOf(historyTime, historySize), Arrays.copyOf(historyLevel, historySize), shortfalls,
                    ordersCounted, excluded, after, transactions.size());
        }

        @Override
        public void shortfall(int source, long at, byte kind, long asked, long applied) {
            shortfalls.add(new Shortfall(customers[current], kind == Replay.REDEEM ? Shortfall.Kind.REDEEM
                    : Shortfall.Kind.REVERSE, LedgerOptions.instant(at),
                    source < 0 ? Optional.empty() : Optional.of(transactions.get(source).id()), asked, applied));
        }

        @Override
        public void tierChange(long at, int level) {
            if (historySize == historyTime.length) {
                historyTime = Arrays.copyOf(historyTime, historySize * 2);
                historyLevel = Arrays.copyOf(historyLevel, historySize * 2);
            }
            historyTime[historySize] = at;
            historyLevel[historySize] = (byte) level;
            historySize++;
        }
    }
}
