package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Money;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.EmailAddress;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.core.customer.PhoneNumber;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.service.CaseStatusCategory;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.survey.SurveyScale;
import io.crmkit.core.survey.SurveyScore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Shrinkable;
import org.junit.jupiter.api.Test;

/**
 * Checks of CrmArbitraries by sampling: every value passes its constructor again, stays within
 * the documented bounds, and the promised variety and edge cases really occur.
 */
class CrmArbitrariesTest {

    private static final int SAMPLES = 1500;

    private static <T> List<T> sample(Arbitrary<T> arbitrary) {
        return arbitrary.sampleStream().limit(SAMPLES).toList();
    }

    private static <T> List<T> edgeCases(Arbitrary<T> arbitrary) {
        return StreamSupport.stream(arbitrary.edgeCases().spliterator(), false).map(Shrinkable::value).toList();
    }

    @Test
    void everyValuePassesItsConstructorAgainAndStaysWithinTheDocumentedBounds() {
        for (Map.Entry<Class<?>, Supplier<Arbitrary<?>>> e : CrmArbitraries.byType().entrySet()) {
            for (Object value : e.getValue().get().sampleStream().limit(300).toList()) {
                assertThat(value).isInstanceOf(e.getKey());
                if (value.getClass().isRecord()) {
                    assertThat(Values.rebuilt(value)).as("%s rebuilt", e.getKey().getSimpleName()).isEqualTo(value);
                }
                if (!(value instanceof TimeRange)) {
                    assertThat(Values.instantsIn(value)).as("instants in a %s", e.getKey().getSimpleName())
                            .allSatisfy(t -> assertThat(t).isBetween(CrmArbitraries.EARLIEST_INSTANT,
                                    CrmArbitraries.LATEST_INSTANT));
                }
                assertThat(Values.stringsIn(value)).as("texts in a %s", e.getKey().getSimpleName())
                        .noneMatch(Values::hasLoneSurrogate);
            }
        }
    }

    @Test
    void everyFactoryWithoutParametersIsRegisteredForItsType() {
        Set<Class<?>> registered = CrmArbitraries.byType().keySet();
        List<Class<?>> produced = Arrays.stream(CrmArbitraries.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0)
                .map(Method::getGenericReturnType)
                .<Class<?>>map(t -> (Class<?>) ((ParameterizedType) t).getActualTypeArguments()[0])
                .filter(c -> c != Currency.class && c != Instant.class)
                .toList();
        assertThat(produced).hasSize(45);
        assertThat(registered).containsAll(produced);
    }

    @Test
    void currenciesHaveZeroTwoThreeAndFourDecimalsAndTheEdgeCasesNamedInTheJavadoc() {
        Set<Integer> digits = sample(CrmArbitraries.currencies()).stream()
                .map(Currency::getDefaultFractionDigits).collect(Collectors.toSet());
        assertThat(digits).contains(0, 2, 3, 4).doesNotContain(-1);
        assertThat(edgeCases(CrmArbitraries.currencies()).stream().map(Currency::getCurrencyCode))
                .containsExactlyInAnyOrder("JPY", "USD", "BHD");
    }

    @Test
    void moneyIsPositiveZeroAndNegativeAtTheCurrencyScale() {
        List<Money> amounts = sample(CrmArbitraries.money());
        assertThat(amounts).anyMatch(Money::isNegative).anyMatch(Money::isZero).anyMatch(m -> m.amount().signum() > 0);
        assertThat(amounts).allMatch(m -> m.amount().scale() == m.currency().getDefaultFractionDigits());
        assertThat(sample(CrmArbitraries.nonNegativeMoney(Currency.getInstance("BHD"))))
                .noneMatch(Money::isNegative)
                .anyMatch(m -> m.amount().toPlainString().matches("\\d+\\.\\d\\d[1-9]"));
    }

    @Test
    void instantsSpanTheRangeWithEveryPrecisionAndTheDocumentedEdgeCases() {
        List<Instant> instants = sample(CrmArbitraries.instants());
        assertThat(instants).anyMatch(t -> t.isBefore(Instant.parse("1960-01-01T00:00:00Z")))
                .anyMatch(t -> t.isAfter(Instant.parse("2060-01-01T00:00:00Z")))
                .anyMatch(t -> t.getNano() == 0)
                .anyMatch(t -> t.getNano() % 1_000 != 0);
        assertThat(edgeCases(CrmArbitraries.instants()))
                .contains(CrmArbitraries.EARLIEST_INSTANT, CrmArbitraries.LATEST_INSTANT, Instant.EPOCH);
    }

    @Test
    void timeRangesIncludeEmptyUnboundedAndOrdinaryRanges() {
        List<TimeRange> ranges = sample(CrmArbitraries.timeRanges());
        assertThat(ranges).anyMatch(TimeRange::isEmpty).contains(TimeRange.all())
                .anyMatch(r -> r.end().equals(Instant.MAX) && !r.start().equals(Instant.MIN))
                .anyMatch(r -> r.start().equals(Instant.MIN) && !r.end().equals(Instant.MAX))
                .anyMatch(r -> !r.isEmpty() && r.duration().toDays() > 365);
    }

    @Test
    void identifiersReachTheirLengthLimitsAndLeaveTheBasicMultilingualPlane() {
        List<String> texts = sample(CrmArbitraries.customerIds()).stream().map(Object::toString).toList();
        assertThat(texts).anyMatch(s -> s.codePoints().anyMatch(Character::isSupplementaryCodePoint))
                .anyMatch(s -> s.length() > 200)
                .anyMatch(s -> s.chars().allMatch(Character::isDigit));
        assertThat(edgeCases(CrmArbitraries.customerIds()).stream().map(Object::toString))
                .anyMatch(s -> s.length() == 1).anyMatch(s -> s.length() == 256);
    }

    @Test
    void contactPointsOfEveryKindIncludingTheLongestEmailAddress() {
        Set<Class<?>> kinds = sample(CrmArbitraries.contactPoints()).stream().map(Object::getClass)
                .collect(Collectors.toSet());
        assertThat(kinds).hasSize(5);
        assertThat(edgeCases(CrmArbitraries.emailAddresses())).anyMatch(e -> e.value().length() == 254);
        assertThat(sample(CrmArbitraries.emailAddresses())).anyMatch(e -> e.value().indexOf('@') == 64)
                .anyMatch(e -> !e.domain().chars().allMatch(c -> c < 128));
        assertThat(sample(CrmArbitraries.phoneNumbers()).stream().map(PhoneNumber::value).map(String::length))
                .contains(9, 16);
    }

    @Test
    void customersVaryInKindContactsOptionalFieldsAndCollections() {
        List<Customer> customers = sample(CrmArbitraries.customers());
        assertThat(customers)
                .anyMatch(c -> c.kind() == PartyKind.PERSON && c.person().isPresent())
                .anyMatch(c -> c.kind() == PartyKind.ORGANIZATION && c.company().isPresent())
                .anyMatch(c -> c.person().isEmpty() && c.company().isEmpty())
                .anyMatch(c -> c.contactPoints().isEmpty())
                .anyMatch(c -> c.contactPoints().size() >= 3)
                .anyMatch(c -> c.tags().isEmpty())
                .anyMatch(c -> !c.attributes().isEmpty())
                .anyMatch(c -> c.consent().records().isEmpty())
                .anyMatch(c -> c.consent().records().size() > 2)
                .anyMatch(c -> c.acquisition().isPresent())
                .anyMatch(c -> c.owner().isEmpty())
                .anyMatch(c -> c.updatedAt().equals(c.createdAt()))
                .anyMatch(c -> c.updatedAt().isAfter(c.createdAt()))
                .anyMatch(c -> c.name().codePoints().anyMatch(cp -> cp > 0x2E80));
        assertThat(customers.stream().flatMap(c -> c.contactPoints().stream()).map(ContactPoint::getClass).distinct())
                .hasSize(5);
    }

    @Test
    void ordersCoverLinesDiscountsRefundsAndEveryStatusCategory() {
        List<Order> orders = sample(CrmArbitraries.orders());
        assertThat(orders)
                .anyMatch(o -> o.lines().isEmpty() && o.grossAmount().amount().signum() > 0)
                .anyMatch(o -> o.lines().size() > 1)
                .anyMatch(o -> !o.discountAmount().isZero())
                .anyMatch(o -> !o.refundedAmount().isZero() && o.netRevenue().isZero())
                .anyMatch(o -> o.lines().stream().anyMatch(l -> l.quantity().scale() > 0))
                .anyMatch(o -> o.lines().stream().anyMatch(l -> l.unitCost().isPresent()))
                .anyMatch(o -> o.campaign().isPresent());
        assertThat(orders.stream().map(o -> o.status().category()).distinct()).hasSize(OrderStatusCategory.values().length);
        assertThat(sample(CrmArbitraries.orders(Currency.getInstance("JPY"))))
                .allMatch(o -> o.currency().getCurrencyCode().equals("JPY"))
                .allMatch(o -> o.lines().stream().map(OrderLine::unitPrice).allMatch(p -> p.amount().scale() == 0));
    }

    @Test
    void serviceCasesCoverEveryStatusCategoryAndTheOptionalTimes() {
        List<ServiceCase> cases = sample(CrmArbitraries.serviceCases());
        assertThat(cases.stream().map(c -> c.status().category()).distinct()).hasSize(CaseStatusCategory.values().length);
        assertThat(cases)
                .anyMatch(c -> c.status().category() == CaseStatusCategory.CLOSED && c.resolvedAt().isPresent())
                .anyMatch(c -> c.status().category() == CaseStatusCategory.CLOSED && c.resolvedAt().isEmpty())
                .anyMatch(c -> c.resolution().isPresent())
                .anyMatch(c -> c.firstResponseAt().isEmpty())
                .anyMatch(c -> c.sla().firstResponse().isPresent() && c.sla().resolution().isEmpty());
    }

    @Test
    void surveyScoresCoverTheStandardAndCustomScalesAndTheirExtremes() {
        List<SurveyScore> scores = sample(CrmArbitraries.surveyScores());
        assertThat(scores.stream().map(SurveyScore::scale))
                .contains(SurveyScale.NPS, SurveyScale.CSAT, SurveyScale.CES)
                .anyMatch(s -> !Set.of("NPS", "CSAT", "CES").contains(s.name()));
        assertThat(scores.stream().filter(s -> s.scale().equals(SurveyScale.NPS)).map(SurveyScore::value))
                .contains(0, 10);
    }

    @Test
    void emailAddressesAreNormalisedAsCrmCoreNormalisesThem() {
        assertThat(sample(CrmArbitraries.emailAddresses())).allMatch(e -> EmailAddress.of(e.value()).equals(e));
    }
}
