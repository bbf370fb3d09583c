package io.crmkit.jdbc;

import io.crmkit.core.CustomerId;
import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.port.ServiceCaseRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@link ServiceCaseRepository} over the {@code crm_service_case} table of {@link JdbcSchema}: the identifier, customer and
 * {@code opened_at} columns serve the queries, and the record is stored whole as a crm-jackson JSON
 * document (type JSON on PostgreSQL: JSONB refuses the NUL characters that a text value may hold). Streams are lazy, ordered by {@code (opened_at, service_case_id)}, read through a
 * cursor {@value JdbcOrderRepository#DEFAULT_FETCH_SIZE} rows at a time, and each holds its own
 * connection until closed: <strong>close every stream</strong>. Failures raise
 * {@link RepositoryAccessException}.
 *
 * <p>Thread-safe (when the data source is).
 */
public final class JdbcServiceCaseRepository implements ServiceCaseRepository {

    private final DocumentTable<ServiceCase> table;

    /**
     * Creates a repository.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     */
    public JdbcServiceCaseRepository(DataSource dataSource) {
        this.table = new DocumentTable<>(dataSource, JdbcOrderRepository.DEFAULT_FETCH_SIZE, "crm_service_case", "service_case_id",
                "opened_at", ServiceCase.class, "service case");
    }

    @Override
    public Optional<ServiceCase> findById(ServiceCaseId id) {
        Objects.requireNonNull(id, "id");
        return table.findById(id.value());
    }

    @Override
    public Stream<ServiceCase> stream(TimeRange range) {
        Objects.requireNonNull(range, "range");
        return table.stream(range, null);
    }

    @Override
    public Stream<ServiceCase> streamForCustomer(CustomerId customerId, TimeRange range) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(range, "range");
        return table.stream(range, customerId);
    }
}
