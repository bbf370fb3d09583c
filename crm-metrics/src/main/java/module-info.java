/**
 * crmkit's metrics: probabilistic lifetime value, finance, receivables and credit, CRM KPIs and the
 * loyalty ledger.
 * {@code io.crmkit.metrics.internal} (logistic regression, ranking) is shared with crm-segmentation.
 */
module io.crmkit.metrics {
    requires transitive io.crmkit.core;
    requires com.google.common;
    requires org.apache.commons.numbers.gamma;

    exports io.crmkit.metrics.clv;
    exports io.crmkit.metrics.credit;
    exports io.crmkit.metrics.finance;
    exports io.crmkit.metrics.kpi;
    exports io.crmkit.metrics.loyalty;

    exports io.crmkit.metrics.internal to io.crmkit.segmentation;
}
