package io.crmkit.examples;

import io.crmkit.core.CustomerId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.loyalty.LoyaltyProgram;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.PointsTransactionType;
import io.crmkit.core.order.Order;
import io.crmkit.metrics.loyalty.LedgerOptions;
import io.crmkit.metrics.loyalty.LedgerStatement;
import io.crmkit.metrics.loyalty.LoyaltyLedger;
import io.crmkit.metrics.loyalty.MemberPoints;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.stream.Stream;

/**
 * Quick start 7: the loyalty points ledger. Replays the simulated shop's orders through a
 * program earning one point per whole US dollar of each completed order, points expiring after
 * 365 days (oldest points spent first), with one redemption recorded by the host; prints one
 * member's account, the points outstanding at the end of 2025 and their liability at one cent per
 * point.
 *
 * <p>Stateless and thread-safe.
 */
public final class LoyaltyExample {

    private LoyaltyExample() {
    }

    /**
     * Runs the quick start and prints to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the quick start and prints its report.
     *
     * @param out where the report goes, not null
     */
    public static void run(PrintStream out) {
        Stream<Order> orders = ShopData.orders();

        // tour:loyalty begin
        LoyaltyProgram program = LoyaltyProgram.builder().pointsPerUnit(1).expiry(Duration.ofDays(365)).build();
        LoyaltyLedger ledger = LoyaltyLedger.create(program, Currency.getInstance("USD"));
        orders.forEach(ledger::accept);                      // completed orders earn, returns take back
        ledger.accept(PointsTransaction.of(PointsTransactionId.of("redeem-1"), CustomerId.of("C0000002"),
                PointsTransactionType.REDEEM, Instant.parse("2025-04-01T12:00:00Z"), 50));
        LedgerStatement statement = ledger.statement(LedgerOptions.asOf(Instant.parse("2026-01-01T00:00:00Z")));
        MemberPoints member = statement.member(CustomerId.of("C0000002")).orElseThrow();
        out.println(member.customerId() + ": earned " + member.earned() + ", redeemed " + member.redeemed()
                + ", expired " + member.expired() + ", balance " + member.balance());
        out.println("outstanding: " + statement.outstandingPoints() + " points, liability "
                + statement.liability(new BigDecimal("0.01")));
        // tour:loyalty end

        out.println("members: " + statement.memberCount() + ", orders counted: " + statement.ordersCounted()
                + ", shortfalls: " + statement.shortfalls().size());
        long earned = 0;
        long redeemed = 0;
        long expired = 0;
        long reversed = 0;
        for (int i = 0; i < statement.memberCount(); i++) {
            earned += statement.earned(i);
            redeemed += statement.redeemed(i);
            expired += statement.expired(i);
            reversed += statement.reversed(i);
        }
        out.println("all members: earned " + earned + " = redeemed " + redeemed + " + expired " + expired
                + " + reversed " + reversed + " + outstanding " + statement.outstandingPoints());
    }
}
