/** crmkit's segmentation: RFM, segment maps, value tiers, clustering and the customer lifecycle. */
module io.crmkit.segmentation {
    requires transitive io.crmkit.core;
    requires transitive io.crmkit.metrics;
    requires com.google.common;
    requires org.apache.commons.numbers.gamma;
    requires org.apache.commons.rng.api;
    requires org.apache.commons.rng.simple;

    exports io.crmkit.segmentation;
    exports io.crmkit.segmentation.cluster;
    exports io.crmkit.segmentation.lifecycle;
    exports io.crmkit.segmentation.rfm;
    exports io.crmkit.segmentation.segment;
    exports io.crmkit.segmentation.value;
}
