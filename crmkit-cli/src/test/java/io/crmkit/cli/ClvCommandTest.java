package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crmkit clv} on the CDNOW sample against the published BG/NBD figures. */
class ClvCommandTest {

    @TempDir
    Path dir;

    private Path csv;

    @BeforeEach
    void convertCdnow() throws IOException {
        csv = Cli.cdnowOrders(dir);
    }

    @Test
    void fitReproducesThePublishedBgNbdEstimatesAndHoldout() throws IOException {
        // the published estimates count a customer's orders on one day as one transaction
        Cli.Run run = Cli.run("clv", "fit", "--model", "bg-nbd", "-i", csv.toString(), "--calibration-end", "1997-09-30",
                "--holdout-end", "1998-06-30", "--unit", "weeks", "--purchase-unit", "day");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertThat(doc.get("model").asText()).isEqualTo("bg-nbd");
        assertThat(doc.at("/params/r").asDouble()).isCloseTo(0.243, within(0.0005));
        assertThat(doc.at("/params/alpha").asDouble()).isCloseTo(4.414, within(0.0005));
        assertThat(doc.at("/params/a").asDouble()).isCloseTo(0.793, within(0.0005));
        assertThat(doc.at("/params/b").asDouble()).isCloseTo(2.426, within(0.0005));
        assertThat(doc.get("logLikelihood").asDouble()).isCloseTo(-9582.4, within(0.05));
        assertThat(doc.get("converged").asBoolean()).isTrue();
        assertThat(doc.get("standardErrors").size()).isEqualTo(4);
        assertThat(doc.at("/holdout/actualTotal").asDouble()).isEqualTo(1882.0);
        assertThat(doc.at("/definitions/customers").asInt()).isEqualTo(2357);
        assertThat(doc.at("/definitions/purchase_unit").asText()).isEqualTo("day");

        // crmkit's one default counts every order: CDNOW has same-day orders, so more transactions
        Cli.Run byOrder = Cli.run("clv", "fit", "--model", "bg-nbd", "-i", csv.toString(), "--calibration-end",
                "1997-09-30", "--holdout-end", "1998-06-30", "--unit", "weeks");
        assertThat(byOrder.exitCode()).as(byOrder.toString()).isZero();
        JsonNode orderDoc = new ObjectMapper().readTree(byOrder.out());
        assertThat(orderDoc.at("/definitions/purchase_unit").asText()).isEqualTo("order");
        assertThat(orderDoc.at("/holdout/actualTotal").asDouble()).isGreaterThan(1882.0);
    }

    @Test
    void predictValuesEveryCustomer() {
        Cli.Run run = Cli.run("clv", "predict", "-i", csv.toString(), "--calibration-end", "1997-09-30", "--unit", "weeks",
                "--purchase-unit", "day", "--horizon", "52w", "--discount-rate", "0.1", "--margin", "0.3", "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).hasSize(2358);
        assertThat(run.outLines().get(0)).isEqualTo("customer_id,x,t_x,T,p_alive,expected_transactions,expected_spend,clv");
        String[] first = run.outLines().get(1).split(",");
        assertThat(first[0]).isEqualTo("1");
        // published Gamma-Gamma conditional expected spend of customer 1: 24.65
        assertThat(Double.parseDouble(first[6])).isCloseTo(24.65, within(0.1));
        assertThat(Double.parseDouble(first[4])).isBetween(0.0, 1.0);
        assertThat(run.err()).contains("horizon 52").contains("margin 0.3");
    }
}
