package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Nothing is lost in the ledger files either: every invoice and payment row is used or reported
 * with its physical line, and the money of the rows used is all accounted for in the output.
 */
class LedgerRowAccountingProperties {

    enum Defect { NONE, BAD_DATE, DUE_BEFORE_ISSUED, BAD_AMOUNT, ZERO_AMOUNT, EMPTY_CUSTOMER, FIELD_COUNT,
        DUPLICATE_ID, QUOTED_NOTE }

    record Row(int customer, int day, int cents, Defect defect) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<Defect> defects = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Defect.NONE)),
                Tuple.of(3, Arbitraries.of(Defect.class)));
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(1, 50_000), defects).as(Row::new).list().ofMaxSize(25);
    }

    @Property(tries = 60)
    void everyRowIsUsedOrReportedAndTheMoneyBalances(@ForAll("rows") List<Row> invoiceRows,
            @ForAll("rows") List<Row> paymentRows) throws IOException {
        Path dir = Files.createTempDirectory("ledger-rows");
        StringBuilder inv = new StringBuilder("invoice_id,customer_id,issued,due,amount,note\n");
        List<Integer> rejected = new ArrayList<>();
        long invoiced = 0;
        int line = 2;
        boolean i0Taken = false;
        for (int k = 0; k < invoiceRows.size(); k++) {
            Row r = invoiceRows.get(k);
            String id = r.defect() == Defect.DUPLICATE_ID && k > 0 ? "i0" : "i" + k;
            String issued = "2025-01-01";
            String due = r.defect() == Defect.DUE_BEFORE_ISSUED ? "2024-12-31" : java.time.LocalDate.of(2025, 1, 1)
                    .plusDays(r.day()).toString();
            String amount = r.defect() == Defect.BAD_AMOUNT ? "12,5" : r.defect() == Defect.ZERO_AMOUNT ? "0.00"
                    : BigDecimal.valueOf(r.cents(), 2).toPlainString();
            String customer = r.defect() == Defect.EMPTY_CUSTOMER ? "" : "c" + r.customer();
            if (r.defect() == Defect.BAD_DATE) {
                issued = "01/01/2025";
            }
            String note = r.defect() == Defect.QUOTED_NOTE ? "\"two\nlines\"" : "x";
            if (r.defect() == Defect.FIELD_COUNT) {
                inv.append(id).append(',').append(customer).append('\n');
            } else {
                inv.append(String.join(",", id, customer, issued, due, amount, note)).append('\n');
            }
            // an identifier is taken only by a row that is accepted (LedgerCsvReader: a valid row is never
            // refused as repeating a rejected one)
            boolean duplicate = id.equals("i0") && i0Taken;
            boolean bad = duplicate || r.defect() != Defect.NONE && r.defect() != Defect.QUOTED_NOTE
                    && r.defect() != Defect.DUPLICATE_ID;
            if (id.equals("i0") && !bad) {
                i0Taken = true;
            }
            if (bad) {
                rejected.add(line);
            } else {
                invoiced += r.cents();
            }
            line += r.defect() == Defect.QUOTED_NOTE ? 2 : 1;
        }
        StringBuilder pay = new StringBuilder("payment_id,customer_id,paid_on,amount\n");
        List<Integer> rejectedPayments = new ArrayList<>();
        long paid = 0;
        line = 2;
        for (int k = 0; k < paymentRows.size(); k++) {
            Row r = paymentRows.get(k);
            boolean bad = switch (r.defect()) {
                case BAD_DATE, BAD_AMOUNT, ZERO_AMOUNT, EMPTY_CUSTOMER, FIELD_COUNT -> true;
                default -> false;
            };
            String day = r.defect() == Defect.BAD_DATE ? "2025-02-30" : java.time.LocalDate.of(2025, 1, 1)
                    .plusDays(r.day()).toString();
            String amount = r.defect() == Defect.BAD_AMOUNT ? "abc" : r.defect() == Defect.ZERO_AMOUNT ? "0"
                    : BigDecimal.valueOf(r.cents(), 2).toPlainString();
            String customer = r.defect() == Defect.EMPTY_CUSTOMER ? "" : "c" + r.customer();
            if (r.defect() == Defect.FIELD_COUNT) {
                pay.append("p").append(k).append('\n');
            } else {
                pay.append(String.join(",", "p" + k, customer, day, amount)).append('\n');
            }
            if (bad) {
                rejectedPayments.add(line);
            } else {
                paid += r.cents();
            }
            line++;
        }
        Path i = Cli.write(dir, "invoices.csv", inv.toString());
        Path p = Cli.write(dir, "payments.csv", pay.toString());
        Cli.Run run = Cli.run("receivables", "--invoices", i.toString(), "--payments", p.toString(), "--as-of",
                "2025-12-31", "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<Integer> expected = new ArrayList<>(rejected);
        expected.addAll(rejectedPayments);
        assertThat(run.rejectedLineNumbers()).as(run.toString()).containsExactlyElementsOf(expected);
        assertThat(run.lastErrLine()).contains(expected.size() + " of " + (invoiceRows.size() + paymentRows.size())
                + " rows rejected");
        JsonNode d = new ObjectMapper().readTree(run.out()).get("definitions");
        BigDecimal cents = BigDecimal.valueOf(100);
        assertThat(d.get("invoiced").decimalValue().multiply(cents).longValueExact()).isEqualTo(invoiced);
        long applied = d.get("paid_applied").decimalValue().multiply(cents).longValueExact();
        long unapplied = d.get("unapplied_credit").decimalValue().multiply(cents).longValueExact();
        long outstanding = d.get("outstanding").decimalValue().multiply(cents).longValueExact();
        assertThat(applied + unapplied).isEqualTo(paid);
        assertThat(applied + outstanding).isEqualTo(invoiced);
    }
}
