package io.crmkit.testkit.contract;

import io.crmkit.core.InteractionId;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.port.InteractionRepository;
import java.util.List;

/**
 * The contract of {@link InteractionRepository}, for a host's repository test to implement (jqwik's
 * contract-test pattern): every clause of {@link CustomerEventRepositoryContract}, with
 * {@link Interaction#occurredAt()} as the event time.
 *
 * <p>Usage, in the host's test sources:
 * <pre>{@code
 * class JdbcInteractionRepositoryTest implements InteractionRepositoryContract<JdbcInteractionRepository> {
 *     @Override
 *     public JdbcInteractionRepository repositoryWith(List<Interaction> records) {
 *         database.truncate();
 *         database.insert(records);
 *         return new JdbcInteractionRepository(database.dataSource());
 *     }
 * }
 * }</pre>
 *
 * @param <R> the repository type under test
 */
public interface InteractionRepositoryContract<R extends InteractionRepository>
        extends CustomerEventRepositoryContract<Interaction, InteractionId, R> {

    /**
     * Creates a repository holding exactly the given interactions, and nothing else. Called once per try;
     * a database-backed test clears its tables (or creates a new schema) and inserts them.
     *
     * @param records the interactions, with distinct identifiers, possibly empty, not null
     * @return the repository under test, never null
     */
    @Override
    R repositoryWith(List<Interaction> records);

    /**
     * Returns {@link CustomerEventKind#interactions()}.
     *
     * @return the kind of interactions, never null
     */
    @Override
    default CustomerEventKind<Interaction, InteractionId> kind() {
        return CustomerEventKind.interactions();
    }
}
