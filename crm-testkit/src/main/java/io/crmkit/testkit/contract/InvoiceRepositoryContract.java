package io.crmkit.testkit.contract;

import io.crmkit.core.CustomerId;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.port.InvoiceRepository;
import io.crmkit.testkit.CreditHistory;
import java.time.LocalDate;
import java.util.List;

/**
 * The contract of {@link InvoiceRepository}, for a host's repository test to implement (jqwik's
 * contract-test pattern): the clauses of {@link LedgerRepositoryContract}, the day being
 * {@link Invoice#issued()}.
 *
 * <p>Usage, in the host's test sources:
 * <pre>{@code
 * class JdbcInvoiceRepositoryTest implements InvoiceRepositoryContract<JdbcInvoiceRepository> {
 *     @Override
 *     public JdbcInvoiceRepository repositoryWith(List<Invoice> records) {
 *         database.truncateInvoices();
 *         database.insert(records);
 *         return new JdbcInvoiceRepository(database.dataSource());
 *     }
 * }
 * }</pre>
 *
 * @param <R> the repository type under test
 */
public interface InvoiceRepositoryContract<R extends InvoiceRepository>
        extends LedgerRepositoryContract<Invoice, InvoiceId, R> {

    @Override
    default List<Invoice> recordsOf(CreditHistory history) {
        return history.invoices();
    }

    @Override
    default InvoiceId idOf(Invoice record) {
        return record.id();
    }

    @Override
    default LocalDate dayOf(Invoice record) {
        return record.issued();
    }

    @Override
    default CustomerId customerOf(Invoice record) {
        return record.customerId();
    }

    @Override
    default InvoiceId id(String text) {
        return InvoiceId.of(text);
    }
}
