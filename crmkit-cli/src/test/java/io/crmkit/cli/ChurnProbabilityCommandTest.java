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

/** {@code crmkit churn-risk --horizon}: the fitted churn probability and its backtest (issue 15). */
class ChurnProbabilityCommandTest {

    @TempDir
    Path dir;

    /** 1,500 simulated customers acquired over 2024 and the first half of 2025, observed to 2025-12-31. */
    private Path orders() throws IOException {
        CustomerBaseSimulator sim = CustomerBaseSimulator.builder().customers(1500)
                .acquisition(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-06-30T00:00:00Z"))
                .observationEnd(Instant.parse("2025-12-31T00:00:00Z")).seed(15L).build();
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,timestamp,amount");
        for (Order o : sim.ordersByTime()) {
            lines.add(o.customerId().value() + "," + o.placedAt() + "," + o.netRevenue().amount().toPlainString());
        }
        return Cli.write(dir, "orders.csv", String.join("\n", lines) + "\n");
    }

    @Test
    void printsEveryCustomersProbabilityLevelValueAndReasonsRanked() throws IOException {
        Cli.Run run = Cli.run("churn-risk", "--input", orders().toString(), "--as-of", "2025-06-30", "--horizon", "26w",
                "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).isEqualTo("customer_id,churn_probability,level,value_at_risk,reasons");
        assertThat(run.err()).contains("horizon: 26w = 182 days").contains("churn_model").contains("pareto-nbd")
                .contains("trained at 2024-12-30").contains("customers_assessed: " + (lines.size() - 1));
        double previous = 1;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 5);
            double p = Double.parseDouble(f[1]);
            assertThat(p).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
            previous = p;
            assertThat(f[2]).isIn("none", "low", "medium", "high");
            // the level is cut on the exact probability, printed to 4 decimals: within half a unit of
            // the last decimal of a cut-off, either side's level is right
            assertThat(f[2]).isIn(level(p - 5e-5), level(p + 5e-5));
            assertThat(f[4]).matches("\"?[+-]0\\.[0-9]{2}: .*");
        }
        assertThat(lines.size() - 1).isGreaterThan(1000);
        // per kept feature, the share of scored customers beyond the training range; a warning where it
        // reaches a quarter, and only there
        String shares = run.errLines().stream().filter(l -> l.startsWith("  outside_training_range: ")).findFirst()
                .orElseThrow().substring("  outside_training_range: ".length());
        assertThat(shares).contains("model = ");
        for (String pair : shares.split(", ")) {
            String[] kv = pair.split(" = ");
            double share = Double.parseDouble(kv[1]);
            assertThat(share).isBetween(0.0, 1.0);
            assertThat(run.err().contains("of the customers scored have " + kv[0] + " beyond the range"))
                    .as(pair).isEqualTo(share >= ChurnRiskCommand.EXTRAPOLATED_SHARE);
        }

        Cli.Run high = Cli.run("churn-risk", "--input", orders().toString(), "--as-of", "2025-06-30", "--horizon",
                "26w", "--min-level", "high", "--format", "csv");
        assertThat(high.exitCode()).as(high.toString()).isZero();
        assertThat(high.outLines().subList(1, high.outLines().size())).allSatisfy(l -> assertThat(l).contains(",high,"));
        assertThat(high.outLines().size()).isLessThan(lines.size());
    }

    @Test
    void backtestReportsEveryRankingOverallAndAmongTheActive() throws IOException {
        Cli.Run run = Cli.run("churn-risk", "--input", orders().toString(), "--as-of", "2025-12-31", "--horizon", "26w",
                "--backtest", "2025-06-30", "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo(
                "split,population,ranking,customers,churned,auc,brier,k,precision_at_k,recall_at_k");
        assertThat(run.outLines()).hasSize(9);
        assertThat(run.out()).contains("2025-06-30,all,probability,").contains("2025-06-30,active,model-only,")
                .contains(",days-since-last-purchase,").contains(",p-alive,");
        assertThat(run.err()).contains("decile 10: predicted").contains("worst_decile_gap_2025-06-30");
    }

    @Test
    void rejectsOptionsOfTheOtherModeAndBadValuesNamingThem() throws IOException {
        Path csv = orders();
        Cli.Run mixed = Cli.run("churn-risk", "--input", csv.toString(), "--as-of", "2025-06-30", "--horizon", "26w",
                "--overdue-factor", "3");
        assertThat(mixed.exitCode()).isNotZero();
        assertThat(mixed.lastErrLine()).contains("--overdue-factor applies to the signal-count warning");
        Cli.Run noHorizon = Cli.run("churn-risk", "--input", csv.toString(), "--as-of", "2025-06-30", "--backtest",
                "2025-01-31");
        assertThat(noHorizon.exitCode()).isNotZero();
        assertThat(noHorizon.lastErrLine()).contains("--backtest applies to the churn probability: add --horizon");
        Cli.Run model = Cli.run("churn-risk", "--input", csv.toString(), "--as-of", "2025-06-30", "--horizon", "26w",
                "--model", "bg-bb");
        assertThat(model.lastErrLine()).contains("--model must be pareto-nbd, bg-nbd, mbg-nbd or nbd: bg-bb");
        Cli.Run levels = Cli.run("churn-risk", "--input", csv.toString(), "--as-of", "2025-06-30", "--horizon", "26w",
                "--levels", "0.5,0.9,0.8");
        assertThat(levels.lastErrLine()).contains("high cut-off");
        Cli.Run late = Cli.run("churn-risk", "--input", csv.toString(), "--as-of", "2025-06-30", "--horizon", "26w",
                "--backtest", "2025-03-31");
        assertThat(late.lastErrLine()).contains("--backtest date 2025-03-31 plus the horizon of 182 days ends after");
    }

    @Test
    void rejectsBadNumbersAndCombinationsNamingTheOption() throws IOException {
        Path csv = orders();
        String[][] cases = {
            {"--ridge", "0", "--ridge must be a positive finite number"},
            {"--ridge", "-1", "--ridge must be a positive finite number"},
            {"--top-share", "0", "--top-share must be in (0, 1]: 0.0"},
            {"--top-share", "1.5", "--top-share must be in (0, 1]: 1.5"},
            {"--active-days", "0", "--active-days must be a positive number of days: 0"},
            {"--min-level", "extreme", "--min-level must be none, "},
            {"--training-as-of", "2025-03-01", "--training-as-of 2025-03-01 plus the horizon of 182 days ends after"
                + " --as-of 2025-06-30"},
        };
        for (String[] c : cases) {
            Cli.Run run = Cli.run("churn-risk", "--input", csv.toString(), "--as-of", "2025-06-30", "--horizon", "26w",
                    c[0], c[1]);
            assertThat(run.exitCode()).as(run.toString()).isNotZero();
            assertThat(run.lastErrLine()).as(run.toString()).contains(c[2]).doesNotContain("activeDays")
                    .doesNotContain("topShare").doesNotContain("trainingAsOf").doesNotContain("Exception");
        }
        for (String h : new String[] {"abc", "0d"}) {
            Cli.Run run = Cli.run("churn-risk", "--input", csv.toString(), "--as-of", "2025-06-30", "--horizon", h);
            assertThat(run.exitCode()).as(run.toString()).isNotZero();
            assertThat(run.lastErrLine()).as(run.toString()).contains("--horizon").doesNotContain("Exception");
        }
        Cli.Run both = Cli.run("churn-risk", "--input", csv.toString(), "--as-of", "2025-12-31", "--horizon", "26w",
                "--backtest", "2025-06-30", "--training-as-of", "2025-01-01");
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.lastErrLine()).contains("--training-as-of does not apply with --backtest");
    }

    private static String level(double p) {
        return p >= 0.85 ? "high" : p >= 0.7 ? "medium" : p >= 0.5 ? "low" : "none";
    }
}
