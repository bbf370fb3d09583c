package io.crmkit.jdbc;

import io.crmkit.core.CustomerId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.port.CustomerRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@link CustomerRepository} over the {@code crm_customer} table of {@link JdbcSchema}: the
 * identifier and {@code created_at} columns serve the queries, and the customer is stored whole as
 * a crm-jackson JSON document (type JSON on PostgreSQL: JSONB refuses the NUL characters that a text value may hold), personal data included: protecting the table
 * is the host's concern. Streams are lazy, read through a cursor, and each holds its own connection
 * until closed: <strong>close every stream</strong>. Failures raise
 * {@link RepositoryAccessException}.
 *
 * <p>Thread-safe (when the data source is).
 */
public final class JdbcCustomerRepository implements CustomerRepository {

    private final DocumentTable<Customer> table;

    /**
     * Creates a repository.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     */
    public JdbcCustomerRepository(DataSource dataSource) {
        this.table = new DocumentTable<>(dataSource, JdbcOrderRepository.DEFAULT_FETCH_SIZE, "crm_customer",
                "customer_id", "created_at", Customer.class, "customer");
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        Objects.requireNonNull(id, "id");
        return table.findById(id.value());
    }

    @Override
    public Stream<Customer> streamAll() {
        return table.streamAll();
    }

    @Override
    public Stream<Customer> streamCreated(TimeRange range) {
        Objects.requireNonNull(range, "range");
        return table.stream(range, null);
    }

    @Override
    public long count() {
        return table.count();
    }
}
