/**
 * crmkit's test kit for hosts: jqwik arbitraries of every value type (registered as an
 * {@code ArbitraryProvider}), simulators, quality fixtures and the port contracts a host's
 * repositories must pass. The contract package is open: the host's test engine runs its methods.
 */
module io.crmkit.testkit {
    requires transitive io.crmkit.core;
    requires transitive net.jqwik.api;
    requires transitive org.assertj.core;
    requires org.apache.commons.rng.api;
    requires org.apache.commons.rng.simple;
    requires org.apache.commons.rng.sampling;

    exports io.crmkit.testkit;
    exports io.crmkit.testkit.contract;
    exports io.crmkit.testkit.quality;
    exports io.crmkit.testkit.simulation;

    opens io.crmkit.testkit.contract;

    provides net.jqwik.api.providers.ArbitraryProvider with io.crmkit.testkit.CrmArbitraryProvider;
}
