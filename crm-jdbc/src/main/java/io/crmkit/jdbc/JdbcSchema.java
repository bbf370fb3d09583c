package io.crmkit.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the adapter's schema: runs the versioned migration scripts
 * ({@code jdbc/migration/<database>/V<n>__<name>.sql} on the class path) that a database has not
 * run yet, each in one transaction, and records them in {@code crmkit_schema_version}. A script is
 * skipped only if its own version is recorded there, so a database with a gap in its history (for
 * example versions 1 and 3) still receives the missing script. Running it again does nothing; a
 * database at a newer version than this code knows is refused.
 *
 * <p>A host with its own migration tool (Flyway, Liquibase) can run the same scripts with it
 * instead. Thread-safe; concurrent migrations of one PostgreSQL database are serialised by a lock
 * on the version table.
 */
public final class JdbcSchema {

    /** The schema version this code reads and writes. */
    public static final int CURRENT_VERSION = 3;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSchema.class);

    /** The scripts in version order; each one's version is the number after its {@code V}. */
    private static final List<String> SCRIPTS = List.of("V1__crm_tables.sql", "V2__loyalty_tables.sql",
            "V3__credit_tables.sql");

    private JdbcSchema() {
    }

    /**
     * Brings a database to {@link #CURRENT_VERSION}.
     *
     * @param dataSource the database, not null
     * @return the number of scripts run (0 when the schema was current)
     * @throws RepositoryAccessException if a script fails (its transaction is rolled back) or the
     *     database is at a newer version
     */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, SCRIPTS);
    }

    /**
     * Runs the given scripts (a subset of {@link #SCRIPTS} in version order) that the database has
     * not run yet; package-private so that tests can build a database with a gap in its history.
     */
    static int migrate(DataSource dataSource, List<String> scripts) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(scripts, "scripts");
        synchronized (JdbcSchema.class) {
            try (Connection c = dataSource.getConnection()) {
                JdbcDialect dialect = JdbcDialect.of(c);
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS crmkit_schema_version (version INTEGER PRIMARY KEY,"
                            + " script VARCHAR(200) NOT NULL, installed_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                }
                int run = 0;
                for (String script : scripts) {
                    if (apply(c, dialect, version(script), script)) {
                        run++;
                    }
                }
                return run;
            } catch (SQLException e) {
                throw new RepositoryAccessException("migrating the crmkit schema", e);
            }
        }
    }

    /** The version of a script named {@code V<n>__<name>.sql}. */
    static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    /** Runs one script in a transaction unless the database has it; returns whether it ran. */
    private static boolean apply(Connection c, JdbcDialect dialect, int version, String script) throws SQLException {
        c.setAutoCommit(false);
        try {
            if (dialect == JdbcDialect.POSTGRESQL) {
                try (Statement s = c.createStatement()) {
                    s.execute("LOCK TABLE crmkit_schema_version IN EXCLUSIVE MODE");
                }
            }
            int installed = installedVersion(c);
            if (installed > CURRENT_VERSION) {
                throw new RepositoryAccessException("the database has crmkit schema version " + installed
                        + ", newer than this code's " + CURRENT_VERSION + ": upgrade crmkit", null);
            }
            // Skip a script only if its own version is recorded: a database migrated by a branch that
            // had V1 and V3 but not V2 ({1, 3}) must still receive V2.
            if (hasVersion(c, version)) {
                c.rollback();
                return false;
            }
            try (Statement s = c.createStatement()) {
                for (String sql : statements(read(dialect, script))) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO crmkit_schema_version (version, script, installed_at) VALUES (?, ?, ?)")) {
                p.setInt(1, version);
                p.setString(2, script);
                p.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                p.executeUpdate();
            }
            c.commit();
            LOG.info("crmkit schema migrated to version {} ({})", version, script);
            return true;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static boolean hasVersion(Connection c, int version) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM crmkit_schema_version WHERE version = ?")) {
            p.setInt(1, version);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int installedVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM crmkit_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String read(JdbcDialect dialect, String script) {
        String path = "migration/" + dialect.scriptFolder() + "/" + script;
        try (InputStream in = JdbcSchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script " + path, e);
        }
    }

    /** Splits a script into statements: {@code --} comments dropped, statements end with {@code ;}. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (l.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
