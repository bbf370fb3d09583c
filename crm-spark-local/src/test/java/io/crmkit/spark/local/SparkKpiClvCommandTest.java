package io.crmkit.spark.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmkit.cli.CrmkitCli;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local jar's {@code kpi}, {@code clv fit} and {@code clv predict} print the same rows as
 * {@code crmkit}'s with the same options (the same text: every estimate and prediction is printed
 * rounded the same way, so the Spark path's figures must be the single-machine ones), on the CDNOW
 * sample and on a simulated BTYD-like log with per-customer spend levels, order lines, statuses,
 * returns and same-day orders, in three partitions; the holdout scorecard and the BG/BB fit too; what crmkit refuses
 * is refused alike; and the subcommands take crmkit's options.
 */
class SparkKpiClvCommandTest {

    @TempDir
    static Path dir;

    private static Path cdnow;
    private static Path simulated;

    @BeforeAll
    static void files() throws IOException {
        cdnow = LocalJarFixture.cdnow(dir);
        simulated = simulatedLog(dir.resolve("simulated.csv"), 17, 900);
    }

    /**
     * A BTYD-like log: customers join over the first half of 2024, buy as a Poisson process with
     * a gamma-mixed rate until an exponential lifetime ends; each customer has their own spend level
     * (log-normal), some orders have two lines, some are cancelled or pending, a few are returns;
     * timestamps to the second, several orders possible on one day. Shuffled, as a log would be.
     */
    private static Path simulatedLog(Path file, long seed, int customers) throws IOException {
        Random rnd = new Random(seed);
        List<String> lines = new ArrayList<>();
        String[] statuses = {"delivered", "delivered", "delivered", "delivered", "delivered", "delivered",
            "delivered", "paid", "pending", "cancelled"};
        long start = LocalDate.of(2024, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        double end = 730 * 86_400.0;
        int order = 0;
        for (int c = 0; c < customers; c++) {
            String id = "S" + rnd.nextInt(100_000);
            double rate = (-Math.log(1 - rnd.nextDouble()) - Math.log(1 - rnd.nextDouble())) / (2 * 25 * 86_400.0);
            double life = -Math.log(1 - rnd.nextDouble()) * 400 * 86_400.0;
            double level = Math.exp(3 + 0.8 * rnd.nextGaussian());
            double t = rnd.nextInt(182) * 86_400.0 + rnd.nextInt(86_400);
            double stop = Math.min(end, t + life);
            while (t < stop) {
                String orderId = "O" + (order++);
                String status = statuses[rnd.nextInt(statuses.length)];
                Instant at = Instant.ofEpochSecond(start + (long) t);
                int parts = rnd.nextInt(6) == 0 ? 2 : 1;
                for (int p = 0; p < parts; p++) {
                    double amount = level * (0.5 + rnd.nextDouble()) / parts;
                    if (rnd.nextInt(40) == 0) {
                        amount = -amount / 2;
                    }
                    lines.add(id + "," + orderId + "," + at + ","
                            + BigDecimal.valueOf(Math.round(amount * 100), 2).toPlainString() + "," + status);
                }
                t += rnd.nextInt(8) == 0 ? rnd.nextInt(3_600) : -Math.log(1 - rnd.nextDouble()) / rate;
            }
        }
        Collections.shuffle(lines, rnd);
        lines.add(0, "customer_id,order_id,timestamp,amount,status");
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static void assumeCdnow() {
        Assumptions.assumeTrue(cdnow != null, "CDNOW sample absent");
    }

    @Test
    void cdnowKpisEqualCrmkits() {
        assumeCdnow();
        LocalJarFixture.assertSameOutput(19, "kpi", "--input", cdnow.toString(), "--period", "month", "--format",
                "csv");
        LocalJarFixture.assertSameOutput(11, "kpi", "--input", cdnow.toString(), "--period", "quarter",
                "--from", "1997-01-15", "--to", "1999-06-30", "--active-window", "200", "--format", "csv");
    }

    @Test
    void simulatedKpisInSeveralPartitionsEqualCrmkits() {
        LocalJarFixture.assertSameOutput(100, "kpi", "--input", simulated.toString(), "--period", "week",
                "--counted", "completed,open", "--revenue", "gross", "--zone", "America/New_York", "--format", "csv");
        LocalJarFixture.assertSameOutput(19, "kpi", "--input", simulated.toString(), "--to", "2025-06-30",
                "--format", "csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bg-nbd", "pareto-nbd"})
    void cdnowFitsEqualCrmkits(String model) {
        assumeCdnow();
        LocalJarFixture.assertSameOutput(5, "clv", "fit", "--input", cdnow.toString(), "--calibration-end",
                "1997-09-30", "--purchase-unit", "day", "--model", model, "--format", "csv");
    }

    @Test
    void cdnowFitDocumentEqualsCrmkitsButForTheEngine() throws IOException {
        assumeCdnow();
        JsonNode a = assertSameDocumentButForTheEngine("clv", "fit", "--input", cdnow.toString(), "--calibration-end",
                "1997-09-30", "--purchase-unit", "day", "--model", "mbg-nbd");
        assertThat(a.get("params").size()).isEqualTo(4);
    }

    /** Runs both tools; their JSON documents are equal once the local jar's {@code engine} definition is removed. */
    private static JsonNode assertSameDocumentButForTheEngine(String... args) throws IOException {
        LocalJarFixture.Run expected = LocalJarFixture.crmkit(args);
        LocalJarFixture.Run actual = LocalJarFixture.spark(args);
        assertThat(expected.code()).as(expected.err()).isZero();
        assertThat(actual.code()).as(actual.err()).isZero();
        JsonMapper json = JsonMapper.builder().build();
        JsonNode e = json.readTree(expected.out());
        JsonNode a = json.readTree(actual.out());
        assertThat(((ObjectNode) a.get("definitions")).remove("engine").asText()).startsWith("crm-spark on local");
        assertThat(a).isEqualTo(e);
        return a;
    }

    @Test
    void cdnowPredictionsEqualCrmkits() {
        assumeCdnow();
        LocalJarFixture.assertSameOutput(2358, "clv", "predict", "--input", cdnow.toString(), "--calibration-end",
                "1997-09-30", "--purchase-unit", "day", "--horizon", "52w", "--discount-rate", "0.1", "--margin", "0.3",
                "--format", "csv");
    }

    @Test
    void simulatedFitsAndPredictionsInSeveralPartitionsEqualCrmkits() {
        LocalJarFixture.assertSameOutput(5, "clv", "fit", "--input", simulated.toString(), "--calibration-end",
                "2025-06-30", "--model", "bg-nbd", "--unit", "months", "--format", "csv");
        // Pareto/NBD on these data runs along its s, beta ridge to the edge since its likelihood is
        // exact there (issue 14): both tools refuse the fit with the same message
        String[] pareto = {"clv", "fit", "--input", simulated.toString(), "--calibration-end", "2025-06-30",
            "--model", "pareto-nbd", "--unit", "months", "--format", "csv"};
        LocalJarFixture.Run expected = LocalJarFixture.crmkit(pareto);
        LocalJarFixture.Run actual = LocalJarFixture.spark(pareto);
        assertThat(actual.code()).as(actual.err()).isEqualTo(expected.code());
        assertThat(actual.out()).isEqualTo(expected.out());
        if (expected.code() != 0) {
            String reason = expected.err().lines().filter(l -> l.contains("pareto-nbd")).findFirst().orElseThrow();
            assertThat(actual.err()).contains(reason.substring(reason.indexOf("pareto-nbd")));
        }
        LocalJarFixture.Run run = LocalJarFixture.assertSameOutput(500, "clv", "predict", "--input",
                simulated.toString(), "--calibration-end", "2025-06-30", "--horizon", "180d", "--discount-rate",
                "0.01", "--discount-per", "months", "--format", "csv");
        // Gamma-Gamma was fitted: spend and CLV are printed, not empty
        assertThat(run.err()).contains("spend_model").contains("gamma_gamma_p");
        assertThat(run.out().lines().skip(1).filter(l -> !l.endsWith(",")).count()).isGreaterThan(500);
        LocalJarFixture.assertSameOutput(500, "clv", "predict", "--input", simulated.toString(),
                "--calibration-end", "2025-06-30", "--purchase-unit", "day", "--model", "nbd", "--horizon", "1y",
                "--spend-model", "none", "--format", "csv");
    }

    @Test
    void cdnowHoldoutScorecardEqualsCrmkitsButForTheEngine() throws IOException {
        assumeCdnow();
        // the published BG/NBD holdout of the BTYD walkthrough: 39 weeks, same-day orders one
        // transaction; every figure of the scorecard (totals, errors, bins, 78 weeks of tracking) to the bit
        JsonNode a = assertSameDocumentButForTheEngine("clv", "fit", "--input", cdnow.toString(), "--calibration-end",
                "1997-09-30", "--holdout-end", "1998-06-30", "--unit", "weeks", "--purchase-unit", "day", "--model",
                "bg-nbd");
        assertThat(a.at("/holdout/actualTotal").asDouble()).isEqualTo(1882.0);
        assertThat(a.at("/holdout/tracking").size()).isEqualTo(78);
    }

    @Test
    void simulatedHoldoutFitsInSeveralPartitionsEqualCrmkits() throws IOException {
        // every order a transaction (crmkit's default), months; then days in the BTYD convention
        LocalJarFixture.assertSameOutput(5, "clv", "fit", "--input", simulated.toString(), "--calibration-end",
                "2025-01-31", "--holdout-end", "2025-12-31", "--model", "bg-nbd", "--unit", "months", "--format",
                "csv");
        JsonNode holdout = assertSameDocumentButForTheEngine("clv", "fit", "--input", simulated.toString(),
                "--calibration-end", "2024-12-31", "--holdout-end", "2025-06-30", "--model", "mbg-nbd", "--unit",
                "weeks", "--purchase-unit", "day", "--zone", "America/New_York");
        assertThat(holdout.at("/holdout/customers").asInt()).isGreaterThan(800);
    }

    @Test
    void bgBbOnTheDonationsInSeveralPartitionsEqualsCrmkitsAndThePublishedFit() throws IOException {
        Path summary = Path.of(System.getProperty("crmkit.shared.data", "../../shared/data"), "donations",
                "donations.csv");
        Assumptions.assumeTrue(Files.isRegularFile(summary), "donations data absent: " + summary);
        // Fader, Hardie and Shang (2010): 11,104 donors who first gave in 1995, x repeat years of six,
        // the last in 1995 + t_x; rebuilt as orders (a first gift in May, repeats in November)
        List<String> rows = new ArrayList<>(List.of("customer_id,timestamp,amount"));
        int donor = 0;
        List<String> lines = Files.readAllLines(summary);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int x = Integer.parseInt(f[0].trim());
            int tx = Integer.parseInt(f[1].trim());
            for (int k = 0, count = Integer.parseInt(f[3].trim()); k < count; k++) {
                String id = "d" + donor++;
                rows.add(id + ",1995-05-0" + (1 + k % 9) + ",25.00");
                for (int year = 1995 + tx - x + 1; year <= 1995 + tx; year++) {
                    rows.add(id + "," + year + "-11-1" + (k % 10) + ",30.00");
                }
            }
        }
        Collections.shuffle(rows.subList(1, rows.size()), new Random(3));
        Path csv = Files.write(dir.resolve("donations-orders.csv"), rows, StandardCharsets.UTF_8);
        JsonNode doc = assertSameDocumentButForTheEngine("clv", "fit", "--model", "bg-bb", "--input", csv.toString(),
                "--calibration-end", "2001-12-31", "--unit", "years");
        // published: alpha 1.204, beta 0.750, gamma 0.657, delta 2.783, LL -33,225.6
        assertThat(doc.at("/params/alpha").asDouble()).isCloseTo(1.204, within(0.0015));
        assertThat(doc.at("/params/delta").asDouble()).isCloseTo(2.783, within(0.003));
        assertThat(doc.get("logLikelihood").asDouble()).isCloseTo(-33225.6, within(0.1));
        assertThat(doc.at("/definitions/customers").asLong()).isEqualTo(11104);
        LocalJarFixture.assertSameOutput(4, "clv", "fit", "--model", "bg-bb", "--input", csv.toString(),
                "--calibration-end", "2001-12-31", "--unit", "years", "--format", "csv");
    }

    @Test
    void whatCrmkitRefusesTheSparkPathRefusesAlike() {
        String[] args = {"clv", "fit", "--input", simulated.toString(), "--calibration-end", "2025-01-31",
            "--holdout-end", "2025-12-31", "--model", "bg-bb"};
        LocalJarFixture.Run expected = LocalJarFixture.crmkit(args);
        LocalJarFixture.Run actual = LocalJarFixture.spark(args);
        assertThat(expected.code()).isNotZero();
        assertThat(actual.code()).isEqualTo(expected.code());
        assertThat(actual.err()).contains("--holdout-end is not available for bg-bb");
        assertThat(expected.err()).contains("--holdout-end is not available for bg-bb");
        assertThat(actual.out()).isEmpty();
        // a holdout end that is not after the calibration end
        String[] reversed = {"clv", "fit", "--input", simulated.toString(), "--calibration-end", "2025-01-31",
            "--holdout-end", "2025-01-31"};
        LocalJarFixture.Run e2 = LocalJarFixture.crmkit(reversed);
        LocalJarFixture.Run a2 = LocalJarFixture.spark(reversed);
        assertThat(e2.code()).isNotZero();
        assertThat(a2.code()).isEqualTo(e2.code());
        assertThat(a2.err()).contains("must be after");
        assertThat(e2.err()).contains("must be after");
    }

    @Test
    void predictionIntervalsInSeveralPartitionsEqualCrmkits() {
        // drawn on the driver, applied per partition: every customer's bounds are crmkit's
        LocalJarFixture.Run run = LocalJarFixture.assertSameOutput(500, "clv", "predict", "--input",
                simulated.toString(), "--calibration-end", "2025-06-30", "--horizon", "180d", "--intervals", "0.8",
                "--interval-draws", "40", "--interval-seed", "5", "--format", "csv");
        assertThat(run.out().lines().findFirst().orElseThrow()).contains("clv_lower").contains("clv_upper");
        assertThat(run.err()).contains("intervals");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kpi", "clv fit", "clv predict"})
    void theSubcommandsTakeCrmkitsOptions(String command) {
        LocalJarFixture.assertSameOptions(command.split(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kpi", "clv fit", "clv predict"})
    void theSubcommandsDeclareNoOptionOfTheirOwn(String command) {
        // every option is crmkit's declaration (OrderInputOptions, PeriodOptions, KpiOptions, ClvModelOptions,
        // ClvFitOptions, ClvPredictOptions, PurchaseUnitOption): one help text, one default, one validation
        assertThat(LocalJarFixture.ownOptions(command.split(" "))).isEmpty();
    }
}
