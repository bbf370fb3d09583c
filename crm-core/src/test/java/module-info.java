/**
 * The whitebox test module of crm-core (as joda-money does it): the tests are compiled into
 * {@code io.crmkit.core} itself and run on the module path, so they see package-private code and
 * prove that the main descriptor's {@code requires} are enough for the code under test. Open, so
 * that JUnit and jqwik can reach every test class by reflection.
 */
open module io.crmkit.core {
    requires com.google.common;

    requires net.jqwik.api;
    requires org.assertj.core;
    requires org.junit.jupiter.api;
    requires org.junit.jupiter.params;

    exports io.crmkit.core;
    exports io.crmkit.core.credit;
    exports io.crmkit.core.customer;
    exports io.crmkit.core.history;
    exports io.crmkit.core.interaction;
    exports io.crmkit.core.loyalty;
    exports io.crmkit.core.order;
    exports io.crmkit.core.port;
    exports io.crmkit.core.port.memory;
    exports io.crmkit.core.service;
    exports io.crmkit.core.survey;
    exports io.crmkit.core.internal;
}
