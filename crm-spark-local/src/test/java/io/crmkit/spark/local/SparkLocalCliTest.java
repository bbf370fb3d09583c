package io.crmkit.spark.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.cli.CrmkitCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The local jar's {@code summarize} and {@code rfm} print the same rows as {@code crmkit}'s with the
 * same options, on the CDNOW purchase log and on a generated file with order lines, statuses,
 * returns and same-second ties; and they take the same options.
 */
class SparkLocalCliTest {

    @TempDir
    static Path dir;

    private static Path cdnow;
    private static Path generated;

    record Run(int code, String out, String err) {
    }

    private static SparkSession session;

    @BeforeAll
    static void start() {
        session = SparkSession.builder().master("local[2]").appName("crm-spark-local-test")
                .config("spark.sql.shuffle.partitions", "3").config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    }

    @AfterAll
    static void stop() {
        session.stop();
    }

    @BeforeAll
    static void files() throws IOException {
        Path sample = Path.of(System.getProperty("crmkit.shared.data", "../../shared/data"), "cdnow",
                "CDNOW_sample.txt");
        if (Files.exists(sample)) {
            List<String> csv = new ArrayList<>(List.of("customer_id,timestamp,amount"));
            for (String row : Files.readAllLines(sample)) {
                String[] f = row.trim().split("\\s+");
                csv.add(Integer.parseInt(f[1]) + "," + LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE) + ","
                        + f[4]);
            }
            cdnow = Files.write(dir.resolve("cdnow.csv"), csv, StandardCharsets.UTF_8);
        }
        Random rnd = new Random(13);
        List<String> lines = new ArrayList<>();
        String[] statuses = {"delivered", "delivered", "delivered", "pending", "cancelled", "paid"};
        for (int c = 0; c < 700; c++) {
            int orders = 1 + rnd.nextInt(6);
            long t = LocalDate.of(2025, 1, 1).toEpochDay() * 86_400 + rnd.nextInt(300 * 86_400);
            for (int o = 0; o < orders; o++) {
                String order = "O" + c + "-" + o;
                String customer = "K" + rnd.nextInt(400);
                String status = statuses[rnd.nextInt(statuses.length)];
                int parts = rnd.nextInt(8) == 0 ? 2 : 1;
                for (int p = 0; p < parts; p++) {
                    BigDecimal amount = BigDecimal.valueOf(rnd.nextInt(40_000) - (rnd.nextInt(15) == 0 ? 41_000 : 0),
                            2);
                    lines.add(customer + "," + order + "," + java.time.Instant.ofEpochSecond(t) + ","
                            + amount.toPlainString() + "," + status);
                }
                t += rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(40 * 86_400);
            }
        }
        Collections.shuffle(lines, rnd);
        lines.add(0, "customer_id,order_id,timestamp,amount,status");
        generated = Files.write(dir.resolve("generated.csv"), lines, StandardCharsets.UTF_8);
    }

    private static Run crmkit(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CrmkitCli.execute(new PrintWriter(out), new PrintWriter(err), false, args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "--partitions=3";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = SparkLocalCli.execute(new PrintWriter(out), new PrintWriter(err), session, all);
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertSameOutput(String... args) {
        Run expected = crmkit(args);
        assertThat(expected.code()).as(expected.err()).isZero();
        Run actual = spark(args);
        assertThat(actual.code()).as(actual.err()).isZero();
        assertThat(actual.out()).isEqualTo(expected.out());
        assertThat(actual.out().lines().count()).isGreaterThan(100);
    }

    @Test
    void cdnowSummariesInWeeksPerDayEqualCrmkits() {
        org.junit.jupiter.api.Assumptions.assumeTrue(cdnow != null, "CDNOW sample absent");
        assertSameOutput("summarize", "--input", cdnow.toString(), "--as-of", "1997-09-30", "--purchase-unit", "day",
                "--unit", "weeks", "--format", "csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"quantile", "r-rfm", "quantile:6"})
    void cdnowRfmEqualsCrmkits(String binning) {
        org.junit.jupiter.api.Assumptions.assumeTrue(cdnow != null, "CDNOW sample absent");
        assertSameOutput("rfm", "--input", cdnow.toString(), "--as-of", "1998-06-30", "--binning", binning,
                "--segments", binning.equals("r-rfm") ? "r-rfm" : "eleven", "--format", "csv");
    }

    @Test
    void generatedFileSummariesAndRfmEqualCrmkits() {
        assertSameOutput("summarize", "--input", generated.toString(), "--as-of", "2025-10-15T12:00:00Z",
                "--counted", "completed,open", "--format", "csv");
        assertSameOutput("rfm", "--input", generated.toString(), "--as-of", "2025-12-31", "--binning", "quantile:8",
                "--monetary", "mean", "--segments", "rf-grid", "--format", "csv");
    }

    @Test
    void segmentTableEqualsCrmkits() {
        Run expected = crmkit("rfm", "--input", generated.toString(), "--as-of", "2025-12-31", "--summary",
                "--format", "csv");
        Run actual = spark("rfm", "--input", generated.toString(), "--as-of", "2025-12-31", "--summary",
                "--format", "csv");
        assertThat(actual.code()).as(actual.err()).isZero();
        assertThat(actual.out()).isEqualTo(expected.out());
    }

    @Test
    void rankBasedBinningIsRefusedWithAReason() {
        Run actual = spark("rfm", "--input", generated.toString(), "--as-of", "2025-12-31", "--binning", "ntile");
        assertThat(actual.code()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(actual.err()).contains("is rank-based");
    }

    @ParameterizedTest
    @ValueSource(strings = {"summarize", "rfm"})
    void theSubcommandsTakeCrmkitsOptions(String command) {
        CommandLine crmkit = CrmkitCli.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), false).getSubcommands().get(command);
        CommandLine local = new CommandLine(new SparkLocalCli()).getSubcommands().get(command);
        assertThat(options(local)).isEqualTo(options(crmkit));
    }

    /** Each option's names, arity and default; without the local jar's inherited --master and --partitions. */
    private static Set<String> options(CommandLine cl) {
        return cl.getCommandSpec().options().stream().filter(o -> !o.inherited())
                .map(SparkLocalCliTest::describe).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String describe(OptionSpec o) {
        return String.join("|", o.names()) + " arity " + o.arity() + " default " + o.defaultValue() + " required "
                + o.required();
    }
}
