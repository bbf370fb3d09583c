package io.crmkit.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.order.Order;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the published CDNOW BTYD summaries (lifetimes' {@code cdnow_customers_summary*.csv})
 * from the raw purchase log: 2,357 of 2,357 customers, calibration end 1997-09-30, weeks.
 */
class CdnowSummaryTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static Path dir;

    @BeforeAll
    static void locate() {
        dir = SharedData.dir().resolve("cdnow");
    }

    static List<Order> readSample(Path file) throws IOException {
        List<Order> orders = new ArrayList<>();
        DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
        int line = 0;
        for (String row : Files.readAllLines(file)) {
            line++;
            String[] f = row.trim().split("\\s+");
            LocalDate day = LocalDate.parse(f[2], basic);
            orders.add(Order.of(OrderId.of("L" + line), CustomerId.of(String.valueOf(Integer.parseInt(f[1]))),
                    day.atStartOfDay(ZoneOffset.UTC).toInstant(), Money.of(new BigDecimal(f[4]), USD)));
        }
        return orders;
    }

    private static PurchaseSummaries calibration() throws IOException {
        List<Order> orders = readSample(dir.resolve("CDNOW_sample.txt"));
        return PurchaseHistory.summarize(orders,
                PurchaseHistoryOptions.btydConvention(LocalDate.of(1997, 9, 30), ZoneOffset.UTC, PeriodUnit.WEEKS));
    }

    @Test
    void btydViewReproducesPublishedSummaryWithTransactions() throws IOException {
        assumeThat(Files.isDirectory(dir)).as("CDNOW data at %s (../shared/data absent: skipped)", dir).isTrue();
        PurchaseSummaries summaries = calibration();
        BtydView btyd = summaries.btyd();
        Map<String, String[]> expected = readCsv(dir.resolve("cdnow_customers_summary_with_transactions.csv"));

        assertThat(summaries.size()).isEqualTo(2357);
        assertThat(expected).hasSize(2357);
        int matched = 0;
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String[]> e : expected.entrySet()) {
            OptionalInt k = summaries.indexOf(CustomerId.of(String.valueOf(Integer.parseInt(e.getKey()))));
            String[] row = e.getValue();
            if (k.isEmpty()) {
                mismatches.add(e.getKey() + ": missing");
                continue;
            }
            int i = k.getAsInt();
            boolean ok = btyd.x(i) == Integer.parseInt(row[1])
                    && roundsTo(btyd.tx(i), row[2]) && roundsTo(btyd.bigT(i), row[3])
                    && roundsTo(btyd.meanRepeatValue(i), row[4]);
            if (ok) {
                matched++;
            } else {
                mismatches.add(e.getKey() + ": got x=" + btyd.x(i) + " t_x=" + btyd.tx(i) + " T=" + btyd.bigT(i)
                        + " zbar=" + btyd.meanRepeatValue(i) + ", expected " + String.join(",", row));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(matched).isEqualTo(2357);
    }

    @Test
    void btydViewReproducesPublishedFrequencyRecencyT() throws IOException {
        assumeThat(Files.isDirectory(dir)).as("CDNOW data at %s (../shared/data absent: skipped)", dir).isTrue();
        BtydView btyd = calibration().btyd();
        Map<String, String[]> expected = readCsv(dir.resolve("cdnow_customers_summary.csv"));
        int matched = 0;
        for (int i = 0; i < btyd.size(); i++) {
            String[] row = expected.get(btyd.customerId(i).value());
            if (row != null && btyd.x(i) == Integer.parseInt(row[1]) && roundsTo(btyd.tx(i), row[2])
                    && roundsTo(btyd.bigT(i), row[3])) {
                matched++;
            }
        }
        assertThat(matched).isEqualTo(2357);
    }

    @Test
    void countsMatchThePublishedDataDescription() throws IOException {
        assumeThat(Files.isDirectory(dir)).as("CDNOW data at %s (../shared/data absent: skipped)", dir).isTrue();
        PurchaseSummaries summaries = calibration();
        BtydView btyd = summaries.btyd();
        int repeaters = 0;
        long repeatTx = 0;
        for (int i = 0; i < btyd.size(); i++) {
            repeaters += btyd.x(i) > 0 ? 1 : 0;
            repeatTx += btyd.x(i);
        }
        // clv-published.json: 946 repeaters and 2,457 repeat transactions in the calibration period
        assertThat(repeaters).isEqualTo(946);
        assertThat(repeatTx).isEqualTo(2457);
        assertThat(summaries.stats().ordersSeen()).isEqualTo(6919);
        assertThat(summaries.stats().ordersCounted() + summaries.stats().excludedAfterAsOf()).isEqualTo(6919);
        assertThat(summaries.stats().excludedByStatus()).isZero();
    }

    @Test
    void wholePeriodHas6696CustomerDays() throws IOException {
        assumeThat(Files.isDirectory(dir)).as("CDNOW data at %s (../shared/data absent: skipped)", dir).isTrue();
        List<Order> orders = readSample(dir.resolve("CDNOW_sample.txt"));
        PurchaseSummaries all = PurchaseHistory.summarize(orders,
                PurchaseHistoryOptions.btydConvention(LocalDate.of(1998, 6, 30), ZoneOffset.UTC, PeriodUnit.WEEKS));
        long days = 0;
        for (int i = 0; i < all.size(); i++) {
            days += all.purchaseCount(i);
        }
        assertThat(days).isEqualTo(6696);
        assertThat(all.stats().ordersCounted()).isEqualTo(6919);
    }

    /** The published files print two decimals, rounded half up. */
    private static boolean roundsTo(double actual, String expected) {
        return BigDecimal.valueOf(actual).setScale(2, java.math.RoundingMode.HALF_UP)
                .compareTo(new BigDecimal(expected)) == 0;
    }

    private static Map<String, String[]> readCsv(Path file) throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.put(f[0], f);
        }
        return rows;
    }
}
