package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crmkit churn-risk --cases/--surveys}: complaint and satisfaction evidence from the service files. */
class ChurnRiskEvidenceTest {

    @TempDir
    Path dir;

    /** Two regular buyers; only c2 complains twice and answers a survey badly in the last 90 days. */
    private Path orders() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,timestamp,amount\n");
        for (int m = 1; m <= 12; m++) {
            String month = String.format("2025-%02d-05", m);
            csv.append("c1,").append(month).append(",20.00\n").append("c2,").append(month).append(",30.00\n");
        }
        return Cli.write(dir, "orders.csv", csv.toString());
    }

    @Test
    void complaintCasesAndLowScoresRaiseTheirSignalsOnlyForThatCustomer() throws IOException {
        Path cases = Cli.write(dir, "cases.csv", "case_id,customer_id,type,status,opened_at\n"
                + "k1,c2,complaint,open,2025-11-20\nk2,c2,complaint,open,2025-12-10\nk3,c1,question,open,2025-12-01\n"
                + "k4,c1,complaint,nonsense,2025-12-01\n");
        Path surveys = Cli.write(dir, "surveys.csv", "response_id,customer_id,responded_at,scale,score\n"
                + "r1,c2,2025-10-01,nps,9\nr2,c2,2025-12-15,nps,2\nr3,c1,2025-12-15,nps,10\n");

        Cli.Run without = Cli.run("churn-risk", "--input", orders().toString(), "--as-of", "2025-12-31",
                "--min-level", "low", "--format", "csv");
        Cli.Run with = Cli.run("churn-risk", "--input", orders().toString(), "--as-of", "2025-12-31", "--cases",
                cases.toString(), "--surveys", surveys.toString(), "--min-level", "low", "--format", "csv");

        assertThat(without.exitCode()).as(without.toString()).isZero();
        assertThat(without.outLines()).hasSize(1);
        assertThat(without.err()).contains("signals_not_available: complaints and satisfaction (no --cases or"
                + " --surveys file)");
        assertThat(with.exitCode()).as(with.toString()).isZero();
        assertThat(with.outLines()).hasSize(2);
        assertThat(with.outLines().get(1)).startsWith("c2,").contains("complaints rising: 2 in the last 90 days",
                "low satisfaction: latest score 0.20 of 1", "satisfaction falling: 0.90 to 0.20 of 1");
        assertThat(with.err()).contains("cases.csv line 5: unknown status 'nonsense'", "cases_file: 4 rows read,"
                + " 1 rejected", "surveys_file: 3 rows read, 0 rejected").doesNotContain("signals_not_available");

        Cli.Run strict = Cli.run("churn-risk", "--input", orders().toString(), "--as-of", "2025-12-31", "--cases",
                cases.toString(), "--strict");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.lastErrLine()).contains("1 rows of cases rejected; --strict: nothing computed");
    }
}
