package io.crmkit.testkit.contract;

import io.crmkit.core.CustomerId;
import io.crmkit.core.InteractionId;
import io.crmkit.core.MembershipId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.ReferralId;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.Referral;
import io.crmkit.core.loyalty.TierChange;
import io.crmkit.core.OrderId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.order.Order;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.testkit.CrmArbitraries;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;

/**
 * Describes one kind of time-stamped customer record for {@link CustomerEventRepositoryContract}:
 * how to read its identifier, event time and customer, how to make an identifier, where to draw
 * sample records from, and how to place a sample record at a chosen identifier, customer and
 * time. One instance exists per crm-core event type: {@link #orders()}, {@link #interactions()},
 * {@link #serviceCases()} and {@link #surveyResponses()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the record type
 * @param <I> the identifier type
 */
public final class CustomerEventKind<T, I extends Comparable<? super I>> {

    /** Places a template record at an identifier, customer and event time. */
    private interface Placement<T, I> {
        T place(T template, I id, CustomerId customer, Instant eventTime);
    }

    private static final CustomerEventKind<Order, OrderId> ORDERS = new CustomerEventKind<>("order", "ord",
            OrderId::of, Order::id, Order::placedAt, Order::customerId, CrmArbitraries::orders,
            CustomerEventKind::placeOrder);
    private static final CustomerEventKind<Interaction, InteractionId> INTERACTIONS = new CustomerEventKind<>(
            "interaction", "int", InteractionId::of, Interaction::id, Interaction::occurredAt, Interaction::customerId,
            CrmArbitraries::interactions, CustomerEventKind::placeInteraction);
    private static final CustomerEventKind<ServiceCase, ServiceCaseId> SERVICE_CASES = new CustomerEventKind<>(
            "service case", "case", ServiceCaseId::of, ServiceCase::id, ServiceCase::openedAt, ServiceCase::customerId,
            CrmArbitraries::serviceCases, CustomerEventKind::placeServiceCase);
    private static final CustomerEventKind<SurveyResponse, SurveyResponseId> SURVEY_RESPONSES =
            new CustomerEventKind<>("survey response", "resp", SurveyResponseId::of, SurveyResponse::id,
                    SurveyResponse::respondedAt, SurveyResponse::customerId, CrmArbitraries::surveyResponses,
                    CustomerEventKind::placeSurveyResponse);

    private static final CustomerEventKind<PointsTransaction, PointsTransactionId> POINTS_TRANSACTIONS =
            new CustomerEventKind<>("points transaction", "pt", PointsTransactionId::of, PointsTransaction::id,
                    PointsTransaction::occurredAt, PointsTransaction::customerId, CrmArbitraries::pointsTransactions,
                    CustomerEventKind::placePointsTransaction);
    private static final CustomerEventKind<Membership, MembershipId> MEMBERSHIPS = new CustomerEventKind<>(
            "membership", "card", MembershipId::of, Membership::id, Membership::joinedAt, Membership::customerId,
            CrmArbitraries::memberships, CustomerEventKind::placeMembership);
    private static final CustomerEventKind<Referral, ReferralId> REFERRALS = new CustomerEventKind<>("referral",
            "ref", ReferralId::of, Referral::id, Referral::referredAt, Referral::referred, CrmArbitraries::referrals,
            CustomerEventKind::placeReferral);

    private final String name;
    private final String idPrefix;
    private final Function<String, I> idOf;
    private final Function<T, I> idOfRecord;
    private final Function<T, Instant> eventTime;
    private final Function<T, CustomerId> customerOf;
    private final Supplier<Arbitrary<T>> templates;
    private final Placement<T, I> placement;

    private CustomerEventKind(String name, String idPrefix, Function<String, I> idOf, Function<T, I> idOfRecord,
            Function<T, Instant> eventTime, Function<T, CustomerId> customerOf, Supplier<Arbitrary<T>> templates,
            Placement<T, I> placement) {
        this.name = name;
        this.idPrefix = idPrefix;
        this.idOf = idOf;
        this.idOfRecord = idOfRecord;
        this.eventTime = eventTime;
        this.customerOf = customerOf;
        this.templates = templates;
        this.placement = placement;
    }

    /**
     * Returns the kind of {@link Order}s; the event time is {@link Order#placedAt()}.
     *
     * @return the kind, never null
     */
    public static CustomerEventKind<Order, OrderId> orders() {
        return ORDERS;
    }

    /**
     * Returns the kind of {@link Interaction}s; the event time is {@link Interaction#occurredAt()}.
     *
     * @return the kind, never null
     */
    public static CustomerEventKind<Interaction, InteractionId> interactions() {
        return INTERACTIONS;
    }

    /**
     * Returns the kind of {@link ServiceCase}s; the event time is {@link ServiceCase#openedAt()}.
     *
     * @return the kind, never null
     */
    public static CustomerEventKind<ServiceCase, ServiceCaseId> serviceCases() {
        return SERVICE_CASES;
    }

    /**
     * Returns the kind of {@link SurveyResponse}s; the event time is
     * {@link SurveyResponse#respondedAt()}.
     *
     * @return the kind, never null
     */
    public static CustomerEventKind<SurveyResponse, SurveyResponseId> surveyResponses() {
        return SURVEY_RESPONSES;
    }

    /**
     * Returns the kind of {@link PointsTransaction}s; the event time is
     * {@link PointsTransaction#occurredAt()}.
     *
     * @return the kind, never null
     */
    public static CustomerEventKind<PointsTransaction, PointsTransactionId> pointsTransactions() {
        return POINTS_TRANSACTIONS;
    }

    /**
     * Returns the kind of {@link Membership}s; the event time is {@link Membership#joinedAt()}.
     *
     * @return the kind, never null
     */
    public static CustomerEventKind<Membership, MembershipId> memberships() {
        return MEMBERSHIPS;
    }

    /**
     * Returns the kind of {@link Referral}s; the event time is {@link Referral#referredAt()} and
     * the customer is the referred one.
     *
     * @return the kind, never null
     */
    public static CustomerEventKind<Referral, ReferralId> referrals() {
        return REFERRALS;
    }

    /**
     * Returns the name of the kind, for messages ({@code "order"}).
     *
     * @return the name, never null
     */
    public String name() {
        return name;
    }

    /**
     * Returns the prefix of the identifiers of seeded records ({@code "ord"} for {@code ord-17}).
     *
     * @return the prefix, never null
     */
    public String idPrefix() {
        return idPrefix;
    }

    /**
     * Returns the identifier with the given text.
     *
     * @param text the identifier text, valid for the identifier type, not null
     * @return the identifier, never null
     */
    public I id(String text) {
        return idOf.apply(Objects.requireNonNull(text, "text"));
    }

    /**
     * Returns the identifier of a record.
     *
     * @param record the record, not null
     * @return its identifier, never null
     */
    public I idOf(T record) {
        return idOfRecord.apply(record);
    }

    /**
     * Returns the event time of a record: the instant that places it in time ranges.
     *
     * @param record the record, not null
     * @return its event time, never null
     */
    public Instant eventTime(T record) {
        return eventTime.apply(record);
    }

    /**
     * Returns the customer of a record.
     *
     * @param record the record, not null
     * @return its customer, never null
     */
    public CustomerId customerOf(T record) {
        return customerOf.apply(record);
    }

    /**
     * Returns the order every stream of the port guarantees: event time ascending, then
     * identifier ascending.
     *
     * @return the comparator, never null
     */
    public Comparator<T> eventOrder() {
        return Comparator.comparing(eventTime).thenComparing(idOfRecord);
    }

    /**
     * Returns the default sample records, with the full variety of {@link CrmArbitraries}.
     *
     * @return the arbitrary, never null
     */
    public Arbitrary<T> templates() {
        return templates.get();
    }

    /**
     * Returns a copy of a sample record with the given identifier, customer and event time, and
     * with every other instant of the record moved by the same amount (so that the record stays
     * valid: an interaction's end stays after its start, a case's resolution after its opening)
     * and truncated to whole milliseconds, a precision every common database keeps.
     *
     * @param template the sample record, not null
     * @param id the identifier, not null
     * @param customer the customer, not null
     * @param eventTime the event time, not null
     * @return the placed record, never null
     */
    public T place(T template, I id, CustomerId customer, Instant eventTime) {
        return placement.place(Objects.requireNonNull(template, "template"), Objects.requireNonNull(id, "id"),
                Objects.requireNonNull(customer, "customer"), Seeds.millis(eventTime));
    }

    /**
     * Returns the kind's name.
     *
     * @return the name, never null
     */
    @Override
    public String toString() {
        return "CustomerEventKind[" + name + "]";
    }

    //-----------------------------------------------------------------------

    private static Optional<Instant> moved(Optional<Instant> t, Duration by) {
        return t.map(x -> Seeds.millis(x.plus(by)));
    }

    private static Order placeOrder(Order o, OrderId id, CustomerId customer, Instant at) {
        return new Order(id, customer, at, o.status(), o.channel(), o.lines(), o.grossAmount(), o.discountAmount(),
                o.refundedAmount(), o.campaign());
    }

    private static Interaction placeInteraction(Interaction i, InteractionId id, CustomerId customer, Instant at) {
        Duration by = Duration.between(i.occurredAt(), at);
        return new Interaction(id, customer, i.channel(), i.direction(), i.type(), i.purpose(), at,
                moved(i.endedAt(), by), i.outcome(), i.sentiment(), i.agent(), i.campaign(), i.order(),
                i.serviceCase());
    }

    private static ServiceCase placeServiceCase(ServiceCase c, ServiceCaseId id, CustomerId customer, Instant at) {
        Duration by = Duration.between(c.openedAt(), at);
        return new ServiceCase(id, customer, c.type(), c.priority(), c.status(), c.channel(), at,
                moved(c.firstResponseAt(), by), moved(c.resolvedAt(), by), moved(c.closedAt(), by), c.sla(),
                c.resolution(), c.assignee(), c.order());
    }

    private static SurveyResponse placeSurveyResponse(SurveyResponse r, SurveyResponseId id, CustomerId customer,
            Instant at) {
        return new SurveyResponse(id, customer, at, r.score(), r.channel(), r.survey(), r.campaign(), r.interaction(),
                r.serviceCase(), r.order());
    }

    private static PointsTransaction placePointsTransaction(PointsTransaction t, PointsTransactionId id,
            CustomerId customer, Instant at) {
        return new PointsTransaction(id, customer, t.type(), at, t.points(), t.order());
    }

    private static Membership placeMembership(Membership m, MembershipId id, CustomerId customer, Instant at) {
        Duration by = Duration.between(m.joinedAt(), at);
        List<TierChange> history = m.tierHistory().stream()
                .map(c -> new TierChange(Seeds.millis(c.at().plus(by)), c.tier())).toList();
        return new Membership(id, customer, at, moved(m.leftAt(), by), history);
    }

    private static Referral placeReferral(Referral r, ReferralId id, CustomerId customer, Instant at) {
        CustomerId referrer = !r.referrer().equals(customer) ? r.referrer()
                : CustomerId.of(customer.value().length() < 256 ? customer.value() + "0" : "referrer");
        return new Referral(id, referrer, customer, r.code(), at, r.qualifyingOrder());
    }
}
