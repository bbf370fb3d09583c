/**
 * Quick-start programs a host developer can copy: each class is a small runnable {@code main}
 * over a simulated shop ({@link io.crmkit.examples.ShopData}, crm-testkit's seeded BG/NBD
 * customer base) that prints a short readable result.
 *
 * <ul>
 *   <li>{@link io.crmkit.examples.HostRepositoryExample}: the host's own storage behind crmkit's
 *       ports (here the JDBC adapter on an embedded H2 database), then purchase summaries;</li>
 *   <li>{@link io.crmkit.examples.RfmSegmentsExample}: RFM scores, a segment map and the segment table;</li>
 *   <li>{@link io.crmkit.examples.ClvExample}: BG/NBD and Gamma-Gamma, P(alive) and lifetime value;</li>
 *   <li>{@link io.crmkit.examples.ChurnListExample}: the fitted churn probability with its reasons;</li>
 *   <li>{@link io.crmkit.examples.KpiExample}: monthly order KPIs and the cohort retention matrix;</li>
 *   <li>{@link io.crmkit.examples.FinanceExample}: NPV and IRR of a campaign's cash flows;</li>
 *   <li>{@link io.crmkit.examples.LoyaltyExample}: the loyalty points ledger and its liability;</li>
 *   <li>{@link io.crmkit.examples.ReceivablesExample}: payment allocation, ageing and DSO;</li>
 *   <li>{@link io.crmkit.examples.DuplicatesExample}: duplicate customer records with their reasons.</li>
 * </ul>
 *
 * <p>The regions between {@code // tour:NAME begin} and {@code // tour:NAME end} are the code
 * blocks of the README's "API tour"; a test keeps them identical. Not published: copy what you need.
 */
package io.crmkit.examples;
