package io.crmkit.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

class LeadConversionTest {

    private static Customer lead(String id, String created) {
        return Customer.builder(CustomerId.of(id), PartyKind.PERSON, "Lead " + id, Instant.parse(created)).build();
    }

    @Test
    void conversionWithinTheWindowAndMaturity() {
        List<Customer> leads = List.of(lead("a", "2026-01-02T00:00:00Z"), lead("b", "2026-01-05T00:00:00Z"),
                lead("c", "2026-01-20T00:00:00Z"), lead("d", "2026-02-25T00:00:00Z"));
        Instant asOf = Instant.parse("2026-03-01T00:00:00Z");
        PurchaseSummaries purchases = PurchaseHistory.summarize(List.of(
                Order.of(OrderId.of("1"), CustomerId.of("a"), Instant.parse("2026-01-10T00:00:00Z"), Money.parse("USD 5.00")),
                Order.of(OrderId.of("2"), CustomerId.of("b"), Instant.parse("2026-02-20T00:00:00Z"), Money.parse("USD 5.00")),
                Order.of(OrderId.of("3"), CustomerId.of("d"), Instant.parse("2026-02-26T00:00:00Z"), Money.parse("USD 5.00"))),
                PurchaseHistoryOptions.builder(AsOf.instant(asOf)).build());
        PeriodGrid grid = PeriodGrid.covering(ReportingPeriod.MONTH, ZoneOffset.UTC, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 2, 28));
        List<LeadConversion.PeriodConversion> r = LeadConversion.compute(leads.stream(), purchases, grid,
                Duration.ofDays(30), asOf);
        // January: a converted after 8 days; b after 46 days (too late); c never
        assertThat(r.get(0).created()).isEqualTo(3);
        assertThat(r.get(0).converted()).isEqualTo(1);
        assertThat(r.get(0).matured()).isEqualTo(3);
        assertThat(r.get(0).maturedRate()).hasValue(1.0 / 3);
        // February: d converted, but its window has not ended: not matured yet
        assertThat(r.get(1).rate()).hasValue(1.0);
        assertThat(r.get(1).maturedRate()).isEmpty();
    }
}
