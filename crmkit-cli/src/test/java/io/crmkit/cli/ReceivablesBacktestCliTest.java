package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.Money;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.Payment;
import io.crmkit.testkit.simulation.ReceivablesSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command end to end on a simulated ledger written as CSV: fitted rating and its backtest. */
class ReceivablesBacktestCliTest {

    @TempDir
    Path dir;

    @Test
    void fitsTheRatingOnTheFilesAndBacktestsIt() throws IOException {
        LocalDate end = LocalDate.of(2024, 12, 31);
        ReceivablesSimulator.SimulatedLedger sim = new ReceivablesSimulator(1500, LocalDate.of(2022, 1, 1), end,
                Money.currency("EUR"), 3).generate();
        StringBuilder inv = new StringBuilder("invoice_id,customer_id,issued,due,amount,currency\n");
        for (Invoice i : sim.invoices()) {
            inv.append(String.join(",", i.id().value(), i.customerId().value(), i.issued().toString(),
                    i.due().toString(), i.amount().amount().toPlainString(), "EUR")).append('\n');
        }
        StringBuilder pay = new StringBuilder("payment_id,customer_id,paid_on,amount,invoice_id\n");
        for (Payment p : sim.payments()) {
            pay.append(String.join(",", p.id().value(), p.customerId().value(), p.paidOn().toString(),
                    p.amount().amount().toPlainString(), p.invoiceId().map(Object::toString).orElse("")))
                    .append('\n');
        }
        Path i = Cli.write(dir, "invoices.csv", inv.toString());
        Path p = Cli.write(dir, "payments.csv", pay.toString());
        Cli.Run run = Cli.run("receivables", "--invoices", i.toString(), "--payments", p.toString(), "--as-of",
                end.toString(), "--backtest", "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode d = new ObjectMapper().readTree(run.out()).get("definitions");
        assertThat(d.get("rating_model").asText()).contains("fitted by logistic regression");
        assertThat(d.get("backtest_auc").asDouble()).isGreaterThan(0.8);
        assertThat(d.get("currency").asText()).isEqualTo("EUR");
        assertThat(run.lastErrLine()).contains("0 of " + (sim.invoices().size() + sim.payments().size())
                + " rows rejected");
        Cli.Run cal = Cli.run("collections", "--invoices", i.toString(), "--payments", p.toString(), "--as-of",
                end.toString(), "--format", "csv");
        assertThat(cal.exitCode()).as(cal.toString()).isZero();
        assertThat(cal.outLines()).hasSizeGreaterThan(100);
        assertThat(cal.out()).contains("payments)");
    }
}
