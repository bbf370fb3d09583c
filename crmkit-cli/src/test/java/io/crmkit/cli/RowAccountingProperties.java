package io.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Nothing is lost: every input row is either used or reported with its physical line, whatever mix
 * of good rows, bad rows, order lines and multi-line quoted fields a file holds.
 */
class RowAccountingProperties {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    enum Defect { NONE, BAD_TIMESTAMP, BAD_AMOUNT, NEGATIVE_AMOUNT, EMPTY_CUSTOMER, UNKNOWN_STATUS, FIELD_COUNT,
        OTHER_CUSTOMER }

    /** One row: the order it belongs to, what is wrong with it, whether its note spans two lines. */
    record Row(int order, Defect defect, boolean multiline) {
    }

    @Provide
    Arbitrary<List<Row>> files() {
        Arbitrary<Defect> defects = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(Defect.NONE)),
                Tuple.of(3, Arbitraries.of(Defect.class)));
        return Combinators.combine(Arbitraries.integers().between(0, 12), defects, Arbitraries.of(true, false))
                .as(Row::new).list().ofMaxSize(40);
    }

    @Property(tries = 150)
    void everyRowIsUsedOrReportedWithItsLine(@ForAll("files") List<Row> rows) throws IOException {
        StringBuilder csv = new StringBuilder("customer_id,order_id,timestamp,amount,status,note\n");
        Map<Integer, String> orderCustomer = new HashMap<>();
        List<Integer> expectedRejected = new ArrayList<>();
        Map<Integer, BigDecimal> orderTotal = new HashMap<>();
        Map<Integer, Boolean> orderPaid = new HashMap<>();
        long used = 0;
        long guests = 0;
        int line = 2;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String customer = "c" + (r.order() % 5 + (r.defect() == Defect.OTHER_CUSTOMER ? 1 : 0));
            String amount = (i + 1) + ".25";
            String status = r.order() % 3 == 0 ? "pending" : "paid";
            List<String> fields = new ArrayList<>(List.of(
                    r.defect() == Defect.EMPTY_CUSTOMER ? "" : customer,
                    "o" + r.order(),
                    r.defect() == Defect.BAD_TIMESTAMP ? "2024-02-30" : "2024-01-" + (10 + r.order()),
                    r.defect() == Defect.BAD_AMOUNT ? "1.2.3"
                            : r.defect() == Defect.NEGATIVE_AMOUNT ? "-" + amount : amount,
                    r.defect() == Defect.UNKNOWN_STATUS ? "lost" : status));
            boolean multiline = r.multiline() && r.defect() != Defect.FIELD_COUNT;
            if (r.defect() != Defect.FIELD_COUNT) {
                fields.add(multiline ? "\"a note\nover two lines\"" : "note");
            }
            csv.append(String.join(",", fields)).append('\n');

            // a row without a customer is a guest row, a negative amount a return: neither is rejected
            boolean guest = r.defect() == Defect.EMPTY_CUSTOMER;
            boolean bad = r.defect() != Defect.NONE && r.defect() != Defect.OTHER_CUSTOMER
                    && r.defect() != Defect.NEGATIVE_AMOUNT && !guest;
            String owner = orderCustomer.get(r.order());
            if (guest) {
                guests++;
            } else if (bad || (owner != null && !owner.equals(customer))) {
                expectedRejected.add(line);
            } else {
                orderCustomer.putIfAbsent(r.order(), customer);
                used++;
                BigDecimal signed = new BigDecimal(r.defect() == Defect.NEGATIVE_AMOUNT ? "-" + amount : amount);
                orderTotal.merge(r.order(), signed, BigDecimal::add);
                orderPaid.put(r.order(), status.equals("paid"));
            }
            line += multiline ? 2 : 1;
        }
        // net revenue of the paid orders, returns included; a customer is summarised once it has a
        // paid order that is not a return
        Map<String, BigDecimal> expectedRevenue = new TreeMap<>();
        Map<String, Boolean> purchased = new HashMap<>();
        orderTotal.forEach((order, total) -> {
            if (orderPaid.get(order)) {
                String customer = orderCustomer.get(order);
                expectedRevenue.merge(customer, total, BigDecimal::add);
                purchased.merge(customer, total.signum() >= 0, Boolean::logicalOr);
            }
        });
        expectedRevenue.keySet().removeIf(customer -> !purchased.get(customer));
        Path file = Files.createTempFile("orders", ".csv");
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);

            Cli.Run run = Cli.run("summarize", "--input", file.toString(), "--format", "json", "--as-of", "2024-12-31");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.rejectedLineNumbers()).isEqualTo(expectedRejected);
            JsonNode doc = JSON.readTree(run.out());
            JsonNode d = doc.get("definitions");
            assertThat(d.get("rows_read").asLong()).isEqualTo(rows.size());
            assertThat(d.get("rows_used").asLong()).isEqualTo(used);
            assertThat(d.get("guest_rows").asLong()).isEqualTo(guests);
            assertThat(d.get("rows_used").asLong() + d.get("rows_rejected").asLong() + d.get("guest_rows").asLong())
                    .isEqualTo(rows.size());
            assertThat(run.lastErrLine()).startsWith("crmkit summarize: " + expectedRejected.size() + " of "
                    + rows.size() + " rows rejected");
            Map<String, BigDecimal> revenue = new TreeMap<>();
            doc.get("rows").forEach(row -> revenue.put(row.get("customer_id").asText(),
                    row.get("revenue").decimalValue().stripTrailingZeros()));
            expectedRevenue.replaceAll((customer, sum) -> sum.stripTrailingZeros());
            assertThat(revenue).isEqualTo(expectedRevenue);
        } finally {
            Files.delete(file);
        }
    }
}
