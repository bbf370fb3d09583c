package io.crmkit.metrics.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceStatus;
import io.crmkit.core.credit.Payment;
import io.crmkit.testkit.CreditHistory;
import io.crmkit.testkit.CrmArbitraries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The allocation rule itself (ADR 0051), checked against a naive reference allocator that follows
 * the rule literally on plain lists: same open and written-off amount per invoice and same unapplied
 * credit per customer, on generated histories (payments naming invoices, overpaying, arriving before
 * invoices, credit notes, write-offs, voids).
 */
class ReferenceAllocationProperties {

    static final LocalDate BASE = LocalDate.of(2024, 1, 1);

    @Provide
    Arbitrary<CreditHistory> histories() {
        return Arbitraries.of("EUR", "JPY").map(Money::currency).flatMap(CrmArbitraries::creditHistories);
    }

    /** An issued invoice in the reference: its open and written-off amounts, in minor units. */
    static final class Open {
        final Invoice invoice;
        long open;
        long writtenOff;
        boolean closedByWriteOff;

        Open(Invoice invoice) {
            this.invoice = invoice;
            this.open = invoice.amount().toMinorUnits();
        }
    }

    /** A payment or credit note in the reference. */
    record Credit(String id, CustomerId customer, LocalDate day, boolean creditNote, long amount,
            Optional<String> names) {
    }

    /** The result of the reference: open and written off per invoice id, unapplied per customer. */
    record Result(Map<String, Long> open, Map<String, Long> writtenOff, Map<CustomerId, Long> unapplied) {
    }

    /** The rule, literally, one customer at a time. */
    static Result reference(CreditHistory h, LocalDate asOf) {
        Map<String, Long> openById = new TreeMap<>();
        Map<String, Long> writtenOffById = new TreeMap<>();
        Map<CustomerId, Long> unapplied = new TreeMap<>();
        Map<CustomerId, List<Open>> invoices = new TreeMap<>();
        Map<CustomerId, List<Credit>> credits = new TreeMap<>();
        for (Invoice i : h.invoices()) {
            if (i.status() == InvoiceStatus.ISSUED && !i.issued().isAfter(asOf)) {
                invoices.computeIfAbsent(i.customerId(), k -> new ArrayList<>()).add(new Open(i));
            } else if (i.status() == InvoiceStatus.CREDIT_NOTE && !i.issued().isAfter(asOf)) {
                credits.computeIfAbsent(i.customerId(), k -> new ArrayList<>()).add(new Credit(i.id().value(),
                        i.customerId(), i.issued(), true, i.amount().toMinorUnits(), i.appliesTo().map(x -> x.value())));
            }
        }
        for (Payment p : h.payments()) {
            if (!p.paidOn().isAfter(asOf)) {
                credits.computeIfAbsent(p.customerId(), k -> new ArrayList<>()).add(new Credit(p.id().value(),
                        p.customerId(), p.paidOn(), false, p.amount().toMinorUnits(), p.invoiceId().map(x -> x.value())));
            }
        }
        java.util.Set<CustomerId> customers = new java.util.TreeSet<>(invoices.keySet());
        customers.addAll(credits.keySet());
        for (CustomerId c : customers) {
            List<Open> inv = new ArrayList<>(invoices.getOrDefault(c, List.of()));
            // oldest first: due date, then invoice id
            inv.sort(Comparator.comparing((Open o) -> o.invoice.due()).thenComparing(o -> o.invoice.id().value()));
            Map<String, Open> byId = new HashMap<>();
            inv.forEach(o -> byId.put(o.invoice.id().value(), o));
            List<Credit> cr = new ArrayList<>(credits.getOrDefault(c, List.of()));
            // by day, credit notes before payments, then id
            cr.sort(Comparator.comparing(Credit::day).thenComparing(x -> x.creditNote() ? 0 : 1)
                    .thenComparing(Credit::id));
            long left = 0;
            for (Credit k : cr) {
                writeOffsBefore(inv, k.day());
                long rest = k.amount();
                Open named = k.names().map(byId::get).orElse(null);
                if (named != null && !named.invoice.issued().isAfter(k.day()) && !named.closedByWriteOff) {
                    long x = Math.min(rest, named.open);
                    named.open -= x;
                    rest -= x;
                }
                for (Open o : inv) {
                    if (rest == 0) {
                        break;
                    }
                    if (!o.invoice.issued().isAfter(k.day())) {
                        long x = Math.min(rest, o.open);
                        o.open -= x;
                        rest -= x;
                    }
                }
                left += rest;
            }
            writeOffsBefore(inv, asOf.plusDays(1));
            for (Open o : inv) {
                openById.put(o.invoice.id().value(), o.open);
                writtenOffById.put(o.invoice.id().value(), o.writtenOff);
            }
            unapplied.put(c, left);
        }
        return new Result(openById, writtenOffById, unapplied);
    }

    /** A write-off on day w takes what is open at the end of day w: before any credit of a later day. */
    static void writeOffsBefore(List<Open> inv, LocalDate dayExclusive) {
        for (Open o : inv) {
            Optional<LocalDate> w = o.invoice.writtenOffOn();
            if (!o.closedByWriteOff && w.isPresent() && w.get().isBefore(dayExclusive)) {
                o.writtenOff = o.open;
                o.open = 0;
                o.closedByWriteOff = true;
            }
        }
    }

    @Property
    void theAllocationFollowsTheRuleLiterally(@ForAll("histories") CreditHistory h,
            @ForAll @IntRange(min = -5, max = 300) int asOfDay) {
        LocalDate asOf = BASE.plusDays(asOfDay);
        Result expected = reference(h, asOf);
        Allocation a = Ledger.of(h.currency(), h.invoices(), h.payments()).allocate(asOf);
        Map<String, Long> open = new TreeMap<>();
        Map<String, Long> writtenOff = new TreeMap<>();
        for (Invoice i : h.invoices()) {
            a.openAmount(i.id()).ifPresent(m -> open.put(i.id().value(), m.toMinorUnits()));
            a.writtenOff(i.id()).ifPresent(m -> writtenOff.put(i.id().value(), m.toMinorUnits()));
        }
        assertThat(open).isEqualTo(expected.open());
        assertThat(writtenOff).isEqualTo(expected.writtenOff());
        Map<CustomerId, Long> unapplied = new TreeMap<>();
        expected.unapplied().keySet().forEach(c -> unapplied.put(c, 0L));
        for (CustomerAgeing row : a.ageing(AgeingBuckets.DEFAULT)) {
            unapplied.put(row.customerId(), row.unappliedCredit().toMinorUnits());
        }
        assertThat(unapplied).isEqualTo(expected.unapplied());
    }
}
