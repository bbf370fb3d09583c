package io.crmkit.jackson;

import io.crmkit.core.AgentId;
import io.crmkit.core.CampaignId;
import io.crmkit.core.CustomerId;
import io.crmkit.core.InteractionId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.ProductId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.SurveyResponseId;
import io.crmkit.core.customer.Acquisition;
import io.crmkit.core.customer.AcquisitionChannel;
import io.crmkit.core.customer.CompanyProfile;
import io.crmkit.core.customer.CompanySize;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentRecord;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.ContactMedium;
import io.crmkit.core.customer.ContactPurpose;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.EmailAddress;
import io.crmkit.core.customer.Gender;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.core.customer.PartyRole;
import io.crmkit.core.customer.PersonProfile;
import io.crmkit.core.customer.PhoneNumber;
import io.crmkit.core.customer.PostalAddress;
import io.crmkit.core.customer.SocialAccount;
import io.crmkit.core.customer.SocialNetwork;
import io.crmkit.core.customer.WebAddress;
import io.crmkit.core.interaction.Direction;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionChannel;
import io.crmkit.core.interaction.InteractionOutcome;
import io.crmkit.core.interaction.InteractionPurpose;
import io.crmkit.core.interaction.InteractionType;
import io.crmkit.core.interaction.Sentiment;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import io.crmkit.core.order.OrderStatus;
import io.crmkit.core.order.OrderStatusCategory;
import io.crmkit.core.order.SalesChannel;
import io.crmkit.core.service.CasePriority;
import io.crmkit.core.service.CaseStatus;
import io.crmkit.core.service.CaseType;
import io.crmkit.core.service.Resolution;
import io.crmkit.core.service.ResolutionCode;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.service.SlaTargets;
import io.crmkit.core.survey.SurveyResponse;
import io.crmkit.core.survey.SurveyScore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Sample values of each type family, shared by the example tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2024-01-31T09:30:00Z");
    static final Instant T1 = Instant.parse("2024-01-31T10:15:30.250Z");
    static final Currency USD = Currency.getInstance("USD");

    private Fixtures() {
    }

    /** @return a person with one contact point of each kind and every optional part */
    static Customer person() {
        return Customer.builder(CustomerId.of("C-1"), PartyKind.PERSON, "Li Wei", T0)
                .person(new PersonProfile(Optional.of(Gender.FEMALE), Optional.of(LocalDate.of(1990, 5, 17)),
                        Optional.empty()))
                .contactPoint(EmailAddress.of("li.wei@example.com"))
                .contactPoint(PhoneNumber.of("+86 138-0013-8000"))
                .contactPoint(new PostalAddress(List.of("1 Main St", "Apt 2"), "Shanghai", Optional.of("SH"),
                        Optional.of("200000"), "CN"))
                .contactPoint(WebAddress.of("https://example.com/li"))
                .contactPoint(SocialAccount.of(SocialNetwork.WECHAT, "wxid_li"))
                .roles(PartyRole.BUYER)
                .lifecycleStage(LifecycleStage.NEW)
                .acquisition(new Acquisition(AcquisitionChannel.REFERRAL, Optional.of(CampaignId.of("CMP-7")), T0))
                .owner(AgentId.of("A-9"))
                .tags("vip", "early")
                .attribute("tier", "gold")
                .consent(Consent.of(new ConsentRecord(ContactMedium.EMAIL, ContactPurpose.MARKETING,
                        ConsentStatus.GRANTED, T0, Optional.of(T1), Optional.of("web form"))))
                .updatedAt(T1)
                .build();
    }

    /** @return an organization with nothing optional recorded but its company profile */
    static Customer organization() {
        return Customer.builder(CustomerId.of("C-2"), PartyKind.ORGANIZATION, "Acme Ltd", T0)
                .company(new CompanyProfile(Optional.of("C13"), CompanySize.SMALL,
                        Optional.of(Money.of("500000", "CNY")), Optional.of(LocalDate.of(2001, 3, 1)), Optional.empty()))
                .build();
    }

    /** @return an order with two lines, a discount, a refund and a campaign */
    static Order order() {
        return Order.builder(OrderId.of("O-1"), CustomerId.of("C-1"), T0, USD)
                .status(OrderStatus.of("shipped", OrderStatusCategory.OPEN))
                .channel(SalesChannel.WEB)
                .line(new OrderLine(ProductId.of("P-1"), new BigDecimal("2"), Money.of("9.99", "USD"),
                        Optional.of(Money.of("4.5", "USD"))))
                .line(OrderLine.of(ProductId.of("P-2"), new BigDecimal("0.750"), Money.of("12", "USD")))
                .discountAmount(Money.of("1", "USD"))
                .refundedAmount(Money.of("2.50", "USD"))
                .campaign(CampaignId.of("CMP-7"))
                .build();
    }

    /** @return an interaction with every optional field */
    static Interaction interaction() {
        return Interaction.builder(InteractionId.of("I-1"), CustomerId.of("C-1"), InteractionChannel.WECHAT,
                        Direction.INBOUND, InteractionPurpose.COMPLAINT, T0)
                .type(InteractionType.MESSAGE)
                .endedAt(T1)
                .outcome(InteractionOutcome.COMPLETED)
                .sentiment(Sentiment.NEGATIVE)
                .agent(AgentId.of("A-9"))
                .campaign(CampaignId.of("CMP-7"))
                .order(OrderId.of("O-1"))
                .serviceCase(ServiceCaseId.of("S-1"))
                .build();
    }

    /** @return a resolved complaint with SLA targets */
    static ServiceCase serviceCase() {
        return ServiceCase.builder(ServiceCaseId.of("S-1"), CustomerId.of("C-1"), CaseType.COMPLAINT,
                        InteractionChannel.PHONE, T0)
                .priority(CasePriority.HIGH)
                .status(CaseStatus.RESOLVED)
                .firstResponseAt(T1)
                .resolvedAt(T1.plus(Duration.ofHours(3)))
                .sla(new SlaTargets(Optional.of(Duration.ofHours(4)), Optional.empty()))
                .resolution(new Resolution(ResolutionCode.COMPENSATED, Optional.of("voucher")))
                .assignee(AgentId.of("A-9"))
                .order(OrderId.of("O-1"))
                .build();
    }

    /** @return an NPS answer about a service case */
    static SurveyResponse surveyResponse() {
        return new SurveyResponse(SurveyResponseId.of("R-1"), CustomerId.of("C-1"), T1, SurveyScore.nps(9),
                InteractionChannel.EMAIL, Optional.of("nps-2024"), Optional.empty(), Optional.empty(),
                Optional.of(ServiceCaseId.of("S-1")), Optional.empty());
    }
}
