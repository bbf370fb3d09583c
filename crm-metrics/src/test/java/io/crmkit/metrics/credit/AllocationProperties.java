package io.crmkit.metrics.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceStatus;
import io.crmkit.testkit.CreditHistory;
import io.crmkit.testkit.CrmArbitraries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The invariants of allocation and ageing (ADR 0051). */
class AllocationProperties {

    static final LocalDate BASE = LocalDate.of(2024, 1, 1);

    @Provide
    Arbitrary<CreditHistory> histories() {
        return Arbitraries.of("EUR", "JPY", "BHD").map(Money::currency)
                .flatMap(CrmArbitraries::creditHistories);
    }

    static Ledger ledger(CreditHistory h) {
        return Ledger.of(h.currency(), h.invoices(), h.payments());
    }

    @Property
    void moneyIsConservedToTheMinorUnit(@ForAll("histories") CreditHistory h,
            @ForAll @IntRange(min = -5, max = 300) int asOfDay) {
        LocalDate asOf = BASE.plusDays(asOfDay);
        LedgerTotals t = ledger(h).allocate(asOf).totals();
        Currency cur = h.currency();
        long invoiced = h.invoices().stream()
                .filter(i -> i.status() == InvoiceStatus.ISSUED && !i.issued().isAfter(asOf))
                .mapToLong(i -> i.amount().toMinorUnits()).sum();
        long paid = h.payments().stream().filter(p -> !p.paidOn().isAfter(asOf))
                .mapToLong(p -> p.amount().toMinorUnits()).sum();
        long notes = h.invoices().stream()
                .filter(i -> i.status() == InvoiceStatus.CREDIT_NOTE && !i.issued().isAfter(asOf))
                .mapToLong(i -> i.amount().toMinorUnits()).sum();
        assertThat(t.invoiced()).isEqualTo(Money.ofMinor(invoiced, cur));
        assertThat(t.payments()).isEqualTo(Money.ofMinor(paid, cur));
        assertThat(t.creditNotes()).isEqualTo(Money.ofMinor(notes, cur));
        assertThat(t.paidApplied().plus(t.creditedApplied()).plus(t.writtenOff()).plus(t.outstanding()))
                .isEqualTo(t.invoiced());
        assertThat(t.paidApplied().plus(t.creditedApplied()).plus(t.unappliedCredit()))
                .isEqualTo(t.payments().plus(t.creditNotes()));
        assertThat(List.of(t.paidApplied(), t.creditedApplied(), t.writtenOff(), t.outstanding(), t.unappliedCredit()))
                .noneMatch(Money::isNegative);
    }

    @Property
    void allocationInStepsOfTimeEqualsTheWhole(@ForAll("histories") CreditHistory h,
            @ForAll List<@IntRange(min = -5, max = 300) Integer> cuts,
            @ForAll @IntRange(min = 0, max = 300) int asOfDay) {
        Ledger ledger = ledger(h);
        LocalDate asOf = BASE.plusDays(asOfDay);
        List<Integer> steps = new ArrayList<>(cuts);
        Collections.sort(steps);
        Allocator stepwise = ledger.allocator();
        for (int s : steps) {
            if (s <= asOfDay) {
                stepwise.advanceTo(BASE.plusDays(s));
            }
        }
        Allocation split = stepwise.advanceTo(asOf).snapshot();
        Allocation whole = ledger.allocate(asOf);
        assertThat(split.open).containsExactly(whole.open);
        assertThat(split.settled).containsExactly(whole.settled);
        assertThat(split.writtenOff).containsExactly(whole.writtenOff);
        assertThat(split.totals()).isEqualTo(whole.totals());
        assertThat(split.ageing(AgeingBuckets.DEFAULT)).isEqualTo(whole.ageing(AgeingBuckets.DEFAULT));
    }

    @Property
    void paymentsLaterThanTheAsOfDayChangeNothingBeforeIt(@ForAll("histories") CreditHistory h,
            @ForAll @IntRange(min = 0, max = 300) int asOfDay) {
        LocalDate asOf = BASE.plusDays(asOfDay);
        CreditHistory cut = new CreditHistory(h.currency(),
                h.invoices().stream().filter(i -> !i.issued().isAfter(asOf)).toList(),
                h.payments().stream().filter(p -> !p.paidOn().isAfter(asOf)).toList());
        Allocation full = ledger(h).allocate(asOf);
        Allocation truncated = ledger(cut).allocate(asOf);
        assertThat(full.totals()).isEqualTo(truncated.totals());
        assertThat(full.ageing(AgeingBuckets.DEFAULT)).isEqualTo(truncated.ageing(AgeingBuckets.DEFAULT));
    }

    @Property
    void ageingBucketsSumToTheOutstandingAmount(@ForAll("histories") CreditHistory h,
            @ForAll @IntRange(min = 0, max = 300) int asOfDay,
            @ForAll("edges") AgeingBuckets buckets) {
        Allocation a = ledger(h).allocate(BASE.plusDays(asOfDay));
        Money zero = Money.zero(h.currency());
        Money outstanding = zero;
        Money unapplied = zero;
        for (CustomerAgeing row : a.ageing(buckets)) {
            assertThat(row.buckets()).hasSize(buckets.count());
            assertThat(row.buckets().stream().reduce(zero, Money::plus)).isEqualTo(row.outstanding());
            assertThat(row.buckets()).noneMatch(Money::isNegative);
            outstanding = outstanding.plus(row.outstanding());
            unapplied = unapplied.plus(row.unappliedCredit());
        }
        assertThat(outstanding).isEqualTo(a.totals().outstanding());
        assertThat(unapplied).isEqualTo(a.totals().unappliedCredit());
        long[] totals = a.ageingTotalsMinor(buckets);
        assertThat(java.util.Arrays.stream(totals).sum()).isEqualTo(outstanding.toMinorUnits());
    }

    @Property
    void anInvoiceNeverReceivesMoneyBeforeItIsIssuedOrMoreThanItsAmount(@ForAll("histories") CreditHistory h) {
        Allocation a = ledger(h).allocate(BASE.plusDays(300));
        for (Invoice i : h.invoices()) {
            if (i.status() != InvoiceStatus.ISSUED) {
                continue;
            }
            Money open = a.openAmount(i.id()).orElseThrow();
            assertThat(open).isLessThanOrEqualTo(i.amount()).isGreaterThanOrEqualTo(Money.zero(h.currency()));
            a.settledOn(i.id()).ifPresent(d -> assertThat(d).isAfterOrEqualTo(i.issued()));
        }
    }

    @Property
    void customersAreIndependent(@ForAll("histories") CreditHistory h) {
        LocalDate asOf = BASE.plusDays(300);
        List<CustomerAgeing> all = ledger(h).allocate(asOf).ageing(AgeingBuckets.DEFAULT);
        for (CustomerAgeing row : all) {
            CustomerId c = row.customerId();
            CreditHistory one = new CreditHistory(h.currency(),
                    h.invoices().stream().filter(i -> i.customerId().equals(c)).toList(),
                    h.payments().stream().filter(p -> p.customerId().equals(c)).toList());
            assertThat(ledger(one).allocate(asOf).ageing(AgeingBuckets.DEFAULT)).containsExactly(row);
        }
    }

    @Provide
    Arbitrary<AgeingBuckets> edges() {
        return Arbitraries.integers().between(1, 60).list().ofMinSize(1).ofMaxSize(5)
                .map(gaps -> {
                    List<Integer> e = new ArrayList<>();
                    int at = 0;
                    e.add(at);
                    for (int g : gaps) {
                        at += g;
                        e.add(at);
                    }
                    return new AgeingBuckets(e);
                });
    }
}
