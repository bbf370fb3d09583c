package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.order.Order;
import io.crmkit.testkit.simulation.CustomerBaseSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crmkit rfm --binning r=...,f=...,m=...}: one method per dimension in one run. */
class RfmPerDimensionBinningTest {

    @TempDir
    Path dir;

    private Path orders() throws IOException {
        CustomerBaseSimulator sim = CustomerBaseSimulator.builder().customers(400)
                .acquisition(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-07-01T00:00:00Z"))
                .observationEnd(Instant.parse("2025-01-01T00:00:00Z")).seed(4L).build();
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,timestamp,amount");
        for (Order o : sim.ordersByTime()) {
            lines.add(o.customerId().value() + "," + o.placedAt() + "," + o.netRevenue().amount().toPlainString());
        }
        return Cli.write(dir, "orders.csv", String.join("\n", lines) + "\n");
    }

    /** Column {@code k} (r, f, m are 4, 5, 6) of every customer row. */
    private static List<String> column(Cli.Run run, int k) {
        return run.outLines().stream().skip(1).map(l -> l.split(",")[k]).toList();
    }

    @Test
    void eachDimensionGetsItsOwnMethodAsIfScoredAlone() throws IOException {
        Path in = orders();

        Cli.Run mixed = Cli.run("rfm", "--input", in.toString(), "--as-of", "2024-12-31", "--binning",
                "f=ntile, R=quantile,m=quantile", "--format", "csv");
        Cli.Run quantile = Cli.run("rfm", "--input", in.toString(), "--as-of", "2024-12-31", "--binning", "quantile",
                "--format", "csv");
        Cli.Run ntile = Cli.run("rfm", "--input", in.toString(), "--as-of", "2024-12-31", "--binning", "ntile",
                "--format", "csv");

        assertThat(mixed.exitCode()).as(mixed.toString()).isZero();
        assertThat(column(mixed, 4)).isEqualTo(column(quantile, 4));
        assertThat(column(mixed, 6)).isEqualTo(column(quantile, 6));
        assertThat(column(mixed, 5)).isEqualTo(column(ntile, 5)).isNotEqualTo(column(quantile, 5));
        assertThat(mixed.err()).contains("scoring: R = quantiles(5", "F = ntile(5");
    }

    @Test
    void aDimensionMissingRepeatedUnknownOrGivenThresholdsIsAUsageError() throws IOException {
        Path in = orders();
        for (String[] bad : new String[][] {{"r=quantile,f=ntile", "name the method of each of r, f and m"},
            {"r=quantile,f=ntile,m=quantile,r=ntile", "dimension r is named twice"},
            {"r=quantile,x=ntile,m=quantile", "unknown dimension 'x'"},
            {"r=quantile,f=thresholds:1,m=quantile", "thresholds:R/F/M sets all three"},
            {"r=quantile,f=median,m=quantile", "is not quantile"}}) {
            Cli.Run run = Cli.run("rfm", "--input", in.toString(), "--as-of", "2024-12-31", "--binning", bad[0]);
            assertThat(run.exitCode()).as(bad[0]).isEqualTo(CrmkitCli.EXIT_USAGE);
            assertThat(run.err()).as(bad[0]).contains(bad[1]);
        }
    }
}
