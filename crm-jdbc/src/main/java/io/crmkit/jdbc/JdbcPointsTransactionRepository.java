package io.crmkit.jdbc;

import io.crmkit.core.CustomerId;
import io.crmkit.core.PointsTransactionId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.port.PointsTransactionRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@link PointsTransactionRepository} over the {@code crm_points_transaction} table of {@link JdbcSchema}: the identifier, customer and
 * {@code occurred_at} columns serve the queries, and the record is stored whole as a crm-jackson JSON
 * document (type JSON on PostgreSQL: JSONB refuses the NUL characters that a text value may hold). Streams are lazy, ordered by {@code (occurred_at, points_transaction_id)}, read through a
 * cursor {@value JdbcOrderRepository#DEFAULT_FETCH_SIZE} rows at a time, and each holds its own
 * connection until closed: <strong>close every stream</strong>. Failures raise
 * {@link RepositoryAccessException}.
 *
 * <p>Thread-safe (when the data source is).
 */
public final class JdbcPointsTransactionRepository implements PointsTransactionRepository {

    private final DocumentTable<PointsTransaction> table;

    /**
     * Creates a repository.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     */
    public JdbcPointsTransactionRepository(DataSource dataSource) {
        this.table = new DocumentTable<>(dataSource, JdbcOrderRepository.DEFAULT_FETCH_SIZE, "crm_points_transaction", "points_transaction_id",
                "occurred_at", PointsTransaction.class, "points transaction");
    }

    @Override
    public Optional<PointsTransaction> findById(PointsTransactionId id) {
        Objects.requireNonNull(id, "id");
        return table.findById(id.value());
    }

    @Override
    public Stream<PointsTransaction> stream(TimeRange range) {
        Objects.requireNonNull(range, "range");
        return table.stream(range, null);
    }

    @Override
    public Stream<PointsTransaction> streamForCustomer(CustomerId customerId, TimeRange range) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(range, "range");
        return table.stream(range, customerId);
    }
}
