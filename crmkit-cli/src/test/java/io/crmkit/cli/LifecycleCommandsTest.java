package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.CustomerId;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentRecord;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.ContactMedium;
import io.crmkit.core.customer.ContactPurpose;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.jackson.CrmJacksonModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleCommandsTest {

    /** a: every 10 days then silent; b: bought once; c: weekly and recent; one bad row. */
    private static final String ORDERS = String.join("\n",
            "customer_id,order_id,timestamp,amount",
            "a,o1,2025-01-01,10.00",
            "a,o2,2025-01-11,10.00",
            "a,o3,2025-01-21,10.00",
            "a,o4,2025-01-31,10.00",
            "b,o5,2025-02-20,25.00",
            "c,o6,2025-02-01,5.00",
            "c,o7,2025-02-08,5.00",
            "c,o8,2025-02-15,5.00",
            "c,o9,2025-02-22,5.00",
            "c,o10,not-a-date,5.00",
            "");

    @TempDir
    Path dir;

    private Path orders() throws IOException {
        return Cli.write(dir, "orders.csv", ORDERS);
    }

    @Test
    void thePurchaseUnitDecidesWhatIsCountedNotTheGaps() throws IOException {
        // b's second order on its one day: two purchases by order (active), one by day (new); the
        // rhythms, measured between distinct days, are the same under both units
        Path file = Cli.write(dir, "orders.csv", ORDERS + "b,o11,2025-02-20T18:00:00Z,5.00\n");
        Cli.Run byOrder = Cli.run("lifecycle", "--input", file.toString(), "--as-of", "2025-02-24", "--format", "csv");
        Cli.Run byDay = Cli.run("lifecycle", "--input", file.toString(), "--as-of", "2025-02-24", "--purchase-unit",
                "day", "--format", "csv");
        assertThat(byOrder.exitCode()).as(byOrder.toString()).isZero();
        assertThat(byDay.exitCode()).as(byDay.toString()).isZero();
        assertThat(byOrder.outLines().get(2)).isEqualTo("b,active,2,2025-02-20,4,8.5,population,17,34");
        assertThat(byDay.outLines().get(2)).isEqualTo("b,new,1,2025-02-20,4,8.5,population,17,34");
        assertThat(byOrder.outLines().get(1)).isEqualTo(byDay.outLines().get(1));
        assertThat(byOrder.err()).contains("purchase_unit: order");
        assertThat(byDay.err()).contains("purchase_unit: day").contains("purchase = DAY");
        for (String[] extra : new String[][] {{"churn-risk"}, {"due", "--from", "2025-02-25", "--to", "2025-03-31", "--ignore-consent"}}) {
            String command = extra[0];
            List<String> args = new java.util.ArrayList<>(List.of(extra));
            args.addAll(List.of("--input", file.toString(), "--as-of", "2025-02-24", "--purchase-unit", "day",
                    "--format", "csv"));
            Cli.Run run = Cli.run(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).as(command).contains("purchase_unit: day");
        }
    }

    @Test
    void lifecyclePrintsOneStagePerCustomerWithTheNumbers() throws IOException {
        Cli.Run run = Cli.run("lifecycle", "--input", orders().toString(), "--as-of", "2025-02-24", "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly(
                "customer_id,stage,purchases,last_purchase,days_since_last,rhythm_days,rhythm_source,"
                        + "at_risk_after_days,churned_after_days",
                "a,at-risk,4,2025-01-31,24,10,own,20,40",
                "b,new,1,2025-02-20,4,8.5,population,17,34",
                "c,active,4,2025-02-22,2,7,own,14,28");
        assertThat(run.rejectedLineNumbers()).containsExactly(11);
        assertThat(run.err()).contains("stages: as of 2025-02-24 (end of day): at risk after 2.0 x rhythm")
                .contains("customers_per_stage: prospect = 0, new = 1, active = 1, at-risk = 1");
    }

    @Test
    void lifecycleSinceListsTheChanges() throws IOException {
        Cli.Run run = Cli.run("lifecycle", "--input", orders().toString(), "--as-of", "2025-03-20", "--since",
                "2025-02-01", "--thresholds", "fixed:20,40", "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("rows").toString()).isEqualTo("[{\"customer_id\":\"a\",\"from\":\"active\",\"to\":\"churned\"},"
                + "{\"customer_id\":\"b\",\"from\":\"prospect\",\"to\":\"at-risk\"},"
                + "{\"customer_id\":\"c\",\"from\":\"new\",\"to\":\"at-risk\"}]");
        assertThat(doc.at("/definitions/transitions/active/churned").asInt()).isEqualTo(1);
    }

    @Test
    void churnRiskRanksTheWarningsWithReasons() throws IOException {
        Cli.Run run = Cli.run("churn-risk", "--input", orders().toString(), "--as-of", "2025-02-24", "--format",
                "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly("customer_id,level,signals,value_at_risk,reasons",
                "a,low,1,40.00,\"overdue: 24 days since the last purchase = 2.40 x the own rhythm of 10.0 days\"");
        assertThat(run.err()).contains("customers_assessed: 3").contains("signals_not_available");
    }

    @Test
    void churnRiskWithAModelAddsThePAliveSignal() throws IOException {
        Cli.Run run = Cli.run("churn-risk", "--input", orders().toString(), "--as-of", "2025-02-24",
                "--p-alive-model", "bg-nbd", "--window-days", "0", "--format", "json");
        // three customers cannot identify four parameters well, but the command must answer clearly
        assertThat(run.exitCode()).as(run.toString()).isIn(0, 1);
        if (run.exitCode() == 0) {
            // either the signal is on, or the fit is at the drop-out boundary and a warning says it is off
            assertThat(run.err() + run.out()).containsAnyOf("P(alive) <", "the P(alive) signal is off");
        } else {
            assertThat(run.lastErrLine()).contains("bg-nbd");
        }
    }

    @Test
    void dueListsOnlyCustomersWithConsent() throws IOException {
        Instant created = Instant.parse("2024-01-01T00:00:00Z");
        Customer a = Customer.builder(CustomerId.of("a"), PartyKind.PERSON, "Ann Example", created)
                .consent(Consent.of(ConsentRecord.of(ContactMedium.EMAIL, ContactPurpose.REMINDERS,
                        ConsentStatus.GRANTED, created))).build();
        Customer c = Customer.builder(CustomerId.of("c"), PartyKind.PERSON, "Cy Example", created)
                .consent(Consent.of(ConsentRecord.of(ContactMedium.EMAIL, ContactPurpose.REMINDERS,
                        ConsentStatus.DENIED, created))).build();
        Path customers = dir.resolve("customers.json");
        new ObjectMapper().registerModule(new CrmJacksonModule()).writeValue(customers.toFile(), List.of(a, c));
        Cli.Run run = Cli.run("due", "--input", orders().toString(), "--as-of", "2025-02-22", "--from",
                "2025-02-23", "--to", "2025-03-31", "--customers", customers.toString(), "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(1)).startsWith("a,2025-01-31,");
        assertThat(run.err()).contains("left_out_without_consent: 1").doesNotContain("Ann").doesNotContain("Cy ");
        Cli.Run all = Cli.run("due", "--input", orders().toString(), "--as-of", "2025-02-22", "--from",
                "2025-02-23", "--to", "2025-03-31", "--ignore-consent", "--format", "csv");
        assertThat(all.outLines()).hasSize(3);
        assertThat(all.err()).contains("consent not checked");
    }

    @Test
    void dueRefusesToGuessAboutConsent() throws IOException {
        Cli.Run run = Cli.run("due", "--input", orders().toString(), "--as-of", "2025-02-22", "--from",
                "2025-02-23", "--to", "2025-03-31");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).contains("--customers FILE").contains("--ignore-consent");
        Cli.Run reversed = Cli.run("due", "--input", orders().toString(), "--as-of", "2025-02-22", "--from",
                "2025-03-23", "--to", "2025-03-01", "--ignore-consent");
        assertThat(reversed.lastErrLine()).contains("--to 2025-03-01 must not be before --from 2025-03-23");
    }

    @Test
    void badThresholdsAreNamed() throws IOException {
        Cli.Run run = Cli.run("lifecycle", "--input", orders().toString(), "--as-of", "2025-02-24", "--thresholds",
                "fixed:40,20");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lastErrLine()).contains("churnedAfterDays (20) must be greater than atRiskAfterDays (40)");
    }
}
