package io.crmkit.metrics.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.loyalty.LoyaltyProgram;
import io.crmkit.core.loyalty.PointsRounding;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.PointsTransactionType;
import io.crmkit.core.loyalty.Tier;
import io.crmkit.core.loyalty.TierBasis;
import io.crmkit.core.loyalty.TierChange;
import io.crmkit.core.loyalty.TierRules;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link LoyaltyLedger}: the balance never negative, the account identity at every
 * instant, FIFO redemption and expiry and LIFO reversal against a naive reference model, tiers
 * against a direct window sum, and the ledger over any split or order of the events equal to the
 * whole.
 */
class LoyaltyLedgerProperties {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final long DAY = 86_400_000_000L;
    private static final long BASE = LedgerOptions.micros(Instant.parse("2024-01-01T00:00:00Z"));

    /** One generated event: an order row (points from the amount) or a points transaction. */
    record Ev(boolean isOrder, int customer, long micros, long amountOrPoints, OrderStatusCategory category,
            PointsTransactionType type, int id) {
    }

    record Case(LoyaltyProgram program, List<Ev> events, long asOfMicros, long seed) {
        CustomerId customer(int c) {
            return CustomerId.of("c" + c);
        }

        OrderBatch batch(List<Ev> evs) {
            OrderBatch.Builder b = OrderBatch.builder(EUR);
            for (Ev e : evs) {
                if (e.isOrder()) {
                    b.add(b.customer(customer(e.customer())), e.micros(), e.category(),
                            Math.max(0, e.amountOrPoints()), e.amountOrPoints());
                }
            }
            return b.build();
        }

        List<PointsTransaction> transactions(List<Ev> evs) {
            List<PointsTransaction> out = new ArrayList<>();
            for (Ev e : evs) {
                if (!e.isOrder()) {
                    out.add(PointsTransaction.of(PointsTransactionId.of("t" + e.id()), customer(e.customer()),
                            e.type(), LedgerOptions.instant(e.micros()), e.amountOrPoints()));
                }
            }
            return out;
        }

        LoyaltyLedger ledger(List<Ev> evs) {
            return LoyaltyLedger.create(program, EUR).acceptAll(batch(evs)).acceptAllTransactions(transactions(evs));
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return cases(3, 40);
    }

    /** Few customers with many events each: the replay's sort of long histories. */
    @Provide
    Arbitrary<Case> longHistories() {
        return cases(1, 200);
    }

    private static Arbitrary<Case> cases(int lastCustomer, int maxEvents) {
        Arbitrary<Ev> orders = Combinators.combine(Arbitraries.integers().between(0, lastCustomer),
                Arbitraries.integers().between(0, 900), Arbitraries.of(0L, 0L, 1L, 3_600_000_000L),
                Arbitraries.longs().between(-20_000, 60_000),
                Arbitraries.of(OrderStatusCategory.COMPLETED, OrderStatusCategory.COMPLETED, OrderStatusCategory.OPEN))
                .as((c, day, extra, amount, cat) -> new Ev(true, c, BASE + day * DAY + extra, amount, cat, null, 0));
        Arbitrary<Ev> txs = Combinators.combine(Arbitraries.integers().between(0, lastCustomer),
                Arbitraries.integers().between(0, 900), Arbitraries.of(0L, 0L, 1L),
                Arbitraries.longs().between(1, 400), Arbitraries.of(PointsTransactionType.EARN,
                        PointsTransactionType.REDEEM, PointsTransactionType.REDEEM, PointsTransactionType.ADJUST,
                        PointsTransactionType.REVERSE), Arbitraries.of(true, false))
                .as((c, day, extra, pts, type, negative) -> new Ev(false, c, BASE + day * DAY + extra,
                        type == PointsTransactionType.ADJUST && negative ? -pts : pts, null, type, 0));
        Arbitrary<List<Ev>> events = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, orders), net.jqwik.api.Tuple.of(2, txs))
                .list().ofMaxSize(maxEvents)
                .map(list -> {
                    List<Ev> out = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        Ev e = list.get(i);
                        out.add(new Ev(e.isOrder(), e.customer(), e.micros(), e.amountOrPoints(), e.category(),
                                e.type(), i));
                    }
                    return out;
                });
        Arbitrary<LoyaltyProgram> programs = Combinators.combine(Arbitraries.longs().between(0, 3),
                Arbitraries.of(PointsRounding.class), Arbitraries.integers().between(1, 400).optional(0.8),
                Arbitraries.of(TierBasis.class), Arbitraries.integers().between(1, 400),
                Arbitraries.longs().between(1, 600).set().ofMaxSize(3))
                .as((rate, rounding, expiryDays, basis, windowDays, thresholds) -> {
                    List<Tier> tiers = new ArrayList<>();
                    for (long t : thresholds) {
                        tiers.add(Tier.of("t" + t, t));
                    }
                    LoyaltyProgram.Builder b = LoyaltyProgram.builder().pointsPerUnit(rate).rounding(rounding)
                            .tiers(new TierRules(basis, Duration.ofDays(windowDays), tiers));
                    expiryDays.ifPresent(d -> b.expiry(Duration.ofDays(d)));
                    return b.build();
                });
        return Combinators.combine(programs, events, Arbitraries.integers().between(0, 1000),
                        Arbitraries.of(0L, -1L, 1L), Arbitraries.longs())
                .as((p, evs, day, nudge, seed) -> new Case(p, evs, BASE + day * DAY + nudge, seed));
    }

    @Property
    void balanceNeverNegativeAndTheAccountBalancesAtEveryInstant(@ForAll("cases") Case c) {
        TreeSet<Long> instants = new TreeSet<>();
        long expiry = c.program().expiryMicros();
        for (Ev e : c.events()) {
            instants.add(e.micros());
            instants.add(e.micros() - 1);
            if (expiry != Long.MAX_VALUE) {
                instants.add(e.micros() + expiry);
                instants.add(e.micros() + expiry - 1);
            }
        }
        instants.add(c.asOfMicros());
        LoyaltyLedger ledger = c.ledger(c.events());
        for (long t : instants) {
            LedgerStatement s = ledger.statement(LedgerOptions.asOf(LedgerOptions.instant(t)));
            for (int i = 0; i < s.memberCount(); i++) {
                MemberPoints m = s.member(i); // the constructor checks the identity too
                assertThat(m.balance()).isNotNegative();
                assertThat(m.earned()).isEqualTo(m.redeemed() + m.expired() + m.reversed() + m.balance());
            }
        }
    }

    @Property
    void agreesWithANaiveModelOfFifoRedemptionFifoExpiryAndLifoReversal(@ForAll("cases") Case c) {
        LedgerOptions options = LedgerOptions.asOf(LedgerOptions.instant(c.asOfMicros()));
        LedgerStatement s = LoyaltyLedger.compute(c.batch(c.events()), c.transactions(c.events()), c.program(),
                options);
        List<Shortfall> expectedShortfalls = new ArrayList<>();
        long periodStart = c.asOfMicros() - LedgerOptions.micros(options.period());
        for (int i = 0; i < s.memberCount(); i++) {
            MemberPoints m = s.member(i);
            int customer = Integer.parseInt(m.customerId().value().substring(1));
            long[] expected = naive(c, customer, c.asOfMicros(), periodStart, expectedShortfalls).totals();
            assertThat(new long[] {m.balance(), m.earned(), m.redeemed(), m.expired(), m.reversed(),
                    m.redeemShortfall(), m.reverseShortfall(), s.periodEarned(i), s.periodRedeemed(i),
                    s.periodExpired(i)}).as(m.customerId().value()).containsExactly(expected);
        }
        assertThat(s.shortfalls()).containsExactlyElementsOf(expectedShortfalls);
    }

    @Property(tries = 200)
    void longHistoriesAgreeWithTheNaiveModelToo(@ForAll("longHistories") Case c) {
        agreesWithANaiveModelOfFifoRedemptionFifoExpiryAndLifoReversal(c);
        theLedgerOverAnySplitAndAnyOrderOfTheEventsEqualsTheWhole(c);
    }

    @Property
    void tiersFollowTheWindowSumAndTheHistoryChangesExactlyWhereTheTierDoes(@ForAll("cases") Case c) {
        LedgerStatement s = LoyaltyLedger.compute(c.batch(c.events()), c.transactions(c.events()), c.program(),
                LedgerOptions.asOf(LedgerOptions.instant(c.asOfMicros())));
        TierRules rules = c.program().tiers();
        for (int i = 0; i < s.memberCount(); i++) {
            MemberPoints m = s.member(i);
            int customer = Integer.parseInt(m.customerId().value().substring(1));
            assertThat(m.qualifying()).isEqualTo(windowSum(c, customer, c.asOfMicros()));
            assertThat(m.tier()).isEqualTo(rules.name(rules.level(m.qualifying(), unitScale(c))));
            String previous = TierRules.BASE_TIER;
            for (TierChange change : m.tierHistory()) {
                long t = LedgerOptions.micros(change.at());
                assertThat(change.tier()).isNotEqualTo(previous);
                assertThat(change.tier()).isEqualTo(rules.name(rules.level(windowSum(c, customer, t), unitScale(c))));
                assertThat(rules.name(rules.level(windowSum(c, customer, t - 1), unitScale(c)))).isEqualTo(previous);
                previous = change.tier();
            }
            assertThat(previous).isEqualTo(m.tier());
        }
    }

    @Property
    void theLedgerOverAnySplitAndAnyOrderOfTheEventsEqualsTheWhole(@ForAll("cases") Case c) {
        LedgerOptions options = LedgerOptions.asOf(LedgerOptions.instant(c.asOfMicros()));
        LedgerStatement whole = LoyaltyLedger.compute(c.batch(c.events()), c.transactions(c.events()), c.program(),
                options);
        Random random = new Random(c.seed());
        List<Ev> shuffled = new ArrayList<>(c.events());
        Collections.shuffle(shuffled, random);
        int parts = 1 + random.nextInt(4);
        List<List<Ev>> split = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            split.add(new ArrayList<>());
        }
        for (Ev e : shuffled) {
            split.get(random.nextInt(parts)).add(e);
        }
        LoyaltyLedger combined = c.ledger(split.get(0));
        for (int k = 1; k < parts; k++) {
            combined.combine(c.ledger(split.get(k)));
        }
        LedgerStatement s = combined.statement(options);
        assertThat(s.memberCount()).isEqualTo(whole.memberCount());
        for (int i = 0; i < s.memberCount(); i++) {
            assertThat(s.member(i)).isEqualTo(whole.member(i));
        }
        assertThat(s.shortfalls()).isEqualTo(whole.shortfalls());
        assertThat(s.ordersExcludedByStatus()).isEqualTo(whole.ordersExcludedByStatus());
        assertThat(s.eventsAfterAsOf()).isEqualTo(whole.eventsAfterAsOf());
    }

    private static long unitScale(Case c) {
        return c.program().tiers().basis() == TierBasis.SPEND ? 100 : 1;
    }

    private static boolean earns(Case c, Ev e) {
        return c.program().earningCategories().contains(e.category());
    }

    /**
     * Whole euros of a non-negative amount in cents under the programme's rounding, in plain
     * arithmetic (not the library's {@link PointsRounding}).
     */
    private static long units(Case c, long cents) {
        return switch (c.program().rounding()) {
            case DOWN -> cents / 100;
            case HALF_UP -> (cents + 50) / 100;
            case UP -> (cents + 99) / 100;
        };
    }

    /**
     * The qualifying value in (t - window, t], summed directly: spend of earning orders, or the points
     * each event credited less the points each debit of the reversing kind actually took back (from
     * the naive model's replay).
     */
    private static long windowSum(Case c, int customer, long t) {
        long window = LedgerOptions.micros(c.program().tiers().window());
        long sum = 0;
        if (c.program().tiers().basis() == TierBasis.SPEND) {
            for (Ev e : c.events()) {
                if (e.customer() == customer && e.micros() <= t && e.micros() > t - window && e.isOrder()
                        && earns(c, e)) {
                    sum += e.amountOrPoints();
                }
            }
            return sum;
        }
        for (long[] flow : naive(c, customer, t, t, new ArrayList<>()).flows()) {
            if (flow[0] > t - window) {
                sum += flow[1] - flow[2];
            }
        }
        return sum;
    }

    /** The naive model's results: the totals and, per event replayed, {time, credited, taken back}. */
    record Naive(long[] totals, List<long[]> flows) {
    }

    /**
     * The naive model: lots as a list, every lot checked for expiry at each event, redemptions from
     * the front, reversals from the back, a return taking back rate x (units of the returns so far -
     * units of the returns before it). Totals: balance, earned, redeemed, expired, reversed, the two
     * shortfalls, and earned, redeemed and expired in (periodStart, asOf].
     */
    private static Naive naive(Case c, int customer, long asOf, long periodStart, List<Shortfall> shortfalls) {
        record Step(long time, int rank, String tie, long key, Ev ev) {
        }
        long rate = c.program().pointsPerUnit();
        List<Step> steps = new ArrayList<>();
        for (Ev e : c.events()) {
            if (e.customer() != customer) {
                continue;
            }
            if (e.isOrder()) {
                if (!earns(c, e)) {
                    continue;
                }
                steps.add(new Step(e.micros(), e.amountOrPoints() >= 0 ? 0 : 1, null, e.amountOrPoints(), e));
            } else {
                int rank = switch (e.type()) {
                    case EARN -> 0;
                    case REVERSE -> 1;
                    case REDEEM -> 2;
                    default -> e.amountOrPoints() > 0 ? 0 : 1;
                };
                steps.add(new Step(e.micros(), rank, "t" + e.id(), Math.abs(e.amountOrPoints()), e));
            }
        }
        // orders by amount, transactions by identifier (unique)
        steps.sort(Comparator.comparingLong(Step::time).thenComparingInt(Step::rank)
                .thenComparing(Step::tie, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(Step::key));
        List<long[]> lots = new ArrayList<>(); // {time, left}
        List<long[]> flows = new ArrayList<>();
        long expiry = c.program().expiryMicros();
        long earned = 0;
        long redeemed = 0;
        long reversed = 0;
        long[] expired = {0, 0}; // all, in the period
        long redeemShort = 0;
        long reverseShort = 0;
        long periodEarned = 0;
        long periodRedeemed = 0;
        long returnedCents = 0;
        CustomerId id = CustomerId.of("c" + customer);
        for (Step s : steps) {
            if (s.time() > asOf) {
                break;
            }
            expireNaive(lots, s.time(), expiry, periodStart, asOf, expired);
            boolean inPeriod = s.time() > periodStart;
            long asked;
            if (!s.ev().isOrder()) {
                asked = Math.abs(s.ev().amountOrPoints());
            } else if (s.rank() == 0) {
                asked = rate * units(c, s.ev().amountOrPoints());
            } else {
                long before = units(c, returnedCents);
                returnedCents -= s.ev().amountOrPoints();
                asked = rate * (units(c, returnedCents) - before);
            }
            long left = asked;
            switch (s.rank()) {
                case 0 -> {
                    if (left > 0) {
                        lots.add(new long[] {s.time(), left});
                        earned += left;
                        periodEarned += inPeriod ? left : 0;
                    }
                    flows.add(new long[] {s.time(), asked, 0});
                }
                case 1 -> {
                    for (int k = lots.size() - 1; k >= 0 && left > 0; k--) {
                        long take = Math.min(left, lots.get(k)[1]);
                        lots.get(k)[1] -= take;
                        left -= take;
                    }
                    reversed += asked - left;
                    reverseShort += left;
                    flows.add(new long[] {s.time(), 0, asked - left});
                    if (left > 0) {
                        shortfalls.add(new Shortfall(id, Shortfall.Kind.REVERSE, LedgerOptions.instant(s.time()),
                                s.tie() == null ? Optional.empty() : Optional.of(PointsTransactionId.of(s.tie())),
                                asked, asked - left));
                    }
                }
                default -> {
                    for (int k = 0; k < lots.size() && left > 0; k++) {
                        long take = Math.min(left, lots.get(k)[1]);
                        lots.get(k)[1] -= take;
                        left -= take;
                    }
                    redeemed += asked - left;
                    periodRedeemed += inPeriod ? asked - left : 0;
                    redeemShort += left;
                    if (left > 0) {
                        shortfalls.add(new Shortfall(id, Shortfall.Kind.REDEEM, LedgerOptions.instant(s.time()),
                                Optional.of(PointsTransactionId.of(s.tie())), asked, asked - left));
                    }
                }
            }
            lots.removeIf(l -> l[1] == 0);
        }
        expireNaive(lots, asOf, expiry, periodStart, asOf, expired);
        long balance = lots.stream().mapToLong(l -> l[1]).sum();
        return new Naive(new long[] {balance, earned, redeemed, expired[0], reversed, redeemShort, reverseShort,
            periodEarned, periodRedeemed, expired[1]}, flows);
    }

    /** Expires every lot due by t; a lot's expiry counts in the period if its instant is in (start, asOf]. */
    private static void expireNaive(List<long[]> lots, long t, long expiry, long periodStart, long asOf,
            long[] expired) {
        if (expiry == Long.MAX_VALUE) {
            return;
        }
        lots.removeIf(l -> {
            if (l[0] + expiry <= t) {
                expired[0] += l[1];
                if (l[0] + expiry > periodStart && l[0] + expiry <= asOf) {
                    expired[1] += l[1];
                }
                return true;
            }
            return false;
        });
    }
}
