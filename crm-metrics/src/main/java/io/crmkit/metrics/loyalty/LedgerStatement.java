package io.crmkit.metrics.loyalty;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.loyalty.LoyaltyProgram;
import io.crmkit.core.loyalty.TierChange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a {@link LoyaltyLedger} as of an instant: one line per member (every customer with
 * an order or a points transaction), in customer identifier order, held in columns; the
 * {@link Shortfall}s found; and the totals the loyalty KPIs are made of.
 *
 * <p>Points are whole numbers; flows ({@code period...}) are counted in the options' period
 * {@code (asOf - period, asOf]}. Immutable and thread-safe.
 */
public final class LedgerStatement {

    private final LoyaltyProgram program;
    private final LedgerOptions options;
    private final Currency currency;
    private final CustomerId[] customers;
    private final long[][] columns;
    private final byte[] level;
    private final long[] tierSince;
    private final int[] historyStart;
    private final long[] historyTime;
    private final byte[] historyLevel;
    private final List<Shortfall> shortfalls;
    private final long ordersCounted;
    private final long ordersExcludedByStatus;
    private final long eventsAfterAsOf;
    private final long transactionsUsed;

    static final int BALANCE = 0;
    static final int EARNED = 1;
    static final int REDEEMED = 2;
    static final int EXPIRED = 3;
    static final int REVERSED = 4;
    static final int REDEEM_SHORT = 5;
    static final int REVERSE_SHORT = 6;
    static final int QUALIFYING = 7;
    static final int PERIOD_EARNED = 8;
    static final int PERIOD_REDEEMED = 9;
    static final int PERIOD_EXPIRED = 10;
    static final int COLUMNS = 11;

    LedgerStatement(LoyaltyProgram program, LedgerOptions options, Currency currency, CustomerId[] customers,
            long[][] columns, byte[] level, long[] tierSince, int[] historyStart, long[] historyTime,
            byte[] historyLevel, List<Shortfall> shortfalls, long ordersCounted, long ordersExcludedByStatus,
            long eventsAfterAsOf, long transactionsUsed) {
        this.program = program;
        this.options = options;
        this.currency = currency;
        this.customers = customers;
        this.columns = columns;
        this.level = level;
        this.tierSince = tierSince;
        this.historyStart = historyStart;
        this.historyTime = historyTime;
        this.historyLevel = historyLevel;
        this.shortfalls = List.copyOf(shortfalls);
        this.ordersCounted = ordersCounted;
        this.ordersExcludedByStatus = ordersExcludedByStatus;
        this.eventsAfterAsOf = eventsAfterAsOf;
        this.transactionsUsed = transactionsUsed;
    }

    /**
     * Returns the programme the ledger applied.
     *
     * @return the programme, never null
     */
    public LoyaltyProgram program() {
        return program;
    }

    /**
     * Returns the as-of instant and the flow period.
     *
     * @return the options, never null
     */
    public LedgerOptions options() {
        return options;
    }

    /**
     * Returns the currency of the orders (of spend).
     *
     * @return the currency, never null
     */
    public Currency currency() {
        return currency;
    }

    /**
     * Returns the number of members (lines).
     *
     * @return the count
     */
    public int memberCount() {
        return customers.length;
    }

    /**
     * Returns a member's identifier; indexes ascend with the identifiers.
     *
     * @param index from 0 to {@code memberCount() - 1}
     * @return the identifier, never null
     */
    public CustomerId customerId(int index) {
        return customers[Objects.checkIndex(index, customers.length)];
    }

    /**
     * Returns a member's balance.
     *
     * @param index the member
     * @return points, not negative
     */
    public long balance(int index) {
        return columns[BALANCE][index];
    }

    /**
     * Returns a member's points credited.
     *
     * @param index the member
     * @return points
     */
    public long earned(int index) {
        return columns[EARNED][index];
    }

    /**
     * Returns a member's points redeemed.
     *
     * @param index the member
     * @return points
     */
    public long redeemed(int index) {
        return columns[REDEEMED][index];
    }

    /**
     * Returns a member's points expired.
     *
     * @param index the member
     * @return points
     */
    public long expired(int index) {
        return columns[EXPIRED][index];
    }

    /**
     * Returns a member's points reversed.
     *
     * @param index the member
     * @return points
     */
    public long reversed(int index) {
        return columns[REVERSED][index];
    }

    /**
     * Returns a member's tier name at the as-of instant.
     *
     * @param index the member
     * @return the name, never null
     */
    public String tier(int index) {
        return program.tiers().name(level[index]);
    }

    /**
     * Returns a member's line with every figure and the tier history.
     *
     * @param index the member
     * @return the line, never null
     */
    public MemberPoints member(int index) {
        Objects.checkIndex(index, customers.length);
        List<TierChange> history = new ArrayList<>();
        for (int k = historyStart[index]; k < historyStart[index + 1]; k++) {
            history.add(new TierChange(LedgerOptions.instant(historyTime[k]), program.tiers().name(historyLevel[k])));
        }
        long[] c = new long[COLUMNS];
        for (int k = 0; k < COLUMNS; k++) {
            c[k] = columns[k][index];
        }
        return new MemberPoints(customers[index], c[BALANCE], c[EARNED], c[REDEEMED], c[EXPIRED], c[REVERSED],
                c[REDEEM_SHORT], c[REVERSE_SHORT], c[QUALIFYING], tier(index),
                tierSince[index] == Long.MIN_VALUE ? Optional.empty()
                        : Optional.of(LedgerOptions.instant(tierSince[index])),
                history);
    }

    /**
     * Returns a member's line by identifier.
     *
     * @param customerId the customer, not null
     * @return the line, or empty when the customer has no entry, never null
     */
    public Optional<MemberPoints> member(CustomerId customerId) {
        Checks.notNull(customerId, "customerId");
        int i = java.util.Arrays.binarySearch(customers, customerId);
        return i < 0 ? Optional.empty() : Optional.of(member(i));
    }

    /**
     * Returns a member's points credited in the flow period.
     *
     * @param index the member
     * @return points
     */
    public long periodEarned(int index) {
        return columns[PERIOD_EARNED][index];
    }

    /**
     * Returns a member's points redeemed in the flow period.
     *
     * @param index the member
     * @return points
     */
    public long periodRedeemed(int index) {
        return columns[PERIOD_REDEEMED][index];
    }

    /**
     * Returns a member's points that expired in the flow period.
     *
     * @param index the member
     * @return points
     */
    public long periodExpired(int index) {
        return columns[PERIOD_EXPIRED][index];
    }

    /**
     * Returns the debits the balances could not cover, in member then time order.
     *
     * @return the shortfalls, possibly empty, never null
     */
    public List<Shortfall> shortfalls() {
        return shortfalls;
    }

    /**
     * Returns the sum of a column over the members.
     *
     * @param column one of the column constants
     * @return the sum
     */
    long total(int column) {
        long s = 0;
        for (long v : columns[column]) {
            s = Math.addExact(s, v);
        }
        return s;
    }

    /**
     * Returns the points outstanding: the sum of the balances.
     *
     * @return points
     */
    public long outstandingPoints() {
        return total(BALANCE);
    }

    /**
     * Returns the liability of the outstanding points at a stated value per point: what the
     * finance team books for points that may still be redeemed.
     *
     * @param valuePerPoint what one point is worth in whole units of {@link #currency()} (such as
     *     0.01), not negative, not null
     * @return the liability, rounded half-even to the currency's scale, never null
     * @throws IllegalArgumentException if the value is negative
     */
    public Money liability(BigDecimal valuePerPoint) {
        Checks.notNull(valuePerPoint, "valuePerPoint");
        if (valuePerPoint.signum() < 0) {
            throw new IllegalArgumentException("valuePerPoint must not be negative: " + valuePerPoint);
        }
        return Money.of(valuePerPoint.multiply(BigDecimal.valueOf(outstandingPoints())), currency,
                RoundingMode.HALF_EVEN);
    }

    /**
     * Returns the number of orders that earned or reversed points (earning categories, at or before
     * the as-of instant or not).
     *
     * @return the count
     */
    public long ordersCounted() {
        return ordersCounted;
    }

    /**
     * Returns the number of orders left out because their status category does not earn.
     *
     * @return the count
     */
    public long ordersExcludedByStatus() {
        return ordersExcludedByStatus;
    }

    /**
     * Returns the number of orders and transactions after the as-of instant, left out.
     *
     * @return the count
     */
    public long eventsAfterAsOf() {
        return eventsAfterAsOf;
    }

    /**
     * Returns the number of points transactions given to the ledger.
     *
     * @return the count
     */
    public long transactionsUsed() {
        return transactionsUsed;
    }

    /**
     * Returns the counts and the as-of instant (no identifiers).
     *
     * @return the text, never null
     */
    @Override
    public String toString() {
        return "LedgerStatement[asOf=" + options.asOf() + ", members=" + customers.length + ", outstanding="
                + outstandingPoints() + ", shortfalls=" + shortfalls.size() + "]";
    }
}
