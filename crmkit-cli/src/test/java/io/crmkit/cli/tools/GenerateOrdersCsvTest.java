package io.crmkit.cli.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.cli.CrmkitCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateOrdersCsvTest {

    @TempDir
    Path dir;

    private int generate(Path file, String seed) {
        CommandLine cl = new CommandLine(new GenerateOrdersCsv());
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute("--customers", "200", "--seed", seed, "-o", file.toString());
    }

    @Test
    void writesADeterministicTimeOrderedFileThatSummarizeReadsWithoutRejections() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");

        assertThat(generate(a, "5")).isZero();
        assertThat(generate(b, "5")).isZero();
        assertThat(generate(c, "6")).isZero();

        List<String> lines = Files.readAllLines(a);
        assertThat(lines.get(0)).isEqualTo("customer_id,order_id,timestamp,amount,currency,status");
        assertThat(lines.size()).isGreaterThan(200);
        assertThat(Files.readAllLines(b)).isEqualTo(lines);
        assertThat(Files.readAllLines(c)).isNotEqualTo(lines);
        List<String> times = lines.subList(1, lines.size()).stream().map(l -> l.split(",")[2]).toList();
        assertThat(times).isSorted();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CrmkitCli.execute(new PrintWriter(out), new PrintWriter(err), false, "summarize", "-i", a.toString(),
                "--format", "csv", "--strict");
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("  rows_read: " + (lines.size() - 1) + "\n", "  rows_rejected: 0\n",
                "  customers_in_input: 200\n");
    }
}
