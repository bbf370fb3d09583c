package io.crmkit.testkit.contract;

import io.crmkit.core.CustomerId;
import io.crmkit.core.credit.Payment;
import io.crmkit.core.credit.PaymentId;
import io.crmkit.core.port.PaymentRepository;
import io.crmkit.testkit.CreditHistory;
import java.time.LocalDate;
import java.util.List;

/**
 * The contract of {@link PaymentRepository}, for a host's repository test to implement (jqwik's
 * contract-test pattern): the clauses of {@link LedgerRepositoryContract}, the day being
 * {@link Payment#paidOn()}.
 *
 * <p>Usage, in the host's test sources:
 * <pre>{@code
 * class JdbcPaymentRepositoryTest implements PaymentRepositoryContract<JdbcPaymentRepository> {
 *     @Override
 *     public JdbcPaymentRepository repositoryWith(List<Payment> records) {
 *         database.truncatePayments();
 *         database.insert(records);
 *         return new JdbcPaymentRepository(database.dataSource());
 *     }
 * }
 * }</pre>
 *
 * @param <R> the repository type under test
 */
public interface PaymentRepositoryContract<R extends PaymentRepository>
        extends LedgerRepositoryContract<Payment, PaymentId, R> {

    @Override
    default List<Payment> recordsOf(CreditHistory history) {
        return history.payments();
    }

    @Override
    default PaymentId idOf(Payment record) {
        return record.id();
    }

    @Override
    default LocalDate dayOf(Payment record) {
        return record.paidOn();
    }

    @Override
    default CustomerId customerOf(Payment record) {
        return record.customerId();
    }

    @Override
    default PaymentId id(String text) {
        return PaymentId.of(text);
    }
}
