package io.crmkit.jdbc;

import io.crmkit.core.CustomerId;
import io.crmkit.core.MembershipId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.port.MembershipRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@link MembershipRepository} over the {@code crm_membership} table of {@link JdbcSchema}: the identifier, customer and
 * {@code joined_at} columns serve the queries, and the record is stored whole as a crm-jackson JSON
 * document (type JSON on PostgreSQL: JSONB refuses the NUL characters that a text value may hold). Streams are lazy, ordered by {@code (joined_at, membership_id)}, read through a
 * cursor {@value JdbcOrderRepository#DEFAULT_FETCH_SIZE} rows at a time, and each holds its own
 * connection until closed: <strong>close every stream</strong>. Failures raise
 * {@link RepositoryAccessException}.
 *
 * <p>Thread-safe (when the data source is).
 */
public final class JdbcMembershipRepository implements MembershipRepository {

    private final DocumentTable<Membership> table;

    /**
     * Creates a repository.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     */
    public JdbcMembershipRepository(DataSource dataSource) {
        this.table = new DocumentTable<>(dataSource, JdbcOrderRepository.DEFAULT_FETCH_SIZE, "crm_membership", "membership_id",
                "joined_at", Membership.class, "membership");
    }

    @Override
    public Optional<Membership> findById(MembershipId id) {
        Objects.requireNonNull(id, "id");
        return table.findById(id.value());
    }

    @Override
    public Stream<Membership> stream(TimeRange range) {
        Objects.requireNonNull(range, "range");
        return table.stream(range, null);
    }

    @Override
    public Stream<Membership> streamForCustomer(CustomerId customerId, TimeRange range) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(range, "range");
        return table.stream(range, customerId);
    }
}
