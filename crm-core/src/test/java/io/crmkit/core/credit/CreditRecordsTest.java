package io.crmkit.core.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The credit records' factories and every rule of their compact constructors, one example each. */
class CreditRecordsTest {

    private static final CustomerId C = CustomerId.of("c");
    private static final InvoiceId INV = InvoiceId.of("inv-1");
    private static final LocalDate D = LocalDate.of(2024, 3, 1);
    private static final Money TEN = Money.of("10.00", "EUR");

    @Test
    void factoriesFillTheStatusAndTheOptionalParts() {
        Invoice issued = Invoice.issued(INV, C, D, D.plusDays(30), TEN);
        assertThat(issued.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(issued.due()).isEqualTo(D.plusDays(30));
        assertThat(issued.appliesTo()).isEmpty();
        assertThat(issued.writtenOffOn()).isEmpty();

        Invoice note = Invoice.creditNote(InvoiceId.of("cn-1"), C, D, TEN, Optional.of(INV));
        assertThat(note.status()).isEqualTo(InvoiceStatus.CREDIT_NOTE);
        assertThat(note.due()).isEqualTo(D);
        assertThat(note.appliesTo()).contains(INV);

        Invoice voided = issued.voided();
        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.id()).isEqualTo(INV);
        assertThat(voided.amount()).isEqualTo(TEN);
        assertThat(voided.writtenOffOn()).isEmpty();
        assertThat(Invoice.creditNote(InvoiceId.of("cn-2"), C, D, TEN, Optional.empty()).voided().status())
                .isEqualTo(InvoiceStatus.VOID);

        Invoice writtenOff = issued.writtenOff(D.plusDays(90));
        assertThat(writtenOff.writtenOffOn()).contains(D.plusDays(90));
        assertThat(writtenOff.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(issued.writtenOff(D).writtenOffOn()).contains(D);

        assertThat(Payment.of(PaymentId.of("p"), C, D, TEN).invoiceId()).isEmpty();
        assertThat(Payment.of(PaymentId.of("p"), C, D, TEN, INV).invoiceId()).contains(INV);
    }

    @Test
    void invoiceRulesNameTheField() {
        assertThat(Invoice.issued(INV, C, D, D, TEN).due()).isEqualTo(D);
        assertThatThrownBy(() -> Invoice.issued(INV, C, D, D.minusDays(1), TEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("due 2024-02-29")
                .hasMessageContaining("issued 2024-03-01").hasMessageContaining("inv-1");
        assertThatThrownBy(() -> Invoice.issued(INV, C, D, D, Money.of("0.00", "EUR")))
                .hasMessageContaining("amount must be positive");
        assertThatThrownBy(() -> Invoice.issued(INV, C, D, D, Money.of("-1.00", "EUR")))
                .hasMessageContaining("amount must be positive");
        assertThat(Invoice.issued(INV, C, D, D, Money.of("0.01", "EUR")).amount()).isEqualTo(Money.of("0.01", "EUR"));
        assertThatThrownBy(() -> new Invoice(INV, C, D, D, TEN, InvoiceStatus.ISSUED, Optional.of(InvoiceId.of("x")),
                Optional.empty())).hasMessageContaining("appliesTo is for credit notes only");
        assertThatThrownBy(() -> Invoice.creditNote(INV, C, D, TEN, Optional.of(INV)))
                .hasMessageContaining("must not apply to itself");
        assertThatThrownBy(() -> Invoice.creditNote(INV, C, D, TEN, Optional.empty()).writtenOff(D))
                .hasMessageContaining("writtenOffOn is for issued invoices only");
        assertThatThrownBy(() -> Invoice.issued(INV, C, D, D, TEN).voided().writtenOff(D))
                .hasMessageContaining("writtenOffOn is for issued invoices only");
        assertThatThrownBy(() -> Invoice.issued(INV, C, D, D, TEN).writtenOff(D.minusDays(1)))
                .hasMessageContaining("writtenOffOn 2024-02-29 must not be before issued 2024-03-01");
        Invoice voidNote = Invoice.creditNote(InvoiceId.of("cn"), C, D, TEN, Optional.of(INV)).voided();
        assertThat(voidNote.appliesTo()).isEmpty();
        assertThat(voidNote.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(Invoice.issued(INV, C, D, D, TEN).writtenOff(D).voided().writtenOffOn()).isEmpty();
        assertThatThrownBy(() -> Invoice.issued(INV, C, D, D, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> new Invoice(INV, C, D, D, TEN, InvoiceStatus.ISSUED, null, Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("appliesTo");
    }

    @Test
    void paymentAmountsArePositive() {
        assertThat(Payment.of(PaymentId.of("p"), C, D, Money.of("0.01", "EUR")).amount().isZero()).isFalse();
        assertThatThrownBy(() -> Payment.of(PaymentId.of("p"), C, D, Money.of("0.00", "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount must be positive")
                .hasMessageContaining("payment p");
        assertThatThrownBy(() -> Payment.of(PaymentId.of("p"), C, D, Money.of("-5.00", "EUR")))
                .hasMessageContaining("amount must be positive");
        assertThatThrownBy(() -> Payment.of(PaymentId.of("p"), C, null, TEN)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("paidOn");
    }

    @Test
    void creditTermsBounds() {
        assertThat(CreditTerms.of(C, Money.of("0.00", "EUR"), 0).termsDays()).isZero();
        assertThat(CreditTerms.of(C, TEN, 3650).termsDays()).isEqualTo(3650);
        assertThatThrownBy(() -> CreditTerms.of(C, TEN, -1)).hasMessageContaining("termsDays must be 0 to 3650: -1");
        assertThatThrownBy(() -> CreditTerms.of(C, TEN, 3651)).hasMessageContaining("termsDays");
        assertThatThrownBy(() -> new CreditTerms(C, TEN, 30, Optional.of(" A"))).hasMessageContaining("ratingClass");
        assertThat(new CreditTerms(C, TEN, 30, Optional.of("AA")).ratingClass()).contains("AA");
    }

    @Test
    void identifiersCompareAsTextAndPrintTheirText() {
        assertThat(InvoiceId.of("a").compareTo(InvoiceId.of("b"))).isNegative();
        assertThat(InvoiceId.of("b").compareTo(InvoiceId.of("a"))).isPositive();
        assertThat(InvoiceId.of("inv-7")).hasToString("inv-7");
        assertThat(PaymentId.of("a").compareTo(PaymentId.of("b"))).isNegative();
        assertThat(PaymentId.of("b").compareTo(PaymentId.of("a"))).isPositive();
        assertThat(PaymentId.of("pay-7")).hasToString("pay-7");
        assertThatThrownBy(() -> InvoiceId.of(" ")).hasMessageContaining("invoiceId");
    }
}
