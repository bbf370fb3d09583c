package io.crmkit.jdbc;

/** The port contracts on the embedded database (H2, in memory). */
class H2RepositoryContractTest extends RepositoryContracts {

    private static TestStore store;

    @Override
    TestStore store() {
        synchronized (H2RepositoryContractTest.class) {
            if (store == null) {
                store = TestStore.h2("contracts");
            }
            return store;
        }
    }
}
