package io.crmkit.core.port.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryAccumulator;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.order.Order;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The in-memory adapters claim thread safety: four writers and four readers at once lose nothing
 * and show nothing torn (every snapshot is a set of whole, saved records, found again by id, never
 * shrinking); and the purchase aggregation's {@code combine} gives the one-pass result when a
 * parallel stream drives it.
 */
class ConcurrencyStressTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final int WRITERS = 4;
    private static final int READERS = 4;
    private static final int PER_WRITER = 3_000;

    private static Order order(int writer, int k) {
        return Order.builder(OrderId.of(String.format(Locale.ROOT, "w%d-%05d", writer, k)),
                CustomerId.of("c" + (k % 211)), T0.plusSeconds(37L * k + writer), Money.currency("USD"))
                .grossAmount(Money.of(java.math.BigDecimal.valueOf(100 + k % 997, 2), Money.currency("USD"))).build();
    }

    @Test
    void ordersWrittenAndReadAtOnceAreNeitherLostNorTorn() throws Exception {
        InMemoryOrderRepository repository = new InMemoryOrderRepository();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                start.await();
                List<Order> batch = new ArrayList<>();
                for (int k = 0; k < PER_WRITER; k++) {
                    batch.add(order(writer, k));
                    if (batch.size() == 1 + k % 17) {
                        if (k % 2 == 0) {
                            repository.saveAll(batch);
                        } else {
                            batch.forEach(repository::save);
                        }
                        batch.clear();
                    }
                }
                repository.saveAll(batch);
                return null;
            }));
        }
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            readers.add(pool.submit(() -> {
                start.await();
                int last = 0;
                while (writing.get()) {
                    List<Order> seen;
                    try (var s = repository.stream(TimeRange.all())) {
                        seen = s.toList();
                    }
                    Set<OrderId> ids = new HashSet<>();
                    Instant previous = Instant.MIN;
                    for (Order o : seen) {
                        if (!ids.add(o.id())) {
                            problems.add("order " + o.id() + " twice in one snapshot");
                        }
                        if (o.placedAt().isBefore(previous)) {
                            problems.add("snapshot not in time order at " + o.id());
                        }
                        previous = o.placedAt();
                        if (repository.findById(o.id()).filter(o::equals).isEmpty()) {
                            problems.add("order " + o.id() + " streamed but not found whole by id");
                        }
                    }
                    if (seen.size() < last) {
                        problems.add("a later snapshot shrank from " + last + " to " + seen.size());
                    }
                    last = seen.size();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : writers) {
            f.get(2, TimeUnit.MINUTES);
        }
        writing.set(false);
        for (Future<?> f : readers) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(problems).isEmpty();
        assertThat(repository.size()).isEqualTo(WRITERS * PER_WRITER);
        for (int w = 0; w < WRITERS; w++) {
            for (int k = 0; k < PER_WRITER; k += 97) {
                assertThat(repository.findById(order(w, k).id())).contains(order(w, k));
            }
        }
    }

    @Test
    void customersSavedAgainWhileReadAreAlwaysOneWholeVersion() throws Exception {
        InMemoryCustomerRepository repository = new InMemoryCustomerRepository();
        int customers = 200;
        int versions = 40;
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                start.await();
                for (int v = 0; v < versions; v++) {
                    for (int c = writer; c < customers; c += WRITERS) {
                        repository.save(Customer.builder(CustomerId.of("c" + c), PartyKind.PERSON, "Name " + c, T0)
                                .tags("v" + v).updatedAt(T0.plusSeconds(v)).build());
                    }
                }
                return null;
            }));
        }
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            readers.add(pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    List<Customer> seen;
                    try (var s = repository.streamAll()) {
                        seen = s.toList();
                    }
                    Set<CustomerId> ids = new HashSet<>();
                    for (Customer c : seen) {
                        if (!ids.add(c.id())) {
                            problems.add("customer " + c.id() + " twice in one snapshot");
                        }
                        // a whole version: its tag and its update time were saved together
                        String tag = c.tags().iterator().next();
                        if (!c.updatedAt().equals(T0.plusSeconds(Long.parseLong(tag.substring(1))))) {
                            problems.add("customer " + c.id() + " torn: tag " + tag + ", updated " + c.updatedAt());
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : writers) {
            f.get(2, TimeUnit.MINUTES);
        }
        writing.set(false);
        for (Future<?> f : readers) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(problems).isEmpty();
        assertThat(repository.count()).isEqualTo(customers);
        assertThat(repository.streamAll().map(c -> c.tags().iterator().next()))
                .containsOnly("v" + (versions - 1));
    }

    @Test
    void combineDrivenByAParallelStreamEqualsOnePass() {
        List<Order> orders = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            for (int k = 0; k < PER_WRITER; k++) {
                orders.add(order(w, k));
            }
        }
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2024, 12, 31)))
                .zone(ZoneOffset.UTC).purchaseUnit(PurchaseUnit.ORDER).timeUnit(PeriodUnit.DAYS).build();
        PurchaseSummaries onePass = PurchaseHistory.summarize(orders, options);
        for (int round = 0; round < 5; round++) {
            PurchaseSummaries parallel = orders.parallelStream().collect(
                    () -> new PurchaseHistoryAccumulator(options), PurchaseHistoryAccumulator::accept,
                    PurchaseHistoryAccumulator::combine).toSummaries();
            assertThat(parallel).isEqualTo(onePass);
        }
    }
}
