package io.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The receivables quick start: the buckets add up to the outstanding amount. */
class ReceivablesExampleTest {

    private final Captured out = Captured.of(ReceivablesExample::run);

    @Test
    void bucketsAddUpToTheOutstandingAmount() {
        Matcher total = out.line("outstanding EUR ([0-9.]+), DSO ([0-9.]+) days");
        BigDecimal outstanding = new BigDecimal(total.group(1));
        assertThat(Double.parseDouble(total.group(2))).isPositive();
        List<Matcher> buckets = out.matching("  (current|d1_30|d31_60|d61_90|d91_plus): ([0-9.]+)");
        assertThat(buckets).extracting(m -> m.group(1))
                .containsExactly("current", "d1_30", "d31_60", "d61_90", "d91_plus");
        BigDecimal sum = buckets.stream().map(m -> new BigDecimal(m.group(2))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(outstanding);
        BigDecimal current = new BigDecimal(buckets.get(0).group(2));
        double share = Double.parseDouble(out.line("customers: 200; overdue share of the outstanding: ([0-9.]+)")
                .group(1));
        assertThat(share).isBetween(0.0, 1.0);
        assertThat(share).isCloseTo(outstanding.subtract(current).doubleValue() / outstanding.doubleValue(),
                org.assertj.core.api.Assertions.within(0.0006));
    }

    @Test
    void eachCustomerRowOverdueIsItsPastDueBuckets() {
        List<Matcher> rows = out.matching("(R\\d+) \\[current, d1_30, d31_60, d61_90, d91_plus\\]: \\[EUR ([0-9.]+),"
                + " EUR ([0-9.]+), EUR ([0-9.]+), EUR ([0-9.]+), EUR ([0-9.]+)\\], overdue EUR ([0-9.]+)");
        assertThat(rows).hasSize(3);
        for (Matcher m : rows) {
            BigDecimal pastDue = BigDecimal.ZERO;
            for (int g = 3; g <= 6; g++) {
                pastDue = pastDue.add(new BigDecimal(m.group(g)));
            }
            assertThat(new BigDecimal(m.group(7))).isEqualByComparingTo(pastDue);
        }
    }
}
