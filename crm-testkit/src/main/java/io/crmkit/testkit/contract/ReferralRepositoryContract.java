package io.crmkit.testkit.contract;

import io.crmkit.core.ReferralId;
import io.crmkit.core.loyalty.Referral;
import io.crmkit.core.port.ReferralRepository;
import java.util.List;

/**
 * The contract of {@link ReferralRepository}, for a host's repository test to implement (jqwik's
 * contract-test pattern): every clause of {@link CustomerEventRepositoryContract}, with
 * {@link Referral#referredAt()} as the event time.
 *
 * <p>Usage, in the host's test sources:
 * <pre>{@code
 * class JdbcReferralRepositoryTest implements ReferralRepositoryContract<JdbcReferralRepository> {
 *     @Override
 *     public JdbcReferralRepository repositoryWith(List<Referral> records) {
 *         database.truncate();
 *         database.insert(records);
 *         return new JdbcReferralRepository(database.dataSource());
 *     }
 * }
 * }</pre>
 *
 * @param <R> the repository type under test
 */
public interface ReferralRepositoryContract<R extends ReferralRepository>
        extends CustomerEventRepositoryContract<Referral, ReferralId, R> {

    /**
     * Creates a repository holding exactly the given referrals, and nothing else. Called once per try;
     * a database-backed test clears its tables (or creates a new schema) and inserts them.
     *
     * @param records the referrals, with distinct identifiers, possibly empty, not null
     * @return the repository under test, never null
     */
    @Override
    R repositoryWith(List<Referral> records);

    /**
     * Returns {@link CustomerEventKind#referrals()}.
     *
     * @return the kind of referrals, never null
     */
    @Override
    default CustomerEventKind<Referral, ReferralId> kind() {
        return CustomerEventKind.referrals();
    }
}
