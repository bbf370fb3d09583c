package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiCommandTest {

    /** The hand-checked quarter of crm-metrics' OrderKpisTest, shuffled, as a file. */
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

    @Test
    void monthlyKpisFromAnUnsortedFile() throws IOException {
        Path file = Cli.write(dir, "orders.csv", ORDERS);
        Cli.Run run = Cli.run("kpi", "-i", file.toString(), "--from", "2026-01-01", "--to", "2026-03-31",
                "--active-window", "31", "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        JsonNode rows = doc.get("rows");
        assertThat(rows).hasSize(3);
        // January: 3 orders, 100.00, 2 buyers, 1 new; S = 1, E = 2, retained 1
        assertThat(rows.get(0).get("period").asText()).isEqualTo("2026-01");
        assertThat(rows.get(0).get("orders").asLong()).isEqualTo(3);
        assertThat(rows.get(0).get("buyers").asLong()).isEqualTo(2);
        assertThat(rows.get(0).get("new_customers").asLong()).isEqualTo(1);
        assertThat(rows.get(0).get("retention_rate").asDouble()).isEqualTo(1.0);
        // February: everyone active at the start lapsed
        assertThat(rows.get(1).get("churn_rate").asDouble()).isEqualTo(1.0);
        // March: bob reactivated; the textbook rate counts him, the exact one does not
        assertThat(rows.get(2).get("reactivated").asLong()).isEqualTo(1);
        assertThat(rows.get(2).get("retention_rate").asDouble()).isEqualTo(0.0);
        assertThat(rows.get(2).get("textbook_retention").asDouble()).isEqualTo(1.0);
        assertThat(doc.at("/definitions/active_window_days").asInt()).isEqualTo(31);
        assertThat(doc.at("/definitions/orders_seen").asLong()).isEqualTo(6);
    }

    @Test
    void cohortsCountTheirCustomers() throws IOException {
        Path file = Cli.write(dir, "orders.csv", ORDERS);
        Cli.Run run = Cli.run("cohorts", "-i", file.toString(), "--from", "2026-01-01", "--to", "2026-03-31",
                "--values", "counts", "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly("cohort,size,0,1,2", "2026-01,1,1,0,1", "2026-02,1,1,0,",
                "2026-03,0,0,,");
    }

    @Test
    void aWindowShorterThanThePeriodIsRefused() throws IOException {
        Path file = Cli.write(dir, "orders.csv", ORDERS);
        Cli.Run run = Cli.run("kpi", "-i", file.toString(), "--period", "quarter", "--active-window", "30");
        assertThat(run.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(run.lastErrLine()).contains("activeWindowDays must be at least 92");
    }

    @Test
    void theDayUnitCountsACustomersOrdersOfOneDayAsOnePurchase() throws IOException {
        // bob's two January orders on 2026-01-05 (UTC) are one purchase by day, two by order
        Path file = Cli.write(dir, "orders.csv", ORDERS + "bob,7,2026-01-05T18:00:00Z,5.00\n");
        for (String unit : new String[] {"order", "day"}) {
            Cli.Run run = Cli.run("kpi", "-i", file.toString(), "--from", "2026-01-01", "--to", "2026-01-31",
                    "--active-window", "31", "--purchase-unit", unit, "--format", "json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode doc = new ObjectMapper().readTree(run.out());
            JsonNode january = doc.get("rows").get(0);
            assertThat(january.get("orders").asLong()).as(unit).isEqualTo(unit.equals("day") ? 3 : 4);
            assertThat(january.get("multi_purchase_buyers").asLong()).as(unit).isEqualTo(1);
            assertThat(january.get("revenue").asDouble()).as(unit).isEqualTo(105.0);
            assertThat(doc.at("/definitions/purchase_unit").asText()).isEqualTo(unit);
            assertThat(doc.at("/definitions/orders_counted").asLong()).isEqualTo(5);
        }
        Cli.Run cohorts = Cli.run("cohorts", "-i", file.toString(), "--purchase-unit", "day", "--from", "2026-01-01",
                "--to", "2026-03-31", "--values", "counts", "--format", "csv");
        assertThat(cohorts.exitCode()).as(cohorts.toString()).isZero();
    }
}
