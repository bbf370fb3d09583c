package io.crmkit.jackson;

import static io.crmkit.jackson.Json.json;
import static io.crmkit.jackson.Json.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.EmailAddress;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.core.customer.PersonProfile;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PurchaseHistoryStats;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import io.crmkit.core.service.SlaTargets;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.survey.SurveyScale;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad JSON fails with a Jackson mapping exception of the documented type, whose path leads to
 * the offending property and whose message says what is wrong, without personal data in full.
 */
class BadInputTest {

    private static final String ORDER_HEAD = "{'id':'O-1','customerId':'C-1','placedAt':'2024-01-31T09:30:00Z',"
            + "'status':{'label':'completed','category':'COMPLETED'},'channel':'WEB',";
    private static final String ZERO_USD = "{'amount':'0','currency':'USD'}";

    private final ObjectMapper mapper = Json.mapper();

    private <E extends JsonMappingException> E failure(Class<E> type, String json, Class<?> target) {
        E e = catchThrowableOfType(type, () -> mapper.readValue(json(json), target));
        assertThat(e).as("expected %s reading %s", type.getSimpleName(), json).isNotNull();
        return e;
    }

    private static String customerWithContactPoint(String contactPoint) {
        return "{'id':'C-1','kind':'PERSON','name':'Jane Doe','contactPoints':[" + contactPoint + "],"
                + "'lifecycleStage':'LEAD','status':'ACTIVE','createdAt':'2024-01-31T09:30:00Z',"
                + "'updatedAt':'2024-01-31T09:30:00Z'}";
    }

    // ---------------------------------------------------------------- personal data

    @Test
    void malformedEmailNamesThePropertyWithoutShowingTheAddress() {
        ValueInstantiationException e = failure(ValueInstantiationException.class,
                customerWithContactPoint("{'type':'email','value':'jane.doe.secret@@example.com'}"), Customer.class);
        assertThat(path(e)).isEqualTo("contactPoints[0].value");
        assertThat(e.getMessage()).contains("email is not a valid address").doesNotContain("jane.doe.secret");
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedPhoneNamesThePropertyWithoutShowingTheNumber() {
        ValueInstantiationException e = failure(ValueInstantiationException.class,
                customerWithContactPoint("{'type':'phone','value':'0138 0013 8000'}"), Customer.class);
        assertThat(path(e)).isEqualTo("contactPoints[0].value");
        assertThat(e.getMessage()).contains("phone is not a valid international number")
                .contains("country calling code").doesNotContain("0138").doesNotContain("8000");
    }

    @Test
    void malformedPostalAddressIsMaskedByCrmCore() {
        ValueInstantiationException e = failure(ValueInstantiationException.class,
                customerWithContactPoint("{'type':'postal','lines':[' 12 Secret Lane'],'locality':'Bern',"
                        + "'countryCode':'CH'}"), Customer.class);
        assertThat(path(e)).isEqualTo("contactPoints[0]");
        assertThat(e.getMessage()).contains("address line must not have leading or trailing whitespace")
                .doesNotContain("Secret");
    }

    @Test
    void unparsableWebAddressAndBirthDateAreMasked() {
        InvalidFormatException uri = failure(InvalidFormatException.class,
                customerWithContactPoint("{'type':'web','uri':'https://exa mple.com/private-profile'}"), Customer.class);
        assertThat(path(uri)).isEqualTo("contactPoints[0].uri");
        assertThat(uri.getMessage()).contains("not a URI").doesNotContain("private-profile").doesNotContain("exa mple");

        InvalidFormatException date = failure(InvalidFormatException.class, "{'birthDate':'1987-02-30'}",
                PersonProfile.class);
        assertThat(path(date)).isEqualTo("birthDate");
        assertThat(date.getMessage()).contains("not an ISO-8601 date").doesNotContain("1987-02-30");
        assertThat(date.getValue()).isEqualTo("1***");
    }

    // ---------------------------------------------------------------- money

    @Test
    void unknownCurrencyIsAnInvalidFormatAtTheCurrency() {
        InvalidFormatException e = failure(InvalidFormatException.class,
                ORDER_HEAD + "'grossAmount':{'amount':'10','currency':'usd'},'discountAmount':" + ZERO_USD
                        + ",'refundedAmount':" + ZERO_USD + "}", Order.class);
        assertThat(path(e)).isEqualTo("grossAmount.currency");
        assertThat(e.getMessage()).contains("not an ISO 4217 currency code").contains("\"usd\"");
        assertThat(e.getTargetType()).isEqualTo(java.util.Currency.class);
    }

    @Test
    void amountBeyondTheCurrencysScaleIsRejectedNotRounded() {
        ValueInstantiationException e = failure(ValueInstantiationException.class,
                "{'amount':'10.005','currency':'USD'}", Money.class);
        assertThat(path(e)).isEqualTo("amount");
        assertThat(e.getMessage()).contains("10.005 has more decimal places than USD allows (2)");
        assertThat(e.getCause()).isInstanceOf(ArithmeticException.class);

        ValueInstantiationException yen = failure(ValueInstantiationException.class,
                ORDER_HEAD + "'grossAmount':{'amount':'10.5','currency':'JPY'},'discountAmount':{'amount':'0',"
                        + "'currency':'JPY'},'refundedAmount':{'amount':'0','currency':'JPY'}}", Order.class);
        assertThat(path(yen)).isEqualTo("grossAmount.amount");
        assertThat(yen.getMessage()).contains("JPY allows (0)");
    }

    @Test
    void malformedAmountIsAnInvalidFormat() {
        InvalidFormatException e = failure(InvalidFormatException.class, "{'amount':'12,50','currency':'EUR'}",
                Money.class);
        assertThat(path(e)).isEqualTo("amount");
        assertThat(e.getMessage()).contains("not a decimal number");
    }

    @Test
    @Timeout(5)
    void absurdExponentsAreRejectedBeforeAnyArithmetic() {
        InvalidFormatException text = failure(InvalidFormatException.class,
                "{'amount':'1e999999999','currency':'EUR'}", Money.class);
        assertThat(path(text)).isEqualTo("amount");
        assertThat(text.getMessage()).contains("exponent is out of range");
        InvalidFormatException number = failure(InvalidFormatException.class,
                "{'amount':1e999999999,'currency':'EUR'}", Money.class);
        assertThat(path(number)).isEqualTo("amount");
    }

    @Test
    void mixedCurrenciesCarryCrmCoresExceptionAsCause() {
        ValueInstantiationException e = failure(ValueInstantiationException.class,
                ORDER_HEAD + "'grossAmount':{'amount':'10','currency':'USD'},'discountAmount':{'amount':'0',"
                        + "'currency':'EUR'},'refundedAmount':" + ZERO_USD + "}", Order.class);
        assertThat(path(e)).isEmpty();
        assertThat(e.getCause()).isInstanceOf(CurrencyMismatchException.class);
        assertThat(e.getMessage()).contains("currency mismatch in order O-1 discountAmount");
    }

    // ---------------------------------------------------------------- scores and time

    @Test
    void scoreOffItsScaleNamesTheScore() {
        ValueInstantiationException e = failure(ValueInstantiationException.class,
                "{'id':'R-1','customerId':'C-1','respondedAt':'2024-01-31T09:30:00Z',"
                        + "'score':{'scale':{'name':'CSAT','min':1,'max':5},'value':6},'channel':'EMAIL'}",
                SurveyResponse.class);
        assertThat(path(e)).isEqualTo("score.value");
        assertThat(e.getMessage()).contains("score 6 is off the CSAT scale 1..5");
    }

    @Test
    void reservedScaleNameWithOtherBoundsIsRejected() {
        ValueInstantiationException e = failure(ValueInstantiationException.class, "{'name':'NPS','min':1,'max':10}",
                SurveyScale.class);
        assertThat(e.getMessage()).contains("scale name NPS is reserved");
    }

    @Test
    void endBeforeStartNamesTheEnd() {
        ValueInstantiationException e = failure(ValueInstantiationException.class,
                "{'start':'2024-02-01T00:00:00Z','end':'2024-01-01T00:00:00Z'}", TimeRange.class);
        assertThat(path(e)).isEqualTo("end");
        assertThat(e.getMessage()).contains("end 2024-01-01T00:00:00Z must not be before start 2024-02-01T00:00:00Z");
    }

    @Test
    void interactionEndingBeforeItStartedIsRejected() {
        ValueInstantiationException e = failure(ValueInstantiationException.class,
                "{'id':'I-1','customerId':'C-1','channel':'PHONE','direction':'OUTBOUND','type':'CALL',"
                        + "'purpose':'SALES','occurredAt':'2024-01-31T10:00:00Z','endedAt':'2024-01-31T09:00:00Z',"
                        + "'outcome':'COMPLETED'}", Interaction.class);
        assertThat(e.getMessage()).contains("endedAt 2024-01-31T09:00:00Z must not be before occurredAt");
    }

    @Test
    void malformedInstantAndDurationAreInvalidFormats() {
        InvalidFormatException instant = failure(InvalidFormatException.class,
                "{'start':'2024-01-31 09:30','end':'2024-02-01T00:00:00Z'}", TimeRange.class);
        assertThat(path(instant)).isEqualTo("start");
        assertThat(instant.getMessage()).contains("not an ISO-8601 instant");

        InvalidFormatException duration = failure(InvalidFormatException.class, "{'resolution':'4 hours'}",
                SlaTargets.class);
        assertThat(path(duration)).isEqualTo("resolution");
        assertThat(duration.getMessage()).contains("not an ISO-8601 duration");
    }

    @Test
    void nonPositiveSlaTargetIsRejected() {
        ValueInstantiationException e = failure(ValueInstantiationException.class, "{'firstResponse':'PT0S'}",
                SlaTargets.class);
        assertThat(e.getMessage()).contains("SLA target firstResponse must be positive");
    }

    // ---------------------------------------------------------------- missing, null, unknown, repeated

    @Test
    void missingRequiredPropertyIsNamedWithoutANullPointerException() {
        MismatchedInputException e = failure(MismatchedInputException.class,
                "{'id':'O-1','placedAt':'2024-01-31T09:30:00Z'}", Order.class);
        assertThat(e).isExactlyInstanceOf(MismatchedInputException.class);
        assertThat(path(e)).isEqualTo("customerId");
        assertThat(e.getMessage()).contains("Missing required property 'customerId' of `Order`");
        assertThat(e).hasNoCause();
    }

    @Test
    void nullRequiredPropertyIsNamed() {
        MismatchedInputException e = failure(MismatchedInputException.class,
                "{'amount':null,'currency':'USD'}", Money.class);
        assertThat(path(e)).isEqualTo("amount");
        assertThat(e.getMessage()).contains("Null value for required property 'amount' of `Money`");
    }

    @Test
    void missingPrimitiveIsNotReadAsZero() {
        MismatchedInputException e = failure(MismatchedInputException.class,
                "{'ordersSeen':0,'ordersCounted':0,'excludedByStatus':0}", PurchaseHistoryStats.class);
        assertThat(path(e)).isEqualTo("excludedAfterAsOf");
    }

    @Test
    void unknownPropertyFailsEvenWhenTheMapperIgnoresUnknownProperties() {
        ObjectMapper lenient = JsonMapper.builder().addModule(new CrmJacksonModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        String misspelt = json("{'id':'I-1','customerId':'C-1','channel':'PHONE','direction':'OUTBOUND',"
                + "'type':'CALL','purpose':'SALES','occurredAt':'2024-01-31T10:00:00Z','endedat':'2024-01-31T11:00:00Z',"
                + "'outcome':'COMPLETED'}");
        UnrecognizedPropertyException e = catchThrowableOfType(UnrecognizedPropertyException.class,
                () -> lenient.readValue(misspelt, Interaction.class));
        assertThat(e).isNotNull();
        assertThat(path(e)).isEqualTo("endedat");
        assertThat(e.getPropertyName()).isEqualTo("endedat");
        assertThat(e.getKnownPropertyIds()).contains("endedAt");
        assertThat(e.getMessage()).contains("Unrecognized field \"endedat\"");
    }

    @Test
    void unknownPropertyInANestedValueHasTheFullPath() {
        UnrecognizedPropertyException e = failure(UnrecognizedPropertyException.class,
                ORDER_HEAD + "'lines':[{'product':'P-1','quantity':'1','unitPrice':{'amount':'1','currency':'USD',"
                        + "'tax':'0.2'}}],'grossAmount':{'amount':'1','currency':'USD'},'discountAmount':" + ZERO_USD
                        + ",'refundedAmount':" + ZERO_USD + "}", Order.class);
        assertThat(path(e)).isEqualTo("lines[0].unitPrice.tax");
    }

    @Test
    void repeatedPropertyIsRejected() {
        MismatchedInputException e = failure(MismatchedInputException.class,
                "{'amount':'1','currency':'USD','amount':'2'}", Money.class);
        assertThat(path(e)).isEqualTo("amount");
        assertThat(e.getMessage()).contains("Duplicate property 'amount'");
    }

    // ---------------------------------------------------------------- wrong token types

    @Test
    void numberWhereAnInstantBelongsIsAMismatch() {
        MismatchedInputException e = failure(MismatchedInputException.class,
                "{'start':1706693400,'end':'2024-02-01T00:00:00Z'}", TimeRange.class);
        assertThat(path(e)).isEqualTo("start");
        assertThat(e.getMessage()).contains("expected a JSON string holding an ISO-8601 instant")
                .contains("found a JSON integer");
    }

    @Test
    void stringWhereAnIntegerBelongsIsAMismatch() {
        MismatchedInputException e = failure(MismatchedInputException.class,
                "{'scale':{'name':'NPS','min':0,'max':10},'value':'9'}", io.crmkit.core.survey.SurveyScore.class);
        assertThat(path(e)).isEqualTo("value");
        assertThat(e.getMessage()).contains("expected a JSON integer, found a JSON string");
    }

    @Test
    void decimalWhereAnIntegerBelongsIsAMismatch() {
        MismatchedInputException e = failure(MismatchedInputException.class,
                "{'scale':{'name':'NPS','min':0,'max':10},'value':9.5}", io.crmkit.core.survey.SurveyScore.class);
        assertThat(path(e)).isEqualTo("value");
        assertThat(e.getMessage()).contains("found a JSON decimal number");
    }

    @Test
    void integerOutOfRangeIsAnInvalidFormat() {
        InvalidFormatException e = failure(InvalidFormatException.class,
                "{'scale':{'name':'NPS','min':0,'max':10},'value':4294967296}", io.crmkit.core.survey.SurveyScore.class);
        assertThat(path(e)).isEqualTo("value");
        assertThat(e.getMessage()).contains("out of the range of int");
    }

    @Test
    void objectWhereAnIdentifierBelongsIsAMismatch() {
        MismatchedInputException e = failure(MismatchedInputException.class,
                "{'id':'O-1','customerId':{'value':'C-1'}}", Order.class);
        assertThat(path(e)).isEqualTo("customerId");
        assertThat(e.getMessage()).contains("`CustomerId`").contains("found a JSON object");
    }

    @Test
    void numberWhereTextBelongsIsAMismatch() {
        MismatchedInputException e = failure(MismatchedInputException.class,
                customerWithContactPoint("{'type':'postal','lines':['1 Main St'],'locality':'Bern','postalCode':3011,"
                        + "'countryCode':'CH'}"), Customer.class);
        assertThat(path(e)).isEqualTo("contactPoints[0].postalCode");
        assertThat(e.getMessage()).contains("expected a JSON string, found a JSON integer");
    }

    @Test
    void arrayWhereAnObjectBelongsIsAMismatch() {
        MismatchedInputException e = failure(MismatchedInputException.class, "['USD','1.00']", Money.class);
        assertThat(e.getMessage()).contains("`Money`: expected a JSON object, found a JSON array");
    }

    @Test
    void objectWhereAListBelongsIsAMismatch() {
        MismatchedInputException e = failure(MismatchedInputException.class,
                customerWithContactPoint("").replace("'contactPoints':[]", "'contactPoints':{}"), Customer.class);
        assertThat(path(e)).isEqualTo("contactPoints");
        assertThat(e.getMessage()).contains("expected a JSON array, found a JSON object");
    }

    @Test
    void nullElementIsRejectedWithItsIndex() {
        MismatchedInputException e = failure(MismatchedInputException.class,
                customerWithContactPoint("{'type':'email','value':'a@example.com'},null"), Customer.class);
        assertThat(path(e)).isEqualTo("contactPoints[1]");
        assertThat(e.getMessage()).contains("null is not allowed");
    }

    // ---------------------------------------------------------------- identifiers and enums

    @Test
    void invalidIdentifierTextIsAnInvalidFormat() {
        InvalidFormatException e = failure(InvalidFormatException.class, "{'id':'O-1','customerId':''}", Order.class);
        assertThat(path(e)).isEqualTo("customerId");
        assertThat(e.getMessage()).contains("customerId must not be blank");
    }

    @Test
    void unknownEnumNameListsTheAcceptedNames() {
        InvalidFormatException e = failure(InvalidFormatException.class,
                customerWithContactPoint("").replace("'kind':'PERSON'", "'kind':'COMPANY'"), Customer.class);
        assertThat(path(e)).isEqualTo("kind");
        assertThat(e.getMessage()).contains("[PERSON, ORGANIZATION]");
    }

    @Test
    void enumNamesAreExactEvenWhenTheMapperIgnoresCase() {
        ObjectMapper caseless = JsonMapper.builder().addModule(new CrmJacksonModule())
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();
        assertThatThrownBy(() -> caseless.readValue(json("'person'"), PartyKind.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("not one of the values accepted");
    }

    @Test
    void invalidMapKeyIsReported() {
        InvalidFormatException e = catchThrowableOfType(InvalidFormatException.class,
                () -> mapper.readValue(json("{' C-1':{'amount':'1','currency':'EUR'}}"),
                        new TypeReference<Map<CustomerId, Money>>() { }));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("customerId must not have leading or trailing whitespace");
    }

    // ---------------------------------------------------------------- discriminators

    @Test
    void unknownDiscriminatorListsTheKnownOnes() {
        InvalidTypeIdException e = failure(InvalidTypeIdException.class,
                customerWithContactPoint("{'type':'fax','value':'+4930123456'}"), Customer.class);
        assertThat(path(e)).isEqualTo("contactPoints[0].type");
        assertThat(e.getTypeId()).isEqualTo("fax");
        assertThat(e.getMessage()).contains("[email, phone, postal, web, social]").contains("found \"fax\"");
    }

    @Test
    void missingDiscriminatorIsReported() {
        InvalidTypeIdException e = failure(InvalidTypeIdException.class, "{'lastDay':'1997-09-30'}", AsOf.class);
        assertThat(path(e)).isEqualTo("type");
        assertThat(e.getMessage()).contains("Missing discriminator 'type' of `AsOf`").contains("[endOfDay, instant]");
    }

    @Test
    void nonStringDiscriminatorIsReported() {
        InvalidTypeIdException e = failure(InvalidTypeIdException.class, "{'type':1,'value':'a@example.com'}",
                ContactPoint.class);
        assertThat(e.getMessage()).contains("must be a JSON string").contains("found a JSON integer");
    }

    @Test
    void discriminatorOfAnotherMemberIsRejected() {
        InvalidTypeIdException e = failure(InvalidTypeIdException.class, "{'type':'phone','value':'a@example.com'}",
                EmailAddress.class);
        assertThat(path(e)).isEqualTo("type");
        assertThat(e.getMessage()).contains("must be \"email\", was \"phone\"");
    }

    @Test
    void classNamesAreNeverAcceptedAsDiscriminators() {
        assertThatThrownBy(() -> mapper.readValue(json("{'type':'io.crmkit.core.customer.EmailAddress',"
                + "'value':'a@example.com'}"), ContactPoint.class))
                .isInstanceOf(InvalidTypeIdException.class);
        assertThatThrownBy(() -> mapper.readValue(json("{'@class':'io.crmkit.core.customer.EmailAddress',"
                + "'type':'email','value':'a@example.com'}"), ContactPoint.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    // ---------------------------------------------------------------- problem handlers

    @Test
    void problemHandlersAreConsultedForInvalidStrings() throws IOException {
        ObjectMapper repairing = JsonMapper.builder().addModule(new CrmJacksonModule())
                .addHandler(new DeserializationProblemHandler() {
                    @Override
                    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType,
                            String valueToConvert, String failureMsg) {
                        return targetType == java.util.Currency.class
                                ? java.util.Currency.getInstance(valueToConvert.toUpperCase(java.util.Locale.ROOT))
                                : NOT_HANDLED;
                    }

                    @Override
                    public Object handleUnexpectedToken(DeserializationContext ctxt, com.fasterxml.jackson.databind.JavaType
                            targetType, com.fasterxml.jackson.core.JsonToken t, JsonParser p, String failureMsg)
                            throws IOException {
                        return targetType.getRawClass() == Duration.class && p.hasToken(
                                com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT)
                                ? Duration.ofSeconds(p.getLongValue()) : NOT_HANDLED;
                    }
                }).build();
        assertThat(repairing.readValue(json("{'amount':'1','currency':'usd'}"), Money.class))
                .isEqualTo(Money.parse("USD 1.00"));
        assertThat(repairing.readValue(json("{'firstResponse':3600}"), SlaTargets.class))
                .isEqualTo(new SlaTargets(java.util.Optional.of(Duration.ofHours(1)), java.util.Optional.empty()));
    }

    @Test
    void malformedJsonIsAParseErrorNotAMappingError() {
        assertThatThrownBy(() -> mapper.readValue(json("{'amount':'1',"), Money.class))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThatThrownBy(() -> mapper.readValue(json("{'product':'P-1','quantity':'1','unitPrice':"), OrderLine.class))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
    }
}
