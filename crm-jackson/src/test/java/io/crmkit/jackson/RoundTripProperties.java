package io.crmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crmkit.core.AgentId;
import io.crmkit.core.CampaignId;
import io.crmkit.core.CustomerId;
import io.crmkit.core.InteractionId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.ProductId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.Acquisition;
import io.crmkit.core.customer.CompanyProfile;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentRecord;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.EmailAddress;
import io.crmkit.core.customer.PersonProfile;
import io.crmkit.core.customer.PhoneNumber;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.SocialAccount;
import io.crmkit.core.customer.WebAddress;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.CustomerPurchaseSummary;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseDefinition;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseHistoryStats;
import io.crmkit.core.history.PurchaseUnit;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.service.CaseStatus;
import io.crmkit.core.service.Resolution;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.service.SlaTargets;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.survey.SurveyScale;
import io.crmkit.core.survey.SurveyScore;
import io.crmkit.testkit.CrmArbitraries;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every crm-core value type survives a JSON round trip:
 * {@code mapper.readValue(mapper.writeValueAsString(x), T.class).equals(x)}, over the crm-testkit
 * generators; and the JSON does not change with the mapper's settings.
 */
class RoundTripProperties {

    private static final ObjectMapper MAPPER = Json.mapper();

    /** A mapper with every setting that could change a naive format turned the other way. */
    private static final ObjectMapper BUSY = JsonMapper.builder()
            .addModule(new JavaTimeModule()).addModule(new Jdk8Module()).addModule(new CrmJacksonModule())
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_ENUMS_USING_INDEX)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private static <T> void assertRoundTrip(T value, Class<T> type) throws Exception {
        String json = MAPPER.writeValueAsString(value);
        assertThat(MAPPER.readValue(json, type)).as(json).isEqualTo(value);
    }

    // ---------------------------------------------------------------- identifiers

    @Property
    void customerIds(@ForAll("customerIdValues") CustomerId id) throws Exception {
        assertRoundTrip(id, CustomerId.class);
    }

    @Property
    void orderIds(@ForAll("orderIdValues") OrderId id) throws Exception {
        assertRoundTrip(id, OrderId.class);
    }

    @Property
    void interactionIds(@ForAll("interactionIdValues") InteractionId id) throws Exception {
        assertRoundTrip(id, InteractionId.class);
    }

    @Property
    void serviceCaseIds(@ForAll("serviceCaseIdValues") ServiceCaseId id) throws Exception {
        assertRoundTrip(id, ServiceCaseId.class);
    }

    @Property
    void surveyResponseIds(@ForAll("surveyResponseIdValues") SurveyResponseId id) throws Exception {
        assertRoundTrip(id, SurveyResponseId.class);
    }

    @Property
    void campaignIds(@ForAll("campaignIdValues") CampaignId id) throws Exception {
        assertRoundTrip(id, CampaignId.class);
    }

    @Property
    void agentIds(@ForAll("agentIdValues") AgentId id) throws Exception {
        assertRoundTrip(id, AgentId.class);
    }

    @Property
    void productIds(@ForAll("productIdValues") ProductId id) throws Exception {
        assertRoundTrip(id, ProductId.class);
    }

    @Provide
    Arbitrary<CustomerId> customerIdValues() {
        return CrmArbitraries.customerIds();
    }

    @Provide
    Arbitrary<OrderId> orderIdValues() {
        return CrmArbitraries.orderIds();
    }

    @Provide
    Arbitrary<InteractionId> interactionIdValues() {
        return CrmArbitraries.interactionIds();
    }

    @Provide
    Arbitrary<ServiceCaseId> serviceCaseIdValues() {
        return CrmArbitraries.serviceCaseIds();
    }

    @Provide
    Arbitrary<SurveyResponseId> surveyResponseIdValues() {
        return CrmArbitraries.surveyResponseIds();
    }

    @Provide
    Arbitrary<CampaignId> campaignIdValues() {
        return CrmArbitraries.campaignIds();
    }

    @Provide
    Arbitrary<AgentId> agentIdValues() {
        return CrmArbitraries.agentIds();
    }

    @Provide
    Arbitrary<ProductId> productIdValues() {
        return CrmArbitraries.productIds();
    }

    // ---------------------------------------------------------------- enums

    @Property
    void everyCrmCoreEnumConstant(@ForAll("enumConstants") Enum<?> constant) throws Exception {
        Class<?> type = constant.getDeclaringClass();
        String json = MAPPER.writeValueAsString(constant);
        assertThat(json).isEqualTo("\"" + constant.name() + "\"");
        assertThat(MAPPER.readValue(json, type)).isSameAs(constant);
    }

    @Provide
    Arbitrary<Enum<?>> enumConstants() {
        List<Enum<?>> constants = new ArrayList<>();
        for (Class<?> type : List.of(io.crmkit.core.customer.AcquisitionChannel.class,
                io.crmkit.core.customer.CompanySize.class, io.crmkit.core.customer.ConsentStatus.class,
                io.crmkit.core.customer.ContactMedium.class, io.crmkit.core.customer.ContactPurpose.class,
                io.crmkit.core.customer.CustomerStatus.class, io.crmkit.core.customer.Gender.class,
                io.crmkit.core.customer.LifecycleStage.class, io.crmkit.core.customer.PartyKind.class,
                io.crmkit.core.customer.PartyRole.class, io.crmkit.core.customer.SocialNetwork.class,
                io.crmkit.core.interaction.Direction.class, io.crmkit.core.interaction.InteractionChannel.class,
                io.crmkit.core.interaction.InteractionOutcome.class, io.crmkit.core.interaction.InteractionPurpose.class,
                io.crmkit.core.interaction.InteractionType.class, io.crmkit.core.interaction.Sentiment.class,
                OrderStatusCategory.class, io.crmkit.core.order.SalesChannel.class,
                io.crmkit.core.service.CasePriority.class, io.crmkit.core.service.CaseStatusCategory.class,
                io.crmkit.core.service.CaseType.class, io.crmkit.core.service.ResolutionCode.class,
                PeriodUnit.class, PurchaseUnit.class, RevenueBasis.class)) {
            for (Object c : type.getEnumConstants()) {
                constants.add((Enum<?>) c);
            }
        }
        return Arbitraries.of(constants);
    }

    // ---------------------------------------------------------------- Money, TimeRange, surveys

    @Property
    void money(@ForAll("moneyValues") Money money) throws Exception {
        assertRoundTrip(money, Money.class);
    }

    @Property
    void timeRanges(@ForAll("timeRangeValues") TimeRange range) throws Exception {
        assertRoundTrip(range, TimeRange.class);
    }

    @Property
    void surveyScales(@ForAll("surveyScaleValues") SurveyScale scale) throws Exception {
        assertRoundTrip(scale, SurveyScale.class);
    }

    @Property
    void surveyScores(@ForAll("surveyScoreValues") SurveyScore score) throws Exception {
        assertRoundTrip(score, SurveyScore.class);
    }

    @Property
    void surveyResponses(@ForAll("surveyResponseValues") SurveyResponse response) throws Exception {
        assertRoundTrip(response, SurveyResponse.class);
    }

    @Provide
    Arbitrary<Money> moneyValues() {
        return CrmArbitraries.money();
    }

    @Provide
    Arbitrary<TimeRange> timeRangeValues() {
        return CrmArbitraries.timeRanges();
    }

    @Provide
    Arbitrary<SurveyScale> surveyScaleValues() {
        return CrmArbitraries.surveyScales();
    }

    @Provide
    Arbitrary<SurveyScore> surveyScoreValues() {
        return CrmArbitraries.surveyScores();
    }

    @Provide
    Arbitrary<SurveyResponse> surveyResponseValues() {
        return CrmArbitraries.surveyResponses();
    }

    // ---------------------------------------------------------------- customers

    @Property
    void contactPointsAsTheirInterface(@ForAll("contactPointValues") ContactPoint point) throws Exception {
        String json = MAPPER.writerFor(ContactPoint.class).writeValueAsString(point);
        assertThat(MAPPER.readValue(json, ContactPoint.class)).as(json).isEqualTo(point);
    }

    @Property
    void emailAddresses(@ForAll("emailValues") EmailAddress email) throws Exception {
        assertRoundTrip(email, EmailAddress.class);
    }

    @Property
    void phoneNumbers(@ForAll("phoneValues") PhoneNumber phone) throws Exception {
        assertRoundTrip(phone, PhoneNumber.class);
    }

    @Property
    void postalAddresses(@ForAll("postalValues") PostalAddress address) throws Exception {
        assertRoundTrip(address, PostalAddress.class);
    }

    @Property
    void webAddresses(@ForAll("webValues") WebAddress address) throws Exception {
        assertRoundTrip(address, WebAddress.class);
    }

    @Property
    void socialAccounts(@ForAll("socialValues") SocialAccount account) throws Exception {
        assertRoundTrip(account, SocialAccount.class);
    }

    @Property
    void personProfiles(@ForAll("personProfileValues") PersonProfile profile) throws Exception {
        assertRoundTrip(profile, PersonProfile.class);
    }

    @Property
    void companyProfiles(@ForAll("companyProfileValues") CompanyProfile profile) throws Exception {
        assertRoundTrip(profile, CompanyProfile.class);
    }

    @Property
    void acquisitions(@ForAll("acquisitionValues") Acquisition acquisition) throws Exception {
        assertRoundTrip(acquisition, Acquisition.class);
    }

    @Property
    void consentRecords(@ForAll("consentRecordValues") ConsentRecord record) throws Exception {
        assertRoundTrip(record, ConsentRecord.class);
    }

    @Property
    void consents(@ForAll("consentValues") Consent consent) throws Exception {
        assertRoundTrip(consent, Consent.class);
    }

    @Property(tries = 300)
    void customers(@ForAll("customerValues") Customer customer) throws Exception {
        assertRoundTrip(customer, Customer.class);
    }

    @Provide
    Arbitrary<ContactPoint> contactPointValues() {
        return CrmArbitraries.contactPoints();
    }

    @Provide
    Arbitrary<EmailAddress> emailValues() {
        return CrmArbitraries.emailAddresses();
    }

    @Provide
    Arbitrary<PhoneNumber> phoneValues() {
        return CrmArbitraries.phoneNumbers();
    }

    @Provide
    Arbitrary<PostalAddress> postalValues() {
        return CrmArbitraries.postalAddresses();
    }

    @Provide
    Arbitrary<WebAddress> webValues() {
        return CrmArbitraries.webAddresses();
    }

    @Provide
    Arbitrary<SocialAccount> socialValues() {
        return CrmArbitraries.socialAccounts();
    }

    @Provide
    Arbitrary<PersonProfile> personProfileValues() {
        return CrmArbitraries.personProfiles();
    }

    @Provide
    Arbitrary<CompanyProfile> companyProfileValues() {
        return CrmArbitraries.companyProfiles();
    }

    @Provide
    Arbitrary<Acquisition> acquisitionValues() {
        return CrmArbitraries.acquisitions();
    }

    @Provide
    Arbitrary<ConsentRecord> consentRecordValues() {
        return CrmArbitraries.consentRecords();
    }

    @Provide
    Arbitrary<Consent> consentValues() {
        return CrmArbitraries.consents();
    }

    @Provide
    Arbitrary<Customer> customerValues() {
        return CrmArbitraries.customers();
    }

    // ---------------------------------------------------------------- orders

    @Property
    void orderStatuses(@ForAll("orderStatusValues") OrderStatus status) throws Exception {
        assertRoundTrip(status, OrderStatus.class);
    }

    @Property
    void orderLines(@ForAll("orderLineValues") OrderLine line) throws Exception {
        assertRoundTrip(line, OrderLine.class);
    }

    @Property(tries = 300)
    void orders(@ForAll("orderValues") Order order) throws Exception {
        assertRoundTrip(order, Order.class);
    }

    @Provide
    Arbitrary<OrderStatus> orderStatusValues() {
        return CrmArbitraries.orderStatuses();
    }

    @Provide
    Arbitrary<OrderLine> orderLineValues() {
        return CrmArbitraries.currencies().flatMap(CrmArbitraries::orderLines);
    }

    @Provide
    Arbitrary<Order> orderValues() {
        return CrmArbitraries.orders();
    }

    // ---------------------------------------------------------------- interactions and service

    @Property
    void interactions(@ForAll("interactionValues") Interaction interaction) throws Exception {
        assertRoundTrip(interaction, Interaction.class);
    }

    @Property
    void caseStatuses(@ForAll("caseStatusValues") CaseStatus status) throws Exception {
        assertRoundTrip(status, CaseStatus.class);
    }

    @Property
    void slaTargets(@ForAll("slaTargetValues") SlaTargets targets) throws Exception {
        assertRoundTrip(targets, SlaTargets.class);
    }

    @Property
    void resolutions(@ForAll("resolutionValues") Resolution resolution) throws Exception {
        assertRoundTrip(resolution, Resolution.class);
    }

    @Property
    void serviceCases(@ForAll("serviceCaseValues") ServiceCase serviceCase) throws Exception {
        assertRoundTrip(serviceCase, ServiceCase.class);
    }

    @Provide
    Arbitrary<Interaction> interactionValues() {
        return CrmArbitraries.interactions();
    }

    @Provide
    Arbitrary<CaseStatus> caseStatusValues() {
        return CrmArbitraries.caseStatuses();
    }

    @Provide
    Arbitrary<SlaTargets> slaTargetValues() {
        return CrmArbitraries.slaTargets();
    }

    @Provide
    Arbitrary<Resolution> resolutionValues() {
        return CrmArbitraries.resolutions();
    }

    @Provide
    Arbitrary<ServiceCase> serviceCaseValues() {
        return CrmArbitraries.serviceCases();
    }

    // ---------------------------------------------------------------- purchase history
    // crm-testkit has no arbitraries for these yet; they are combined here from its instants,
    // identifiers, currencies and money, and jqwik's enums.

    @Property
    void asOfs(@ForAll("asOfValues") AsOf asOf) throws Exception {
        assertRoundTrip(asOf, AsOf.class);
    }

    @Property
    void purchaseHistoryOptions(@ForAll("optionValues") PurchaseHistoryOptions options) throws Exception {
        assertRoundTrip(options, PurchaseHistoryOptions.class);
    }

    @Property
    void customerPurchaseSummaries(@ForAll("summaryValues") CustomerPurchaseSummary summary) throws Exception {
        assertRoundTrip(summary, CustomerPurchaseSummary.class);
    }

    @Property
    void purchaseHistoryStats(@ForAll("statsValues") PurchaseHistoryStats stats) throws Exception {
        assertRoundTrip(stats, PurchaseHistoryStats.class);
    }

    @Provide
    Arbitrary<AsOf> asOfValues() {
        Arbitrary<AsOf> days = CrmArbitraries.instants().map(i -> AsOf.endOfDay(LocalDate.ofInstant(i, ZoneOffset.UTC)));
        Arbitrary<AsOf> instants = CrmArbitraries.instants().map(AsOf::instant);
        return Arbitraries.oneOf(days, instants);
    }

    @Provide
    Arbitrary<PurchaseHistoryOptions> optionValues() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZoneOffset.UTC, ZoneId.of("UTC"), ZoneId.of("Asia/Shanghai"),
                ZoneOffset.ofHoursMinutes(-3, -30), ZoneId.of("America/New_York"));
        Arbitrary<EnumSet<OrderStatusCategory>> categories = Arbitraries.of(OrderStatusCategory.class).set()
                .ofMinSize(1).map(EnumSet::copyOf);
        Arbitrary<Optional<java.util.Currency>> currency = CrmArbitraries.currencies().optional();
        return Combinators.combine(asOfValues(), zones, Arbitraries.of(PurchaseUnit.class),
                        Arbitraries.of(RevenueBasis.class), categories, currency, Arbitraries.of(PeriodUnit.class))
                .as((a, z, u, r, c, cur, t) -> new PurchaseHistoryOptions(a, new PurchaseDefinition(z, u, r, c, cur), t));
    }

    @Provide
    Arbitrary<CustomerPurchaseSummary> summaryValues() {
        Arbitrary<Integer> purchases = Arbitraries.integers().between(1, 10_000);
        Arbitrary<Integer> extraOrders = Arbitraries.integers().between(0, 100);
        Arbitrary<Double> recency = Arbitraries.doubles().between(0, 40_000);
        Arbitrary<Double> extraAge = Arbitraries.doubles().between(0, 40_000);
        return Combinators.combine(CrmArbitraries.customerIds(), CrmArbitraries.timeRanges().filter(
                                r -> r.start().isAfter(CrmArbitraries.EARLIEST_INSTANT.minusSeconds(1))
                                        && r.end().isBefore(CrmArbitraries.LATEST_INSTANT.plusSeconds(1))),
                        purchases, extraOrders, CrmArbitraries.money(), recency, extraAge)
                .as((id, range, p, extra, revenue, since, age) -> new CustomerPurchaseSummary(id, range.start(),
                        range.end(), p, p + extra, revenue, since, since + age));
    }

    @Provide
    Arbitrary<PurchaseHistoryStats> statsValues() {
        Arbitrary<Long> counts = Arbitraries.longs().between(0, Long.MAX_VALUE / 4);
        return Combinators.combine(counts, counts, counts)
                .as((counted, byStatus, afterAsOf) -> new PurchaseHistoryStats(counted + byStatus + afterAsOf, counted,
                        byStatus, afterAsOf));
    }

    // ---------------------------------------------------------------- stability

    @Property(tries = 200)
    void theJsonOfACustomerDoesNotDependOnTheMappersSettings(@ForAll("customerValues") Customer customer)
            throws Exception {
        String json = MAPPER.writeValueAsString(customer);
        assertThat(BUSY.writeValueAsString(customer)).isEqualTo(json);
        assertThat(BUSY.readValue(json, Customer.class)).isEqualTo(customer);
    }

    @Property(tries = 200)
    void theJsonOfAnOrderDoesNotDependOnTheMappersSettings(@ForAll("orderValues") Order order) throws Exception {
        String json = MAPPER.writeValueAsString(order);
        assertThat(BUSY.writeValueAsString(order)).isEqualTo(json);
        assertThat(BUSY.readValue(json, Order.class)).isEqualTo(order);
    }

    @Property(tries = 200)
    void theJsonOfAServiceCaseDoesNotDependOnTheMappersSettings(@ForAll("serviceCaseValues") ServiceCase serviceCase)
            throws Exception {
        String json = MAPPER.writeValueAsString(serviceCase);
        assertThat(BUSY.writeValueAsString(serviceCase)).isEqualTo(json);
        assertThat(BUSY.readValue(json, ServiceCase.class)).isEqualTo(serviceCase);
    }
}
