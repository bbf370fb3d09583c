package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.Money;
import io.crmkit.core.customer.ContactPoint;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.order.Order;
import io.crmkit.core.survey.SurveyResponse;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;
import org.junit.jupiter.api.Test;

/** The crm-core types can be generated without provider methods, globally and through {@link CrmDomain}. */
class AutoProvisionTest {

    @Property(tries = 20)
    void crmCoreTypesAreProvidedByDefaultAlsoInsideContainers(@ForAll Customer customer,
            @ForAll List<Order> orders, @ForAll Optional<Money> money, @ForAll ContactPoint contactPoint) {
        assertThat(customer).isNotNull();
        assertThat(orders).doesNotContainNull();
        assertThat(money).isNotNull();
        assertThat(contactPoint).isNotNull();
    }

    @Property(tries = 20)
    @Domain(CrmDomain.class)
    void theCrmDomainProvidesTheCrmCoreTypes(@ForAll SurveyResponse response, @ForAll Customer customer) {
        assertThat(response.score().scale().contains(response.score().value())).isTrue();
        assertThat(customer.updatedAt()).isAfterOrEqualTo(customer.createdAt());
    }

    @Test
    void theProviderIsRegisteredForServiceLoading() {
        assertThat(ServiceLoader.load(ArbitraryProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(CrmArbitraryProvider.class);
    }

    @Test
    void theProviderAnswersForCrmCoreTypesOnly() {
        CrmArbitraryProvider provider = new CrmArbitraryProvider();
        assertThat(provider.canProvideFor(TypeUsage.of(Customer.class))).isTrue();
        assertThat(provider.canProvideFor(TypeUsage.of(ContactPoint.class))).isTrue();
        assertThat(provider.canProvideFor(TypeUsage.of(String.class))).isFalse();
        assertThat(provider.canProvideFor(TypeUsage.of(Currency.class))).isFalse();
        assertThat(provider.provideFor(TypeUsage.of(Order.class), t -> Set.of())).hasSize(1);
        assertThat(new CrmDomain().getArbitraryProviders()).hasSize(1);
        assertThat(new CrmDomain().getArbitraryConfigurators()).isEmpty();
    }
}
