package io.crmkit.core.port;

import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceId;

/**
 * The storage port for invoices and credit notes, dated by {@link Invoice#issued()}; the contract
 * is that of {@link LedgerRepository}. Streams return every status (void included).
 *
 * <p>Implementations must be safe for use by multiple threads.
 */
public interface InvoiceRepository extends LedgerRepository<Invoice, InvoiceId> {
}
