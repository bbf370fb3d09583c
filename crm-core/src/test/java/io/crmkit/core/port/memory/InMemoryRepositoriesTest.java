package io.crmkit.core.port.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.InteractionId;
import io.crmkit.core.MembershipId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.ReferralId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.credit.Payment;
import io.crmkit.core.credit.PaymentId;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionChannel;
import io.crmkit.core.interaction.InteractionPurpose;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.PointsTransactionType;
import io.crmkit.core.loyalty.Referral;
import io.crmkit.core.order.Order;
import io.crmkit.core.service.CaseType;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.survey.SurveyScore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each in-memory repository of crm-core on one hand-worked example (the contract tests in
 * crm-testkit check them on random seeds, but crm-core cannot use crm-testkit): a record found by
 * identifier, a save under a known identifier replacing the record and moving it in time and to
 * another customer, streams in time-then-identifier order with the documented bounds (half-open
 * ranges for events, an inclusive last day for ledgers), streams as snapshots, and null arguments
 * refused by name.
 */
class InMemoryRepositoriesTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final LocalDate D0 = LocalDate.of(2024, 1, 1);
    private static final CustomerId A = CustomerId.of("a");
    private static final CustomerId B = CustomerId.of("b");

    /** Makes a record from an identifier text, a customer and an hour (events) or day (ledgers) offset. */
    private interface Maker<T> {
        T make(String id, CustomerId customer, int offset);
    }

    /** The operations of one repository under test, made from its methods. */
    private record Ops<T, I, R>(Function<List<T>, R> of, Supplier<R> empty, BiFunction<R, T, Void> save,
            BiFunction<R, List<T>, Void> saveAll, Function<R, IntSupplier> size, BiFunction<R, I, Optional<T>> find,
            Function<String, I> id, Maker<T> maker) {
    }

    private static <T> List<T> list(Stream<T> s) {
        try (s) {
            return s.toList();
        }
    }

    /** Runs the example on an event repository; {@code stream(repo, range)} and {@code mine(repo, customer, range)}. */
    private static <T, I, R> void event(Ops<T, I, R> ops, BiFunction<R, TimeRange, Stream<T>> stream,
            TriFunction<R, CustomerId, TimeRange, Stream<T>> mine) {
        Maker<T> m = ops.maker();
        T e1 = m.make("e1", A, 2);
        T e2 = m.make("e2", B, 1);
        T e3 = m.make("e3", A, 1);
        T e0 = m.make("e0", A, 3);
        R repo = ops.of().apply(List.of(e1, e2, e3));
        ops.save().apply(repo, e0);
        assertThat(ops.size().apply(repo).getAsInt()).isEqualTo(4);
        T e1Moved = m.make("e1", B, 0);
        ops.saveAll().apply(repo, List.of(e1Moved));
        assertThat(ops.size().apply(repo).getAsInt()).isEqualTo(4);

        assertThat(ops.find().apply(repo, ops.id().apply("e1"))).contains(e1Moved);
        assertThat(ops.find().apply(repo, ops.id().apply("e3"))).contains(e3);
        assertThat(ops.find().apply(repo, ops.id().apply("e9"))).isEmpty();

        Instant h1 = T0.plusSeconds(3600);
        Instant h3 = T0.plusSeconds(3 * 3600);
        assertThat(list(stream.apply(repo, TimeRange.of(h1, h3)))).containsExactly(e2, e3);
        assertThat(list(stream.apply(repo, TimeRange.all()))).containsExactly(e1Moved, e2, e3, e0);
        assertThat(list(stream.apply(repo, TimeRange.from(h3)))).containsExactly(e0);
        assertThat(list(stream.apply(repo, TimeRange.of(h1, h1)))).isEmpty();
        assertThat(list(mine.apply(repo, A, TimeRange.all()))).containsExactly(e3, e0);
        assertThat(list(mine.apply(repo, A, TimeRange.until(h3)))).containsExactly(e3);
        assertThat(list(mine.apply(repo, B, TimeRange.until(h1)))).containsExactly(e1Moved);
        assertThat(list(mine.apply(repo, CustomerId.of("c"), TimeRange.all()))).isEmpty();

        Stream<T> before = stream.apply(repo, TimeRange.all());
        Stream<T> beforeMine = mine.apply(repo, A, TimeRange.all());
        ops.save().apply(repo, m.make("e5", A, 0));
        assertThat(list(before)).hasSize(4);
        assertThat(list(beforeMine)).containsExactly(e3, e0);
        assertThat(ops.size().apply(repo).getAsInt()).isEqualTo(5);

        R empty = ops.empty().get();
        assertThat(ops.size().apply(empty).getAsInt()).isZero();
        assertThat(list(stream.apply(empty, TimeRange.all()))).isEmpty();
        assertThatThrownBy(() -> ops.save().apply(empty, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("record");
        assertThatThrownBy(() -> ops.saveAll().apply(empty, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("records");
        assertThatThrownBy(() -> ops.find().apply(empty, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> stream.apply(empty, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("range");
        assertThatThrownBy(() -> mine.apply(empty, null, TimeRange.all())).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("customerId");
        assertThatThrownBy(() -> mine.apply(empty, A, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("range");
    }

    /** Runs the example on a ledger repository; {@code through(repo, lastDay)}, {@code mine(repo, customer, lastDay)}. */
    private static <T, I, R> void ledger(Ops<T, I, R> ops, BiFunction<R, LocalDate, Stream<T>> through,
            TriFunction<R, CustomerId, LocalDate, Stream<T>> mine) {
        Maker<T> m = ops.maker();
        T l1 = m.make("l1", A, 2);
        T l2 = m.make("l2", B, 1);
        T l3 = m.make("l3", A, 1);
        T l0 = m.make("l0", A, 3);
        R repo = ops.of().apply(List.of(l1, l2, l3));
        ops.save().apply(repo, l0);
        T l1Moved = m.make("l1", B, 0);
        ops.saveAll().apply(repo, List.of(l1Moved));
        assertThat(ops.size().apply(repo).getAsInt()).isEqualTo(4);
        assertThat(ops.find().apply(repo, ops.id().apply("l1"))).contains(l1Moved);
        assertThat(ops.find().apply(repo, ops.id().apply("l9"))).isEmpty();

        assertThat(list(through.apply(repo, D0.minusDays(1)))).isEmpty();
        assertThat(list(through.apply(repo, D0))).containsExactly(l1Moved);
        assertThat(list(through.apply(repo, D0.plusDays(1)))).containsExactly(l1Moved, l2, l3);
        assertThat(list(through.apply(repo, D0.plusDays(3)))).containsExactly(l1Moved, l2, l3, l0);
        assertThat(list(mine.apply(repo, A, D0.plusDays(2)))).containsExactly(l3);
        assertThat(list(mine.apply(repo, A, D0.plusDays(3)))).containsExactly(l3, l0);
        assertThat(list(mine.apply(repo, B, D0.plusDays(9)))).containsExactly(l1Moved, l2);
        assertThat(list(mine.apply(repo, CustomerId.of("c"), D0.plusDays(9)))).isEmpty();

        Stream<T> before = through.apply(repo, D0.plusDays(9));
        Stream<T> beforeMine = mine.apply(repo, A, D0.plusDays(9));
        ops.save().apply(repo, m.make("l5", A, 0));
        assertThat(list(before)).containsExactly(l1Moved, l2, l3, l0);
        assertThat(list(beforeMine)).containsExactly(l3, l0);

        R empty = ops.empty().get();
        assertThat(ops.size().apply(empty).getAsInt()).isZero();
        assertThatThrownBy(() -> ops.save().apply(empty, null)).hasMessageContaining("record");
        assertThatThrownBy(() -> ops.find().apply(empty, null)).hasMessageContaining("id");
        assertThatThrownBy(() -> through.apply(empty, null)).hasMessageContaining("lastDay");
        assertThatThrownBy(() -> mine.apply(empty, null, D0)).hasMessageContaining("customerId");
        assertThatThrownBy(() -> mine.apply(empty, A, null)).hasMessageContaining("lastDay");
    }

    /** A function of three arguments. */
    private interface TriFunction<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    private static <R, T> BiFunction<R, T, Void> doing(java.util.function.BiConsumer<R, T> action) {
        return (r, t) -> {
            action.accept(r, t);
            return null;
        };
    }

    private static Instant hour(int h) {
        return T0.plusSeconds(3600L * h);
    }

    @Test
    void orders() {
        event(new Ops<Order, OrderId, InMemoryOrderRepository>(InMemoryOrderRepository::of,
                        InMemoryOrderRepository::new, doing(InMemoryOrderRepository::save),
                        doing(InMemoryOrderRepository::saveAll), r -> r::size, InMemoryOrderRepository::findById,
                        OrderId::of, (id, c, h) -> Order.of(OrderId.of(id), c, hour(h), Money.of("10.00", "EUR"))),
                InMemoryOrderRepository::stream, InMemoryOrderRepository::streamForCustomer);
    }

    @Test
    void interactions() {
        event(new Ops<Interaction, InteractionId, InMemoryInteractionRepository>(InMemoryInteractionRepository::of,
                        InMemoryInteractionRepository::new, doing(InMemoryInteractionRepository::save),
                        doing(InMemoryInteractionRepository::saveAll), r -> r::size,
                        InMemoryInteractionRepository::findById, InteractionId::of,
                        (id, c, h) -> Interaction.builder(InteractionId.of(id), c, InteractionChannel.PHONE,
                                Direction.INBOUND, InteractionPurpose.SUPPORT, hour(h)).build()),
                InMemoryInteractionRepository::stream, InMemoryInteractionRepository::streamForCustomer);
    }

    @Test
    void serviceCases() {
        event(new Ops<ServiceCase, ServiceCaseId, InMemoryServiceCaseRepository>(InMemoryServiceCaseRepository::of,
                        InMemoryServiceCaseRepository::new, doing(InMemoryServiceCaseRepository::save),
                        doing(InMemoryServiceCaseRepository::saveAll), r -> r::size,
                        InMemoryServiceCaseRepository::findById, ServiceCaseId::of,
                        (id, c, h) -> ServiceCase.builder(ServiceCaseId.of(id), c, CaseType.QUESTION,
                                InteractionChannel.EMAIL, hour(h)).build()),
                InMemoryServiceCaseRepository::stream, InMemoryServiceCaseRepository::streamForCustomer);
    }

    @Test
    void surveyResponses() {
        event(new Ops<SurveyResponse, SurveyResponseId, InMemorySurveyResponseRepository>(
                        InMemorySurveyResponseRepository::of, InMemorySurveyResponseRepository::new,
                        doing(InMemorySurveyResponseRepository::save),
                        doing(InMemorySurveyResponseRepository::saveAll), r -> r::size,
                        InMemorySurveyResponseRepository::findById, SurveyResponseId::of,
                        (id, c, h) -> SurveyResponse.of(SurveyResponseId.of(id), c, hour(h), SurveyScore.nps(9),
                                InteractionChannel.EMAIL)),
                InMemorySurveyResponseRepository::stream, InMemorySurveyResponseRepository::streamForCustomer);
    }

    @Test
    void pointsTransactions() {
        event(new Ops<PointsTransaction, PointsTransactionId, InMemoryPointsTransactionRepository>(
                        InMemoryPointsTransactionRepository::of, InMemoryPointsTransactionRepository::new,
                        doing(InMemoryPointsTransactionRepository::save),
                        doing(InMemoryPointsTransactionRepository::saveAll), r -> r::size,
                        InMemoryPointsTransactionRepository::findById, PointsTransactionId::of,
                        (id, c, h) -> PointsTransaction.of(PointsTransactionId.of(id), c, PointsTransactionType.EARN,
                                hour(h), 100)),
                InMemoryPointsTransactionRepository::stream, InMemoryPointsTransactionRepository::streamForCustomer);
    }

    @Test
    void memberships() {
        event(new Ops<Membership, MembershipId, InMemoryMembershipRepository>(InMemoryMembershipRepository::of,
                        InMemoryMembershipRepository::new, doing(InMemoryMembershipRepository::save),
                        doing(InMemoryMembershipRepository::saveAll), r -> r::size,
                        InMemoryMembershipRepository::findById, MembershipId::of,
                        (id, c, h) -> Membership.of(MembershipId.of(id), c, hour(h))),
                InMemoryMembershipRepository::stream, InMemoryMembershipRepository::streamForCustomer);
    }

    @Test
    void referralsBelongToTheReferredCustomer() {
        CustomerId referrer = CustomerId.of("z");
        event(new Ops<Referral, ReferralId, InMemoryReferralRepository>(InMemoryReferralRepository::of,
                        InMemoryReferralRepository::new, doing(InMemoryReferralRepository::save),
                        doing(InMemoryReferralRepository::saveAll), r -> r::size,
                        InMemoryReferralRepository::findById, ReferralId::of,
                        (id, c, h) -> Referral.of(ReferralId.of(id), referrer, c, "CODE-" + id, hour(h))),
                InMemoryReferralRepository::stream, InMemoryReferralRepository::streamForCustomer);
        InMemoryReferralRepository repo = InMemoryReferralRepository.of(
                List.of(Referral.of(ReferralId.of("r"), referrer, A, "CODE", T0)));
        assertThat(list(repo.streamForCustomer(referrer, TimeRange.all()))).isEmpty();
        assertThat(list(repo.streamForCustomer(A, TimeRange.all()))).hasSize(1);
    }

    @Test
    void invoices() {
        ledger(new Ops<Invoice, InvoiceId, InMemoryInvoiceRepository>(InMemoryInvoiceRepository::of,
                        InMemoryInvoiceRepository::new, doing(InMemoryInvoiceRepository::save),
                        doing(InMemoryInvoiceRepository::saveAll), r -> r::size,
                        InMemoryInvoiceRepository::findById, InvoiceId::of,
                        (id, c, d) -> Invoice.issued(InvoiceId.of(id), c, D0.plusDays(d), D0.plusDays(d + 30),
                                Money.of("10.00", "EUR"))),
                InMemoryInvoiceRepository::streamThrough, InMemoryInvoiceRepository::streamForCustomer);
    }

    @Test
    void payments() {
        ledger(new Ops<Payment, PaymentId, InMemoryPaymentRepository>(InMemoryPaymentRepository::of,
                        InMemoryPaymentRepository::new, doing(InMemoryPaymentRepository::save),
                        doing(InMemoryPaymentRepository::saveAll), r -> r::size,
                        InMemoryPaymentRepository::findById, PaymentId::of,
                        (id, c, d) -> Payment.of(PaymentId.of(id), c, D0.plusDays(d), Money.of("5.00", "EUR"))),
                InMemoryPaymentRepository::streamThrough, InMemoryPaymentRepository::streamForCustomer);
    }

    private static Customer customer(String id, int hour) {
        return Customer.builder(CustomerId.of(id), PartyKind.PERSON, "Name " + id, hour(hour)).build();
    }

    @Test
    void customersStreamByIdentifierAndByCreationTime() {
        Customer c1 = customer("c1", 2);
        Customer c2 = customer("c2", 1);
        Customer c3 = customer("c3", 1);
        Customer c0 = customer("c0", 3);
        InMemoryCustomerRepository repo = InMemoryCustomerRepository.of(List.of(c2, c1, c3));
        repo.save(c0);
        assertThat(repo.count()).isEqualTo(4);
        Customer c1Later = customer("c1", 0);
        repo.saveAll(List.of(c1Later));
        assertThat(repo.count()).isEqualTo(4);
        assertThat(repo.findById(CustomerId.of("c1"))).contains(c1Later);
        assertThat(repo.findById(CustomerId.of("c9"))).isEmpty();

        assertThat(list(repo.streamAll())).containsExactly(c0, c1Later, c2, c3);
        assertThat(list(repo.streamCreated(TimeRange.all()))).containsExactly(c1Later, c2, c3, c0);
        assertThat(list(repo.streamCreated(TimeRange.of(hour(1), hour(3))))).containsExactly(c2, c3);
        assertThat(list(repo.streamCreated(TimeRange.from(hour(3))))).containsExactly(c0);
        assertThat(list(repo.streamCreated(TimeRange.of(hour(5), hour(9))))).isEmpty();

        Stream<Customer> before = repo.streamAll();
        Stream<Customer> createdBefore = repo.streamCreated(TimeRange.all());
        repo.save(customer("c5", 0));
        assertThat(list(before)).hasSize(4);
        assertThat(list(createdBefore)).hasSize(4);
        assertThat(repo.count()).isEqualTo(5);

        InMemoryCustomerRepository empty = new InMemoryCustomerRepository();
        assertThat(empty.count()).isZero();
        assertThat(list(empty.streamAll())).isEmpty();
        assertThatThrownBy(() -> empty.save(null)).hasMessageContaining("customer");
        assertThatThrownBy(() -> empty.saveAll(null)).hasMessageContaining("customers");
        assertThatThrownBy(() -> empty.findById(null)).hasMessageContaining("id");
        assertThatThrownBy(() -> empty.streamCreated(null)).hasMessageContaining("range");
    }

    @Test
    void creditTermsRefuseNulls() {
        InMemoryCreditTermsRepository repo = new InMemoryCreditTermsRepository();
        assertThat(list(repo.streamAll())).isEmpty();
        assertThatThrownBy(() -> repo.save(null)).hasMessageContaining("terms");
        assertThatThrownBy(() -> repo.findByCustomer(null)).hasMessageContaining("customerId");
        assertThatThrownBy(() -> InMemoryCreditTermsRepository.of(null)).hasMessageContaining("terms");
    }

    @Test
    void aSaveReleasesItsLockForOtherThreads() throws Exception {
        InMemoryCustomerRepository customers = new InMemoryCustomerRepository();
        customers.save(customer("c1", 0));
        InMemoryOrderRepository orders = new InMemoryOrderRepository();
        orders.save(Order.of(OrderId.of("o1"), A, T0, Money.of("1.00", "EUR")));
        // another thread can read at once: a lock left held would block it (no time limit is asserted)
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            assertThat(other.submit(customers::count).get()).isEqualTo(1);
            assertThat(other.submit(orders::size).get()).isEqualTo(1);
            other.submit(() -> customers.save(customer("c2", 1))).get();
            other.submit(() -> orders.save(Order.of(OrderId.of("o2"), B, T0, Money.of("2.00", "EUR")))).get();
        } finally {
            other.shutdown();
        }
        assertThat(customers.count()).isEqualTo(2);
        assertThat(orders.size()).isEqualTo(2);
    }
}
