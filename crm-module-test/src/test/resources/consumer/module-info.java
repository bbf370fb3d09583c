module consumer {
    requires io.crmkit.segmentation;
    requires io.crmkit.jackson;
    requires io.crmkit.quality;
    requires io.crmkit.testkit;
    requires io.crmkit.jdbc;

    uses net.jqwik.api.providers.ArbitraryProvider;
}
