package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.jdbc.JdbcDialect;
import io.crmkit.jdbc.JdbcOrderRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crmkit load} and {@code crmkit summarize --jdbc} on an embedded H2 file database. */
class LoadCommandTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:" + dir.resolve("crm").toAbsolutePath();
    }

    private long storedOrders() {
        return new JdbcOrderRepository(JdbcDialect.dataSource(url())).count();
    }

    @Test
    void loadsTheUsableRowsReportsTheRejectedOnesAndSummarisesFromTheDatabase() throws IOException {
        Path file = Cli.write(dir, "orders.csv", SummarizeCommandTest.MALFORMED);

        Cli.Run load = Cli.run("load", "--input", file.toString(), "--jdbc", url());

        assertThat(load.exitCode()).as(load.toString()).isZero();
        assertThat(load.out()).as("stdout of load").isEmpty();
        // the file is streamed: rows judged against the other rows of their order (an invalid customer
        // identifier, conflicting lines) are found in the database once the file is staged, so come last
        assertThat(load.rejectedLineNumbers()).containsExactly(6, 7, 8, 9, 10, 19, 20, 11, 13, 14);
        assertThat(load.rejected().get(1)).isEqualTo("line 7: has 8 fields, the header has 7");
        assertThat(load.err()).contains("3 orders loaded in ").contains("3 inserted, 0 already stored");
        assertThat(load.lastErrLine()).startsWith("crmkit load: 10 of 15 rows rejected (");
        assertThat(storedOrders()).isEqualTo(3);

        // the same summaries as from the file, straight from the database
        Cli.Run fromFile = Cli.run("summarize", "--input", file.toString(), "--as-of", "2024-12-31", "--format", "csv");
        Cli.Run fromDatabase = Cli.run("summarize", "--jdbc", url(), "--as-of", "2024-12-31", "--format", "csv");
        assertThat(fromDatabase.exitCode()).as(fromDatabase.toString()).isZero();
        assertThat(fromDatabase.out()).isEqualTo(fromFile.out());
        assertThat(fromDatabase.outLines()).hasSize(1 + 2);
        assertThat(fromDatabase.err()).contains("source: database (h2)").contains("3 orders streamed from the database");
    }

    @Test
    void everyAnalysisCommandReadsTheDatabaseAsItReadsTheFile() throws IOException {
        // a clean file: what the database holds is then exactly what the file says
        Path file = Cli.write(dir, "orders.csv", String.join("\n",
                "customer_id,order_id,timestamp,amount,status",
                "alice,o1,2024-01-05,10.00,paid", "alice,o2,2024-02-05,20.00,paid", "alice,o3,2024-03-05,5.00,paid",
                "bob,o4,2024-01-06,7.00,paid", "bob,o5,2024-03-06,3.00,cancelled", "carol,o6,2024-02-01,40.00,paid",
                "carol,o7,2024-02-01,2.00,paid", "dave,o8,2024-03-20,9.00,pending", ""));
        assertThat(Cli.run("load", "--input", file.toString(), "--jdbc", url()).exitCode()).isZero();

        for (String[] command : List.of(
                new String[] {"rfm", "--as-of", "2024-03-31"},
                new String[] {"kpi", "--period", "month"},
                new String[] {"cohorts", "--period", "month"},
                new String[] {"lifecycle", "--as-of", "2024-03-31", "--since", "2024-02-29"})) {
            List<String> fromFile = new ArrayList<>(List.of(command));
            fromFile.addAll(List.of("--input", file.toString(), "--format", "csv"));
            List<String> fromDatabase = new ArrayList<>(List.of(command));
            fromDatabase.addAll(List.of("--jdbc", url(), "--format", "csv"));
            Cli.Run a = Cli.run(fromFile.toArray(String[]::new));
            Cli.Run b = Cli.run(fromDatabase.toArray(String[]::new));
            assertThat(a.exitCode()).as(a.toString()).isZero();
            assertThat(b.exitCode()).as(b.toString()).isZero();
            assertThat(b.out()).as(command[0]).isEqualTo(a.out());
            assertThat(b.outLines()).as(command[0]).hasSizeGreaterThan(1);
        }
        Cli.Run both = Cli.run("rfm", "--input", file.toString(), "--jdbc", url(), "--as-of", "2024-03-31");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--input and --jdbc are alternatives");
    }

    @Test
    void loadingTheSameFileTwiceLeavesTheOrderCountUnchanged() throws IOException {
        Path file = Cli.write(dir, "orders.csv", SummarizeCommandTest.MALFORMED);
        assertThat(Cli.run("load", "--input", file.toString(), "--jdbc", url()).exitCode()).isZero();

        Cli.Run again = Cli.run("load", "--input", file.toString(), "--jdbc", url());

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("3 orders loaded in ").contains("0 inserted, 3 already stored");
        assertThat(storedOrders()).isEqualTo(3);
    }

    @Test
    void summarizeWithoutAsOfUsesTheLatestStoredOrder() throws IOException {
        Path file = Cli.write(dir, "orders.csv", "customer_id,order_id,timestamp,amount\n"
                + "c1,o1,2024-01-05,10.00\nc1,o2,2024-02-05,5.00\nc2,o3,2024-03-05T10:00:00Z,7.00\n");
        assertThat(Cli.run("load", "--input", file.toString(), "--jdbc", url()).exitCode()).isZero();

        Cli.Run run = Cli.run("summarize", "--jdbc", url(), "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("--as-of not given: using the end of 2024-03-05 (UTC)");
        assertThat(run.out()).contains("\"as_of_source\"").contains("latest order in the database");
    }

    @Test
    void strictLoadsNothingWhenARowIsRejected() throws IOException {
        Path file = Cli.write(dir, "orders.csv", SummarizeCommandTest.MALFORMED);

        Cli.Run run = Cli.run("load", "--input", file.toString(), "--jdbc", url(), "--strict");

        assertThat(run.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(run.lastErrLine()).endsWith("--strict: nothing computed");
        Cli.Run summarize = Cli.run("summarize", "--jdbc", url());
        assertThat(summarize.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(summarize.lastErrLine()).startsWith("crmkit summarize: finding the latest order failed: the SQL"
                + " does not match the schema");
    }

    @Test
    void usageAndInputErrorsAreNamed() throws IOException {
        Path file = Cli.write(dir, "orders.csv", "customer_id,timestamp,amount\nc1,2024-01-05,10.00\n");

        Cli.Run both = Cli.run("summarize", "--input", file.toString(), "--jdbc", url());
        assertThat(both.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(both.err()).contains("--input and --jdbc are alternatives");

        Cli.Run neither = Cli.run("summarize");
        assertThat(neither.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(neither.err()).contains("Missing required option: '--input=FILE'");

        Cli.Run noOrderIds = Cli.run("load", "--input", file.toString(), "--jdbc", url());
        assertThat(noOrderIds.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(noOrderIds.lastErrLine()).contains("the input has no order_id column");

        Cli.Run otherDatabase = Cli.run("load", "--input", file.toString(), "--jdbc", "jdbc:mysql://secret@host/db");
        assertThat(otherDatabase.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(otherDatabase.lastErrLine()).contains("supports jdbc:h2: and jdbc:postgresql:").doesNotContain("secret");
    }
}
