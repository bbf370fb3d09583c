package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceivablesCommandTest {

    /**
     * As of 2025-06-30: ann owes i1 (due today), i2 (30 late), i3 (31 late); bob i4 (91 late); cat paid i5 ten days
     * late, overpaying by 5. Ratings by the hand-set scorecard: ann late share 1, mean 30.5 days, longest 31, eta
     * -0.80, 31% (C); bob 91 days late (C); cat late share 1, 10 days, eta -1.60, 17% (B).
     */
    static final String INVOICES = String.join("\n",
            "invoice_id,customer_id,issued,due,amount",
            "i1,ann,2025-06-01,2025-06-30,100.00",
            "i2,ann,2025-05-01,2025-05-31,50.00",
            "i3,ann,2025-05-01,2025-05-30,25.00",
            "i4,bob,2025-03-01,2025-03-31,80.00",
            "i5,cat,2025-03-01,2025-03-31,10.00",
            "i6,bob,2025-07-01,2025-07-31,999.00",
            "");

    static final String PAYMENTS = String.join("\n",
            "payment_id,customer_id,paid_on,amount,invoice_id",
            "p1,cat,2025-04-10,15.00,i5",
            "p2,ann,2025-06-15,5.00,",
            "p3,bob,2025-07-02,80.00,i4",
            "");

    @TempDir
    Path dir;

    Cli.Run run(String invoices, String payments, String... more) throws IOException {
        Path inv = Cli.write(dir, "invoices.csv", invoices);
        Path pay = Cli.write(dir, "payments.csv", payments);
        String[] args = new String[6 + more.length];
        args[0] = "receivables";
        args[1] = "--invoices";
        args[2] = inv.toString();
        args[3] = "--payments";
        args[4] = pay.toString();
        args[5] = "--as-of=2025-06-30";
        System.arraycopy(more, 0, args, 6, more.length);
        return Cli.run(args);
    }

    @Test
    void csvAgeingWithTheColumnsOfTheIssue() throws IOException {
        Cli.Run run = run(INVOICES, PAYMENTS, "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // ann: p2 (5.00, no invoice) pays the oldest due first: i3 (due 05-30) 25 -> 20
        assertThat(run.outLines()).containsExactly(
                "customer_id,current,d1_30,d31_60,d61_90,d91_plus,total_outstanding,unapplied_credit,rating",
                "ann,100.00,50.00,20.00,0.00,0.00,170.00,0.00,C",
                "bob,0.00,0.00,0.00,0.00,80.00,80.00,0.00,C",
                "cat,0.00,0.00,0.00,0.00,0.00,0.00,5.00,B");
        assertThat(run.err()).contains("hand-set: history too short to fit").contains("0 of 9 rows rejected");
        assertThat(run.err()).contains("outstanding: 250.00");
    }

    @Test
    void bucketsAreAnOptionAndJsonCarriesTheDefinitions() throws IOException {
        Cli.Run run = run(INVOICES, PAYMENTS, "--buckets", "0,45", "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        JsonNode ann = doc.get("rows").get(0);
        assertThat(ann.get("d1_45").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(ann.get("d46_plus").decimalValue()).isEqualByComparingTo("0");
        assertThat(doc.at("/definitions/currency").asText()).isEqualTo("USD");
        Cli.Run above = run(INVOICES, PAYMENTS, "--buckets", "5,30", "--format", "csv");
        assertThat(above.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
        assertThat(above.err()).contains("--buckets 5,30: the first edge must be 0");
        assertThat(above.out()).isEmpty();
        assertThat(doc.at("/definitions/overdue_share").asDouble()).isCloseTo(150.0 / 250, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndStrictFails() throws IOException {
        String invoices = String.join("\n",
                "invoice_id,customer_id,issued,due,amount,note",
                "i1,ann,2025-06-01,2025-06-30,100.00,x",
                "i2,ann,2025-13-01,2025-06-30,1.00,x",
                "i3,ann,2025-06-01,2025-05-30,1.00,x",
                "i1,bob,2025-06-01,2025-06-30,1.00,x",
                "i4,,2025-06-01,2025-06-30,1.00,x",
                "i5,ann,2025-06-01,2025-06-30,1.001,x",
                "i6,ann,2025-06-01,2025-06-30,\"1.00\"x,x",
                "i7,ann,2025-06-01",
                "i8,ann,2025-06-01,2025-06-30,-20.00,refund",
                "i9,ann,2025-06-01,2025-06-30,0,x",
                "");
        String payments = String.join("\n",
                "payment_id,customer_id,paid_on,amount",
                "p1,ann,2025-06-10,-3",
                "p2,ann,June 10,3",
                "p3,ann,2025-06-10,3",
                "");
        Cli.Run run = run(invoices, payments, "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejectedLineNumbers()).containsExactly(3, 4, 5, 6, 7, 8, 9, 11, 2, 3);
        assertThat(run.rejected().get(0)).isEqualTo(
                "line 3: invoices.csv: issued is not an ISO date such as 2025-01-31: '2025-13-01'");
        assertThat(run.rejected().get(3)).isEqualTo("line 6: invoices.csv: customer_id is empty");
        assertThat(run.rejected().get(2)).isEqualTo("line 5: invoices.csv: invoice_id repeats the one on line 2");
        assertThat(run.err()).contains("warning: invoices.csv: columns ignored: 'note'");
        assertThat(run.lastErrLine()).contains("10 of 13 rows rejected");
        // ann: i1 100 - i8 credit note 20 - p3 3 = 77
        assertThat(run.outLines()).contains("ann,77.00,0.00,0.00,0.00,0.00,77.00,0.00,AAA");
        Cli.Run strict = run(invoices, payments, "--strict", "--format", "csv");
        assertThat(strict.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.lastErrLine()).contains("10 of 13 rows rejected").contains("--strict: nothing computed");
    }

    @Test
    void aPaymentNamingAnInvoiceNotYetIssuedIsReportedAsUnappliedWithTheReason() throws IOException {
        String invoices = String.join("\n",
                "invoice_id,customer_id,issued,due,amount",
                "i1,ann,2025-05-01,2025-05-31,10.00",
                "i2,ann,2025-06-10,2025-07-10,100.00",
                "");
        String payments = String.join("\n",
                "payment_id,customer_id,paid_on,amount,invoice_id",
                "p1,ann,2025-06-01,30.00,i2",
                "");
        Cli.Run run = run(invoices, payments, "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines().get(1)).startsWith("ann,100.00,0.00,0.00,0.00,0.00,100.00,20.00,");
        assertThat(run.err()).contains("warning: payment p1 names invoice i2 not yet issued on the payment date"
                + " (2025-06-01; issued 2025-06-10): 20.00 of 30.00 unapplied");
        assertThat(run.lastErrLine()).contains("0 of 3 rows rejected; 1 payments or credit notes name an invoice not"
                + " yet issued on the payment date (amount 30.00, of it 20.00 unapplied credit)");
        Cli.Run help = Cli.run("receivables", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("not yet issued");
    }

    @Test
    void aRepeatedHeaderOrATruncatedGzipFileIsAClearErrorNamingTheFile() throws IOException {
        Cli.Run twice = run("invoice_id,customer_id,issued,due,amount,Amount\ni1,ann,2025-06-01,2025-06-30,1.00,2.00\n",
                PAYMENTS);
        assertThat(twice.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(twice.lastErrLine()).contains("invoices.csv: line 1: the header names column 'amount' twice");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(INVOICES.repeat(50).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] all = bytes.toByteArray();
        Path gz = dir.resolve("invoices.csv.gz");
        java.nio.file.Files.write(gz, java.util.Arrays.copyOf(all, all.length / 2));
        Path pay = Cli.write(dir, "payments.csv", PAYMENTS);
        Cli.Run truncated = Cli.run("receivables", "--invoices", gz.toString(), "--payments", pay.toString(),
                "--as-of", "2025-06-30");
        assertThat(truncated.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(truncated.lastErrLine()).contains("cannot read the gzip input " + gz + " to its end")
                .contains("damaged or truncated");
    }

    @Test
    void aValidRowIsNotRejectedAsRepeatingARejectedOne() throws IOException {
        String invoices = String.join("\n",
                "invoice_id,customer_id,issued,due,amount",
                "i1,ann,2025-13-01,2025-06-30,1.00",
                "i1,ann,2025-06-01,2025-06-30,100.00",
                "i1,ann,2025-06-01,2025-06-30,7.00",
                "");
        Cli.Run run = run(invoices, "payment_id,customer_id,paid_on,amount\n", "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejected()).containsExactly(
                "line 2: invoices.csv: issued is not an ISO date such as 2025-01-31: '2025-13-01'",
                "line 4: invoices.csv: invoice_id repeats the one on line 3");
        assertThat(run.outLines()).contains("ann,100.00,0.00,0.00,0.00,0.00,100.00,0.00,AAA");
    }

    @Test
    void farDatesAndHugeAmountsAreRejectedPerRowNotWrappedAround() throws IOException {
        String invoices = String.join("\n",
                "invoice_id,customer_id,issued,due,amount",
                "i1,ann,2025-06-01,2025-06-30,100.00",
                "i2,ann,0999-12-31,2025-06-30,1.00",
                "i3,ann,2025-06-01,9999-01-01,1.00",
                "i4,ann,2025-06-01,2025-06-30,92233720368547758.07",
                "i5,ann,2025-06-01,2025-06-30,10000000000000.01",
                "i6,bob,2025-06-01,2025-06-30,10000000000000.00",
                "");
        String payments = String.join("\n",
                "payment_id,customer_id,paid_on,amount",
                "p1,bob,+1000000-01-01,1.00",
                "");
        Cli.Run run = run(invoices, payments, "--format", "csv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejectedLineNumbers()).containsExactly(3, 4, 5, 6, 2);
        assertThat(run.rejected().get(0)).isEqualTo("line 3: invoices.csv: issued 0999-12-31 is outside the accepted days 1000-01-01 to 9998-12-31");
        assertThat(run.rejected().get(1)).isEqualTo("line 4: invoices.csv: due 9999-01-01 is outside the accepted days 1000-01-01 to 9998-12-31");
        assertThat(run.rejected().get(2)).startsWith("line 5: invoices.csv: amount '92233720368547758.07'");
        assertThat(run.rejected().get(3)).startsWith(
                "line 6: invoices.csv: amount '10000000000000.01' exceeds 1000000000000000 minor units");
        assertThat(run.rejected().get(4)).isEqualTo(
                "line 2: payments.csv: paid_on +1000000-01-01 is outside the accepted days 1000-01-01 to 9998-12-31");
        assertThat(run.outLines()).contains("bob,10000000000000.00,0.00,0.00,0.00,0.00,10000000000000.00,0.00,AAA");
    }

    @Test
    void severalCurrenciesNeedAChoiceAndOtherCurrencyRowsAreRejected() throws IOException {
        String invoices = String.join("\n",
                "invoice_id,customer_id,issued,due,amount,currency",
                "i1,ann,2025-06-01,2025-06-30,100.00,EUR",
                "i2,ann,2025-06-01,2025-06-30,100,JPY",
                "");
        String payments = "payment_id,customer_id,paid_on,amount\n";
        Cli.Run mixed = run(invoices, payments);
        assertThat(mixed.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(mixed.lastErrLine()).contains("2 currencies [EUR, JPY]").contains("--currency");
        Cli.Run chosen = run(invoices, payments, "--currency", "JPY", "--format", "csv");
        assertThat(chosen.exitCode()).as(chosen.toString()).isZero();
        assertThat(chosen.rejected()).containsExactly("line 2: invoices.csv: currency is not JPY, the currency of the run");
        assertThat(chosen.outLines().get(1)).isEqualTo("ann,100,0,0,0,0,100,0,AAA");
    }

    @Test
    void aMissingColumnOrFileIsAClearError() throws IOException {
        Cli.Run run = run("invoice_id,customer_id,issued,amount\n", PAYMENTS);
        assertThat(run.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(run.lastErrLine()).contains("the header lacks [due]");
        Cli.Run missing = Cli.run("receivables", "--invoices", dir.resolve("nope.csv").toString(), "--payments",
                dir.resolve("nope2.csv").toString(), "--as-of", "2025-01-01");
        assertThat(missing.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(missing.lastErrLine()).contains("nope.csv (no such file)");
        Cli.Run usage = Cli.run("receivables", "--invoices", "x.csv");
        assertThat(usage.exitCode()).isEqualTo(CrmkitCli.EXIT_USAGE);
    }

    @Test
    void collectionsCalendarOverdueAndOverLimit() throws IOException {
        String payments = String.join("\n",
                "payment_id,customer_id,paid_on,amount,invoice_id",
                "p1,bob,2025-01-25,1.00,",
                "p2,bob,2025-02-25,1.00,",
                "p3,bob,2025-03-25,1.00,",
                "");
        String invoices = String.join("\n",
                "invoice_id,customer_id,issued,due,amount",
                "i0,bob,2025-01-01,2025-01-02,3.00",
                "i1,ann,2025-06-01,2025-06-30,100.00",
                "i2,ann,2025-05-01,2025-05-31,50.00",
                "i4,bob,2025-03-01,2025-03-31,80.00",
                "");
        Path inv = Cli.write(dir, "invoices.csv", invoices);
        Path pay = Cli.write(dir, "payments.csv", payments);
        Path terms = Cli.write(dir, "terms.csv", "customer_id,credit_limit,terms_days\nann,120,30\nbob,100,30\n");
        Cli.Run cal = Cli.run("collections", "--invoices", inv.toString(), "--payments", pay.toString(),
                "--as-of", "2025-06-30", "--format", "csv");
        assertThat(cal.exitCode()).as(cal.toString()).isZero();
        assertThat(cal.outLines()).containsExactly(
                "customer_id,contact_on,amount_due,overdue,oldest_days_past_due,payday",
                "ann,2025-06-30,150.00,50.00,30,\"none (0 payments)\"",
                "bob,2025-07-25,80.00,80.00,91,\"day 25 (3 of 3 payments)\"");
        Cli.Run overdue = Cli.run("collections", "--invoices", inv.toString(), "--payments", pay.toString(),
                "--as-of", "2025-06-30", "--list", "overdue", "--format", "csv");
        assertThat(overdue.outLines()).containsExactly("invoice_id,customer_id,due,days_past_due,open",
                "i4,bob,2025-03-31,91,80.00", "i2,ann,2025-05-31,30,50.00");
        Cli.Run over = Cli.run("collections", "--invoices", inv.toString(), "--payments", pay.toString(),
                "--credit-terms", terms.toString(), "--as-of", "2025-06-30", "--list", "over-limit", "--format", "csv");
        assertThat(over.outLines()).containsExactly("customer_id,outstanding,credit_limit,excess",
                "ann,150.00,120.00,30.00");
        Cli.Run noTerms = Cli.run("collections", "--invoices", inv.toString(), "--payments", pay.toString(),
                "--as-of", "2025-06-30", "--list", "over-limit");
        assertThat(noTerms.exitCode()).isEqualTo(CrmkitCli.EXIT_FAILED);
        assertThat(noTerms.lastErrLine()).contains("needs --credit-terms");
    }
}
