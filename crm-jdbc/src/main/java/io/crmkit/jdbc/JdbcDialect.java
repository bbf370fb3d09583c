package io.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The databases the JDBC adapter supports, and what differs between them: the migration scripts,
 * how a JSON document is bound, and how a cursor streams.
 *
 * <p>Immutable and thread-safe.
 */
public enum JdbcDialect {

    /** H2 2.x, embedded (in memory or in a file): the default, nothing to install. */
    H2("h2", "?"),

    /** PostgreSQL 12 or later. */
    POSTGRESQL("postgresql", "CAST(? AS JSON)");

    private final String scriptFolder;
    private final String documentParameter;

    JdbcDialect(String scriptFolder, String documentParameter) {
        this.scriptFolder = scriptFolder;
        this.documentParameter = documentParameter;
    }

    /**
     * Returns the dialect of a JDBC URL.
     *
     * @param url a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL, not null
     * @return the dialect, never null
     * @throws IllegalArgumentException for another database (the URL itself is not repeated: it may
     *     hold a password)
     */
    public static JdbcDialect ofUrl(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        int end = u.indexOf(':', 5);
        throw new IllegalArgumentException("unsupported JDBC URL: the adapter supports jdbc:h2: and jdbc:postgresql:"
                + " URLs, not " + (u.startsWith("jdbc:") && end > 0 ? u.substring(0, end + 1) : "this one"));
    }

    /**
     * Returns the dialect of an open connection, from its database product name.
     *
     * @param connection the connection, not null
     * @return the dialect, never null
     * @throws SQLException if the metadata cannot be read
     * @throws IllegalArgumentException for another database
     */
    public static JdbcDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database: " + product + " (H2 or PostgreSQL)");
    }

    /**
     * Returns a data source for a JDBC URL of a supported database, opening each connection through
     * {@link java.sql.DriverManager} (so the driver, H2 or PostgreSQL, must be on the class path or
     * module path; crm-jdbc depends on neither). Credentials go in the URL ({@code ?user=...&password=...}
     * for PostgreSQL, {@code ;USER=...} for H2). Hosts with a connection pool pass its data source to
     * the repositories instead.
     *
     * @param url the URL, not null
     * @return a data source opening a new connection on each request, never null
     * @throws IllegalArgumentException if the URL is not an H2 or PostgreSQL URL
     */
    public static DataSource dataSource(String url) {
        ofUrl(url);
        return new UrlDataSource(url);
    }

    /** The folder of this database's migration scripts, under {@code jdbc/migration}. */
    String scriptFolder() {
        return scriptFolder;
    }

    /** The SQL of a parameter holding a JSON document (text). */
    String documentParameter() {
        return documentParameter;
    }
}
