package io.crmkit.testkit.contract;

import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.port.PointsTransactionRepository;
import java.util.List;

/**
 * The contract of {@link PointsTransactionRepository}, for a host's repository test to implement (jqwik's
 * contract-test pattern): every clause of {@link CustomerEventRepositoryContract}, with
 * {@link PointsTransaction#occurredAt()} as the event time.
 *
 * <p>Usage, in the host's test sources:
 * <pre>{@code
 * class JdbcPointsTransactionRepositoryTest implements PointsTransactionRepositoryContract<JdbcPointsTransactionRepository> {
 *     @Override
 *     public JdbcPointsTransactionRepository repositoryWith(List<PointsTransaction> records) {
 *         database.truncate();
 *         database.insert(records);
 *         return new JdbcPointsTransactionRepository(database.dataSource());
 *     }
 * }
 * }</pre>
 *
 * @param <R> the repository type under test
 */
public interface PointsTransactionRepositoryContract<R extends PointsTransactionRepository>
        extends CustomerEventRepositoryContract<PointsTransaction, PointsTransactionId, R> {

    /**
     * Creates a repository holding exactly the given points transactions, and nothing else. Called once per try;
     * a database-backed test clears its tables (or creates a new schema) and inserts them.
     *
     * @param records the points transactions, with distinct identifiers, possibly empty, not null
     * @return the repository under test, never null
     */
    @Override
    R repositoryWith(List<PointsTransaction> records);

    /**
     * Returns {@link CustomerEventKind#pointsTransactions()}.
     *
     * @return the kind of points transactions, never null
     */
    @Override
    default CustomerEventKind<PointsTransaction, PointsTransactionId> kind() {
        return CustomerEventKind.pointsTransactions();
    }
}
