package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.history.PeriodUnit;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.order.OrderStatusCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * BG/BB's opportunities drawn from orders, worked by hand: calendar periods after the first, repeat
 * periods counted once, returns, other statuses and orders after the cutoff left out, customers
 * acquired in the last period counted apart, equal (x, t_x, n) one weighted pattern in key order.
 */
class BgBbDataTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** A small order log: customer, ISO timestamp, status, net amount in cents (negative: a return). */
    private static final class Log {
        private final OrderBatch.Builder builder = OrderBatch.builder(USD);

        Log add(String customer, String at, OrderStatusCategory status, long cents) {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(at));
            builder.add(builder.customer(CustomerId.of(customer)), micros, status, Math.max(0, cents), cents);
            return this;
        }

        Log completed(String customer, String at) {
            return add(customer, at, OrderStatusCategory.COMPLETED, 1_000);
        }

        OrderBatch batch() {
            return builder.build();
        }
    }

    private static PurchaseHistoryOptions through(LocalDate day, ZoneId zone) {
        return PurchaseHistoryOptions.builder(AsOf.endOfDay(day)).zone(zone).currency(USD).build();
    }

    private static List<String> patterns(BgBbData d) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < d.patternCount(); k++) {
            out.add(d.x(k) + "/" + d.tx(k) + "/" + d.n(k) + " x" + (long) d.weight(k));
        }
        return out;
    }

    @Test
    void monthsAfterTheFirstAreTheOpportunities() {
        OrderBatch batch = new Log()
                // a: first in January; repeats in March (twice) and May; n = June - January = 5
                .completed("a", "2024-01-05T10:00:00Z").completed("a", "2024-01-20T10:00:00Z")
                .completed("a", "2024-03-02T10:00:00Z").completed("a", "2024-03-15T10:00:00Z")
                .completed("a", "2024-05-09T10:00:00Z")
                // b: February only: no repeat, 4 opportunities
                .completed("b", "2024-02-10T10:00:00Z")
                // c: first in June, the cutoff's month: no opportunity yet
                .completed("c", "2024-06-03T10:00:00Z")
                // d: as b, since a return and an order after the cutoff are no purchases
                .completed("d", "2024-02-01T10:00:00Z").add("d", "2024-04-01T10:00:00Z",
                        OrderStatusCategory.COMPLETED, -500).completed("d", "2024-07-01T10:00:00Z")
                // e: a void (cancelled) order in January is not the first purchase; April is
                .add("e", "2024-01-01T10:00:00Z", OrderStatusCategory.VOID, 2_000)
                .completed("e", "2024-04-15T10:00:00Z")
                // f: only a void order: not a customer of the model
                .add("f", "2024-03-03T10:00:00Z", OrderStatusCategory.VOID, 2_000)
                .batch();
        BgBbData d = BgBbData.of(batch, through(LocalDate.of(2024, 6, 30), UTC), PeriodUnit.MONTHS);
        // key order: x, then t_x, then n
        assertThat(patterns(d)).containsExactly("0/0/2 x1", "0/0/4 x2", "2/4/5 x1");
        assertThat(d.customers()).isEqualTo(4);
        assertThat(d.withoutOpportunities()).isEqualTo(1);
        assertThat(d.period()).isEqualTo(PeriodUnit.MONTHS);
    }

    @Test
    void weeksRunFromMondayAndTheZoneDecidesTheDay() {
        OrderBatch batch = new Log()
                // Monday 2024-01-01 and Sunday 2024-01-07: one week; Monday 2024-01-08: the next
                .completed("a", "2024-01-01T09:00:00Z").completed("a", "2024-01-07T09:00:00Z")
                .completed("a", "2024-01-08T09:00:00Z")
                // 2024-01-07 23:30 UTC is already Monday the 8th in Berlin
                .completed("b", "2024-01-01T09:00:00Z").completed("b", "2024-01-07T23:30:00Z")
                .batch();
        // through Sunday 2024-01-21: weeks of 1, 8 and 15 January, n = 2
        BgBbData utc = BgBbData.of(batch, through(LocalDate.of(2024, 1, 21), UTC), PeriodUnit.WEEKS);
        assertThat(patterns(utc)).containsExactly("0/0/2 x1", "1/1/2 x1");
        BgBbData berlin = BgBbData.of(batch, through(LocalDate.of(2024, 1, 21), ZoneId.of("Europe/Berlin")),
                PeriodUnit.WEEKS);
        assertThat(patterns(berlin)).containsExactly("1/1/2 x2");
    }

    @Test
    void daysAndYearsAndTheLastRepeatIsTheLatest() {
        OrderBatch batch = new Log()
                .completed("a", "2020-03-01T00:00:00Z").completed("a", "2021-12-31T23:00:00Z")
                .completed("a", "2023-06-01T00:00:00Z")
                .completed("b", "2020-05-05T00:00:00Z").completed("b", "2020-05-07T00:00:00Z")
                .batch();
        // years through 2024: a first in 2020, repeats 2021 and 2023 (t_x 3), n = 4; b none
        BgBbData years = BgBbData.of(batch, through(LocalDate.of(2024, 12, 31), UTC), PeriodUnit.YEARS);
        assertThat(patterns(years)).containsExactly("0/0/4 x1", "2/3/4 x1");
        // days through 2020-05-10: a's only purchase before it is its first (n = 70 days after 1 March)
        BgBbData days = BgBbData.of(batch, through(LocalDate.of(2020, 5, 10), UTC), PeriodUnit.DAYS);
        assertThat(patterns(days)).containsExactly("0/0/70 x1", "1/2/5 x1");
    }

    @Test
    void withoutAnyOpportunityThereIsNothingToFit() {
        OrderBatch batch = new Log().completed("a", "2024-06-03T10:00:00Z").completed("b", "2024-06-20T10:00:00Z")
                .batch();
        BgBbData d = BgBbData.of(batch, through(LocalDate.of(2024, 6, 30), UTC), PeriodUnit.MONTHS);
        assertThat(d.patternCount()).isZero();
        assertThat(d.customers()).isZero();
        assertThat(d.withoutOpportunities()).isEqualTo(2);
        assertThatThrownBy(() -> d.fit(FitOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 customers were acquired in the last month");
    }
}
