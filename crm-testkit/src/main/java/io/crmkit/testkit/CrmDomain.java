package io.crmkit.testkit;

import java.util.Collection;
import java.util.List;
import net.jqwik.api.configurators.ArbitraryConfigurator;
import net.jqwik.api.domains.DomainContext;
import net.jqwik.api.providers.ArbitraryProvider;

/**
 * A jqwik domain context with the {@link CrmArbitraries} as the arbitraries of the crm-core
 * types, for properties and containers annotated {@code @Domain(CrmDomain.class)}.
 *
 * <p>The global {@link CrmArbitraryProvider} already makes {@code @ForAll Customer} work without
 * any annotation; use this domain when a container restricts generation to explicit domains. A
 * domain context does not include jqwik's global defaults: to generate JDK types such as
 * {@code int} or {@code String} next to crm-core types, add
 * {@code @Domain(DomainContext.Global.class)} as well.
 *
 * <p>Immutable and thread-safe.
 */
public final class CrmDomain implements DomainContext {

    /**
     * Creates the domain context; jqwik does so when it meets {@code @Domain(CrmDomain.class)}.
     */
    public CrmDomain() {
    }

    /**
     * Returns the provider of the crm-core types.
     *
     * @return a list holding one {@link CrmArbitraryProvider}, never null
     */
    @Override
    public Collection<ArbitraryProvider> getArbitraryProviders() {
        return List.of(new CrmArbitraryProvider());
    }

    /**
     * Returns no configurators: the crm-core types take no configuration annotations.
     *
     * @return an empty list, never null
     */
    @Override
    public Collection<ArbitraryConfigurator> getArbitraryConfigurators() {
        return List.of();
    }
}
