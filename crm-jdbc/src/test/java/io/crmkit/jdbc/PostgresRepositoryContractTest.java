package io.crmkit.jdbc;

import net.jqwik.api.lifecycle.AddLifecycleHook;

/** The port contracts on PostgreSQL, started by the tests (skipped with the reason when it cannot start). */
@AddLifecycleHook(PostgresAvailable.class)
class PostgresRepositoryContractTest extends RepositoryContracts {

    private static TestStore store;

    @Override
    TestStore store() {
        synchronized (PostgresRepositoryContractTest.class) {
            if (store == null) {
                store = TestStore.postgres("crmkit_contracts");
            }
            return store;
        }
    }
}
