package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.history.BtydView;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.order.Order;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The repository quick start: what it reads back from H2 through the JDBC ports is what was
 * simulated, and its summaries are those of the same orders summarised in memory.
 */
class HostRepositoryExampleTest {

    @Test
    void readsEveryCustomerAndOrderBackAndSummarisesThemAsInMemory() {
        Captured out = Captured.of(HostRepositoryExample::run);
        List<Order> simulated = ShopData.orders().toList();
        PurchaseSummaries inMemory = ShopData.summaries();

        Matcher stored = out.line("stored in the host's database: (\\d+) customers, (\\d+) orders");
        assertThat(Long.parseLong(stored.group(1))).isEqualTo(ShopData.CUSTOMERS);
        assertThat(Long.parseLong(stored.group(2))).isEqualTo(simulated.size());
        out.line("customers with a purchase: " + ShopData.CUSTOMERS);
        out.line("orders counted: " + simulated.size());
        BigDecimal total = simulated.stream().map(o -> o.netRevenue().amount()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        out.line("total revenue: USD " + total.toPlainString());
        assertThat(out.lines).contains(inMemory.options().describe());

        // the three customers printed from the database equal the in-memory summaries
        BtydView btyd = inMemory.btyd();
        for (int i = 0; i < 3; i++) {
            assertThat(out.lines).contains(String.format(Locale.ROOT,
                    "%s: %d purchases, revenue %s, x=%d t_x=%.1f T=%.1f", inMemory.customerId(i),
                    inMemory.purchaseCount(i), inMemory.revenue(i), btyd.x(i), btyd.tx(i), btyd.bigT(i)));
            assertThat(btyd.x(i)).isEqualTo(inMemory.purchaseCount(i) - 1);
        }
        // the top customers are ranked by revenue
        List<Matcher> top = out.matching("  (C\\d+) +(\\d+) purchases  USD ([0-9.]+)");
        assertThat(top).hasSize(3);
        for (int k = 1; k < top.size(); k++) {
            assertThat(new BigDecimal(top.get(k - 1).group(3))).isGreaterThanOrEqualTo(new BigDecimal(top.get(k).group(3)));
        }
    }
}
