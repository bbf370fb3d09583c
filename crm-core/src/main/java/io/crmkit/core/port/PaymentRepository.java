package io.crmkit.core.port;

import io.crmkit.core.credit.Payment;
import io.crmkit.core.credit.PaymentId;

/**
 * The storage port for customer payments, dated by {@link Payment#paidOn()}; the contract is that
 * of {@link LedgerRepository}.
 *
 * <p>Implementations must be safe for use by multiple threads.
 */
public interface PaymentRepository extends LedgerRepository<Payment, PaymentId> {
}
