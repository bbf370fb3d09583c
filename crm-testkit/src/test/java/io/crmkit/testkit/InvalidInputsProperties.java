package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.EmailAddress;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.core.customer.PhoneNumber;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.WebAddress;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.service.SlaTargets;
import io.crmkit.core.survey.SurveyScale;
import io.crmkit.core.survey.SurveyScore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Every {@link InvalidInputs} arbitrary yields input that crm-core really rejects, with the
 * exception its javadoc names and a message that names the field.
 */
class InvalidInputsProperties {

    private static final Map<String, Function<String, Object>> IDENTIFIERS = Map.of(
            "customerId", CustomerId::of, "orderId", OrderId::of, "interactionId", InteractionId::of,
            "serviceCaseId", ServiceCaseId::of, "surveyResponseId", SurveyResponseId::of,
            "campaignId", CampaignId::of, "agentId", AgentId::of, "productId", ProductId::of);
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");
    private static final Money PRICE = Money.of("9.99", "USD");

    @Provide
    Arbitrary<String> invalidIdentifiers() {
        return InvalidInputs.invalidIdentifiers();
    }

    @Property(tries = 300)
    void invalidIdentifiersAreRejectedByEveryIdentifierAndLabel(@ForAll("invalidIdentifiers") String text) {
        IDENTIFIERS.forEach((field, factory) -> assertThatThrownBy(() -> factory.apply(text))
                .as("%s.of(%s)", field, text)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field));
        assertThatThrownBy(() -> OrderStatus.of(text, OrderStatusCategory.OPEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("status label");
    }

    @Provide
    Arbitrary<String> invalidEmails() {
        return InvalidInputs.invalidEmails();
    }

    @Property(tries = 300)
    void invalidEmailsAreRejectedWithoutShowingTheAddress(@ForAll("invalidEmails") String text) {
        Throwable thrown = catchThrowable(() -> EmailAddress.of(text));
        assertThat(thrown).as("EmailAddress.of(%s)", text).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("email");
        int at = text.lastIndexOf('@');
        if ((at < 0 && text.length() >= 4) || at >= 2) {
            assertThat(thrown.getMessage()).as("the message must mask the address").doesNotContain(text);
        }
    }

    @Provide
    Arbitrary<String> invalidPhoneNumbers() {
        return InvalidInputs.invalidPhoneNumbers();
    }

    @Property(tries = 300)
    void invalidPhoneNumbersAreRejectedWithoutShowingTheNumber(@ForAll("invalidPhoneNumbers") String text) {
        Throwable thrown = catchThrowable(() -> PhoneNumber.of(text));
        assertThat(thrown).as("PhoneNumber.of(%s)", text).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("phone");
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() >= 5) {
            assertThat(thrown.getMessage()).as("the message must mask the number").doesNotContain(digits);
        }
    }

    @Provide
    Arbitrary<BigDecimal> nonPositiveQuantities() {
        return InvalidInputs.nonPositiveQuantities();
    }

    @Property(tries = 200)
    void nonPositiveQuantitiesAreRejectedByOrderLines(@ForAll("nonPositiveQuantities") BigDecimal quantity) {
        assertThat(quantity.signum()).isNotPositive();
        assertThatThrownBy(() -> OrderLine.of(ProductId.of("SKU-1"), quantity, PRICE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("quantity");
    }

    @Provide
    Arbitrary<Integer> offScaleNps() {
        return InvalidInputs.offScaleNpsScores();
    }

    @Provide
    Arbitrary<Integer> offScaleCsat() {
        return InvalidInputs.offScaleCsatScores();
    }

    @Provide
    Arbitrary<Integer> offScaleCes() {
        return InvalidInputs.offScaleCesScores();
    }

    @Property(tries = 200)
    void offScaleScoresAreRejectedOnTheirScale(@ForAll("offScaleNps") int nps, @ForAll("offScaleCsat") int csat,
            @ForAll("offScaleCes") int ces) {
        assertThatThrownBy(() -> SurveyScore.nps(nps)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("score " + nps).hasMessageContaining("NPS");
        assertThatThrownBy(() -> SurveyScore.csat(csat)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("score " + csat).hasMessageContaining("CSAT");
        assertThatThrownBy(() -> SurveyScore.ces(ces)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("score " + ces).hasMessageContaining("CES");
    }

    @Provide
    Arbitrary<String> invalidCountryCodes() {
        return InvalidInputs.invalidCountryCodes();
    }

    @Property(tries = 200)
    void invalidCountryCodesAreRejectedByPostalAddresses(@ForAll("invalidCountryCodes") String code) {
        assertThatThrownBy(() -> PostalAddress.of(List.of("Hauptstraße 5"), "Berlin", code))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("countryCode");
    }

    @Provide
    Arbitrary<String> invalidCurrencyCodes() {
        return InvalidInputs.invalidCurrencyCodes();
    }

    @Property(tries = 200)
    void invalidCurrencyCodesAreRejectedByMoney(@ForAll("invalidCurrencyCodes") String code) {
        assertThatThrownBy(() -> Money.currency(code))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("currency");
        assertThatThrownBy(() -> Money.of("1.00", code))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("currency");
    }

    @Provide
    Arbitrary<String> invalidWebAddresses() {
        return InvalidInputs.invalidWebAddresses();
    }

    @Property(tries = 100)
    void invalidWebAddressesAreRejected(@ForAll("invalidWebAddresses") String text) {
        assertThatThrownBy(() -> WebAddress.of(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("web address");
    }

    @Provide
    Arbitrary<String> invalidMoneyTexts() {
        return InvalidInputs.invalidMoneyTexts();
    }

    @Property(tries = 100)
    void invalidMoneyTextsAreRejectedByParse(@ForAll("invalidMoneyTexts") String text) {
        Throwable thrown = catchThrowable(() -> Money.parse(text));
        assertThat(thrown).as("Money.parse(%s)", text)
                .isInstanceOfAny(IllegalArgumentException.class, ArithmeticException.class);
        assertThat(thrown.getMessage()).matches("(money|amount|currency) .*");
    }

    @Provide
    Arbitrary<Tuple2<Currency, BigDecimal>> overPreciseAmounts() {
        return CrmArbitraries.currencies().flatMap(c -> InvalidInputs.overPreciseAmounts(c).map(a -> Tuple.of(c, a)));
    }

    @Property(tries = 200)
    void overPreciseAmountsAreRejectedUnlessRounded(@ForAll("overPreciseAmounts") Tuple2<Currency, BigDecimal> t) {
        assertThatThrownBy(() -> Money.of(t.get2(), t.get1()))
                .isInstanceOf(ArithmeticException.class).hasMessageStartingWith("amount");
    }

    @Provide
    Arbitrary<Money> negativeMoney() {
        return CrmArbitraries.currencies().flatMap(InvalidInputs::negativeMoney);
    }

    @Property(tries = 200)
    void negativeMoneyIsRejectedAsPriceAndOrderTotal(@ForAll("negativeMoney") Money amount) {
        assertThat(amount.isNegative()).isTrue();
        assertThatThrownBy(() -> OrderLine.of(ProductId.of("SKU-1"), BigDecimal.ONE, amount))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unitPrice");
        assertThatThrownBy(() -> Order.of(OrderId.of("SO-1"), CustomerId.of("C-1"), T, amount))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grossAmount");
    }

    @Provide
    Arbitrary<Duration> nonPositiveDurations() {
        return InvalidInputs.nonPositiveDurations();
    }

    @Property(tries = 100)
    void nonPositiveDurationsAreRejectedAsSlaTargets(@ForAll("nonPositiveDurations") Duration d) {
        assertThatThrownBy(() -> SlaTargets.of(d, Duration.ofHours(8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstResponse");
        assertThatThrownBy(() -> new SlaTargets(Optional.empty(), Optional.of(d)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolution");
    }

    @Provide
    Arbitrary<String> invalidNames() {
        return InvalidInputs.invalidNames();
    }

    @Property(tries = 100)
    void invalidNamesAreRejectedWithoutShowingTheName(@ForAll("invalidNames") String name) {
        Throwable thrown = catchThrowable(() -> Customer.builder(CustomerId.of("C-1"), PartyKind.PERSON, name, T).build());
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name");
        if (name.strip().length() >= 4) {
            assertThat(thrown.getMessage()).doesNotContain(name.strip());
        }
    }

    @Provide
    Arbitrary<Tuple2<Instant, Instant>> reversedTimeBounds() {
        return InvalidInputs.reversedTimeBounds();
    }

    @Property(tries = 100)
    void reversedBoundsAreRejectedByTimeRange(@ForAll("reversedTimeBounds") Tuple2<Instant, Instant> bounds) {
        assertThatThrownBy(() -> TimeRange.of(bounds.get1(), bounds.get2()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("end")
                .hasMessageContaining("start");
    }

    @Provide
    Arbitrary<Tuple2<Integer, Integer>> invalidScaleBounds() {
        return InvalidInputs.invalidScaleBounds();
    }

    @Property(tries = 100)
    void invalidBoundsAreRejectedBySurveyScales(@ForAll("invalidScaleBounds") Tuple2<Integer, Integer> bounds) {
        assertThatThrownBy(() -> SurveyScale.custom("Stars", bounds.get1(), bounds.get2()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("scale");
    }
}
