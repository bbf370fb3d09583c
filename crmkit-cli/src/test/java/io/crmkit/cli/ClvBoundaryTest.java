package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.order.Order;
import io.crmkit.testkit.simulation.CustomerBaseSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crmkit clv} and {@code churn-risk} on planted data: a fit at the drop-out boundary says
 * so and falls back to the NBD; a spend model that cannot be fitted leaves the transaction columns.
 */
class ClvBoundaryTest {

    @TempDir
    Path dir;

    /** 400 customers who each buy every 7 days from their first purchase to the end: no drop-out. */
    private Path weeklyForEver() throws IOException {
        StringBuilder b = new StringBuilder("customer_id,timestamp,amount\n");
        LocalDate end = LocalDate.of(2025, 12, 31);
        for (int c = 0; c < 400; c++) {
            for (LocalDate d = LocalDate.of(2025, 1, 1).plusDays((c * 37L) % 180); !d.isAfter(end); d = d.plusDays(7)) {
                b.append("c").append(c).append(',').append(d).append(',').append(10 + c % 7).append(".50\n");
            }
        }
        return Cli.write(dir, "weekly.csv", b.toString());
    }

    /**
     * 600 customers who never drop out and buy as Poisson processes whose rates differ (Gamma with
     * shape 2, mean 0.5 a week), from a first purchase in the first half of 2025 to the end of it.
     */
    private Path poissonForEver() throws IOException {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
        StringBuilder b = new StringBuilder("customer_id,timestamp,amount\n");
        LocalDate start = LocalDate.of(2025, 1, 1);
        for (int c = 0; c < 600; c++) {
            double perDay = (-Math.log(rnd.nextDouble()) - Math.log(rnd.nextDouble())) / 4 / 7;
            double t = rnd.nextInt(180);
            while (t < 365) {
                b.append("p").append(c).append(',').append(start.plusDays((long) t)).append("T12:00:00Z,")
                        .append(5 + rnd.nextInt(50)).append(".25\n");
                t += -Math.log(rnd.nextDouble()) / perDay;
            }
        }
        return Cli.write(dir, "poisson.csv", b.toString());
    }

    /** Simulated BG/NBD customers (drop-out visible), every order recorded at the same amount. */
    private Path constantSpend() throws IOException {
        return simulated(true);
    }

    private Path simulated(boolean constant) throws IOException {
        CustomerBaseSimulator sim = CustomerBaseSimulator.builder().customers(1500)
                .acquisition(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-03-31T00:00:00Z"))
                .observationEnd(Instant.parse("2025-06-30T00:00:00Z")).seed(7L).build();
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,timestamp,amount");
        for (Order o : sim.ordersByTime()) {
            lines.add(o.customerId().value() + "," + o.placedAt() + "," + (constant ? "4.00"
                    : o.netRevenue().amount().toPlainString()));
        }
        return Cli.write(dir, constant ? "visits.csv" : "orders.csv", String.join("\n", lines) + "\n");
    }

    @Test
    void withoutDropOutEveryModelEndsAtTheBoundaryAndOffersTheNbd() throws IOException {
        Path csv = poissonForEver();
        for (String model : List.of("pareto-nbd", "bg-nbd", "mbg-nbd")) {
            Cli.Run run = Cli.run("clv", "fit", "--model", model, "-i", csv.toString(), "--calibration-end",
                    "2025-12-31");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode doc = new ObjectMapper().readTree(run.out());
            assertThat(doc.get("model").asText()).isEqualTo(model);
            assertThat(doc.get("status").asText()).isEqualTo("BOUNDARY");
            assertThat(doc.get("converged").asBoolean()).isFalse();
            assertThat(doc.at("/boundary/parameter").asText()).isEqualTo(model.equals("pareto-nbd") ? "s/beta" : "a/(a+b)");
            assertThat(doc.at("/boundary/explanation").asText()).contains("no drop-out is visible in these data")
                    .contains("fits an NBD without churn");
            assertThat(doc.at("/standardErrors").elements()).toIterable().allSatisfy(e -> assertThat(e.isNull()).isTrue());
            assertThat(doc.get("standardErrorNote").asText()).contains("boundary");
            assertThat(doc.at("/nested/model").asText()).isEqualTo("nbd");
            assertThat(doc.at("/nested/status").asText()).isEqualTo("CONVERGED");
            // Gamma(2, mean 0.5 a week): r near 2, alpha near 4 weeks
            assertThat(doc.at("/nested/params/r").asDouble()).isBetween(1.4, 2.8);
            assertThat(doc.at("/nested/params/alpha").asDouble()).isBetween(2.8, 5.6);
            assertThat(doc.at("/nested/standardErrors/r").asDouble()).isPositive();
            assertThat(run.err()).contains("warning: " + model + " fit is at the boundary").contains("nested nbd");
        }
    }

    @Test
    void everyoneBuyingWeeklyIsABoundaryOfThePurchaseRatesToo() throws IOException {
        Path csv = weeklyForEver();
        Cli.Run pareto = Cli.run("clv", "fit", "--model", "pareto-nbd", "-i", csv.toString(), "--calibration-end",
                "2025-12-31");
        assertThat(pareto.exitCode()).as(pareto.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(pareto.out());
        assertThat(doc.get("status").asText()).isEqualTo("BOUNDARY");
        assertThat(doc.at("/boundary/explanation").asText()).contains("no drop-out is visible")
                .contains("purchase rates do not vary across customers").contains("per week");
        assertThat(doc.at("/nested/model").asText()).isEqualTo("nbd");
        assertThat(doc.at("/nested/status").asText()).isEqualTo("BOUNDARY");

        Cli.Run nbd = Cli.run("clv", "fit", "--model", "nbd", "-i", csv.toString(), "--calibration-end", "2025-12-31");
        assertThat(nbd.exitCode()).isEqualTo(1);
        assertThat(nbd.err()).contains("nbd fit is at the boundary: r, alpha runs to the edge")
                .contains("purchase rates do not vary across customers");
    }

    @Test
    void predictAtTheBoundaryUsesTheNbdAndChurnRiskSwitchesThePAliveSignalOff() throws IOException {
        Path csv = weeklyForEver();
        Cli.Run run = Cli.run("clv", "predict", "--model", "pareto-nbd", "-i", csv.toString(), "--calibration-end",
                "2025-12-31", "--horizon", "26w", "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).hasSize(401);
        assertThat(run.outLines().subList(1, 401)).allSatisfy(l -> assertThat(Double.parseDouble(l.split(",")[4])).isEqualTo(1.0));
        assertThat(run.err()).contains("model_used").contains("nbd").contains("requested_model_status");

        Cli.Run risk = Cli.run("churn-risk", "-i", csv.toString(), "--as-of", "2025-12-31", "--p-alive-model",
                "pareto-nbd", "--format", "json");
        assertThat(risk.exitCode()).as(risk.toString()).isZero();
        assertThat(risk.err()).contains("warning: pareto-nbd fit is at the boundary").contains("signal is off");
        assertThat(new ObjectMapper().readTree(risk.out()).at("/definitions/p_alive_signal").asText())
                .startsWith("off: pareto-nbd is at the boundary");
    }

    @Test
    void predictWithoutASpendModelPrintsEveryCustomersTransactions() throws IOException {
        Path csv = constantSpend();
        Cli.Run run = Cli.run("clv", "predict", "-i", csv.toString(), "--calibration-end", "2025-03-31", "--horizon",
                "52w", "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("warning: none: the gamma-gamma spend model cannot be fitted");
        List<String> rows = run.outLines().subList(1, run.outLines().size());
        assertThat(rows).hasSizeGreaterThan(1000);
        assertThat(rows).allSatisfy(l -> {
            String[] f = l.split(",", -1);
            assertThat(f).hasSize(8);
            assertThat(Double.parseDouble(f[4])).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(f[5])).isNotNegative();
            assertThat(f[6]).isEmpty();
            assertThat(f[7]).isEmpty();
        });
        assertThat(rows).anySatisfy(l -> assertThat(Double.parseDouble(l.split(",")[4])).isLessThan(0.5));

        Cli.Run none = Cli.run("clv", "predict", "-i", csv.toString(), "--calibration-end", "2025-03-31", "--horizon",
                "52w", "--format", "csv", "--spend-model", "none");
        assertThat(none.exitCode()).as(none.toString()).isZero();
        assertThat(none.err()).doesNotContain("warning").contains("--spend-model none");
        assertThat(none.outLines()).isEqualTo(run.outLines());

        Cli.Run bad = Cli.run("clv", "predict", "-i", csv.toString(), "--calibration-end", "2025-03-31", "--horizon",
                "52w", "--spend-model", "pareto");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--spend-model must be gamma-gamma or none: pareto");
    }

    @Test
    void predictWithIntervalsAddsBoundsAroundEveryPrediction() throws IOException {
        Path csv = simulated(false);
        Cli.Run run = Cli.run("clv", "predict", "-i", csv.toString(), "--calibration-end", "2025-03-31", "--horizon",
                "26w", "--format", "csv", "--intervals", "0.9", "--interval-draws", "50", "--interval-seed", "3");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("customer_id,x,t_x,T,p_alive,expected_transactions,expected_spend,clv,"
                + "expected_transactions_lower,expected_transactions_upper,clv_lower,clv_upper");
        List<String> rows = run.outLines().subList(1, run.outLines().size());
        assertThat(rows).hasSizeGreaterThan(1000).allSatisfy(l -> {
            String[] f = l.split(",", -1);
            assertThat(f).hasSize(12);
            double e = Double.parseDouble(f[5]);
            // bounds printed to 4 decimals around a point printed to 4 decimals
            assertThat(Double.parseDouble(f[8])).isLessThanOrEqualTo(e + 1e-4);
            assertThat(Double.parseDouble(f[9])).isGreaterThanOrEqualTo(e - 1e-4);
            assertThat(Double.parseDouble(f[10])).isLessThanOrEqualTo(Double.parseDouble(f[11]));
        });
        assertThat(run.err()).contains("parametric bootstrap").contains("50 draws").contains("seed 3");
        Cli.Run again = Cli.run("clv", "predict", "-i", csv.toString(), "--calibration-end", "2025-03-31", "--horizon",
                "26w", "--format", "csv", "--intervals", "0.9", "--interval-draws", "50", "--interval-seed", "3");
        assertThat(again.outLines()).isEqualTo(run.outLines());

        Cli.Run bad = Cli.run("clv", "predict", "-i", csv.toString(), "--calibration-end", "2025-03-31", "--horizon",
                "26w", "--intervals", "90");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("interval level must be strictly between 0 and 1: 90.0");
    }
}
