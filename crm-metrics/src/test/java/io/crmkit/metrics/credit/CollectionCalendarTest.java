package io.crmkit.metrics.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.credit.Payment;
import io.crmkit.core.credit.PaymentId;
import io.crmkit.testkit.simulation.ReceivablesSimulator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Overdue list, payday learning, collection calendar and over-limit list. */
class CollectionCalendarTest {

    static final CustomerId A = CustomerId.of("a");
    static final CustomerId B = CustomerId.of("b");

    static Money eur(String v) {
        return Money.of(v, "EUR");
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void paydayByDayOfMonthCountsTheLastDayOfShortMonths() {
        PaydayRule r = PaydayRule.learn(List.of(d("2025-01-31"), d("2025-02-28"), d("2025-03-31"), d("2025-04-12")),
                3, 0.5);
        assertThat(r.kind()).isEqualTo(PaydayRule.Kind.DAY_OF_MONTH);
        assertThat(r.dayOfMonth()).isEqualTo(31);
        assertThat(r.matching()).isEqualTo(3);
        assertThat(r.describe()).isEqualTo("day 31 (3 of 4 payments)");
        assertThat(r.nextOnOrAfter(d("2025-04-13"))).isEqualTo(d("2025-04-30"));
        assertThat(r.nextOnOrAfter(d("2025-04-30"))).isEqualTo(d("2025-04-30"));
        assertThat(r.nextOnOrAfter(d("2025-05-01"))).isEqualTo(d("2025-05-31"));
    }

    @Test
    void paydayByWeekdayOrNone() {
        // three Fridays on different days of the month, one Monday
        PaydayRule r = PaydayRule.learn(List.of(d("2025-01-03"), d("2025-01-17"), d("2025-02-07"), d("2025-02-10")),
                3, 0.5);
        assertThat(r.kind()).isEqualTo(PaydayRule.Kind.WEEKDAY);
        assertThat(r.weekday()).contains(DayOfWeek.FRIDAY);
        assertThat(r.describe()).isEqualTo("friday (3 of 4 payments)");
        assertThat(r.nextOnOrAfter(d("2025-02-11"))).isEqualTo(d("2025-02-14"));
        assertThat(PaydayRule.learn(List.of(d("2025-01-03"), d("2025-01-17")), 3, 0.5).kind())
                .isEqualTo(PaydayRule.Kind.NONE);
        PaydayRule scattered = PaydayRule.learn(List.of(d("2025-01-01"), d("2025-01-09"), d("2025-01-17"),
                d("2025-01-25")), 3, 0.5);
        assertThat(scattered.kind()).isEqualTo(PaydayRule.Kind.NONE);
        assertThat(scattered.nextOnOrAfter(d("2025-03-03"))).isEqualTo(d("2025-03-03"));
        // a day of the month wins a tie with a weekday
        PaydayRule both = PaydayRule.learn(List.of(d("2025-01-10"), d("2025-10-10"), d("2025-03-03")), 2, 0.5);
        assertThat(both.kind()).isEqualTo(PaydayRule.Kind.DAY_OF_MONTH);
    }

    Allocation example() {
        List<Invoice> inv = new ArrayList<>();
        List<Payment> pay = new ArrayList<>();
        // a pays on the 25th; three invoices paid, one open since 2025-04-30, one due 2025-05-20
        for (int m = 1; m <= 3; m++) {
            LocalDate issued = LocalDate.of(2025, m, 1);
            inv.add(Invoice.issued(InvoiceId.of("a" + m), A, issued, issued.plusDays(20), eur("100")));
            pay.add(Payment.of(PaymentId.of("pa" + m), A, LocalDate.of(2025, m, 25), eur("100")));
        }
        inv.add(Invoice.issued(InvoiceId.of("a4"), A, d("2025-04-01"), d("2025-04-30"), eur("70")));
        inv.add(Invoice.issued(InvoiceId.of("a5"), A, d("2025-05-01"), d("2025-05-20"), eur("30")));
        inv.add(Invoice.issued(InvoiceId.of("a6"), A, d("2025-05-10"), d("2025-06-30"), eur("999")));
        // b has no payments: contact on the as-of day for what is overdue
        inv.add(Invoice.issued(InvoiceId.of("b1"), B, d("2025-03-01"), d("2025-03-31"), eur("70")));
        return Ledger.of(Money.currency("EUR"), inv, pay).allocate(d("2025-05-12"));
    }

    @Test
    void calendarPlansEachCustomerOnItsPayingDay() {
        List<CollectionEntry> plan = CollectionCalendar.plan(example(), CollectionCalendar.Options.DEFAULT);
        assertThat(plan).hasSize(2);
        CollectionEntry b = plan.get(0);
        assertThat(b.customerId()).isEqualTo(B);
        assertThat(b.contactOn()).isEqualTo(d("2025-05-12"));
        assertThat(b.payday().kind()).isEqualTo(PaydayRule.Kind.NONE);
        assertThat(b.oldestDaysPastDue()).isEqualTo(42);
        CollectionEntry a = plan.get(1);
        assertThat(a.contactOn()).isEqualTo(d("2025-05-25"));
        assertThat(a.amountDue()).as("a4 overdue and a5 due by the 25th; not a6").isEqualTo(eur("100"));
        assertThat(a.overdue()).isEqualTo(eur("70"));
        assertThat(a.oldestDaysPastDue()).isEqualTo(12);
        List<CollectionEntry> early = CollectionCalendar.plan(example(), new CollectionCalendar.Options(3, 0.5, 2));
        assertThat(early.get(1).contactOn()).isEqualTo(d("2025-05-23"));
    }

    @Test
    void overdueListIsRankedByAmountThenAgeAndOverLimitByExcess() {
        Allocation a = example();
        assertThat(CollectionCalendar.overdue(a)).extracting(o -> o.invoiceId().value() + ":" + o.daysPastDue())
                .containsExactly("b1:42", "a4:12");
        Map<CustomerId, CreditTerms> terms = Map.of(A, CreditTerms.of(A, eur("500"), 30),
                B, CreditTerms.of(B, eur("50"), 30));
        List<CollectionCalendar.OverLimit> over = CollectionCalendar.overLimit(a, terms);
        assertThat(over).extracting(CollectionCalendar.OverLimit::customerId).containsExactly(A, B);
        assertThat(over.get(0).excess()).isEqualTo(eur("599"));
        assertThat(over.get(1).excess()).isEqualTo(eur("20"));
    }

    @Test
    void paydaysOfSimulatedPromptPayersAreLearned() {
        LocalDate end = LocalDate.of(2024, 12, 31);
        ReceivablesSimulator.SimulatedLedger sim = new ReceivablesSimulator(400, LocalDate.of(2023, 1, 1), end,
                Money.currency("EUR"), 5).generate();
        Ledger ledger = Ledger.of(Money.currency("EUR"), sim.invoices(), sim.payments());
        Allocation a = ledger.allocate(end);
        Map<CustomerId, PaydayRule> learned = new java.util.HashMap<>();
        for (CollectionEntry e : CollectionCalendar.plan(a, CollectionCalendar.Options.DEFAULT)) {
            learned.put(e.customerId(), e.payday());
        }
        int checked = 0;
        int right = 0;
        for (ReceivablesSimulator.Payer p : sim.payers()) {
            PaydayRule r = learned.get(p.customerId());
            if (r == null || r.payments() < 6 || p.stoppedPaying().isPresent()) {
                continue;
            }
            checked++;
            boolean ok = p.paydayOfMonth().map(dom -> r.kind() == PaydayRule.Kind.DAY_OF_MONTH && r.dayOfMonth() == dom)
                    .or(() -> p.payWeekday().map(w -> r.kind() == PaydayRule.Kind.WEEKDAY && r.weekday().equals(Optional.of(w))))
                    .orElse(r.kind() != PaydayRule.Kind.DAY_OF_MONTH);
            if (ok) {
                right++;
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat((double) right / checked).as("%d of %d", right, checked).isGreaterThan(0.95);
        assertThat(sim.payers().stream().collect(Collectors.groupingBy(ReceivablesSimulator.Payer::type,
                Collectors.counting()))).hasSize(3);
    }
}
