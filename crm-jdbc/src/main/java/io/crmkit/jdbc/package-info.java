/**
 * A host's adapter over a relational database: JDBC implementations of every crm-core port
 * ({@link io.crmkit.jdbc.JdbcOrderRepository},
 * {@link io.crmkit.jdbc.JdbcInteractionRepository},
 * {@link io.crmkit.jdbc.JdbcServiceCaseRepository},
 * {@link io.crmkit.jdbc.JdbcSurveyResponseRepository},
 * {@link io.crmkit.jdbc.JdbcCustomerRepository}) over the schema that
 * {@link io.crmkit.jdbc.JdbcSchema} creates on H2 (embedded, the default) or PostgreSQL,
 * with a transactional writer ({@link io.crmkit.jdbc.JdbcCrmWriter}) and an idempotent
 * bulk loader of orders ({@link io.crmkit.jdbc.JdbcOrderLoader}).
 *
 * <p>Plain JDBC, no ORM: each stream holds its own connection and a server-side cursor (on
 * PostgreSQL: auto-commit off and a fetch size), is lazy, and releases everything when closed. The
 * caller must close every stream (try-with-resources). Database failures surface as
 * {@link io.crmkit.jdbc.RepositoryAccessException}, whose message names the operation and
 * the SQL state, never a stored value.
 *
 * <p>The schema is in {@code src/main/resources/io/crmkit/jdbc/migration}, one versioned
 * script per database; the decisions are in {@code docs/adr/0030-jdbc-adapter-and-postgresql-in-ci.md}.
 */
package io.crmkit.jdbc;
