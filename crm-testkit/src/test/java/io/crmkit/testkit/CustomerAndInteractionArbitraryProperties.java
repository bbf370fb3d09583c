package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.CustomerStatus;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.interaction.InteractionChannel;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Every customer and interaction of a configured {@link CustomerArbitrary} or
 * {@link InteractionArbitrary} respects every configured bound and is valid.
 */
class CustomerAndInteractionArbitraryProperties {

    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-12-31T00:00:00Z");

    @Provide
    Arbitrary<Customer> persons() {
        return Customers.persons().fromIdPool(7).createdBetween(FROM, TO).createdAtPrecision(Duration.ofDays(1))
                .withStatuses(CustomerStatus.ACTIVE, CustomerStatus.INACTIVE);
    }

    @Property(tries = 300)
    void configuredCustomersRespectEveryBound(@ForAll("persons") Customer c) {
        assertThat(c.kind()).isEqualTo(PartyKind.PERSON);
        assertThat(c.id().value()).matches("c[0-6]");
        assertThat(c.createdAt()).isBetween(FROM, TO);
        assertThat(Duration.between(FROM, c.createdAt()).toNanos() % Duration.ofDays(1).toNanos()).isZero();
        assertThat(c.status()).isIn(CustomerStatus.ACTIVE, CustomerStatus.INACTIVE);
        assertThat(c.updatedAt()).isAfterOrEqualTo(c.createdAt());
        c.acquisition().ifPresent(a -> assertThat(a.acquiredAt()).isBeforeOrEqualTo(c.createdAt()));
        assertThat(Values.rebuilt(c)).isEqualTo(c);
        Statistics.label("acquired").collect(c.acquisition().isPresent());
        Statistics.label("acquired").coverage(cov -> cov.check(true).percentage(p -> p > 30));
    }

    @Provide
    Arbitrary<Customer> organizations() {
        return Customers.organizations().withIds(CustomerId.of("acme"), CustomerId.of("globex"));
    }

    @Property(tries = 100)
    void organizationsAreOrganizationsWithTheGivenIds(@ForAll("organizations") Customer c) {
        assertThat(c.kind()).isEqualTo(PartyKind.ORGANIZATION);
        assertThat(c.person()).isEmpty();
        assertThat(c.id().value()).isIn("acme", "globex");
    }

    @Provide
    Arbitrary<Interaction> interactions() {
        return Interactions.fromCustomerPool(4).occurredBetween(FROM, TO).occurredAtPrecision(Duration.ofMinutes(15))
                .inChannels(InteractionChannel.EMAIL, InteractionChannel.PHONE);
    }

    @Property(tries = 300)
    void configuredInteractionsRespectEveryBound(@ForAll("interactions") Interaction i) {
        assertThat(i.customerId().value()).matches("c[0-3]");
        assertThat(i.occurredAt()).isBetween(FROM, TO);
        assertThat(Duration.between(FROM, i.occurredAt()).toMinutes() % 15).isZero();
        assertThat(Duration.between(FROM, i.occurredAt()).toNanos() % 60_000_000_000L).isZero();
        assertThat(i.channel()).isIn(InteractionChannel.EMAIL, InteractionChannel.PHONE);
        i.endedAt().ifPresent(e -> assertThat(Duration.between(i.occurredAt(), e)).isBetween(Duration.ZERO,
                Duration.ofHours(8)));
        assertThat(Values.rebuilt(i)).isEqualTo(i);
        Statistics.label("ended").collect(i.endedAt().isPresent());
        Statistics.label("ended").coverage(cov -> cov.check(true).percentage(p -> p > 30));
    }

    @Example
    void badArgumentsAreRejectedNamingTheArgumentAndTheValue() {
        assertThatThrownBy(() -> Customers.fromIdPool(-3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fromIdPool: size must be between 1 and 1000000: -3");
        assertThatThrownBy(() -> Customers.customers().createdBetween(TO, FROM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("createdBetween: from 2024-12-31T00:00:00Z must not be after to 2024-01-01T00:00:00Z");
        assertThatThrownBy(() -> Customers.customers().createdBetween(Instant.parse("1800-01-01T00:00:00Z"), TO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must lie between");
        assertThatThrownBy(() -> Customers.customers().withStatuses()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("withStatuses: statuses must not be empty");
        assertThatThrownBy(() -> Interactions.occurredBetween(FROM, Instant.MAX))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("occurredBetween: to ");
        assertThatThrownBy(() -> Interactions.interactions().occurredAtPrecision(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("occurredAtPrecision: precision must be positive: PT-1S");
        assertThatThrownBy(() -> Interactions.interactions().inChannels((InteractionChannel) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inChannels: channels must not contain null (at index 0)");
    }
}
