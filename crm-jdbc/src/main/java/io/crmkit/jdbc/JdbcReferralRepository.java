package io.crmkit.jdbc;

import io.crmkit.core.CustomerId;
import io.crmkit.core.ReferralId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.loyalty.Referral;
import io.crmkit.core.port.ReferralRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@link ReferralRepository} over the {@code crm_referral} table of {@link JdbcSchema}: the identifier, customer (the referred
 * customer) and
 * {@code referred_at} columns serve the queries, and the record is stored whole as a crm-jackson JSON
 * document (type JSON on PostgreSQL: JSONB refuses the NUL characters that a text value may hold). Streams are lazy, ordered by {@code (referred_at, referral_id)}, read through a
 * cursor {@value JdbcOrderRepository#DEFAULT_FETCH_SIZE} rows at a time, and each holds its own
 * connection until closed: <strong>close every stream</strong>. Failures raise
 * {@link RepositoryAccessException}.
 *
 * <p>Thread-safe (when the data source is).
 */
public final class JdbcReferralRepository implements ReferralRepository {

    private final DocumentTable<Referral> table;

    /**
     * Creates a repository.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     */
    public JdbcReferralRepository(DataSource dataSource) {
        this.table = new DocumentTable<>(dataSource, JdbcOrderRepository.DEFAULT_FETCH_SIZE, "crm_referral", "referral_id",
                "referred_at", Referral.class, "referral");
    }

    @Override
    public Optional<Referral> findById(ReferralId id) {
        Objects.requireNonNull(id, "id");
        return table.findById(id.value());
    }

    @Override
    public Stream<Referral> stream(TimeRange range) {
        Objects.requireNonNull(range, "range");
        return table.stream(range, null);
    }

    @Override
    public Stream<Referral> streamForCustomer(CustomerId customerId, TimeRange range) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(range, "range");
        return table.stream(range, customerId);
    }
}
