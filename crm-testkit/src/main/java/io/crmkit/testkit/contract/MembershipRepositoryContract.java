package io.crmkit.testkit.contract;

import io.crmkit.core.MembershipId;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.port.MembershipRepository;
import java.util.List;

/**
 * The contract of {@link MembershipRepository}, for a host's repository test to implement (jqwik's
 * contract-test pattern): every clause of {@link CustomerEventRepositoryContract}, with
 * {@link Membership#joinedAt()} as the event time.
 *
 * <p>Usage, in the host's test sources:
 * <pre>{@code
 * class JdbcMembershipRepositoryTest implements MembershipRepositoryContract<JdbcMembershipRepository> {
 *     @Override
 *     public JdbcMembershipRepository repositoryWith(List<Membership> records) {
 *         database.truncate();
 *         database.insert(records);
 *         return new JdbcMembershipRepository(database.dataSource());
 *     }
 * }
 * }</pre>
 *
 * @param <R> the repository type under test
 */
public interface MembershipRepositoryContract<R extends MembershipRepository>
        extends CustomerEventRepositoryContract<Membership, MembershipId, R> {

    /**
     * Creates a repository holding exactly the given memberships, and nothing else. Called once per try;
     * a database-backed test clears its tables (or creates a new schema) and inserts them.
     *
     * @param records the memberships, with distinct identifiers, possibly empty, not null
     * @return the repository under test, never null
     */
    @Override
    R repositoryWith(List<Membership> records);

    /**
     * Returns {@link CustomerEventKind#memberships()}.
     *
     * @return the kind of memberships, never null
     */
    @Override
    default CustomerEventKind<Membership, MembershipId> kind() {
        return CustomerEventKind.memberships();
    }
}
