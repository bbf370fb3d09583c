package io.crmkit.metrics.clv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.order.Order;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The shared public data ({@code ../shared/data}, passed as the system property
 * {@code crmkit.shared.data}); tests that need it skip with a message when it is absent.
 */
final class SharedData {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
    private static final Currency USD = Currency.getInstance("USD");
    private static List<Order> cdnowOrders;
    private static BtydData cdnow;
    private static PurchaseSummaries cdnowSummaries;
    private static JsonNode expected;

    private SharedData() {
    }

    static Path dir() {
        return Path.of(System.getProperty("crmkit.shared.data", "../../shared/data"));
    }

    static void assumePresent() {
        assumeTrue(Files.isRegularFile(dir().resolve("expected/clv-published.json")),
                "shared data not found at " + dir() + " (../shared/data absent): skipped");
    }

    static synchronized JsonNode expected() {
        assumePresent();
        if (expected == null) {
            try {
                expected = new ObjectMapper().readTree(dir().resolve("expected/clv-published.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return expected;
    }

    /** The raw CDNOW log as orders, read as crm-core's CdnowSummaryTest does. */
    static synchronized List<Order> cdnowOrders() {
        assumePresent();
        if (cdnowOrders == null) {
            List<Order> orders = new ArrayList<>();
            DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
            int line = 0;
            try {
                for (String row : Files.readAllLines(dir().resolve("cdnow/CDNOW_sample.txt"))) {
                    line++;
                    String[] f = row.trim().split("\\s+");
                    LocalDate day = LocalDate.parse(f[2], basic);
                    orders.add(Order.of(OrderId.of("L" + line), CustomerId.of(String.valueOf(Integer.parseInt(f[1]))),
                            day.atStartOfDay(ZoneOffset.UTC).toInstant(), Money.of(new BigDecimal(f[4]), USD)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            orders.sort(java.util.Comparator.comparing(Order::placedAt).thenComparing(Order::id));
            cdnowOrders = List.copyOf(orders);
        }
        return cdnowOrders;
    }

    static synchronized PurchaseSummaries cdnowSummaries() {
        if (cdnowSummaries == null) {
            cdnowSummaries = PurchaseHistory.summarize(cdnowOrders(),
                    PurchaseHistoryOptions.btydConvention(CALIBRATION_END, ZoneOffset.UTC, PeriodUnit.WEEKS));
        }
        return cdnowSummaries;
    }

    /** The CDNOW calibration data in weeks. */
    static synchronized BtydData cdnow() {
        if (cdnow == null) {
            cdnow = BtydData.of(cdnowSummaries().btyd());
        }
        return cdnow;
    }

    static double[] doubles(JsonNode array) {
        double[] r = new double[array.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = array.get(i).asDouble();
        }
        return r;
    }
}
