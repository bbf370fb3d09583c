/**
 * crmkit's domain model: value types, the read-only ports with in-memory adapters, and the
 * purchase-history bridge every analytic reads. {@code io.crmkit.core.internal} (argument checks,
 * masking, dense customer indexes) is shared with crmkit's own modules only.
 */
module io.crmkit.core {
    requires com.google.common;

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

    exports io.crmkit.core.internal to
            io.crmkit.metrics,
            io.crmkit.segmentation,
            io.crmkit.quality,
            io.crmkit.testkit,
            io.crmkit.jdbc;
}
