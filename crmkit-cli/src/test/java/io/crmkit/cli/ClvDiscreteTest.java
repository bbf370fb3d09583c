package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discrete-time models through the CLI: {@code clv fit --model bg-bb} on the donations data
 * of Fader, Hardie and Shang (2010) rebuilt as an order file, and {@code clv sbg} on the survivor
 * counts of Fader and Hardie (2007), against the published estimates.
 */
class ClvDiscreteTest {

    @TempDir
    Path dir;

    @Test
    void bgBbReproducesThePublishedDonationsFit() throws IOException {
        Path summary = Path.of(System.getProperty("crmkit.shared.data", "../../shared/data"), "donations",
                "donations.csv");
        assumeTrue(Files.isRegularFile(summary), "donations data not found at " + summary + " (../shared/data absent)");
        // every donor gave first in 1995; x repeat years, the last one 1995 + t_x (the others just before it)
        StringBuilder b = new StringBuilder("customer_id,timestamp,amount\n");
        int donor = 0;
        List<String> lines = Files.readAllLines(summary);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int x = Integer.parseInt(f[0].trim());
            int tx = Integer.parseInt(f[1].trim());
            int count = Integer.parseInt(f[3].trim());
            for (int k = 0; k < count; k++) {
                String id = "d" + donor++;
                b.append(id).append(",1995-05-0").append(1 + k % 9).append(",25.00\n");
                for (int year = 1995 + tx - x + 1; year <= 1995 + tx; year++) {
                    b.append(id).append(',').append(year).append("-11-1").append(k % 10).append(",30.00\n");
                }
            }
        }
        Path csv = Cli.write(dir, "donations-orders.csv", b.toString());
        Cli.Run run = Cli.run("clv", "fit", "--model", "bg-bb", "-i", csv.toString(), "--calibration-end", "2001-12-31",
                "--unit", "years");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("model").asText()).isEqualTo("bg-bb");
        // published: alpha 1.204, beta 0.750, gamma 0.657, delta 2.783, LL -33,225.6 (11,104 donors, n = 6)
        assertThat(doc.at("/params/alpha").asDouble()).isCloseTo(1.204, within(0.0015));
        assertThat(doc.at("/params/beta").asDouble()).isCloseTo(0.750, within(0.0015));
        assertThat(doc.at("/params/gamma").asDouble()).isCloseTo(0.657, within(0.0015));
        assertThat(doc.at("/params/delta").asDouble()).isCloseTo(2.783, within(0.003));
        assertThat(doc.get("logLikelihood").asDouble()).isCloseTo(-33225.6, within(0.1));
        assertThat(doc.at("/definitions/customers").asLong()).isEqualTo(11104);
        assertThat(doc.at("/definitions/opportunity").asText()).contains("one calendar year");
        assertThat(doc.at("/standardErrors/alpha").asDouble()).isPositive();
    }

    @Test
    void bgBbIsRefusedWhereItDoesNotApply() throws IOException {
        Path csv = Cli.write(dir, "o.csv", "customer_id,timestamp,amount\na,2024-01-01,5\na,2024-06-01,5\n");
        Cli.Run predict = Cli.run("clv", "predict", "--model", "bg-bb", "-i", csv.toString(), "--calibration-end",
                "2024-12-31", "--horizon", "1y");
        assertThat(predict.exitCode()).isEqualTo(1);
        assertThat(predict.err()).contains("bg-bb is a discrete-time model").contains("only 'clv fit' takes it");
        Cli.Run holdout = Cli.run("clv", "fit", "--model", "bg-bb", "-i", csv.toString(), "--calibration-end",
                "2024-06-30", "--holdout-end", "2024-12-31");
        assertThat(holdout.exitCode()).isEqualTo(2);
        assertThat(holdout.err()).contains("--holdout-end is not available for bg-bb");
        Cli.Run none = Cli.run("clv", "fit", "--model", "bg-bb", "-i", csv.toString(), "--calibration-end",
                "2024-12-31", "--unit", "years");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("no customer has a transaction opportunity").contains("last year");
    }

    @Test
    void sbgReproducesThePublishedRetentionFitAndProjection() throws IOException {
        // Fader and Hardie (2007), "regular" cohort, years 0-7
        Path csv = Cli.write(dir, "survivors.csv",
                "period,survivors\r\n0,1000\r\n1,631\r\n2,468\r\n3,382\r\n4,326\r\n5,289\r\n6,262\r\n7,241\r\n");
        Cli.Run run = Cli.run("clv", "sbg", "-i", csv.toString(), "--project", "5", "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.at("/definitions/alpha").asDouble()).isCloseTo(0.704, within(0.0015));
        assertThat(doc.at("/definitions/beta").asDouble()).isCloseTo(1.182, within(0.0015));
        assertThat(doc.at("/definitions/log_likelihood").asDouble()).isCloseTo(-1680.27, within(0.1));
        JsonNode rows = doc.get("rows");
        assertThat(rows).hasSize(13);
        double[] projected = {220.1, 204.4, 191.2, 179.9, 170.0};
        for (int t = 8; t <= 12; t++) {
            assertThat(rows.get(t).get("survivors").isNull()).isTrue();
            assertThat(rows.get(t).get("expected_survivors").asDouble()).isCloseTo(projected[t - 8], within(0.25));
        }
        assertThat(rows.get(1).get("survivors").asLong()).isEqualTo(631);

        Path gap = Cli.write(dir, "gap.csv", "period,survivors\n0,1000\n2,600\n");
        Cli.Run bad = Cli.run("clv", "sbg", "-i", gap.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("line 3: period 2 is not the next period (1)");
        Path rising = Cli.write(dir, "rising.csv", "period,survivors\n0,1000\n1,600\n2,x\n");
        Cli.Run text = Cli.run("clv", "sbg", "-i", rising.toString());
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.err()).contains("line 4: survivors 'x' is not a non-negative whole number");
    }
}
