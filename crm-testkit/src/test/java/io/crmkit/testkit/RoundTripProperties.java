package io.crmkit.testkit;

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
import io.crmkit.core.customer.EmailAddress;
import io.crmkit.core.customer.PhoneNumber;
import io.crmkit.core.customer.WebAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The canonical text forms of the scalar value types read back to equal values. */
class RoundTripProperties {

    @Property(tries = 300)
    void customerAndOrderIdentifiersRoundTripThroughToString(@ForAll CustomerId customer, @ForAll OrderId order,
            @ForAll ProductId product, @ForAll AgentId agent) {
        assertThat(CustomerId.of(customer.toString())).isEqualTo(customer);
        assertThat(OrderId.of(order.toString())).isEqualTo(order);
        assertThat(ProductId.of(product.toString())).isEqualTo(product);
        assertThat(AgentId.of(agent.toString())).isEqualTo(agent);
    }

    @Property(tries = 300)
    void contactAndFeedbackIdentifiersRoundTripThroughToString(@ForAll InteractionId interaction,
            @ForAll ServiceCaseId serviceCase, @ForAll SurveyResponseId response, @ForAll CampaignId campaign) {
        assertThat(InteractionId.of(interaction.toString())).isEqualTo(interaction);
        assertThat(ServiceCaseId.of(serviceCase.toString())).isEqualTo(serviceCase);
        assertThat(SurveyResponseId.of(response.toString())).isEqualTo(response);
        assertThat(CampaignId.of(campaign.toString())).isEqualTo(campaign);
    }

    @Property(tries = 500)
    void moneyRoundTripsThroughToStringAndParse(@ForAll Money money) {
        assertThat(Money.parse(money.toString())).isEqualTo(money);
        assertThat(Money.of(money.amount().toPlainString(), money.currency().getCurrencyCode())).isEqualTo(money);
        assertThat(Money.ofMinor(money.toMinorUnits(), money.currency())).isEqualTo(money);
    }

    @Property(tries = 300)
    void contactPointsReadBackFromTheirFullValue(@ForAll EmailAddress email, @ForAll PhoneNumber phone,
            @ForAll WebAddress web) {
        assertThat(EmailAddress.of(email.value())).isEqualTo(email);
        assertThat(PhoneNumber.of(phone.value())).isEqualTo(phone);
        assertThat(WebAddress.of(web.uri().toString())).isEqualTo(web);
    }
}
