package io.crmkit.testkit.simulation;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.credit.Payment;
import io.crmkit.core.credit.PaymentId;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A seeded synthetic receivables ledger whose customers are of known payer types, to test that a
 * rating ranks them and that paydays are learned.
 *
 * <p>Each customer joins in the first third of the period and is invoiced once a month (on a day
 * 1-28 of its own, 30-day terms, 100 to 5,000 major units). It pays each invoice in full (80%
 * naming it) after a delay drawn for its {@link PayerType}, moved forward to its payday: a day of
 * the month (60% of customers), a weekday (25%), or none (15%). Each month a customer may stop
 * paying for good, with the monthly hazard of its type; it is invoiced for two more months, then
 * no more. Nothing is dated after the end day.
 *
 * <p>Deterministic: the same settings and seed give the same ledger; customer {@code k} has its own
 * random stream. Identifiers: customers {@code R00001}, invoices {@code R00001-I007}, payments
 * {@code R00001-P007}. Immutable and thread-safe.
 */
public final class ReceivablesSimulator {

    /** How a simulated customer pays. */
    public enum PayerType {
        /** Pays 0-3 days after due; stops paying with a monthly hazard of 0.1%. */
        PROMPT(0, 3, 0.001, 0.60),
        /** Pays 5-35 days after due; monthly hazard 1%. */
        SLOW(5, 35, 0.01, 0.25),
        /** Pays 25-70 days after due; monthly hazard 8%. */
        DISTRESSED(25, 70, 0.08, 0.15);

        private final int minDelay;
        private final int maxDelay;
        private final double monthlyHazard;
        private final double share;

        PayerType(int minDelay, int maxDelay, double monthlyHazard, double share) {
            this.minDelay = minDelay;
            this.maxDelay = maxDelay;
            this.monthlyHazard = monthlyHazard;
            this.share = share;
        }

        /**
         * Returns the monthly probability of stopping to pay.
         *
         * @return the hazard
         */
        public double monthlyHazard() {
            return monthlyHazard;
        }
    }

    /**
     * The latent truth of one simulated customer.
     *
     * @param customerId the customer
     * @param type the payer type
     * @param paydayOfMonth the day of the month it pays on, if any
     * @param payWeekday the weekday it pays on, if any
     * @param stoppedPaying the first day it no longer paid, if it stopped before the end
     */
    public record Payer(CustomerId customerId, PayerType type, Optional<Integer> paydayOfMonth,
            Optional<DayOfWeek> payWeekday, Optional<LocalDate> stoppedPaying) {
    }

    /**
     * The simulated ledger.
     *
     * @param invoices the invoices, by customer then issue date
     * @param payments the payments, by customer then date
     * @param payers the latent truth per customer
     */
    public record SimulatedLedger(List<Invoice> invoices, List<Payment> payments, List<Payer> payers) {

        /**
         * Copies the lists.
         */
        public SimulatedLedger {
            invoices = List.copyOf(invoices);
            payments = List.copyOf(payments);
            payers = List.copyOf(payers);
        }
    }

    private final int customers;
    private final LocalDate start;
    private final LocalDate end;
    private final Currency currency;
    private final long seed;

    /**
     * Creates a simulator.
     *
     * @param customers the number of customers, 1 to 99,999
     * @param start the first day, not null
     * @param end the last day, after {@code start}, not null
     * @param currency the currency, not null
     * @param seed the seed
     */
    public ReceivablesSimulator(int customers, LocalDate start, LocalDate end, Currency currency, long seed) {
        if (customers < 1 || customers > 99_999) {
            throw new IllegalArgumentException("customers must be 1 to 99999: " + customers);
        }
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        this.currency = Objects.requireNonNull(currency, "currency");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
        this.customers = customers;
        this.seed = seed;
    }

    /**
     * Generates the ledger.
     *
     * @return the ledger, never null
     */
    public SimulatedLedger generate() {
        List<Invoice> invoices = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        List<Payer> payers = new ArrayList<>();
        long days = end.toEpochDay() - start.toEpochDay();
        long unit = Math.round(Math.pow(10, Math.max(0, currency.getDefaultFractionDigits())));
        for (int k = 1; k <= customers; k++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + k);
            CustomerId id = CustomerId.of(String.format(Locale.ROOT, "R%05d", k));
            double u = random.nextDouble();
            PayerType type = u < PayerType.PROMPT.share ? PayerType.PROMPT
                    : u < PayerType.PROMPT.share + PayerType.SLOW.share ? PayerType.SLOW : PayerType.DISTRESSED;
            double v = random.nextDouble();
            Optional<Integer> dom = v < 0.6 ? Optional.of(1 + random.nextInt(28)) : Optional.empty();
            Optional<DayOfWeek> dow = v >= 0.6 && v < 0.85 ? Optional.of(DayOfWeek.of(1 + random.nextInt(7)))
                    : Optional.empty();
            LocalDate joined = start.plusDays(random.nextLong(Math.max(1, days / 3)));
            int invoiceDay = 1 + random.nextInt(28);
            LocalDate stopped = null;
            int afterStop = 0;
            int n = 0;
            for (LocalDate month = joined.withDayOfMonth(1); !month.isAfter(end); month = month.plusMonths(1)) {
                LocalDate issued = month.withDayOfMonth(invoiceDay);
                if (issued.isBefore(joined)) {
                    continue;
                }
                if (issued.isAfter(end)) {
                    break;
                }
                if (stopped == null && random.nextDouble() < type.monthlyHazard) {
                    stopped = issued;
                }
                if (stopped != null && afterStop++ >= 2) {
                    break;
                }
                n++;
                LocalDate due = issued.plusDays(30);
                Money amount = Money.ofMinor((100 + random.nextLong(4_901)) * unit, currency);
                InvoiceId invoiceId = InvoiceId.of(String.format(Locale.ROOT, "%s-I%03d", id, n));
                invoices.add(Invoice.issued(invoiceId, id, issued, due, amount));
                LocalDate paid = due.plusDays(type.minDelay + random.nextInt(type.maxDelay - type.minDelay + 1));
                if (dom.isPresent()) {
                    LocalDate candidate = paid.withDayOfMonth(Math.min(dom.get(), paid.lengthOfMonth()));
                    paid = candidate.isBefore(paid) ? paid.plusMonths(1)
                            .withDayOfMonth(Math.min(dom.get(), paid.plusMonths(1).lengthOfMonth())) : candidate;
                } else if (dow.isPresent()) {
                    paid = paid.with(TemporalAdjusters.nextOrSame(dow.get()));
                }
                boolean names = random.nextDouble() < 0.8;
                if ((stopped == null || paid.isBefore(stopped)) && !paid.isAfter(end)) {
                    PaymentId paymentId = PaymentId.of(String.format(Locale.ROOT, "%s-P%03d", id, n));
                    payments.add(names ? Payment.of(paymentId, id, paid, amount, invoiceId)
                            : Payment.of(paymentId, id, paid, amount));
                }
            }
            payers.add(new Payer(id, type, dom, dow, Optional.ofNullable(stopped)));
        }
        return new SimulatedLedger(invoices, payments, payers);
    }
}
