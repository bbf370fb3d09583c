/**
 * Customer lifetime value models, financial metrics and CRM KPIs, computed on the compact
 * purchase summaries of {@link io.crmkit.core.history}. Filled by the CLV and finance/KPI work.
 */
package io.crmkit.metrics;
