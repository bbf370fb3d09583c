package io.crmkit.jdbc;

import io.crmkit.core.CustomerId;
import io.crmkit.core.InteractionId;
import io.crmkit.core.TimeRange;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.port.InteractionRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@link InteractionRepository} over the {@code crm_interaction} table of {@link JdbcSchema}: the identifier, customer and
 * {@code occurred_at} columns serve the queries, and the record is stored whole as a crm-jackson JSON
 * document (type JSON on PostgreSQL: JSONB refuses the NUL characters that a text value may hold). Streams are lazy, ordered by {@code (occurred_at, interaction_id)}, read through a
 * cursor {@value JdbcOrderRepository#DEFAULT_FETCH_SIZE} rows at a time, and each holds its own
 * connection until closed: <strong>close every stream</strong>. Failures raise
 * {@link RepositoryAccessException}.
 *
 * <p>Thread-safe (when the data source is).
 */
public final class JdbcInteractionRepository implements InteractionRepository {

    private final DocumentTable<Interaction> table;

    /**
     * Creates a repository.
     *
     * @param dataSource the database, migrated by {@link JdbcSchema}, not null
     */
    public JdbcInteractionRepository(DataSource dataSource) {
        this.table = new DocumentTable<>(dataSource, JdbcOrderRepository.DEFAULT_FETCH_SIZE, "crm_interaction", "interaction_id",
                "occurred_at", Interaction.class, "interaction");
    }

    @Override
    public Optional<Interaction> findById(InteractionId id) {
        Objects.requireNonNull(id, "id");
        return table.findById(id.value());
    }

    @Override
    public Stream<Interaction> stream(TimeRange range) {
        Objects.requireNonNull(range, "range");
        return table.stream(range, null);
    }

    @Override
    public Stream<Interaction> streamForCustomer(CustomerId customerId, TimeRange range) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(range, "range");
        return table.stream(range, customerId);
    }
}
