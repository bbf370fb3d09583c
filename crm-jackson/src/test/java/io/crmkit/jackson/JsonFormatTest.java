package io.crmkit.jackson;

import static io.crmkit.jackson.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
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
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.EmailAddress;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.core.customer.PersonProfile;
import io.crmkit.core.customer.PhoneNumber;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.SocialAccount;
import io.crmkit.core.customer.SocialNetwork;
import io.crmkit.core.customer.WebAddress;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.CustomerPurchaseSummary;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseHistoryStats;
import io.crmkit.core.history.RevenueBasis;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.service.SlaTargets;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.survey.SurveyScale;
import io.crmkit.core.survey.SurveyScore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the JSON format of every type family: each test writes a value, compares the text with
 * the documented form, and reads it back.
 */
class JsonFormatTest {

    private static final String PERSON = json("{'id':'C-1','kind':'PERSON','name':'Li Wei',"
            + "'person':{'gender':'FEMALE','birthDate':'1990-05-17'},"
            + "'contactPoints':[{'type':'email','value':'li.wei@example.com'},"
            + "{'type':'phone','value':'+8613800138000'},"
            + "{'type':'postal','lines':['1 Main St','Apt 2'],'locality':'Shanghai','region':'SH',"
            + "'postalCode':'200000','countryCode':'CN'},"
            + "{'type':'web','uri':'https://example.com/li'},"
            + "{'type':'social','network':'WECHAT','handle':'wxid_li'}],"
            + "'roles':['BUYER'],'lifecycleStage':'NEW','status':'ACTIVE',"
            + "'acquisition':{'channel':'REFERRAL','campaign':'CMP-7','acquiredAt':'2024-01-31T09:30:00Z'},"
            + "'owner':'A-9','tags':['early','vip'],'attributes':{'tier':'gold'},"
            + "'consent':{'records':[{'medium':'EMAIL','purpose':'MARKETING','status':'GRANTED',"
            + "'effectiveFrom':'2024-01-31T09:30:00Z','effectiveUntil':'2024-01-31T10:15:30.250Z',"
            + "'source':'web form'}]},"
            + "'createdAt':'2024-01-31T09:30:00Z','updatedAt':'2024-01-31T10:15:30.250Z'}");

    private static final String ORGANIZATION = json("{'id':'C-2','kind':'ORGANIZATION','name':'Acme Ltd',"
            + "'company':{'industry':'C13','size':'SMALL',"
            + "'registeredCapital':{'amount':'500000.00','currency':'CNY'},'foundedOn':'2001-03-01'},"
            + "'contactPoints':[],'roles':[],'lifecycleStage':'LEAD','status':'ACTIVE','tags':[],'attributes':{},"
            + "'consent':{'records':[]},'createdAt':'2024-01-31T09:30:00Z','updatedAt':'2024-01-31T09:30:00Z'}");

    private static final String ORDER = json("{'id':'O-1','customerId':'C-1','placedAt':'2024-01-31T09:30:00Z',"
            + "'status':{'label':'shipped','category':'OPEN'},'channel':'WEB',"
            + "'lines':[{'product':'P-1','quantity':'2','unitPrice':{'amount':'9.99','currency':'USD'},"
            + "'unitCost':{'amount':'4.50','currency':'USD'}},"
            + "{'product':'P-2','quantity':'0.750','unitPrice':{'amount':'12.00','currency':'USD'}}],"
            + "'grossAmount':{'amount':'28.98','currency':'USD'},"
            + "'discountAmount':{'amount':'1.00','currency':'USD'},"
            + "'refundedAmount':{'amount':'2.50','currency':'USD'},'campaign':'CMP-7'}");

    private static final String INTERACTION = json("{'id':'I-1','customerId':'C-1','channel':'WECHAT',"
            + "'direction':'INBOUND','type':'MESSAGE','purpose':'COMPLAINT','occurredAt':'2024-01-31T09:30:00Z',"
            + "'endedAt':'2024-01-31T10:15:30.250Z','outcome':'COMPLETED','sentiment':'NEGATIVE','agent':'A-9',"
            + "'campaign':'CMP-7','order':'O-1','serviceCase':'S-1'}");

    private static final String SERVICE_CASE = json("{'id':'S-1','customerId':'C-1','type':'COMPLAINT',"
            + "'priority':'HIGH','status':{'label':'resolved','category':'RESOLVED'},'channel':'PHONE',"
            + "'openedAt':'2024-01-31T09:30:00Z','firstResponseAt':'2024-01-31T10:15:30.250Z',"
            + "'resolvedAt':'2024-01-31T13:15:30.250Z','sla':{'firstResponse':'PT4H'},"
            + "'resolution':{'code':'COMPENSATED','reason':'voucher'},'assignee':'A-9','order':'O-1'}");

    private static final String SURVEY_RESPONSE = json("{'id':'R-1','customerId':'C-1',"
            + "'respondedAt':'2024-01-31T10:15:30.250Z','score':{'scale':{'name':'NPS','min':0,'max':10},'value':9},"
            + "'channel':'EMAIL','survey':'nps-2024','serviceCase':'S-1'}");

    private final ObjectMapper mapper = Json.mapper();

    private <T> void assertFormat(T value, Class<T> type, String expected) throws Exception {
        assertThat(mapper.writeValueAsString(value)).isEqualTo(expected);
        assertThat(mapper.readValue(expected, type)).isEqualTo(value);
    }

    // ---------------------------------------------------------------- scalars

    @Test
    void identifiersAreTheirText() throws Exception {
        assertFormat(CustomerId.of("C-1001"), CustomerId.class, json("'C-1001'"));
        assertFormat(OrderId.of("O 7/2024"), OrderId.class, json("'O 7/2024'"));
        assertFormat(ProductId.of("SKU-1"), ProductId.class, json("'SKU-1'"));
        assertFormat(InteractionId.of("I-1"), InteractionId.class, json("'I-1'"));
        assertFormat(ServiceCaseId.of("S-1"), ServiceCaseId.class, json("'S-1'"));
        assertFormat(SurveyResponseId.of("R-1"), SurveyResponseId.class, json("'R-1'"));
        assertFormat(CampaignId.of("CMP-1"), CampaignId.class, json("'CMP-1'"));
        assertFormat(AgentId.of("李雷"), AgentId.class, json("'李雷'"));
    }

    @Test
    void enumsAreTheirExactName() throws Exception {
        assertFormat(LifecycleStage.AT_RISK, LifecycleStage.class, json("'AT_RISK'"));
        assertFormat(OrderStatusCategory.VOID, OrderStatusCategory.class, json("'VOID'"));
    }

    @Test
    void enumsIgnoreTheMappersEnumFeatures() throws Exception {
        ObjectMapper tweaked = JsonMapper.builder().addModule(new CrmJacksonModule())
                .enable(SerializationFeature.WRITE_ENUMS_USING_INDEX)
                .enable(SerializationFeature.WRITE_ENUM_KEYS_USING_INDEX)
                .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
        assertThat(tweaked.writeValueAsString(PartyKind.ORGANIZATION)).isEqualTo(json("'ORGANIZATION'"));
        assertThat(tweaked.writeValueAsString(Map.of(LifecycleStage.NEW, 1))).isEqualTo(json("{'NEW':1}"));
        assertThat(tweaked.readValue(json("'PERSON'"), PartyKind.class)).isEqualTo(PartyKind.PERSON);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "USD 12.34  | {'amount':'12.34','currency':'USD'}",
        "USD -0.50  | {'amount':'-0.50','currency':'USD'}",
        "JPY 500    | {'amount':'500','currency':'JPY'}",
        "BHD 1.250  | {'amount':'1.250','currency':'BHD'}",
        "USD 12345678901234567890.12 | {'amount':'12345678901234567890.12','currency':'USD'}",
    })
    void moneyIsAnExactAmountStringAndACurrencyCode(String money, String expected) throws Exception {
        assertFormat(Money.parse(money.strip()), Money.class, json(expected.strip()));
    }

    @Test
    void moneyIsWrittenAtTheCurrencysScale() throws Exception {
        assertThat(mapper.writeValueAsString(Money.of(new BigDecimal("5"), Fixtures.USD)))
                .isEqualTo(json("{'amount':'5.00','currency':'USD'}"));
    }

    @Test
    void moneyAcceptsAJsonNumberReadExactly() throws Exception {
        assertThat(mapper.readValue(json("{'currency':'USD','amount':12345678901234567.89}"), Money.class))
                .isEqualTo(Money.parse("USD 12345678901234567.89"));
        assertThat(mapper.readValue(json("{'amount':0.1,'currency':'EUR'}"), Money.class))
                .isEqualTo(Money.parse("EUR 0.10"));
        assertThat(mapper.readValue(json("{'amount':7,'currency':'JPY'}"), Money.class))
                .isEqualTo(Money.parse("JPY 7"));
    }

    @Test
    void moneyAmountsStayExactWhenTheMapperReadsFloatsAsDoubles() throws Exception {
        ObjectMapper doubles = JsonMapper.builder().addModule(new CrmJacksonModule())
                .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        assertThat(doubles.readValue(json("{'amount':9007199254740993.01,'currency':'USD'}"), Money.class).amount())
                .isEqualByComparingTo("9007199254740993.01");
    }

    @Test
    void timeRangeIsAnObjectOfTwoInstants() throws Exception {
        assertFormat(TimeRange.of(Fixtures.T0, Fixtures.T1), TimeRange.class,
                json("{'start':'2024-01-31T09:30:00Z','end':'2024-01-31T10:15:30.250Z'}"));
        assertFormat(TimeRange.all(), TimeRange.class,
                json("{'start':'-1000000000-01-01T00:00:00Z','end':'+1000000000-12-31T23:59:59.999999999Z'}"));
    }

    @Test
    void instantsWithAnOffsetAreReadAsTheSameInstant() throws Exception {
        assertThat(mapper.readValue(json("{'start':'2024-01-31T17:30:00+08:00','end':'2024-01-31T10:15:30.25Z'}"),
                TimeRange.class)).isEqualTo(TimeRange.of(Fixtures.T0, Fixtures.T1));
    }

    @Test
    void surveyScoresCarryTheirScale() throws Exception {
        assertFormat(SurveyScale.CSAT, SurveyScale.class, json("{'name':'CSAT','min':1,'max':5}"));
        assertFormat(SurveyScore.nps(0), SurveyScore.class,
                json("{'scale':{'name':'NPS','min':0,'max':10},'value':0}"));
        assertFormat(new SurveyScore(SurveyScale.custom("stars", 1, 10), 7), SurveyScore.class,
                json("{'scale':{'name':'stars','min':1,'max':10},'value':7}"));
    }

    // ---------------------------------------------------------------- contact points

    @Test
    void contactPointsHaveATypeDiscriminatorAndTheirComponents() throws Exception {
        Map<ContactPoint, String> expected = new LinkedHashMap<>();
        expected.put(EmailAddress.of("li.wei@example.com"), "{'type':'email','value':'li.wei@example.com'}");
        expected.put(PhoneNumber.of("+1 (415) 555 0100"), "{'type':'phone','value':'+14155550100'}");
        expected.put(PostalAddress.of(List.of("1 Main St"), "Springfield", "US"),
                "{'type':'postal','lines':['1 Main St'],'locality':'Springfield','countryCode':'US'}");
        expected.put(WebAddress.of("https://example.com/a?b=c"), "{'type':'web','uri':'https://example.com/a?b=c'}");
        expected.put(SocialAccount.of(SocialNetwork.LINE, "li_w"), "{'type':'social','network':'LINE','handle':'li_w'}");
        for (Map.Entry<ContactPoint, String> e : expected.entrySet()) {
            String text = json(e.getValue());
            assertThat(mapper.writerFor(ContactPoint.class).writeValueAsString(e.getKey())).isEqualTo(text);
            assertThat(mapper.writeValueAsString(e.getKey())).isEqualTo(text);
            assertThat(mapper.readValue(text, ContactPoint.class)).isEqualTo(e.getKey());
            assertThat(mapper.readValue(text, e.getKey().getClass())).isEqualTo(e.getKey());
        }
    }

    @Test
    void theDiscriminatorMayComeAnywhereInTheObject() throws Exception {
        assertThat(mapper.readValue(json("{'lines':['1 Main St'],'locality':'Springfield','type':'postal',"
                + "'countryCode':'US'}"), ContactPoint.class))
                .isEqualTo(PostalAddress.of(List.of("1 Main St"), "Springfield", "US"));
        assertThat(mapper.readValue(json("{'handle':'li_w','network':'LINE','type':'social'}"), ContactPoint.class))
                .isEqualTo(SocialAccount.of(SocialNetwork.LINE, "li_w"));
    }

    @Test
    void aConcreteContactPointMayOmitItsDiscriminator() throws Exception {
        assertThat(mapper.readValue(json("{'value':'li.wei@example.com'}"), EmailAddress.class))
                .isEqualTo(EmailAddress.of("li.wei@example.com"));
    }

    @Test
    void asOfHasATypeDiscriminator() throws Exception {
        assertFormat(AsOf.endOfDay(LocalDate.of(1997, 9, 30)), AsOf.class,
                json("{'type':'endOfDay','lastDay':'1997-09-30'}"));
        assertFormat(AsOf.instant(Fixtures.T0), AsOf.class, json("{'type':'instant','instant':'2024-01-31T09:30:00Z'}"));
    }

    // ---------------------------------------------------------------- composite records

    @Test
    void customerIsAnObjectOfItsComponents() throws Exception {
        assertFormat(Fixtures.person(), Customer.class, PERSON);
        assertFormat(Fixtures.organization(), Customer.class, ORGANIZATION);
    }

    @Test
    void orderIsAnObjectOfItsComponents() throws Exception {
        assertFormat(Fixtures.order(), Order.class, ORDER);
    }

    @Test
    void interactionIsAnObjectOfItsComponents() throws Exception {
        assertFormat(Fixtures.interaction(), Interaction.class, INTERACTION);
    }

    @Test
    void serviceCaseIsAnObjectOfItsComponents() throws Exception {
        assertFormat(Fixtures.serviceCase(), ServiceCase.class, SERVICE_CASE);
    }

    @Test
    void surveyResponseIsAnObjectOfItsComponents() throws Exception {
        assertFormat(Fixtures.surveyResponse(), SurveyResponse.class, SURVEY_RESPONSE);
    }

    @Test
    void purchaseHistoryOptionsAreAnObjectOfTheirComponents() throws Exception {
        PurchaseHistoryOptions options = PurchaseHistoryOptions.builder(AsOf.instant(Fixtures.T0))
                .zone(ZoneId.of("Asia/Shanghai")).revenueBasis(RevenueBasis.GROSS)
                .countedCategories(OrderStatusCategory.COMPLETED, OrderStatusCategory.OPEN)
                .currency(Currency.getInstance("CNY")).timeUnit(PeriodUnit.MONTHS).build();
        assertFormat(options, PurchaseHistoryOptions.class, json("{'asOf':{'type':'instant',"
                + "'instant':'2024-01-31T09:30:00Z'},'purchase':{'zone':'Asia/Shanghai','purchaseUnit':'ORDER',"
                + "'revenueBasis':'GROSS','countedCategories':['OPEN','COMPLETED'],'currency':'CNY'},"
                + "'timeUnit':'MONTHS'}"));
        assertFormat(PurchaseHistoryOptions.btydConvention(LocalDate.of(1997, 9, 30), ZoneId.of("Z"), PeriodUnit.WEEKS),
                PurchaseHistoryOptions.class, json("{'asOf':{'type':'endOfDay','lastDay':'1997-09-30'},'purchase':{'zone':'Z',"
                + "'purchaseUnit':'DAY','revenueBasis':'NET','countedCategories':['COMPLETED']},'timeUnit':'WEEKS'}"));
    }

    @Test
    void purchaseSummariesAndStatsUseJsonNumbers() throws Exception {
        assertFormat(new CustomerPurchaseSummary(CustomerId.of("C-1"), Fixtures.T0, Fixtures.T1, 2, 3,
                        Money.of("30.5", "USD"), 0.25, 272.5),
                CustomerPurchaseSummary.class, json("{'customerId':'C-1','firstPurchaseAt':'2024-01-31T09:30:00Z',"
                        + "'lastPurchaseAt':'2024-01-31T10:15:30.250Z','purchases':2,'orders':3,"
                        + "'revenue':{'amount':'30.50','currency':'USD'},'daysSinceLastPurchase':0.25,'ageDays':272.5}"));
        assertFormat(new PurchaseHistoryStats(10_000_000_000L, 9_999_999_989L, 7, 3, 1), PurchaseHistoryStats.class,
                json("{'ordersSeen':10000000000,'ordersCounted':9999999989,'excludedByStatus':7,'excludedAfterAsOf':3,"
                        + "'returnsCounted':1}"));
    }

    // ---------------------------------------------------------------- optional and collection rules

    @Test
    void emptyOptionalsAreLeftOutAndAbsentOrNullOnesReadAsEmpty() throws Exception {
        assertFormat(PersonProfile.empty(), PersonProfile.class, "{}");
        assertThat(mapper.readValue(json("{'gender':null,'birthDate':null,'occupation':null}"), PersonProfile.class))
                .isEqualTo(PersonProfile.empty());
        assertFormat(SlaTargets.of(Duration.ofMinutes(90), Duration.ofDays(2)), SlaTargets.class,
                json("{'firstResponse':'PT1H30M','resolution':'PT48H'}"));
    }

    @Test
    void absentOrNullCollectionsReadAsEmpty() throws Exception {
        Customer minimal = Customer.builder(CustomerId.of("C-3"), PartyKind.PERSON, "Ann", Fixtures.T0).build();
        String withoutCollections = json("{'id':'C-3','kind':'PERSON','name':'Ann','lifecycleStage':'LEAD',"
                + "'status':'ACTIVE','consent':{},'createdAt':'2024-01-31T09:30:00Z','updatedAt':'2024-01-31T09:30:00Z'}");
        String withNulls = json("{'id':'C-3','kind':'PERSON','name':'Ann','contactPoints':null,'roles':null,"
                + "'lifecycleStage':'LEAD','status':'ACTIVE','tags':null,'attributes':null,'consent':{'records':null},"
                + "'createdAt':'2024-01-31T09:30:00Z','updatedAt':'2024-01-31T09:30:00Z'}");
        assertThat(mapper.readValue(withoutCollections, Customer.class)).isEqualTo(minimal);
        assertThat(mapper.readValue(withNulls, Customer.class)).isEqualTo(minimal);
    }

    @Test
    void propertiesMayComeInAnyOrder() throws Exception {
        assertThat(mapper.readValue(json("{'currency':'USD','amount':'1.5'}"), Money.class))
                .isEqualTo(Money.parse("USD 1.50"));
    }

    // ---------------------------------------------------------------- independence from mapper settings

    @Test
    void theFormatDoesNotDependOnTheMappersSettingsOrOtherModules() throws Exception {
        ObjectMapper busy = JsonMapper.builder()
                .addModule(new JavaTimeModule()).addModule(new Jdk8Module()).addModule(new CrmJacksonModule())
                .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .defaultPropertyInclusion(com.fasterxml.jackson.annotation.JsonInclude.Value.construct(
                        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY,
                        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        assertThat(busy.writeValueAsString(Fixtures.person())).isEqualTo(PERSON);
        assertThat(busy.writeValueAsString(Fixtures.serviceCase())).isEqualTo(SERVICE_CASE);
        assertThat(busy.readValue(PERSON, Customer.class)).isEqualTo(Fixtures.person());
        // the same mapper still writes a bare Instant its own way: the module did not touch it
        assertThat(busy.writeValueAsString(Instant.ofEpochSecond(1))).isEqualTo("1.000000000");
    }

    @Test
    void indentationStillApplies() throws Exception {
        String pretty = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(Money.parse("USD 1.00"));
        assertThat(pretty).contains("\n").contains("\"amount\" : \"1.00\"");
    }

    // ---------------------------------------------------------------- map keys and containers

    @Test
    void identifiersAndEnumsWorkAsMapKeys() throws Exception {
        Map<CustomerId, Money> byCustomer = Map.of(CustomerId.of("C-1"), Money.parse("EUR 1.50"));
        String text = mapper.writeValueAsString(byCustomer);
        assertThat(text).isEqualTo(json("{'C-1':{'amount':'1.50','currency':'EUR'}}"));
        assertThat(mapper.readValue(text, new TypeReference<Map<CustomerId, Money>>() { })).isEqualTo(byCustomer);

        Map<LifecycleStage, Long> byStage = Map.of(LifecycleStage.CHURNED, 3L);
        assertThat(mapper.writeValueAsString(byStage)).isEqualTo(json("{'CHURNED':3}"));
        assertThat(mapper.readValue(json("{'CHURNED':3}"), new TypeReference<Map<LifecycleStage, Long>>() { }))
                .isEqualTo(byStage);
    }

    @Test
    void listsOfCrmkitValuesUseTheSameFormat() throws Exception {
        List<ContactPoint> points = List.of(EmailAddress.of("a@example.com"), PhoneNumber.of("+4930123456"));
        String text = mapper.writerFor(new TypeReference<List<ContactPoint>>() { }).writeValueAsString(points);
        assertThat(text).isEqualTo(json("[{'type':'email','value':'a@example.com'},{'type':'phone','value':'+4930123456'}]"));
        assertThat(mapper.readValue(text, new TypeReference<List<ContactPoint>>() { })).isEqualTo(points);
    }

    @Test
    void valuesSurviveATreeRoundTrip() throws Exception {
        Order order = Fixtures.order();
        assertThat(mapper.treeToValue(mapper.valueToTree(order), Order.class)).isEqualTo(order);
        assertThat(mapper.convertValue(mapper.convertValue(order, Map.class), Order.class)).isEqualTo(order);
    }

    @Test
    void optionalComponentsMayBeRecordsReadFromJson() throws Exception {
        Customer read = mapper.readValue(PERSON, Customer.class);
        assertThat(read.person().flatMap(PersonProfile::birthDate)).contains(LocalDate.of(1990, 5, 17));
        assertThat(read.acquisition().flatMap(a -> a.campaign())).contains(CampaignId.of("CMP-7"));
        assertThat(read.primaryEmail()).contains(EmailAddress.of("li.wei@example.com"));
        assertThat(read.company()).isEqualTo(Optional.empty());
    }
}
