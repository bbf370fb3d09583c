package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV numbers at their natural precision by default; {@code --precision full} keeps every digit. */
class PrecisionTest {

    @TempDir
    Path dir;

    @Test
    void naturalByDefaultFullOnRequestAnywhereOnTheCommandLine() throws IOException {
        // January: 3 buyers, 1 of them with two orders: repeat purchase rate 1/3, frequency 4/3
        Path orders = Cli.write(dir, "orders.csv", "customer_id,timestamp,amount\n"
                + "a,2025-01-01,10.00\na,2025-01-09,10.00\nb,2025-01-10,10.00\nc,2025-01-31,10.00\n");

        Cli.Run natural = Cli.run("kpi", "--input", orders.toString(), "--format", "csv");
        Cli.Run full = Cli.run("kpi", "--input", orders.toString(), "--format", "csv", "--precision", "full");
        Cli.Run before = Cli.run("--precision", "FULL", "kpi", "--input", orders.toString(), "--format", "csv");
        Cli.Run bad = Cli.run("kpi", "--input", orders.toString(), "--precision", "some");

        assertThat(natural.exitCode()).as(natural.toString()).isZero();
        String[] header = natural.outLines().get(0).split(",");
        int repeat = java.util.Arrays.asList(header).indexOf("repeat_purchase_rate");
        int frequency = java.util.Arrays.asList(header).indexOf("purchase_frequency");
        int revenue = java.util.Arrays.asList(header).indexOf("revenue");
        assertThat(natural.outLines().get(1).split(",", -1)[repeat]).isEqualTo("0.333333");
        assertThat(natural.outLines().get(1).split(",", -1)[frequency]).isEqualTo("1.33333");
        assertThat(natural.outLines().get(1).split(",", -1)[revenue]).isEqualTo("40.00");
        assertThat(full.outLines().get(1).split(",", -1)[repeat]).isEqualTo(Double.toString(1.0 / 3));
        assertThat(full.outLines().get(1).split(",", -1)[frequency]).isEqualTo(Double.toString(4.0 / 3));
        assertThat(before.out()).isEqualTo(full.out());
        assertThat(bad.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(bad.err()).contains("--precision");
    }
}
