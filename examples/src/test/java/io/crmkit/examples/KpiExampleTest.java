package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.order.Order;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The KPI quick start: twelve months whose counts add up to the orders and customers simulated. */
class KpiExampleTest {

    private final Captured out = Captured.of(KpiExample::run);

    @Test
    void monthlyCountsAddUpToTheSimulatedOrdersAndCustomers() {
        List<Matcher> months = out.matching("(2025-\\d\\d): +(\\d+) orders, +(\\d+) buyers \\( *(\\d+) new\\),"
                + " revenue USD ([0-9.]+), retained (\\d+) of (\\d+) active");
        assertThat(months).extracting(m -> m.group(1)).containsExactly("2025-01", "2025-02", "2025-03", "2025-04",
                "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12");
        List<Order> orders = ShopData.orders().toList();
        Map<Integer, Long> perMonth = orders.stream().collect(Collectors.groupingBy(
                o -> o.placedAt().atZone(ZoneOffset.UTC).getMonthValue(), Collectors.counting()));
        for (Matcher m : months) {
            int month = Integer.parseInt(m.group(1).substring(5));
            assertThat(Long.parseLong(m.group(2))).as(m.group(1)).isEqualTo(perMonth.get(month));
            assertThat(Long.parseLong(m.group(6))).isLessThanOrEqualTo(Long.parseLong(m.group(7)));
            assertThat(Long.parseLong(m.group(4))).isLessThanOrEqualTo(Long.parseLong(m.group(3)));
        }
        assertThat(months.stream().mapToLong(m -> Long.parseLong(m.group(4))).sum()).isEqualTo(ShopData.CUSTOMERS);
        // first purchases fall in the first quarter only
        assertThat(months.subList(3, 12)).allSatisfy(m -> assertThat(m.group(4)).isEqualTo("0"));
        out.line("orders seen: " + orders.size() + ", counted: " + orders.size());
    }

    @Test
    void cohortsHoldEveryCustomerAndStartAtOne() {
        out.line("customers in cohorts: " + ShopData.CUSTOMERS);
        List<Matcher> rows = out.matching("  (2025-\\d\\d) +(\\d+)((?: [0-9.]+)+)");
        assertThat(rows).extracting(m -> m.group(1)).containsExactly("2025-01", "2025-02", "2025-03");
        assertThat(rows.stream().mapToLong(m -> Long.parseLong(m.group(2))).sum()).isEqualTo(ShopData.CUSTOMERS);
        for (Matcher m : rows) {
            String[] rates = m.group(3).trim().split(" +");
            assertThat(rates[0]).isEqualTo("1.000");
            for (String r : rates) {
                assertThat(Double.parseDouble(r)).isBetween(0.0, 1.0);
            }
        }
        Matcher first = out.line("cohort 2025-01: (\\d+) customers, (\\d+) bought again a month later");
        assertThat(first.group(1)).isEqualTo(rows.get(0).group(2));
        assertThat(Long.parseLong(first.group(2))).isLessThanOrEqualTo(Long.parseLong(first.group(1)));
    }
}
