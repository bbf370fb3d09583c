package io.crmkit.core.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.AgentId;
import io.crmkit.core.CampaignId;
import io.crmkit.core.CustomerId;
import io.crmkit.core.InteractionId;
import io.crmkit.core.OrderId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.customer.ContactMedium;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An interaction built field by field, its duration and negativity, and its rules. */
class InteractionTest {

    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    private static Interaction.Builder builder(InteractionPurpose purpose) {
        return Interaction.builder(InteractionId.of("i-1"), CustomerId.of("c"), InteractionChannel.PHONE,
                Direction.OUTBOUND, purpose, T);
    }

    @Test
    void theBuilderSetsEveryFieldAndDefaultsTheRest() {
        Interaction plain = builder(InteractionPurpose.SALES).build();
        assertThat(plain.type()).isEqualTo(InteractionType.OTHER);
        assertThat(plain.outcome()).isEqualTo(InteractionOutcome.COMPLETED);
        assertThat(plain.endedAt()).isEmpty();
        assertThat(plain.duration()).isEmpty();
        assertThat(plain.sentiment()).isEmpty();
        assertThat(plain.agent()).isEmpty();
        assertThat(plain.campaign()).isEmpty();
        assertThat(plain.order()).isEmpty();
        assertThat(plain.serviceCase()).isEmpty();
        assertThat(plain.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(plain.channel()).isEqualTo(InteractionChannel.PHONE);
        assertThat(plain.occurredAt()).isEqualTo(T);

        Interaction full = builder(InteractionPurpose.SUPPORT).type(InteractionType.CALL)
                .endedAt(T.plusSeconds(330)).outcome(InteractionOutcome.NO_ANSWER).sentiment(Sentiment.POSITIVE)
                .agent(AgentId.of("agent-7")).campaign(CampaignId.of("spring")).order(OrderId.of("o-9"))
                .serviceCase(ServiceCaseId.of("case-3")).build();
        assertThat(full.type()).isEqualTo(InteractionType.CALL);
        assertThat(full.endedAt()).contains(T.plusSeconds(330));
        assertThat(full.duration()).contains(Duration.ofSeconds(330));
        assertThat(full.outcome()).isEqualTo(InteractionOutcome.NO_ANSWER);
        assertThat(full.sentiment()).contains(Sentiment.POSITIVE);
        assertThat(full.agent()).contains(AgentId.of("agent-7"));
        assertThat(full.campaign()).contains(CampaignId.of("spring"));
        assertThat(full.order()).contains(OrderId.of("o-9"));
        assertThat(full.serviceCase()).contains(ServiceCaseId.of("case-3"));
        assertThat(full.purpose()).isEqualTo(InteractionPurpose.SUPPORT);
        assertThat(builder(InteractionPurpose.SALES).endedAt(T).build().duration()).contains(Duration.ZERO);
    }

    @Test
    void aComplaintOrANegativeContactIsNegative() {
        assertThat(builder(InteractionPurpose.COMPLAINT).build().isNegative()).isTrue();
        assertThat(builder(InteractionPurpose.COMPLAINT).sentiment(Sentiment.POSITIVE).build().isNegative()).isTrue();
        assertThat(builder(InteractionPurpose.SUPPORT).sentiment(Sentiment.NEGATIVE).build().isNegative()).isTrue();
        assertThat(builder(InteractionPurpose.SUPPORT).sentiment(Sentiment.NEUTRAL).build().isNegative()).isFalse();
        assertThat(builder(InteractionPurpose.SUPPORT).build().isNegative()).isFalse();
    }

    @Test
    void anEndBeforeTheStartIsRefusedByName() {
        assertThatThrownBy(() -> builder(InteractionPurpose.SALES).endedAt(T.minusSeconds(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endedAt");
        assertThatThrownBy(() -> builder(InteractionPurpose.SALES).type(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> builder(InteractionPurpose.SALES).outcome(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("outcome");
    }

    @Test
    void channelsNameTheMediumWhoseConsentGovernsThem() {
        assertThat(InteractionChannel.EMAIL.contactMedium()).contains(ContactMedium.EMAIL);
        assertThat(InteractionChannel.WECHAT.contactMedium()).contains(ContactMedium.MESSAGING);
        assertThat(InteractionChannel.IN_PERSON.contactMedium()).isEmpty();
    }
}
