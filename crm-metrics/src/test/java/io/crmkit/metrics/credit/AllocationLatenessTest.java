package io.crmkit.metrics.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * Lateness, ageing and DSO of one customer's invoices on the edges, worked by hand: an invoice due
 * exactly at the as-of day (not late, not overdue), invoices 30 and 31 days late (either side of an
 * ageing edge), one issued exactly at the start of the DSO period (outside it), one paid early, one
 * not yet issued.
 */
class AllocationLatenessTest {

    /** The examples' helpers: one customer's invoices and payments in EUR, days counted from 2025-01-01. */
    private final AllocationExamplesTest ledger = new AllocationExamplesTest();

    private Allocation example() {
        ledger.invoice("A", 0, 10, "100"); // paid on day 15: 5 days late
        ledger.invoice("E", 5, 12, "20"); // paid on day 11: early, 0 days late
        ledger.invoice("H", 15, 20, "5"); // open: 30 days late on day 50
        ledger.invoice("I", 14, 19, "7"); // open: 31 days late
        ledger.invoice("B", 20, 40, "60"); // open: 10 days late
        ledger.invoice("F", 30, 50, "10"); // open, due on day 50 itself: not late
        ledger.invoice("D", 45, 70, "30"); // open, not due
        ledger.invoice("G", 55, 80, "40"); // issued after day 50: not counted
        ledger.pay("p1", 15, "100", "A");
        ledger.pay("p2", 11, "20", "E");
        return ledger.allocate(50);
    }

    @Test
    void averageDaysLateByDueMonthAndByCustomer() {
        Allocation a = example();
        // due in January 2025 (days 10, 12, 20, 19): 5, 0, 30, 31; in February (day 40): 10
        assertThat(a.averageDaysLateByDueMonth()).containsExactly(
                java.util.Map.entry(YearMonth.of(2025, 1), 16.5), java.util.Map.entry(YearMonth.of(2025, 2), 10.0));
        assertThat(a.averageDaysLateByCustomer()).containsOnly(java.util.Map.entry(AllocationExamplesTest.C, 76.0 / 5));
    }

    @Test
    void ageingPutsThirtyDaysLateInTheFirstBucketAndThirtyOneInTheNext() {
        // buckets: not late (<= 0), 1-30, 31-60, 61-90, over 90
        assertThat(example().ageingTotalsMinor(AgeingBuckets.DEFAULT)).containsExactly(1000 + 3000, 500 + 6000, 700,
                0, 0);
    }

    @Test
    void dsoCountsTheInvoicesIssuedAfterThePeriodsStart() {
        Allocation a = example();
        // outstanding 5 + 7 + 60 + 10 + 30 = 112; issued after day 20: F and D (40)
        assertThat(a.dso(30)).hasValue(112.0 / 40 * 30);
        // issued after day 19: B, F and D (100)
        assertThat(a.dso(31).getAsDouble()).isCloseTo(112.0 / 100 * 31, within(1e-9));
        // overdue (due before day 50): H, I and B
        assertThat(a.overdueShare().getAsDouble()).isCloseTo(72.0 / 112, within(1e-12));
    }
}
