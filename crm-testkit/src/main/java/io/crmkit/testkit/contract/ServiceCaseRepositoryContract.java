package io.crmkit.testkit.contract;

import io.crmkit.core.ServiceCaseId;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.port.ServiceCaseRepository;
import java.util.List;

/**
 * The contract of {@link ServiceCaseRepository}, for a host's repository test to implement (jqwik's
 * contract-test pattern): every clause of {@link CustomerEventRepositoryContract}, with
 * {@link ServiceCase#openedAt()} as the event time.
 *
 * <p>Usage, in the host's test sources:
 * <pre>{@code
 * class JdbcServiceCaseRepositoryTest implements ServiceCaseRepositoryContract<JdbcServiceCaseRepository> {
 *     @Override
 *     public JdbcServiceCaseRepository repositoryWith(List<ServiceCase> records) {
 *         database.truncate();
 *         database.insert(records);
 *         return new JdbcServiceCaseRepository(database.dataSource());
 *     }
 * }
 * }</pre>
 *
 * @param <R> the repository type under test
 */
public interface ServiceCaseRepositoryContract<R extends ServiceCaseRepository>
        extends CustomerEventRepositoryContract<ServiceCase, ServiceCaseId, R> {

    /**
     * Creates a repository holding exactly the given service cases, and nothing else. Called once per try;
     * a database-backed test clears its tables (or creates a new schema) and inserts them.
     *
     * @param records the service cases, with distinct identifiers, possibly empty, not null
     * @return the repository under test, never null
     */
    @Override
    R repositoryWith(List<ServiceCase> records);

    /**
     * Returns {@link CustomerEventKind#serviceCases()}.
     *
     * @return the kind of service cases, never null
     */
    @Override
    default CustomerEventKind<ServiceCase, ServiceCaseId> kind() {
        return CustomerEventKind.serviceCases();
    }
}
