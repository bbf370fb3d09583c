package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RfmCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The R rfm package's orders with the CLI's column names (one order per row, no order_id). */
    private Path rfmDataOrders() throws IOException {
        String shared = System.getProperty("crmkit.shared.data", "../../shared/data");
        Path source = Path.of(shared, "rfm-r", "rfm_data_orders.csv");
        assumeTrue(Files.isRegularFile(source), "shared data not found at " + source + " (../shared/data absent)");
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        lines.set(0, "customer_id,timestamp,amount");
        return Files.write(dir.resolve("rfm_data_orders.csv"), lines, StandardCharsets.UTF_8);
    }

    @Test
    void reproducesTheRPackagesSegmentTable() throws IOException {
        Cli.Run run = Cli.run("rfm", "--input", rfmDataOrders().toString(), "--as-of", "2006-12-31", "--binning",
                "r-rfm", "--segments", "r-rfm", "--summary", "--format", "csv", "--precision", "full");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly(
                "segment,customers,orders,revenue,aov,revenue_share",
                "Champions,35,316,31646,100.14556962025317,0.06817936995592018",
                "\"Potential Loyalist\",342,2211,204856,92.65309814563545,0.44134971281330926",
                "\"Loyal Customers\",170,799,76562,95.82227784730914,0.16494814265831895",
                "Promising,9,28,4249,151.75,0.009154210419727766",
                "\"New Customers\",104,329,28837,87.65045592705167,0.062127551394137344",
                "\"Can't Lose Them\",47,274,32446,118.41605839416059,0.06990292098811181",
                "\"At Risk\",28,216,22227,102.90277777777777,0.047886710990654044",
                "\"Need Attention\",10,57,4562,80.03508771929825,0.009828549761072738",
                "\"About To Sleep\",102,283,23449,82.85865724381625,0.05051943519232675",
                "Lost,148,393,35324,89.88295165394402,0.07610339582642117",
                "Others,0,0,0,,0");
        assertThat(run.err()).contains("recency_cuts:").contains("customers_on_cut")
                .contains("frequency_customers_per_score: 1 = 268, 2 = 187, 3 = 176, 4 = 244, 5 = 120");
    }

    @Test
    void printsTheFirstRowsOfThePackagePerCustomer() throws IOException {
        Cli.Run run = Cli.run("rfm", "--input", rfmDataOrders().toString(), "--as-of", "2006-12-31", "--binning",
                "r-rfm", "--segments", "r-rfm", "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).hasSize(996).startsWith(
                "customer_id,recency,frequency,monetary,r,f,m,segment",
                "\"Abbey O'Reilly\",205,6,472,3,4,3,\"Potential Loyalist\"",
                "\"Add Senger\",140,3,340,4,1,2,\"New Customers\"",
                "\"Aden Lesch\",194,4,405,3,2,3,\"Loyal Customers\"");
    }

    @Test
    void jsonCarriesTheCutsAndDiagnostics() throws IOException {
        Cli.Run run = Cli.run("rfm", "--input", rfmDataOrders().toString(), "--as-of", "2006-12-31", "--binning",
                "ntile", "--format", "json", "--summary");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        JsonNode d = doc.get("definitions");
        assertThat(d.get("scoring").asText()).contains("ntile(5, ties broken by customer id)");
        assertThat(d.get("frequency_cuts")).hasSize(4);
        assertThat(d.get("frequency_cuts").get(0).get("splits_tie").asBoolean()).isTrue();
        assertThat(d.get("warnings").toString()).contains("tie broken by customer id");
        for (String s : List.of("1", "2", "3", "4", "5")) {
            assertThat(d.get("monetary_customers_per_score").get(s).asInt()).isIn(199, 198);
        }
        assertThat(doc.get("rows")).hasSize(12);
        assertThat(run.err()).doesNotContain("definitions:");
    }

    @Test
    void segmentFileThresholdsAndUsageErrors() throws IOException {
        Path orders = Cli.write(dir, "orders.csv", String.join("\n", "customer_id,order_id,timestamp,amount",
                "a,o1,2024-01-02,10.00", "a,o2,2024-03-01,30.00", "b,o3,2024-02-01,5.00", "c,o4,2024-03-30,100.00",
                ""));
        Path map = Cli.write(dir, "map.csv", "segment,r,f,m\n# best first\nTop,3,*,3\nRecent,3,*,*\n");
        Cli.Run run = Cli.run("rfm", "--input", orders.toString(), "--as-of", "2024-03-31", "--bins", "3",
                "--binning", "thresholds:10,40/2,3/20,50", "--segments", map.toString(), "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly("customer_id,recency,frequency,monetary,r,f,m,segment",
                "a,30,2,40,2,2,2,Others", "b,59,1,5,1,1,1,Others", "c,1,1,100,3,1,3,Top");
        assertThat(run.err()).contains("segment_map_lint:");

        Cli.Run preset = Cli.run("rfm", "--input", orders.toString(), "--as-of", "2024-03-31", "--bins", "4");
        assertThat(preset.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(preset.lastErrLine()).contains("defined for 5 bins");

        Cli.Run usage = Cli.run("rfm", "--input", orders.toString(), "--as-of", "2024-03-31", "--binning", "median");
        assertThat(usage.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        Cli.Run noAsOf = Cli.run("rfm", "--input", orders.toString());
        assertThat(noAsOf.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(noAsOf.err()).contains("--as-of");
    }
}
