package io.crmkit.benchmarks;

import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.loyalty.LoyaltyProgram;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.PointsTransactionType;
import io.crmkit.core.loyalty.Tier;
import io.crmkit.core.loyalty.TierBasis;
import io.crmkit.core.loyalty.TierRules;
import io.crmkit.core.order.Order;
import io.crmkit.metrics.loyalty.LedgerOptions;
import io.crmkit.metrics.loyalty.LedgerStatement;
import io.crmkit.metrics.loyalty.LoyaltyLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The loyalty points ledger of {@code customers} members (about ten orders each: 1 M members, about
 * 10 M orders, simulated by {@link SyntheticOrders}), with one redemption per member of about half
 * of what the member's first order earned and an adjustment for every tenth member, as of the end
 * of the data set: 1 point per unit, expiry after 365 days, two tiers on spend over 365 days.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms8g", "-Xmx8g", "-XX:+UseParallelGC"})
public class LoyaltyBenchmark {

    /** Number of simulated customers (members). */
    @Param("1000000")
    public int customers;

    private OrderBatch batch;
    private List<PointsTransaction> transactions;
    private LoyaltyProgram program;
    private LedgerOptions options;

    /** Generates the orders and points transactions once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        List<Order> orders = SyntheticOrders.orders(customers, 20261203L);
        batch = SyntheticOrders.batch(orders);
        SplittableRandom random = new SplittableRandom(7);
        transactions = new ArrayList<>(customers + customers / 10);
        Order previous = null;
        int id = 0;
        for (Order o : orders) {
            if (previous == null || !previous.customerId().equals(o.customerId())) {
                long points = Math.max(1, o.netRevenueMinorUnits() / 200);
                Instant at = o.placedAt().plus(Duration.ofDays(1 + random.nextInt(400)));
                transactions.add(PointsTransaction.of(PointsTransactionId.of("pt-" + id++), o.customerId(),
                        PointsTransactionType.REDEEM, at, points));
                if (random.nextInt(10) == 0) {
                    transactions.add(PointsTransaction.of(PointsTransactionId.of("pt-" + id++), o.customerId(),
                            PointsTransactionType.ADJUST, at.plus(Duration.ofHours(1)), random.nextInt(2) == 0 ? 5 : -5));
                }
            }
            previous = o;
        }
        program = LoyaltyProgram.builder().pointsPerUnit(1).expiry(Duration.ofDays(365))
                .tiers(new TierRules(TierBasis.SPEND, Duration.ofDays(365),
                        List.of(Tier.of("silver", 200), Tier.of("gold", 500))))
                .build();
        options = new LedgerOptions(SyntheticOrders.END, Duration.ofDays(365));
        System.out.printf("%n%d orders, %d points transactions, %d customers%n", batch.rowCount(),
                transactions.size(), batch.customerCount());
    }

    /**
     * The one-call path over the batch.
     *
     * @return the statement
     */
    @Benchmark
    public LedgerStatement ledgerFromBatch() {
        return LoyaltyLedger.compute(batch, transactions, program, options);
    }

    /**
     * The mergeable accumulator: the batch and transactions copied in, then replayed.
     *
     * @return the statement
     */
    @Benchmark
    public LedgerStatement ledgerAccumulator() {
        return LoyaltyLedger.create(program, batch.currency()).acceptAll(batch).acceptAllTransactions(transactions)
                .statement(options);
    }
}
