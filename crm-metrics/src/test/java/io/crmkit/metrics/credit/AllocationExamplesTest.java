package io.crmkit.metrics.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.credit.Payment;
import io.crmkit.core.credit.PaymentId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hand-worked examples of every allocation rule, bucket edge and ratio (ADR 0051). */
class AllocationExamplesTest {

    static final Currency EUR = Money.currency("EUR");
    static final CustomerId C = CustomerId.of("c1");
    static final LocalDate D0 = LocalDate.of(2025, 1, 1);

    final List<Invoice> invoices = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();

    static LocalDate day(int n) {
        return D0.plusDays(n);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    void invoice(String id, int issued, int due, String amount) {
        invoices.add(Invoice.issued(InvoiceId.of(id), C, day(issued), day(due), eur(amount)));
    }

    void pay(String id, int on, String amount) {
        payments.add(Payment.of(PaymentId.of(id), C, day(on), eur(amount)));
    }

    void pay(String id, int on, String amount, String invoice) {
        payments.add(Payment.of(PaymentId.of(id), C, day(on), eur(amount), InvoiceId.of(invoice)));
    }

    Allocation allocate(int asOf) {
        return Ledger.of(EUR, invoices, payments).allocate(day(asOf));
    }

    static Money open(Allocation a, String invoice) {
        return a.openAmount(InvoiceId.of(invoice)).orElseThrow();
    }

    @Test
    void aPaymentNamingAnInvoiceGoesToItEvenWhenAnOlderOneIsOpen() {
        invoice("A", 0, 10, "100");
        invoice("B", 1, 20, "50");
        pay("p1", 5, "50", "B");
        Allocation a = allocate(30);
        assertThat(open(a, "A")).isEqualTo(eur("100"));
        assertThat(open(a, "B")).isEqualTo(eur("0"));
        assertThat(a.settledOn(InvoiceId.of("B"))).contains(day(5));
    }

    @Test
    void whatAPaymentPaysBeyondItsInvoiceGoesToTheOldestOpenInvoice() {
        invoice("A", 0, 10, "100");
        invoice("B", 1, 20, "50");
        invoice("C", 2, 15, "30");
        pay("p1", 5, "100", "B");
        Allocation a = allocate(30);
        assertThat(open(a, "B")).isEqualTo(eur("0"));
        assertThat(open(a, "A")).isEqualTo(eur("50"));
        assertThat(open(a, "C")).isEqualTo(eur("30"));
    }

    @Test
    void aPaymentNamingNoInvoiceGoesOldestDueFirstThenByInvoiceId() {
        invoice("Z", 0, 10, "40");
        invoice("Y", 0, 10, "40");
        invoice("X", 0, 20, "40");
        pay("p1", 3, "60");
        Allocation a = allocate(30);
        assertThat(open(a, "Y")).isEqualTo(eur("0"));
        assertThat(open(a, "Z")).isEqualTo(eur("20"));
        assertThat(open(a, "X")).isEqualTo(eur("40"));
    }

    @Test
    void onlyInvoicesIssuedOnOrBeforeThePaymentDateReceiveIt() {
        invoice("A", 10, 12, "100");
        invoice("B", 1, 30, "30");
        pay("p1", 5, "50");
        Allocation a = allocate(40);
        assertThat(open(a, "B")).isEqualTo(eur("0"));
        assertThat(open(a, "A")).as("issued after the payment: not paid by it").isEqualTo(eur("100"));
        assertThat(a.totals().unappliedCredit()).isEqualTo(eur("20"));
    }

    @Test
    void aPaymentNamingAnInvoiceNotYetIssuedIsAllocatedOldestFirst() {
        invoice("A", 0, 5, "10");
        invoice("B", 10, 20, "100");
        pay("p1", 5, "30", "B");
        Allocation a = allocate(40);
        assertThat(open(a, "A")).isEqualTo(eur("0"));
        assertThat(open(a, "B")).isEqualTo(eur("100"));
        assertThat(a.totals().unappliedCredit()).isEqualTo(eur("20"));
        // and it is made visible, with the reason and what of it is unapplied
        assertThat(a.notYetIssuedReferences()).containsExactly(new Allocation.NotYetIssuedReference("p1", false, C,
                day(5), "B", day(10), eur("30"), eur("20")));
        assertThat(a.notYetIssuedReferences().get(0).reason())
                .isEqualTo("names invoice B not yet issued on the payment date (2025-01-06; issued 2025-01-11)");
        assertThat(allocate(4).notYetIssuedReferences()).as("the payment is after the as-of day").isEmpty();
        pay("p2", 12, "5", "B");
        assertThat(allocate(40).notYetIssuedReferences()).extracting(Allocation.NotYetIssuedReference::creditId)
                .containsExactly("p1");
    }

    @Test
    void unappliedCreditIsReportedAndNotAppliedToLaterInvoices() {
        pay("p0", 0, "25");
        invoice("A", 1, 10, "100");
        Allocation a = allocate(20);
        assertThat(open(a, "A")).isEqualTo(eur("100"));
        CustomerAgeing row = a.ageing(AgeingBuckets.DEFAULT).get(0);
        assertThat(row.unappliedCredit()).isEqualTo(eur("25"));
        assertThat(row.outstanding()).isEqualTo(eur("100"));
    }

    @Test
    void asOfCountsOnlyInvoicesIssuedAndPaymentsMadeOnOrBeforeIt() {
        invoice("A", 0, 10, "100");
        invoice("B", 6, 16, "70");
        pay("p1", 5, "40");
        pay("p2", 7, "60");
        Allocation a = allocate(5);
        assertThat(a.openAmount(InvoiceId.of("B"))).isEmpty();
        assertThat(open(a, "A")).isEqualTo(eur("60"));
        LedgerTotals t = a.totals();
        assertThat(t.invoiced()).isEqualTo(eur("100"));
        assertThat(t.payments()).isEqualTo(eur("40"));
        Allocation later = allocate(7);
        assertThat(open(later, "A")).isEqualTo(eur("0"));
        assertThat(open(later, "B")).isEqualTo(eur("70"));
    }

    @Test
    void paymentsOfOneDayApplyInIdOrderAndCreditNotesFirst() {
        invoice("A", 0, 5, "10");
        invoice("B", 0, 6, "10");
        pay("p2", 3, "10", "B");
        pay("p1", 3, "10");
        Allocation a = allocate(10);
        // p1 first (id order): oldest (A); then p2 names B
        assertThat(open(a, "A")).isEqualTo(eur("0"));
        assertThat(open(a, "B")).isEqualTo(eur("0"));
        assertThat(a.totals().unappliedCredit()).isEqualTo(eur("0"));

        invoices.add(Invoice.creditNote(InvoiceId.of("CN"), C, day(3), eur("10"), Optional.empty()));
        Allocation b = allocate(10);
        // the credit note takes A first, p1 then B, p2 names B (closed) and finds nothing open
        assertThat(b.totals().creditedApplied()).isEqualTo(eur("10"));
        assertThat(b.totals().unappliedCredit()).isEqualTo(eur("10"));
    }

    @Test
    void aCreditNoteNamingAnInvoiceCreditsIt() {
        invoice("A", 0, 5, "100");
        invoice("B", 1, 30, "100");
        invoices.add(Invoice.creditNote(InvoiceId.of("CN1"), C, day(2), eur("30"), Optional.of(InvoiceId.of("B"))));
        Allocation a = allocate(10);
        assertThat(open(a, "A")).isEqualTo(eur("100"));
        assertThat(open(a, "B")).isEqualTo(eur("70"));
        assertThat(a.totals().creditedApplied()).isEqualTo(eur("30"));
        assertThat(a.totals().invoiced()).as("a credit note is not invoiced").isEqualTo(eur("200"));
    }

    @Test
    void aVoidInvoiceNeverCounts() {
        invoices.add(Invoice.issued(InvoiceId.of("V"), C, day(0), day(1), eur("500")).voided());
        invoice("A", 0, 5, "100");
        pay("p1", 2, "100");
        Ledger ledger = Ledger.of(EUR, invoices, payments);
        assertThat(ledger.voidInvoices()).isEqualTo(1);
        Allocation a = ledger.allocate(day(10));
        assertThat(open(a, "A")).isEqualTo(eur("0"));
        assertThat(a.openAmount(InvoiceId.of("V"))).isEmpty();
        assertThat(a.totals().invoiced()).isEqualTo(eur("100"));
    }

    @Test
    void aWriteOffTakesWhatIsOpenAtTheEndOfItsDayAndLaterPaymentsGoElsewhere() {
        invoices.add(Invoice.issued(InvoiceId.of("A"), C, day(0), day(5), eur("100")).writtenOff(day(50)));
        invoice("B", 40, 60, "80");
        pay("p1", 50, "30", "A");
        pay("p2", 51, "30", "A");
        Allocation before = allocate(49);
        assertThat(open(before, "A")).isEqualTo(eur("100"));
        assertThat(before.totals().writtenOff()).isEqualTo(eur("0"));
        Allocation a = allocate(60);
        assertThat(open(a, "A")).isEqualTo(eur("0"));
        assertThat(a.writtenOff(InvoiceId.of("A"))).contains(eur("70"));
        assertThat(a.settledOn(InvoiceId.of("A"))).isEmpty();
        assertThat(open(a, "B")).isEqualTo(eur("50"));
        LedgerTotals t = a.totals();
        assertThat(t.invoiced()).isEqualTo(eur("180"));
        assertThat(t.paidApplied().plus(t.writtenOff()).plus(t.outstanding())).isEqualTo(eur("180"));
    }

    @Test
    void aPaymentNamingAnUnknownOrOtherCustomersInvoiceIsAllocatedOldestFirstAndCounted() {
        invoice("A", 0, 5, "10");
        invoices.add(Invoice.issued(InvoiceId.of("X"), CustomerId.of("c2"), day(0), day(5), eur("10")));
        pay("p1", 1, "10", "NOPE");
        pay("p2", 1, "5", "X");
        Ledger ledger = Ledger.of(EUR, invoices, payments);
        assertThat(ledger.unknownReferences()).isEqualTo(2);
        Allocation a = ledger.allocate(day(10));
        assertThat(open(a, "A")).isEqualTo(eur("0"));
        assertThat(open(a, "X")).isEqualTo(eur("10"));
        assertThat(a.totals().unappliedCredit()).isEqualTo(eur("5"));
    }

    @Test
    void bucketEdgesByDaysPastDue() {
        int asOf = 200;
        invoice("notDue", 190, 201, "1");
        invoice("dueToday", 150, 200, "2");
        invoice("late1", 150, 199, "4");
        invoice("late30", 150, 170, "8");
        invoice("late31", 150, 169, "16");
        invoice("late60", 100, 140, "32");
        invoice("late61", 100, 139, "64");
        invoice("late90", 100, 110, "128");
        invoice("late91", 100, 109, "256");
        CustomerAgeing row = allocate(asOf).ageing(AgeingBuckets.DEFAULT).get(0);
        assertThat(row.buckets()).containsExactly(eur("3"), eur("12"), eur("48"), eur("192"), eur("256"));
        assertThat(row.outstanding()).isEqualTo(eur("511"));
        assertThat(row.overdue()).isEqualTo(eur("508"));
        assertThat(AgeingBuckets.DEFAULT.names()).containsExactly("current", "d1_30", "d31_60", "d61_90", "d91_plus");
    }

    @Test
    void bucketsAreAnOption() {
        AgeingBuckets weekly = AgeingBuckets.parse("0, 7,14");
        assertThat(weekly.names()).containsExactly("current", "d1_7", "d8_14", "d15_plus");
        assertThat(weekly.bucketOf(7)).isEqualTo(1);
        assertThat(weekly.bucketOf(8)).isEqualTo(2);
        assertThat(weekly.bucketOf(15)).isEqualTo(3);
        assertThatThrownBy(() -> AgeingBuckets.parse("0,30,30")).hasMessageContaining("strictly ascending");
        assertThatThrownBy(() -> AgeingBuckets.parse("0,x")).hasMessageContaining("'0,x'");
        // a first edge above 0 would put not-yet-due invoices in a column named as overdue (d0_5) and make
        // CustomerAgeing.overdue() disagree with overdueShare(): refused
        assertThatThrownBy(() -> AgeingBuckets.parse("5,30")).hasMessageContaining("the first edge must be 0")
                .hasMessageContaining("[5, 30]");
        assertThatThrownBy(() -> AgeingBuckets.parse("-1,30")).hasMessageContaining("the first edge must be 0");
    }

    @Test
    void theFirstBucketIsExactlyWhatIsNotPastDueSoOverdueAgreesWithOverdueShare() {
        invoice("A", 0, 10, "100"); // due day 10: 10 days past due on day 20
        invoice("B", 0, 20, "50"); // due today: current
        invoice("C", 0, 30, "25"); // not yet due
        Allocation a = allocate(20);
        CustomerAgeing row = a.ageing(AgeingBuckets.parse("0,7,14")).get(0);
        assertThat(row.buckets()).containsExactly(eur("75"), eur("0"), eur("100"), eur("0"));
        assertThat(row.overdue()).isEqualTo(eur("100"));
        assertThat(a.overdueShare().getAsDouble())
                .isEqualTo(row.overdue().amount().doubleValue() / row.outstanding().amount().doubleValue());
    }

    @Test
    void dsoOverdueShareAndDaysLate() {
        invoice("A", 0, 30, "1000");
        invoice("B", 100, 130, "500");
        pay("p1", 40, "1000");
        Allocation a = allocate(140);
        // outstanding 500 (B, 10 days late); invoiced in the 90 days ending on day 140: 500
        assertThat(a.dso(90).getAsDouble()).isEqualTo(90.0);
        assertThat(a.dso(30)).as("nothing invoiced in the last 30 days").isEmpty();
        assertThat(a.overdueShare().getAsDouble()).isEqualTo(1.0);
        // A: paid 10 days late; B: open, 10 days late so far
        assertThat(a.averageDaysLateByCustomer()).containsEntry(C, 10.0);
        assertThat(allocate(20).overdueShare().getAsDouble()).isEqualTo(0.0);
        assertThat(Ledger.of(EUR, List.of(), List.of()).allocate(day(1)).overdueShare()).isEmpty();
    }

    @Test
    void badInputIsRejectedNamingTheValue() {
        invoice("A", 0, 5, "10");
        invoice("A", 1, 5, "10");
        assertThatThrownBy(() -> Ledger.of(EUR, invoices, payments)).hasMessageContaining("invoice id repeats: A");
        invoices.clear();
        invoices.add(Invoice.issued(InvoiceId.of("U"), C, day(0), day(5), Money.of("10", "USD")));
        assertThatThrownBy(() -> Ledger.of(EUR, invoices, payments)).isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("invoice U");
        assertThatThrownBy(() -> Invoice.issued(InvoiceId.of("A"), C, day(5), day(4), eur("1")))
                .hasMessageContaining("due 2025-01-05 must not be before issued 2025-01-06");
        assertThatThrownBy(() -> Payment.of(PaymentId.of("p"), C, day(5), eur("0")))
                .hasMessageContaining("amount must be positive: EUR 0.00");
        assertThatThrownBy(() -> Ledger.of(EUR, List.of(), List.of()).allocator().advanceTo(day(5)).advanceTo(day(4)))
                .hasMessageContaining("before the day already reached");
    }

    @Test
    void sumsBeyondTheRangeOfMinorUnitsFailClearlyInsteadOfWrappingAround() {
        long half = Long.MAX_VALUE / 2 + 1;
        Ledger ledger = Ledger.builder(EUR)
                .addIssued("A", C, (int) day(0).toEpochDay(), (int) day(10).toEpochDay(), half)
                .addIssued("B", C, (int) day(0).toEpochDay(), (int) day(10).toEpochDay(), half)
                .build();
        Allocation a = ledger.allocate(day(20));
        assertThatThrownBy(() -> a.ageing(AgeingBuckets.DEFAULT)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("exceeds the range of");
        assertThatThrownBy(a::overdueShare).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("the outstanding amount exceeds");
        assertThatThrownBy(() -> a.dso(90)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> a.ageingTotalsMinor(AgeingBuckets.DEFAULT)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> PaymentBehaviour.of(a, java.util.Map.of())).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void daysBeyondTheLedgersRangeAreRefusedNotTruncated() {
        LocalDate far = LocalDate.of(6_000_000, 1, 1); // epoch day > Integer.MAX_VALUE: (int) would wrap
        assertThatThrownBy(() -> Ledger.builder(EUR)
                .add(Invoice.issued(InvoiceId.of("A"), C, D0, far, eur("1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invoice A due must be between 0001-01-01 and 9999-12-31: +6000000-01-01");
        assertThatThrownBy(() -> Ledger.builder(EUR).add(Payment.of(PaymentId.of("p"), C, far, eur("1"))))
                .hasMessageStartingWith("payment p paid_on must be between");
        Ledger.Builder b = Ledger.builder(EUR);
        assertThatThrownBy(() -> b.add(Invoice.issued(InvoiceId.of("A"), C, D0, far, eur("1"))))
                .isInstanceOf(IllegalArgumentException.class);
        // the refused invoice left nothing behind: its id can be added again
        b.add(Invoice.issued(InvoiceId.of("A"), C, D0, day(5), eur("1")));
        assertThatThrownBy(() -> b.build().allocate(far)).hasMessageStartingWith("day must be between");
    }
}
