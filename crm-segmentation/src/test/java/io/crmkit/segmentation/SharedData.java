package io.crmkit.segmentation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.order.Order;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The public data sets of {@code ../shared/data}; tests skip with a message when it is absent. */
public final class SharedData {

    private SharedData() {
    }

    /** Returns a file of the shared data folder, skipping the calling test when it is absent. */
    public static Path require(String first, String... more) {
        String dir = System.getProperty("crmkit.shared.data", "../../shared/data");
        Path file = Path.of(dir, first).resolve(Path.of("", more));
        assumeTrue(Files.isRegularFile(file), "shared data not found at " + file + " (../shared/data absent)");
        return file;
    }

    /** The R rfm package's orders: one order per row, revenue in whole dollars. */
    public static List<Order> rfmDataOrders() {
        Path file = require("rfm-r", "rfm_data_orders.csv");
        try {
            List<String> lines = Files.readAllLines(file);
            List<Order> orders = new ArrayList<>(lines.size());
            for (int k = 1; k < lines.size(); k++) {
                String[] f = lines.get(k).split(",");
                orders.add(Order.of(OrderId.of("row-" + k), CustomerId.of(f[0]),
                        LocalDate.parse(f[1]).atStartOfDay(ZoneOffset.UTC).toInstant(), Money.of(f[2], "USD")));
            }
            return orders;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The R rfm convention: day clock at the analysis date 2006-12-31, one purchase per order row. */
    public static PurchaseSummaries rfmDataSummaries() {
        return PurchaseHistory.summarize(rfmDataOrders(),
                PurchaseHistoryOptions.builder(AsOf.endOfDay(LocalDate.of(2006, 12, 31))).build());
    }
}
