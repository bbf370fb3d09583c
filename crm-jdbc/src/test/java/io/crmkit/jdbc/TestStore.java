package io.crmkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * A migrated test database behind a connection pool (as a host would have it: the adapter opens a
 * connection per call and per stream), and a writer for it. Public in the test jar for the CLI's
 * tests of loading into a database.
 */
public final class TestStore {

    private final DataSource dataSource;
    private final JdbcCrmWriter writer;

    private TestStore(DataSource unpooled) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(unpooled);
        config.setMaximumPoolSize(8);
        config.setPoolName("crmkit-test");
        this.dataSource = new HikariDataSource(config);
        this.writer = new JdbcCrmWriter(dataSource);
    }

    /** A new in-memory H2 database (kept until the JVM exits), migrated. */
    public static TestStore h2(String name) {
        DataSource ds = JdbcDialect.dataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        JdbcSchema.migrate(ds);
        return new TestStore(ds);
    }

    /** A new database on the tests' PostgreSQL server, migrated; aborts the test when there is none. */
    public static TestStore postgres(String name) {
        return new TestStore(PostgresServer.require().freshDatabase(name));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Empties every table and returns the writer. */
    public JdbcCrmWriter emptied() {
        writer.deleteAll();
        return writer;
    }

    public JdbcCrmWriter writer() {
        return writer;
    }
}
