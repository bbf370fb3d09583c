package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every identifier type of the package: made from its text, printed as that text, ordered as
 * text, and refusing bad text with its own field name.
 */
class IdentifierKindsTest {

    static Stream<Arguments> kinds() {
        return Stream.of(
                kind("agentId", AgentId::of),
                kind("campaignId", CampaignId::of),
                kind("customerId", CustomerId::of),
                kind("interactionId", InteractionId::of),
                kind("membershipId", MembershipId::of),
                kind("orderId", OrderId::of),
                kind("pointsTransactionId", PointsTransactionId::of),
                kind("productId", ProductId::of),
                kind("referralId", ReferralId::of),
                kind("serviceCaseId", ServiceCaseId::of),
                kind("surveyResponseId", SurveyResponseId::of));
    }

    private static <I extends Comparable<I>> Arguments kind(String field, Function<String, I> of) {
        return Arguments.of(field, of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    <I extends Comparable<I>> void madeFromTextOrderedAsText(String field, Function<String, I> of) {
        I a = of.apply("id-10");
        I b = of.apply("id-9");
        assertThat(a).hasToString("id-10");
        assertThat(a).isEqualTo(of.apply("id-10")).isNotEqualTo(b);
        assertThat(a.compareTo(b)).isNegative();
        assertThat(b.compareTo(a)).isPositive();
        assertThat(a.compareTo(of.apply("id-10"))).isZero();
        assertThatThrownBy(() -> of.apply(" id")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field);
        assertThatThrownBy(() -> of.apply(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining(field);
    }
}
