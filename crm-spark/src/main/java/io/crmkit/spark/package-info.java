/**
 * crmkit inside an Apache Spark job: per-customer purchase summaries, RFM scores and segments,
 * period KPIs and BTYD lifetime-value models over a {@code Dataset<Row>} of orders, with exactly the
 * numbers of the single-machine library (ADR 0090).
 */
package io.crmkit.spark;
