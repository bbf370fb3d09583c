/**
 * Customer credit: {@linkplain io.crmkit.core.credit.Invoice invoices} (with void and credit-note
 * status and write-offs), {@linkplain io.crmkit.core.credit.Payment payments} and
 * {@linkplain io.crmkit.core.credit.CreditTerms credit terms}. Allocation, ageing and rating live in
 * {@code io.crmkit.metrics.credit}.
 */
package io.crmkit.core.credit;
