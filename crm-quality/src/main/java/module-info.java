/** crmkit's customer data quality: normalisation, duplicate detection, merge plans and the quality report. */
module io.crmkit.quality {
    requires transitive io.crmkit.core;
    requires com.google.common;
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires com.ibm.icu;
    requires org.apache.commons.codec;
    requires org.apache.commons.text;

    exports io.crmkit.quality;
    exports io.crmkit.quality.match;
    exports io.crmkit.quality.merge;
    exports io.crmkit.quality.normalize;
    exports io.crmkit.quality.report;
}
