package io.crmkit.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.PurchaseHistory;
import io.crmkit.core.history.PurchaseHistoryOptions;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.order.Order;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lead conversion on its edges, worked by hand: a first purchase exactly at the end of the window
 * (too late) or exactly at the as-of instant (counted), a window ending exactly at the as-of
 * instant (matured), leads created outside the grid, and the validation of the counts.
 */
class LeadConversionBoundariesTest {

    private static final PeriodGrid JAN_FEB = PeriodGrid.covering(ReportingPeriod.MONTH, ZoneOffset.UTC,
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28));
    private static final Duration WINDOW = Duration.ofDays(10);

    private static Customer lead(String id, String created) {
        return Customer.builder(CustomerId.of(id), PartyKind.PERSON, "Lead " + id, Instant.parse(created)).build();
    }

    private static Order order(String id, String customer, String at) {
        return Order.of(OrderId.of(id), CustomerId.of(customer), Instant.parse(at), Money.parse("USD 5.00"));
    }

    @Test
    void windowAndAsOfBoundaries() {
        Instant asOf = Instant.parse("2026-02-20T00:00:00Z");
        List<Customer> leads = List.of(
                lead("before", "2025-12-31T00:00:00Z"), // before the grid: not counted anywhere
                lead("a", "2026-01-01T00:00:00Z"), // bought exactly when the window ends: too late
                lead("b", "2026-01-02T00:00:00Z"), // bought on the window's last day: converted
                lead("c", "2026-01-03T00:00:00Z"), // never bought
                lead("d", "2026-02-10T00:00:00Z"), // window ends exactly at asOf: matured; bought the day before
                lead("e", "2026-02-11T00:00:00Z"), // bought exactly at asOf, inside the window: converted
                lead("f", "2026-02-12T00:00:00Z"), // bought after asOf, inside the window: not (yet) converted
                lead("after", "2026-03-01T00:00:00Z")); // at the grid's end: not counted
        // summaries as of a later day, so that e's purchase is in them
        PurchaseSummaries purchases = PurchaseHistory.summarize(List.of(
                order("1", "a", "2026-01-11T00:00:00Z"),
                order("2", "b", "2026-01-11T00:00:00Z"),
                order("3", "d", "2026-02-19T00:00:00Z"),
                order("4", "e", "2026-02-20T00:00:00Z"),
                order("7", "f", "2026-02-21T00:00:00Z"),
                order("5", "before", "2026-01-01T00:00:00Z"),
                order("6", "after", "2026-03-02T00:00:00Z")),
                PurchaseHistoryOptions.builder(AsOf.instant(Instant.parse("2026-03-31T00:00:00Z"))).build());
        List<LeadConversion.PeriodConversion> r = LeadConversion.compute(leads.stream(), purchases, JAN_FEB, WINDOW,
                asOf);
        assertThat(r).hasSize(2);
        assertThat(r.get(0)).isEqualTo(new LeadConversion.PeriodConversion(JAN_FEB.label(0), 3, 1, 3, 1));
        assertThat(r.get(1)).isEqualTo(new LeadConversion.PeriodConversion(JAN_FEB.label(1), 3, 2, 1, 1));
        assertThat(r.get(0).rate()).hasValue(1.0 / 3);
        assertThat(r.get(1).maturedRate()).hasValue(1.0);
        // a day earlier only d has bought, and its window has not ended
        List<LeadConversion.PeriodConversion> earlier = LeadConversion.compute(leads.stream(), purchases, JAN_FEB,
                WINDOW, asOf.minus(Duration.ofDays(1)));
        assertThat(earlier.get(1)).isEqualTo(new LeadConversion.PeriodConversion(JAN_FEB.label(1), 3, 1, 0, 0));
        assertThat(earlier.get(1).rate()).hasValue(1.0 / 3);
        assertThat(earlier.get(1).maturedRate()).isEmpty();
    }

    @Test
    void emptyPeriodsAndRefusals() {
        PurchaseSummaries none = PurchaseHistory.summarize(List.of(),
                PurchaseHistoryOptions.builder(AsOf.instant(Instant.parse("2026-03-31T00:00:00Z"))).build());
        List<LeadConversion.PeriodConversion> r = LeadConversion.compute(Stream.empty(), none, JAN_FEB, WINDOW,
                Instant.parse("2026-03-31T00:00:00Z"));
        assertThat(r).extracting(LeadConversion.PeriodConversion::created).containsExactly(0L, 0L);
        assertThat(r.get(0).rate()).isEmpty();
        assertThat(r.get(0).maturedRate()).isEmpty();
        Instant asOf = Instant.parse("2026-03-31T00:00:00Z");
        assertThatThrownBy(() -> LeadConversion.compute(Stream.empty(), none, JAN_FEB, Duration.ZERO, asOf))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window must be positive");
        assertThatThrownBy(() -> LeadConversion.compute(Stream.empty(), none, JAN_FEB, Duration.ofDays(-1), asOf))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-24H");
        assertThatThrownBy(() -> LeadConversion.compute(Stream.of((Customer) null), none, JAN_FEB, WINDOW, asOf))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("customer");
    }

    @Test
    void inconsistentCountsAreRefusedWithTheirLabel() {
        assertThat(new LeadConversion.PeriodConversion("p", 4, 4, 4, 4).rate()).hasValue(1.0);
        assertThat(new LeadConversion.PeriodConversion("p", 4, 2, 3, 1).maturedRate()).hasValue(1.0 / 3);
        assertThatThrownBy(() -> new LeadConversion.PeriodConversion("p", 4, 5, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p: created=4, converted=5");
        assertThatThrownBy(() -> new LeadConversion.PeriodConversion("p", 4, 0, 5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matured=5");
        assertThatThrownBy(() -> new LeadConversion.PeriodConversion("p", 4, 1, 2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("convertedMatured=2");
        assertThatThrownBy(() -> new LeadConversion.PeriodConversion("p", 4, 2, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("convertedMatured=2");
        assertThatThrownBy(() -> new LeadConversion.PeriodConversion("p", 4, 0, 0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("convertedMatured=-1");
        assertThatThrownBy(() -> new LeadConversion.PeriodConversion("p", -1, -1, -1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("created=-1");
    }
}
