/**
 * The storage ports a host implements over its own database: one small read interface per
 * aggregate ({@link io.crmkit.core.port.CustomerRepository},
 * {@link io.crmkit.core.port.OrderRepository}, {@link io.crmkit.core.port.InteractionRepository},
 * {@link io.crmkit.core.port.ServiceCaseRepository},
 * {@link io.crmkit.core.port.SurveyResponseRepository}), for loyalty programmes
 * {@link io.crmkit.core.port.PointsTransactionRepository},
 * {@link io.crmkit.core.port.MembershipRepository} and {@link io.crmkit.core.port.ReferralRepository},
 * and for customer credit the ledger ports
 * {@link io.crmkit.core.port.InvoiceRepository} and {@link io.crmkit.core.port.PaymentRepository}
 * (by calendar day, {@link io.crmkit.core.port.LedgerRepository}) and
 * {@link io.crmkit.core.port.CreditTermsRepository}.
 *
 * <p>The ports are read-only: crmkit analyses the host's data and never writes it. Their contract
 * (no nulls, half-open ranges, stated stream order, caller closes streams) is written on
 * {@link io.crmkit.core.port.CustomerEventRepository} and checked by the contract tests in
 * crm-testkit, which a host's own adapter test implements. In-memory implementations for tests and
 * small applications are in {@link io.crmkit.core.port.memory}.
 */
package io.crmkit.core.port;
