package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --columns} chooses and orders the result columns; {@code --width} fits tables (120 by default). */
class OutputLayoutTest {

    private static final String ORDERS = String.join("\n",
            "customer_id,order_id,timestamp,amount",
            "bob,6,2026-03-03T10:00:00Z,10.00",
            "ann,1,2025-12-15T10:00:00Z,100.00",
            "cat,5,2026-02-10T10:00:00Z,80.00",
            "bob,2,2026-01-05T10:00:00Z,50.00",
            "ann,3,2026-01-20T10:00:00Z,30.00",
            "bob,4,2026-01-25T10:00:00Z,20.00",
            "");

    @TempDir
    Path dir;

    private Cli.Run kpi(String... more) throws IOException {
        Path file = Cli.write(dir, "orders.csv", ORDERS);
        List<String> args = new ArrayList<>(List.of("kpi", "-i", file.toString(), "--from", "2026-01-01", "--to",
                "2026-03-31", "--active-window", "31"));
        args.addAll(Arrays.asList(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void columnsChooseAndOrderTheCsvColumns() throws IOException {
        Cli.Run run = kpi("--format", "csv", "--columns", "revenue,period,orders");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().toList()).startsWith("revenue,period,orders").hasSize(4);
        assertThat(run.out().lines().toList().get(1)).endsWith(",2026-01,3");
    }

    @Test
    void columnsChooseTheJsonFields() throws IOException {
        Cli.Run run = kpi("--format", "json", "--columns", "period,buyers");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("columns").toString()).isEqualTo("[\"period\",\"buyers\"]");
        List<String> fields = new ArrayList<>();
        doc.get("rows").get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("period", "buyers");
        assertThat(doc.get("rows").get(0).get("buyers").asLong()).isEqualTo(2);
    }

    @Test
    void anUnknownColumnIsNamedWithTheColumnsThereAre() throws IOException {
        Cli.Run run = kpi("--format", "csv", "--columns", "period,revenu");
        assertThat(run.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--columns: the result has no column 'revenu'; its columns: period,")
                .contains(",revenue,");
    }

    @Test
    void aColumnNamedTwiceIsAUsageError() throws IOException {
        Cli.Run run = kpi("--columns", "period,period");
        assertThat(run.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(run.err()).contains("a column is named twice");
    }

    @Test
    void aWideTableIsPrintedInBlocksThatFitTheWidth() throws IOException {
        Cli.Run wide = kpi("--width", "0");
        assertThat(wide.exitCode()).as(wide.toString()).isZero();
        List<String> oneBlock = wide.out().lines().toList();
        assertThat(oneBlock).hasSize(4);
        assertThat(oneBlock.get(0).length()).as("the KPI table is wider than 120").isGreaterThan(120);

        Cli.Run fitted = kpi();
        assertThat(fitted.exitCode()).as(fitted.toString()).isZero();
        List<String> lines = fitted.out().lines().toList();
        assertThat(lines).allMatch(l -> l.length() <= 120);
        // blocks of a header and three rows, separated by blank lines, each starting with the period
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String l : lines) {
            if (l.isEmpty()) {
                blocks.add(current);
                current = new ArrayList<>();
            } else {
                current.add(l);
            }
        }
        blocks.add(current);
        assertThat(blocks).hasSizeGreaterThan(1).allMatch(b -> b.size() == 4 && b.get(0).startsWith("period"));
        // every column of the one-block header appears in exactly one block (besides the repeated period)
        List<String> all = Arrays.asList(oneBlock.get(0).trim().split("\\s+"));
        List<String> seen = new ArrayList<>(List.of("period"));
        for (List<String> b : blocks) {
            List<String> names = Arrays.asList(b.get(0).trim().split("\\s+"));
            seen.addAll(names.subList(1, names.size()));
        }
        assertThat(seen).containsExactlyElementsOf(all);
        // the values travel with their columns: the first row's cells, block by block, are the one-block row's
        List<String> row = new ArrayList<>(List.of(oneBlock.get(1).trim().split("\\s+")[0]));
        for (List<String> b : blocks) {
            List<String> cells = Arrays.asList(b.get(1).trim().split("\\s+"));
            row.addAll(cells.subList(1, cells.size()));
        }
        assertThat(row).containsExactly(oneBlock.get(1).trim().split("\\s+"));
    }
}
