/**
 * CRM KPIs as time series over {@linkplain io.crmkit.metrics.kpi.PeriodGrid reporting periods}:
 * {@linkplain io.crmkit.metrics.kpi.OrderKpis order KPIs} (retention and churn, repeat purchase,
 * frequency, average order value, revenue growth and its split between new and existing
 * customers, new customers) with a {@linkplain io.crmkit.metrics.kpi.CohortMatrix cohort retention
 * matrix}, computed in one pass over the orders.
 *
 * <p>Every definition is an explicit option, printed with the results; ratios whose denominator
 * is zero are empty, never NaN.
 */
package io.crmkit.metrics.kpi;
