package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Migration by recorded versions: a database with a gap in its history gets the missing script. */
class JdbcSchemaTest {

    @Test
    void aDatabaseAtVersionsOneAndThreeReceivesVersionTwo() throws SQLException {
        DataSource ds = JdbcDialect.dataSource("jdbc:h2:mem:crmkit_schema_gap;DB_CLOSE_DELAY=-1");
        assertThat(JdbcSchema.migrate(ds, List.of("V1__crm_tables.sql", "V3__credit_tables.sql"))).isEqualTo(2);
        assertThat(versions(ds)).containsExactly(1, 3);

        assertThat(JdbcSchema.migrate(ds)).isEqualTo(1);
        assertThat(versions(ds)).containsExactly(1, 2, 3);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM crm_points_transaction")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        assertThat(JdbcSchema.migrate(ds)).isZero();
    }

    private static List<Integer> versions(DataSource ds) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM crmkit_schema_version ORDER BY version")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }
}
