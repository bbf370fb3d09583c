package io.crmkit.testkit.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crmkit.core.CustomerId;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The simulator against BG/NBD theory, and its determinism.
 *
 * <p>With every customer acquired at one instant, the number of repeat purchases in the first
 * {@code t} units has the closed-form mean of Fader, Hardie and Lee (2005), eq. 9:
 * {@code E[X(t)] = (a+b-1)/(a-1) * [1 - (alpha/(alpha+t))^r * 2F1(r, b; a+b-1; t/(alpha+t))]}.
 * The simulated mean over 20,000 customers must lie within four standard errors of it.
 */
class CustomerBaseSimulatorTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final int CUSTOMERS = 20_000;
    private static final int HORIZON_WEEKS = 104;

    @Test
    void meanRepeatPurchasesMatchBgNbdTheoryForTheCdnowEstimates() {
        assertMeanRepeatPurchasesMatchTheory(BgNbdProcess.CDNOW, 20_261_122L);
    }

    @Test
    void meanRepeatPurchasesMatchBgNbdTheoryForFrequentLoyalBuyers() {
        assertMeanRepeatPurchasesMatchTheory(new BgNbdProcess(1.5, 10.0, 2.0, 5.0, PeriodUnit.WEEKS), 7L);
    }

    @Test
    void theClosedFormMatchesIndependentlyComputedValues() {
        // For r=0.243, alpha=4.414, a=0.793, b=2.426: E[X(52)] = 1.4461 and E[X(78)] = 1.8605, computed
        // separately (and 1.457 +- 0.01 at 52 weeks by a direct simulation of 100,000 customers).
        assertThat(expectedRepeatPurchases(BgNbdProcess.CDNOW, 52)).isCloseTo(1.4461, within(0.0001));
        assertThat(expectedRepeatPurchases(BgNbdProcess.CDNOW, 78)).isCloseTo(1.8605, within(0.0001));
        assertThat(expectedRepeatPurchases(BgNbdProcess.CDNOW, 0)).isZero();
        assertThat(hypergeometric2F1(1, 1, 2, 0.5)).isCloseTo(-Math.log(0.5) / 0.5, within(1e-12));
    }

    private static void assertMeanRepeatPurchasesMatchTheory(BgNbdProcess process, long seed) {
        CustomerBaseSimulator simulator = CustomerBaseSimulator.builder()
                .customers(CUSTOMERS)
                .acquisition(START, START.plusSeconds(1))
                .observationEnd(START.plus(Duration.ofDays(7L * HORIZON_WEEKS)))
                .process(process)
                .seed(seed)
                .build();
        Map<CustomerId, List<Instant>> purchases = simulator.orders()
                .collect(Collectors.groupingBy(Order::customerId, Collectors.mapping(Order::placedAt, Collectors.toList())));
        assertThat(purchases).hasSize(CUSTOMERS);
        for (int weeks : new int[] {13, 52, HORIZON_WEEKS}) {
            Instant end = START.plus(Duration.ofDays(7L * weeks));
            double[] repeats = purchases.values().stream()
                    .mapToDouble(times -> times.stream().filter(t -> t.isBefore(end)).count() - 1)
                    .toArray();
            double mean = Arrays.stream(repeats).average().orElseThrow();
            double variance = Arrays.stream(repeats).map(x -> (x - mean) * (x - mean)).sum()
                    / (repeats.length - 1);
            double standardError = Math.sqrt(variance / repeats.length);
            double expected = expectedRepeatPurchases(process, weeks);
            assertThat(mean)
                    .as("mean repeat purchases in %d weeks (theory %.4f, standard error %.4f)", weeks, expected,
                            standardError)
                    .isCloseTo(expected, within(4 * standardError));
        }
    }

    /** FHL (2005) eq. 9, with t in the process's unit. */
    static double expectedRepeatPurchases(BgNbdProcess p, double t) {
        double z = t / (p.alpha() + t);
        return (p.a() + p.b() - 1) / (p.a() - 1)
                * (1 - Math.pow(p.alpha() / (p.alpha() + t), p.r()) * hypergeometric2F1(p.r(), p.b(), p.a() + p.b() - 1, z));
    }

    /** Gauss's hypergeometric function by its power series, which converges for |z| < 1. */
    static double hypergeometric2F1(double a, double b, double c, double z) {
        double sum = 1;
        double term = 1;
        for (int n = 0; n < 1_000_000; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(term) < 1e-15 * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1 series did not converge for z = " + z);
    }

    //-----------------------------------------------------------------------

    private static CustomerBaseSimulator simulator(int customers, long seed) {
        return CustomerBaseSimulator.builder()
                .customers(customers)
                .acquisition(START, START.plus(Duration.ofDays(90)))
                .observationEnd(START.plus(Duration.ofDays(365)))
                .seed(seed)
                .build();
    }

    @Test
    void theSameSeedGivesIdenticalOutput() {
        CustomerBaseSimulator first = simulator(500, 42);
        CustomerBaseSimulator second = simulator(500, 42);
        assertThat(second.orders().toList()).isNotEmpty().isEqualTo(first.orders().toList());
        assertThat(second.customers().toList()).isEqualTo(first.customers().toList());
        assertThat(second.latent().toList()).isEqualTo(first.latent().toList());
        assertThat(second.ordersByTime()).isEqualTo(first.ordersByTime());
    }

    @Test
    void anotherSeedGivesOtherOutput() {
        assertThat(simulator(200, 43).orders().toList()).isNotEqualTo(simulator(200, 42).orders().toList());
    }

    @Test
    void aCustomerDoesNotDependOnHowManyCustomersAreSimulated() {
        List<Order> small = simulator(100, 9).orders().toList();
        List<Order> large = simulator(1000, 9).orders().limit(small.size()).toList();
        assertThat(large).isEqualTo(small);
    }

    @Test
    void ordersAreBeforeTheObservationEndAndAgreeWithTheLatentTruth() {
        CustomerBaseSimulator simulator = simulator(2000, 5);
        List<Order> orders = simulator.ordersByTime();
        assertThat(orders).allSatisfy(o -> assertThat(o.placedAt()).isBefore(simulator.observationEnd()));
        assertThat(orders).isSortedAccordingTo(Comparator.comparing(Order::placedAt).thenComparing(Order::id));
        Map<CustomerId, Long> counts = orders.stream().collect(Collectors.groupingBy(Order::customerId, Collectors.counting()));
        assertThat(simulator.latent()).allSatisfy(truth -> {
            assertThat(counts.get(truth.customerId())).isEqualTo(truth.purchases());
            truth.droppedOutAt().ifPresent(d -> assertThat(truth.purchases()).isGreaterThanOrEqualTo(2));
        });
        assertThat(simulator.customers()).allSatisfy(c ->
                assertThat(c.createdAt()).isEqualTo(orders.stream().filter(o -> o.customerId().equals(c.id()))
                        .map(Order::placedAt).min(Comparator.naturalOrder()).orElseThrow()));
    }
}
