package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarizeCommandTest {

    /** Every kind of bad row, with multi-line quoted fields before, inside and after them. */
    static final String MALFORMED = String.join("\n",
            "customer_id,order_id,timestamp,amount,currency,status,note",          // 1
            "alice@example.com,o1,2024-01-05,10.00,USD,paid,first",                 // 2
            "alice@example.com,o1,2024-01-05,5.50,USD,paid,\"a note",               // 3
            "over two lines\"",                                                     // 4
            "bob,o2,2024-01-06T10:00:00Z,20,USD,delivered,",                        // 5
            "carol,o3,2024-13-01,1.00,USD,paid,bad date",                           // 6
            "carol,o4,2024-03-01,12,5,USD,paid,wrong column count",                 // 7
            "carol,o5,2024-03-01,abc,USD,paid,bad amount",                          // 8
            "carol,,2024-03-01,1.00,USD,paid,missing order id",                     // 9
            "carol,o6,2024-03-01,1.00,USD,refunded,unknown status",                 // 10
            "\"dave",                                                               // 11
            "smith\",o7,2024-03-02,1.00,USD,paid,newline in the customer id",       // 12
            "bob,o2,2024-01-07,1.00,USD,delivered,conflicting timestamp",           // 13
            "erin,o2,2024-01-06T10:00:00Z,1.00,USD,delivered,conflicting customer", // 14
            "bob,o8,2024-02-01T09:00:00+01:00,7.25,USD,completed,\"x",              // 15
            "",                                                                     // 16
            "y\"",                                                                  // 17
            "alice@example.com,o1,2024-01-05,4.50,USD,paid,a later line of o1",     // 18
            "frank,o9,2024-03-03,-1.00,USD,paid,negative",                          // 19
            "frank,o10,2024-03-03,2.999,USD,paid,too many decimals",                // 20
            "");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void reportsEveryBadRowWithItsPhysicalLineAndSummarisesTheRest() throws IOException {
        Path file = Cli.write(dir, "orders.csv", MALFORMED);

        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--format", "csv");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.rejectedLineNumbers()).containsExactly(6, 7, 8, 9, 10, 11, 13, 14, 20);
        assertThat(run.rejected()).satisfiesExactly(
                l -> assertThat(l).startsWith("line 6: timestamp '2024-13-01' is not an ISO date"),
                l -> assertThat(l).isEqualTo("line 7: has 8 fields, the header has 7"),
                l -> assertThat(l).isEqualTo("line 8: amount 'abc' is not a decimal number (such as 12.34)"),
                l -> assertThat(l).isEqualTo("line 9: order_id is empty"),
                l -> assertThat(l).startsWith("line 10: status 'refunded' is not a known label; say what it means"
                        + " with --status 'refunded=CATEGORY'"),
                l -> assertThat(l).startsWith("line 11: customer_id is not a valid identifier"),
                l -> assertThat(l).isEqualTo("line 13: timestamp differs from line 5, the first line of the same"
                        + " order"),
                l -> assertThat(l).isEqualTo("line 14: customer_id differs from line 5, the first line of the same"
                        + " order"),
                l -> assertThat(l).isEqualTo("line 20: amount '2.999' has more decimal places than USD allows (2) and is"
                        + " not floating-point noise; choose how to round with --amount-rounding (half-even, half-up,"
                        + " down...)"));
        assertThat(run.outLines()).containsExactly(
                "customer_id,first_purchase,last_purchase,purchases,orders,revenue,days_since_last,age_days,x,t_x,T,"
                        + "mean_repeat_value",
                "alice@example.com,2024-01-05,2024-01-05,1,1,20.00,27,27,0,0,27,0",
                "bob,2024-01-06,2024-02-01,2,2,27.25,0,26,1,26,26,7.25");
        // line 19's negative amount is a return of a customer without a purchase: used, in no summary
        assertThat(run.lastErrLine()).isEqualTo("crmkit summarize: 9 of 15 rows rejected (1 wrong number of fields,"
                + " 1 missing value, 1 bad identifier, 1 bad timestamp, 2 bad amount, 1 unknown status,"
                + " 2 conflicting order line); returns: 1");
    }

    @Test
    void aCostColumnAddsTheMarginLast() throws IOException {
        Path file = Cli.write(dir, "orders.csv", String.join("\n",
                "customer_id,order_id,timestamp,amount,cost",
                "alice,o1,2024-01-05,100.00,60.00", "alice,o1,2024-01-05,20.00,5.00", "alice,o2,2024-02-05,-30.00,-18.00",
                "bob,o3,2024-01-06,50.00,49.50", "bob,o4,2024-01-07,10.00,", ""));

        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--as-of", "2024-03-31", "--format", "csv");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines().get(0)).endsWith(",mean_repeat_value,margin");
        // alice: 120 - 30 returned = 90 of revenue, 65 - 18 = 47 of cost; bob's second row has no cost
        assertThat(run.outLines().get(1)).startsWith("alice,").endsWith(",90.00,86,86,0,0,86,0,43.00");
        assertThat(run.outLines().get(2)).startsWith("bob,").endsWith(",0.50");
        assertThat(run.rejected()).containsExactly("line 6: cost is empty");
    }

    @Test
    void neverPrintsCustomerIdentifiersOnStderr() throws IOException {
        Path file = Cli.write(dir, "orders.csv", MALFORMED);

        Cli.Run run = Cli.run("summarize", "--input", file.toString());

        assertThat(run.out()).contains("alice@example.com", "bob");
        assertThat(run.err()).doesNotContain("alice", "bob", "carol", "dave", "smith", "erin", "frank");
    }

    @Test
    void strictFailsWithNothingOnStdout() throws IOException {
        Path file = Cli.write(dir, "orders.csv", MALFORMED);

        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--strict", "--format", "csv");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.rejected()).hasSize(9);
        assertThat(run.lastErrLine()).startsWith("crmkit summarize: 9 of 15 rows rejected").endsWith(
                "; --strict: nothing computed");
    }

    @Test
    void strictSucceedsOnCleanInput() throws IOException {
        Path file = Cli.write(dir, "orders.csv", "customer_id,order_id,timestamp,amount\nc1,o1,2024-01-01,1.00\n");

        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--strict", "--format", "csv");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.lastErrLine()).isEqualTo("crmkit summarize: 0 of 1 rows rejected");
    }

    @Test
    void csvHasExactlyOneHeaderAndOneRecordPerCustomer() throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,order_id,timestamp,amount\n");
        for (int i = 0; i < 300; i++) {
            csv.append("c").append(i % 37).append(",o").append(i).append(",2024-01-").append(1 + i % 28)
                    .append(",1.00\n");
        }
        csv.append("\"last, with a comma\",o-last,2024-02-01,2.00\n");
        Path file = Cli.write(dir, "orders.csv", csv.toString());

        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--format", "csv");

        List<String> lines = run.outLines();
        assertThat(lines).hasSize(1 + 38);
        assertThat(lines.get(0)).startsWith("customer_id,");
        assertThat(lines.stream().filter(l -> l.startsWith("customer_id,"))).hasSize(1);
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.lastIndexOf("\",") < 0
                ? l.indexOf(',') : l.lastIndexOf("\",") + 1)).collect(Collectors.toSet())).hasSize(38);
        assertThat(lines).contains("\"last, with a comma\",2024-02-01,2024-02-01,1,1,2.00,0,0,0,0,0,0");
    }

    @Test
    void jsonIsOneDocumentWithTheDefinitionsAndTheRows() throws IOException {
        Path file = Cli.write(dir, "orders.csv", MALFORMED);

        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--format", "json", "--as-of", "2024-03-31",
                "--unit", "weeks", "--purchase-unit", "day");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        JsonNode d = doc.get("definitions");
        assertThat(d.get("as_of").asText()).isEqualTo("end of 2024-03-31");
        assertThat(d.get("as_of_source").asText()).isEqualTo("--as-of");
        assertThat(d.get("clock").asText()).isEqualTo("day");
        assertThat(d.get("zone").asText()).isEqualTo("UTC");
        assertThat(d.get("purchase_unit").asText()).isEqualTo("day");
        assertThat(d.get("revenue_basis").asText()).isEqualTo("net");
        assertThat(d.get("counted_statuses").toString()).isEqualTo("[\"completed\"]");
        assertThat(d.get("status_labels").toString()).isEqualTo(
                "{\"paid\":\"completed\",\"delivered\":\"completed\",\"completed\":\"completed\"}");
        assertThat(d.get("currency").asText()).isEqualTo("USD");
        assertThat(d.get("time_unit").asText()).isEqualTo("weeks");
        assertThat(d.get("rows_read").asLong()).isEqualTo(15);
        assertThat(d.get("rows_rejected").asLong()).isEqualTo(9);
        assertThat(d.get("rows_used").asLong()).isEqualTo(6);
        assertThat(d.get("return_rows").asLong()).isEqualTo(1);
        assertThat(d.get("orders_seen").asLong()).isEqualTo(4);
        assertThat(d.get("orders_counted").asLong()).isEqualTo(3);
        assertThat(d.get("returns_counted").asLong()).isEqualTo(1);
        assertThat(d.get("customers").asLong()).isEqualTo(2);
        assertThat(doc.get("columns")).hasSize(12);
        JsonNode bob = doc.get("rows").get(1);
        assertThat(bob.get("customer_id").asText()).isEqualTo("bob");
        assertThat(bob.get("revenue").isNumber()).isTrue();
        assertThat(bob.get("revenue").decimalValue()).isEqualByComparingTo("27.25");
        assertThat(bob.get("x").asInt()).isEqualTo(1);
        assertThat(bob.get("t_x").asDouble()).isEqualTo(26 / 7.0);
        assertThat(bob.get("T").asDouble()).isEqualTo(85 / 7.0);
        assertThat(run.err()).doesNotContain("definitions:");
    }

    @Test
    void tableIsAlignedAndDefinitionsGoToStderr() throws IOException {
        Path file = Cli.write(dir, "orders.csv", MALFORMED);

        // one block (--width 0): the summaries' table is wider than the default 120 characters
        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--as-of", "2024-03-31", "--width", "0");

        List<String> lines = run.outLines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("customer_id        first_purchase  last_purchase  purchases");
        assertThat(lines).allSatisfy(l -> assertThat(l).hasSameSizeAs(lines.get(0)));
        int t = lines.get(0).indexOf("  T  ") + 3;
        assertThat(lines.get(2).substring(0, t).strip()).endsWith("26.00  85.00").startsWith("bob");
        assertThat(run.err()).contains("definitions:\n  command: summarize\n  as_of: end of 2024-03-31\n");
    }

    @Test
    void withoutAsOfUsesTheEndOfTheLatestOrderDayAndSaysSo() throws IOException {
        Path file = Cli.write(dir, "orders.csv", "customer_id,order_id,timestamp,amount,status\n"
                + "c1,o1,2024-01-01T23:30:00-05:00,1.00,paid\nc1,o2,2023-12-01,1.00,cancelled\n");

        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--format", "csv");

        assertThat(run.errLines()).contains("crmkit summarize: --as-of not given: using the end of 2024-01-02 (UTC),"
                + " the day of the latest order");
        assertThat(run.err()).contains("  as_of: end of 2024-01-02\n  as_of_source: latest order in the input\n");
        assertThat(run.outLines()).containsExactly(run.outLines().get(0),
                "c1,2024-01-02,2024-01-02,1,1,1.00,0,0,0,0,0,0");
    }

    @Test
    void anInstantAsOfUsesTheExactClock() throws IOException {
        Path file = Cli.write(dir, "orders.csv", "customer_id,order_id,timestamp,amount\n"
                + "c1,o1,2024-01-01T00:00:00Z,1.00\nc1,o2,2024-01-02T12:00:00Z,2.00\n"
                + "c1,o3,2024-01-03T00:00:00Z,4.00\n");

        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--format", "csv", "--as-of",
                "2024-01-03T00:00:00Z");

        assertThat(run.err()).contains("  clock: exact\n");
        assertThat(run.outLines()).containsExactly(run.outLines().get(0),
                "c1,2024-01-01T00:00:00Z,2024-01-02T12:00:00Z,2,2,3.00,0.5,2,1,1.5,2,2");
        assertThat(run.err()).contains("  orders_excluded_after_as_of: 1\n");
    }

    @Test
    void dayPurchaseUnitCollapsesSameDayOrdersWhateverTheFileOrder() throws IOException {
        Path file = Cli.write(dir, "orders.csv", "customer_id,order_id,timestamp,amount\n"
                + "c1,o4,2024-01-09,8.00\nc1,o2,2024-01-05T18:00:00Z,2.00\nc1,o1,2024-01-01,1.00\n"
                + "c1,o3,2024-01-05T08:00:00Z,4.00\n");

        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--format", "csv", "--as-of", "2024-01-10",
                "--purchase-unit", "day");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.outLines()).containsExactly(run.outLines().get(0),
                "c1,2024-01-01,2024-01-09,3,4,15.00,1,9,2,8,9,7");
    }

    @Test
    void linesOfAnOrderAddUpEvenWhenNotAdjacentAndWithoutOrderIdEachRowIsAnOrder() throws IOException {
        String rows = "c1,o1,2024-01-01,1.00\nc2,o2,2024-01-01,2.00\nc1,o1,2024-01-01,3.00\n";
        Path withIds = Cli.write(dir, "with.csv", "customer_id,order_id,timestamp,amount\n" + rows);
        Path withoutIds = Cli.write(dir, "without.csv", "customer_id,timestamp,amount\n"
                + rows.replaceAll(",o\\d", ""));

        Cli.Run with = Cli.run("summarize", "--input", withIds.toString(), "--format", "csv");
        Cli.Run without = Cli.run("summarize", "--input", withoutIds.toString(), "--format", "csv");

        assertThat(with.outLines().get(1)).isEqualTo("c1,2024-01-01,2024-01-01,1,1,4.00,0,0,0,0,0,0");
        assertThat(with.err()).contains("  order_lines: rows sharing an order_id are one order\n");
        assertThat(without.outLines().get(1)).isEqualTo("c1,2024-01-01,2024-01-01,2,2,4.00,0,0,1,0,0,3");
        assertThat(without.err()).contains("  order_lines: one order per row (no order_id column)\n");
    }

    @Test
    void ignoredColumnsGiveOneWarningNamingThem() throws IOException {
        Path file = Cli.write(dir, "orders.csv", "Customer_ID,email,order_id,timestamp,amount,sku\n"
                + "c1,a@example.com,o1,2024-01-01,1.00,X\nc2,b@example.com,o2,2024-01-01,1.00,Y\n");

        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--format", "csv");

        assertThat(run.errLines().stream().filter(l -> l.contains("warning"))).containsExactly(
                "crmkit summarize: warning: ignoring columns 'email', 'sku' (crmkit reads customer_id, order_id,"
                        + " timestamp, amount, currency, status, cost; map other headers with --column NAME=HEADER)");
        assertThat(run.outLines()).hasSize(3);
    }

    @Test
    void statusLabelsMapToCategoriesAndCanBeOverridden() throws IOException {
        Path file = Cli.write(dir, "orders.csv", "customer_id,order_id,timestamp,amount,status\n"
                + "c1,o1,2024-01-01,1.00,Paid\nc1,o2,2024-01-02,2.00,On Hold\nc1,o3,2024-01-03,4.00,refunded\n"
                + "c1,o4,2024-01-04,8.00,CANCELED\n");

        Cli.Run plain = Cli.run("summarize", "--input", file.toString(), "--format", "json");
        Cli.Run overridden = Cli.run("summarize", "--input", file.toString(), "--format", "json",
                "--status", "refunded=void", "--status", "on_hold=completed", "--counted", "completed,open");

        assertThat(plain.rejectedLineNumbers()).containsExactly(4);
        JsonNode d = JSON.readTree(plain.out()).get("definitions");
        assertThat(d.get("status_labels").toString()).isEqualTo(
                "{\"paid\":\"completed\",\"on_hold\":\"open\",\"canceled\":\"void\"}");
        assertThat(d.get("orders_counted").asLong()).isEqualTo(1);
        assertThat(d.get("orders_excluded_by_status").asLong()).isEqualTo(2);
        assertThat(overridden.rejected()).isEmpty();
        JsonNode o = JSON.readTree(overridden.out());
        assertThat(o.get("definitions").get("status_labels").toString()).isEqualTo(
                "{\"paid\":\"completed\",\"on_hold\":\"completed\",\"refunded\":\"void\",\"canceled\":\"void\"}");
        assertThat(o.get("definitions").get("counted_statuses").toString()).isEqualTo("[\"open\",\"completed\"]");
        assertThat(o.get("rows").get(0).get("revenue").decimalValue()).isEqualByComparingTo("3.00");
    }

    @Test
    void ordersInSeveralCurrenciesNeedAChoiceAndOthersAreThenRejected() throws IOException {
        Path file = Cli.write(dir, "orders.csv", "customer_id,order_id,timestamp,amount,currency\n"
                + "c1,o1,2024-01-01,1.00,USD\nc1,o2,2024-01-02,2.00,EUR\nc2,o3,2024-01-02,300,jpy\n"
                + "c2,o4,2024-01-02,3.5,JPY\nc2,o5,2024-01-02,3,DOLLARS\n");

        Cli.Run unchosen = Cli.run("summarize", "--input", file.toString(), "--format", "csv");
        Cli.Run chosen = Cli.run("summarize", "--input", file.toString(), "--format", "csv", "--currency", "JPY");

        assertThat(unchosen.exitCode()).isEqualTo(1);
        assertThat(unchosen.out()).isEmpty();
        assertThat(unchosen.lastErrLine()).isEqualTo("crmkit summarize: the orders are in 3 currencies (USD: 1 rows,"
                + " EUR: 1 rows, JPY: 1 rows); choose one with --currency (rows in the others are then rejected;"
                + " crmkit never converts)");
        assertThat(unchosen.rejected()).containsExactly(
                "line 5: amount '3.5' has more decimal places than JPY allows (0) and is not floating-point noise;"
                        + " choose how to round with --amount-rounding (half-even, half-up, down...)",
                "line 6: currency 'DOLLARS' is not an ISO 4217 code such as USD");
        assertThat(chosen.exitCode()).isZero();
        assertThat(chosen.rejectedLineNumbers()).containsExactly(2, 3, 5, 6);
        assertThat(chosen.rejected().get(0)).isEqualTo("line 2: currency USD is not the currency of this run, JPY"
                + " (crmkit never converts; choose with --currency)");
        assertThat(chosen.outLines()).containsExactly(chosen.outLines().get(0),
                "c2,2024-01-02,2024-01-02,1,1,300,0,0,0,0,0,0");
    }

    @Test
    void datesStartTheirDayInTheZoneAndLocalTimesAreReadThere() throws IOException {
        Path file = Cli.write(dir, "orders.csv", "customer_id,order_id,timestamp,amount\n"
                + "c1,o1,2024-07-01,1.00\nc1,o2,2024-07-02T01:30,1.00\nc1,o3,2024-07-02T23:30:00Z,1.00\n");

        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--format", "csv", "--zone", "Europe/Paris",
                "--as-of", "2024-07-02T22:00:00Z");

        // o1 = 2024-06-30T22:00Z, o2 = 2024-07-01T23:30Z, o3 after the as-of
        assertThat(run.outLines()).containsExactly(run.outLines().get(0),
                "c1,2024-06-30T22:00:00Z,2024-07-01T23:30:00Z,2,2,2.00,0.9375,2,1,1.0625,2,1");
        assertThat(run.err()).contains("  zone: Europe/Paris\n");
    }

    @Test
    void unreadableInputFailsWithAMessage() throws IOException {
        Path noHeader = Cli.write(dir, "noheader.csv", "alice,o1,2024-01-01,1.00\n");
        Path empty = Cli.write(dir, "empty.csv", "");
        Path twice = Cli.write(dir, "twice.csv", "customer_id,timestamp,amount,amount\n");

        Cli.Run missing = Cli.run("summarize", "--input", noHeader.toString());
        Cli.Run nothing = Cli.run("summarize", "--input", empty.toString());
        Cli.Run duplicate = Cli.run("summarize", "--input", twice.toString());
        Cli.Run absent = Cli.run("summarize", "--input", dir.resolve("absent.csv").toString());

        assertThat(List.of(missing, nothing, duplicate, absent)).allSatisfy(r -> {
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
        });
        assertThat(missing.lastErrLine()).isEqualTo("crmkit summarize: line 1: the header lacks the required columns"
                + " customer_id, timestamp, amount (a header line is required: customer_id,order_id,timestamp,amount"
                + "[,currency][,status][,cost]; map other headers with --column NAME=HEADER)");
        assertThat(missing.err()).doesNotContain("alice");
        assertThat(nothing.lastErrLine()).startsWith("crmkit summarize: the input is empty");
        assertThat(duplicate.lastErrLine()).isEqualTo("crmkit summarize: line 1: the header names column 'amount' twice");
        assertThat(absent.lastErrLine()).endsWith("absent.csv (no such file)");
    }

    @Test
    void emptyDataNeedsAnAsOf() throws IOException {
        Path file = Cli.write(dir, "orders.csv", "customer_id,order_id,timestamp,amount\n");

        Cli.Run without = Cli.run("summarize", "--input", file.toString());
        Cli.Run with = Cli.run("summarize", "--input", file.toString(), "--as-of", "2024-01-01", "--format", "csv");

        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.lastErrLine()).isEqualTo("crmkit summarize: no usable order in the input, so no default"
                + " as-of: give --as-of");
        assertThat(with.exitCode()).isZero();
        assertThat(with.outLines()).hasSize(1);
    }

    @Test
    void usageErrorsExitWith2() throws IOException {
        Path file = Cli.write(dir, "orders.csv", "customer_id,timestamp,amount\n");

        assertThat(Cli.run().exitCode()).isEqualTo(2);
        assertThat(Cli.run("summarize").exitCode()).isEqualTo(2);
        assertThat(Cli.run("summarize", "-i", file.toString(), "--format", "xml").exitCode()).isEqualTo(2);
        assertThat(Cli.run("summarize", "-i", file.toString(), "--unit", "fortnights").exitCode()).isEqualTo(2);
        assertThat(Cli.run("summarize", "-i", file.toString(), "--zone", "Mars/Olympus").exitCode()).isEqualTo(2);
        assertThat(Cli.run("summarize", "-i", file.toString(), "--status", "paid=maybe").exitCode()).isEqualTo(2);
        Cli.Run badAsOf = Cli.run("summarize", "-i", file.toString(), "--as-of", "yesterday");
        assertThat(badAsOf.exitCode()).isEqualTo(2);
        assertThat(badAsOf.err()).contains("'yesterday' is not an ISO date (1997-09-30) or date-time");
        assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void helpAndVersionSucceed() {
        Cli.Run help = Cli.run("--help");
        Cli.Run version = Cli.run("--version");
        Cli.Run summarizeHelp = Cli.run("summarize", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("summarize", "demo", "Exit codes:");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).matches("(?s)crmkit \\d+\\.\\d+\\.\\d+.*");
        assertThat(summarizeHelp.out()).contains("--as-of", "--purchase-unit", "--strict", "--status");
    }

    @Test
    void byteOrderMarkAndBlankLinesAreTolerated() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFcustomer_id,order_id,timestamp,amount\n\nc1,o1,2024-01-01,1.00\n\n\n"
                + "c1,o2,2024-01-02,x\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--format", "csv");

        assertThat(run.rejectedLineNumbers()).containsExactly(6);
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.lastErrLine()).startsWith("crmkit summarize: 1 of 2 rows rejected");
    }
}
