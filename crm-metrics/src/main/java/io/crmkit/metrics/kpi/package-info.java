/**
 * CRM KPIs as time series over {@linkplain io.crmkit.metrics.kpi.PeriodGrid reporting periods}:
 * {@linkplain io.crmkit.metrics.kpi.OrderKpis order KPIs} (retention and churn, repeat purchase,
 * frequency, average order value, revenue growth and its split between new and existing
 * customers, new customers) with a {@linkplain io.crmkit.metrics.kpi.CohortMatrix cohort retention
 * matrix}, computed in one pass over the orders; {@linkplain io.crmkit.metrics.kpi.SurveyKpis
 * satisfaction} (NPS with its margin of error, CSAT top-2-box, CES, response rate);
 * {@linkplain io.crmkit.metrics.kpi.ServiceKpis service quality} (response and resolution time
 * percentiles, SLA compliance and breaches, backlog, complaints); and
 * {@linkplain io.crmkit.metrics.kpi.LeadConversion lead-to-customer conversion}.
 *
 * <p>Every definition is an explicit option, printed with the results; ratios whose denominator
 * is zero are empty, never NaN.
 */
package io.crmkit.metrics.kpi;
