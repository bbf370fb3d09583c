/**
 * crmkit's JDBC adapter: every port over H2 or PostgreSQL, the schema and its migrations, and the
 * bulk order loader. The driver is the host's: PostgreSQL's is needed at run time only for the
 * loader's {@code COPY} path.
 */
module io.crmkit.jdbc {
    requires transitive io.crmkit.core;
    requires transitive java.sql;
    requires io.crmkit.jackson;
    requires com.fasterxml.jackson.databind;
    requires com.google.common;
    requires org.slf4j;
    requires static org.postgresql.jdbc;

    exports io.crmkit.jdbc;
}
