package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kpi} and {@code cohorts} flag a first or last period the orders cover only in part. */
class IncompletePeriodsTest {

    @TempDir
    Path dir;

    @Test
    void aPartialFirstAndLastMonthAreFlaggedAndWholeOnesAreNot() throws IOException {
        Path partial = Cli.write(dir, "partial.csv", "customer_id,timestamp,amount\n"
                + "a,2025-01-15,10.00\nb,2025-02-01,10.00\na,2025-03-10,10.00\n");
        Path whole = Cli.write(dir, "whole.csv", "customer_id,timestamp,amount\n"
                + "a,2025-01-01,10.00\nb,2025-02-01,10.00\na,2025-03-31,10.00\n");

        Cli.Run kpi = Cli.run("kpi", "--input", partial.toString(), "--format", "csv");
        Cli.Run cohorts = Cli.run("cohorts", "--input", partial.toString(), "--format", "csv");
        Cli.Run complete = Cli.run("kpi", "--input", whole.toString(), "--format", "csv");

        assertThat(kpi.exitCode()).as(kpi.toString()).isZero();
        assertThat(kpi.err()).contains("crmkit kpi: warning: period 2025-01 is incomplete: it starts on 2025-01-01,"
                + " the orders on 2025-01-15; its figures are not comparable with whole periods",
                "crmkit kpi: warning: period 2025-03 is incomplete: it ends on 2025-03-31, the orders on 2025-03-10;"
                + " its figures (and its revenue_growth) are not comparable with whole periods");
        assertThat(kpi.err()).doesNotContain("period 2025-02 is incomplete");
        assertThat(cohorts.err()).contains("crmkit cohorts: warning: period 2025-03 is incomplete");
        assertThat(complete.exitCode()).isZero();
        assertThat(complete.err()).doesNotContain("incomplete");
        // the result itself is unchanged: the same columns, one row per month
        assertThat(kpi.outLines()).hasSize(4);
        assertThat(kpi.outLines().get(0)).isEqualTo(complete.outLines().get(0));
    }
}
