package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Money;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.order.Order;
import io.crmkit.core.order.OrderLine;
import io.crmkit.core.service.CaseStatusCategory;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.survey.SurveyResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the generated values, with parameters provided by the registered
 * {@link CrmArbitraryProvider} ({@code @ForAll Order} needs no provider method).
 */
class CrmArbitrariesProperties {

    @Property(tries = 300)
    void ordersKeepTheirAmountRules(@ForAll Order order) {
        Money zero = Money.zero(order.currency());
        if (!order.lines().isEmpty()) {
            assertThat(order.lines().stream().map(OrderLine::amount).reduce(zero, Money::plus))
                    .isEqualTo(order.grossAmount());
        }
        assertThat(order.discountAmount().compareTo(order.grossAmount())).isLessThanOrEqualTo(0);
        assertThat(order.netRevenue().compareTo(zero)).isGreaterThanOrEqualTo(0);
        assertThat(order.netRevenueMinorUnits()).isEqualTo(order.netRevenue().toMinorUnits());
        assertThat(order.lines()).allSatisfy(l -> {
            assertThat(l.unitPrice().currency()).isEqualTo(order.currency());
            assertThat(l.quantity().signum()).isPositive();
            assertThat(l.unitPrice().isNegative()).isFalse();
        });
    }

    @Property(tries = 100)
    void ordersInAGivenCurrencyUseOnlyThatCurrency(@ForAll("bahrainiOrders") Order order) {
        List<Money> amounts = new ArrayList<>(List.of(order.grossAmount(), order.discountAmount(),
                order.refundedAmount()));
        order.lines().forEach(l -> {
            amounts.add(l.unitPrice());
            l.unitCost().ifPresent(amounts::add);
        });
        assertThat(amounts).allSatisfy(m -> {
            assertThat(m.currency().getCurrencyCode()).isEqualTo("BHD");
            assertThat(m.amount().scale()).isEqualTo(3);
        });
    }

    @Provide
    Arbitrary<Order> bahrainiOrders() {
        return CrmArbitraries.orders(Currency.getInstance("BHD"));
    }

    @Property(tries = 300)
    void serviceCaseTimesAgreeWithTheirStatusCategory(@ForAll ServiceCase c) {
        CaseStatusCategory category = c.status().category();
        switch (category) {
            case OPEN, WAITING -> {
                assertThat(c.resolvedAt()).isEmpty();
                assertThat(c.closedAt()).isEmpty();
                assertThat(c.resolution()).isEmpty();
            }
            case RESOLVED -> {
                assertThat(c.resolvedAt()).isPresent();
                assertThat(c.closedAt()).isEmpty();
            }
            case CLOSED -> assertThat(c.closedAt()).isPresent();
        }
        c.firstResponseAt().ifPresent(t -> {
            assertThat(t).isAfterOrEqualTo(c.openedAt());
            c.finishedAt().ifPresent(f -> assertThat(t).isBeforeOrEqualTo(f));
        });
        c.resolvedAt().ifPresent(r -> c.closedAt().ifPresent(cl -> assertThat(r).isBeforeOrEqualTo(cl)));
    }

    @Property(tries = 300)
    void interactionsEndNotBeforeTheyStart(@ForAll Interaction interaction) {
        interaction.endedAt().ifPresent(e -> assertThat(e).isAfterOrEqualTo(interaction.occurredAt()));
        assertThat(interaction.duration().map(d -> d.isNegative()).orElse(false)).isFalse();
    }

    @Property(tries = 200)
    void customersHaveAProfileMatchingTheirKindAndAreNotUpdatedBeforeCreation(@ForAll Customer customer) {
        if (customer.kind() == PartyKind.PERSON) {
            assertThat(customer.company()).isEmpty();
        } else {
            assertThat(customer.person()).isEmpty();
        }
        assertThat(customer.updatedAt()).isAfterOrEqualTo(customer.createdAt());
        customer.acquisition().ifPresent(a -> assertThat(a.acquiredAt()).isBeforeOrEqualTo(customer.createdAt()));
        assertThat(customer.contactPoints()).hasSizeLessThanOrEqualTo(5);
    }

    @Property(tries = 300)
    void surveyResponsesScoreOnTheirScale(@ForAll SurveyResponse response) {
        assertThat(response.score().value()).isBetween(response.score().scale().min(), response.score().scale().max());
        assertThat(response.score().normalised()).isBetween(0.0, 1.0);
    }

    @Property(tries = 300)
    void moneyIsAtTheScaleOfItsCurrency(@ForAll Money money) {
        assertThat(money.amount().scale()).isEqualTo(money.currency().getDefaultFractionDigits());
    }

    @Property(tries = 300)
    void timeRangesAreOrderedAndContainTheirStartUnlessEmpty(@ForAll TimeRange range) {
        assertThat(range.start()).isBeforeOrEqualTo(range.end());
        assertThat(range.contains(range.start())).isEqualTo(!range.isEmpty());
        assertThat(range.contains(range.end())).isFalse();
    }

    @Property(tries = 100)
    void derivedTimesStayWithinTheDocumentedBounds(@ForAll ServiceCase c, @ForAll Interaction i) {
        List<Instant> instants = new ArrayList<>(Values.instantsIn(c));
        instants.addAll(Values.instantsIn(i));
        assertThat(instants).allSatisfy(t -> assertThat(t)
                .isBetween(CrmArbitraries.EARLIEST_INSTANT, CrmArbitraries.LATEST_INSTANT));
    }
}
