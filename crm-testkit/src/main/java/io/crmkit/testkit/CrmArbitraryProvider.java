package io.crmkit.testkit;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;

/**
 * Makes the {@link CrmArbitraries} the default arbitraries of the crm-core types, so that a
 * property can declare {@code @ForAll Customer customer} or {@code @ForAll List<Order> orders}
 * without a provider method.
 *
 * <p>Registered for jqwik's global context through
 * {@code META-INF/services/net.jqwik.api.providers.ArbitraryProvider}: having crm-testkit on the
 * test class path is enough. It is also part of {@link CrmDomain} for properties that use
 * {@code @Domain(CrmDomain.class)}.
 *
 * <p>Provides for exactly these types (not for their subtypes, and not for JDK types such as
 * {@link java.util.Currency} or {@link java.time.Instant}): every identifier,
 * {@code Money}, {@code TimeRange}, every contact point and {@code ContactPoint} itself,
 * {@code PersonProfile}, {@code CompanyProfile}, {@code Acquisition}, {@code ConsentRecord},
 * {@code Consent}, {@code Customer}, {@code OrderStatus}, {@code OrderLine}, {@code Order},
 * {@code Interaction}, {@code CaseStatus}, {@code SlaTargets}, {@code Resolution},
 * {@code ServiceCase}, {@code SurveyScale}, {@code SurveyScore}, {@code SurveyResponse}, {@code Invoice},
 * {@code Payment} and {@code CreditTerms}. The
 * crm-core enums need no provider: jqwik generates every enum by default. Its priority is jqwik's
 * default (0), so that a host's own provider with a higher priority wins.
 *
 * <p>Immutable and thread-safe.
 */
public final class CrmArbitraryProvider implements ArbitraryProvider {

    private final Map<Class<?>, Supplier<Arbitrary<?>>> byType = CrmArbitraries.byType();

    /**
     * Creates the provider; jqwik does so through {@link java.util.ServiceLoader}.
     */
    public CrmArbitraryProvider() {
    }

    /**
     * Returns whether the type is one of the crm-core types listed in the class description.
     *
     * @param targetType the type of the parameter to generate, not null
     * @return true if this provider generates it
     */
    @Override
    public boolean canProvideFor(TypeUsage targetType) {
        return byType.containsKey(targetType.getRawType());
    }

    /**
     * Returns the {@link CrmArbitraries} arbitrary for the type.
     *
     * @param targetType the type of the parameter to generate, one for which
     *     {@link #canProvideFor(TypeUsage)} is true, not null
     * @param subtypeProvider unused: the crm-core types have no type parameters
     * @return a set holding the one arbitrary, never null
     */
    @Override
    public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
        Supplier<Arbitrary<?>> factory = byType.get(targetType.getRawType());
        return factory == null ? Set.of() : Set.of(factory.get());
    }
}
