package io.crmkit.metrics.credit;

import io.crmkit.core.CurrencyMismatchException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.InvoiceId;
import io.crmkit.core.credit.InvoiceStatus;
import io.crmkit.core.credit.Payment;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.CustomerIdSort;
import io.crmkit.core.internal.CustomerIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer ledger in columns: every invoice, credit note, payment and write-off of one currency,
 * sorted for {@linkplain #allocate(LocalDate) allocation}. The analytics of this package run on it.
 *
 * <p>Amounts are held as {@code long} minor units (ADR 0004), days as epoch days. Void invoices are
 * counted ({@link #voidInvoices()}) and otherwise dropped. Invoices are ordered per customer by due
 * date then invoice identifier (the allocation order); credits (payments and credit notes) per
 * customer by day, then credit notes before payments, then identifier.
 *
 * <p>Build one with {@link #builder(Currency)}. Immutable once built and thread-safe.
 */
public final class Ledger {

    static final int NONE = -1;
    /** A credit naming an invoice that is not in the ledger (or is void, or another customer's). */
    static final int UNKNOWN = -2;
    static final byte PAYMENT = 1;
    static final byte CREDIT_NOTE = 0;

    final Currency currency;
    final CustomerId[] customers;
    // invoices (issued only), grouped by customer, by due then id
    final int[] invStart;
    final String[] invId;
    final int[] invIssued;
    final int[] invDue;
    final long[] invAmount;
    final int[] invWriteOff;
    // credits, grouped by customer, by day, kind, id
    final int[] crStart;
    final String[] crId;
    final int[] crDay;
    final long[] crAmount;
    final int[] crRef;
    final byte[] crKind;
    final long voidInvoices;
    final long unknownReferences;

    private Ledger(Builder b) {
        this.currency = b.currency;
        int nc = b.customerIds.size();
        int[] corder = CustomerIdSort.ascending(b.customerIds.toArray(new CustomerId[0]), nc);
        int[] rank = new int[nc];
        customers = new CustomerId[nc];
        for (int r = 0; r < nc; r++) {
            rank[corder[r]] = r;
            customers[r] = b.customerIds.get(corder[r]);
        }
        int ni = b.invoices.size();
        invStart = new int[nc + 1];
        int[] iorder = groupSort(ni, nc, i -> rank[b.invoices.get(i).customer], (x, y) -> {
            RawInvoice a = b.invoices.get(x);
            RawInvoice c = b.invoices.get(y);
            int k = Integer.compare(a.due, c.due);
            return k != 0 ? k : a.id.compareTo(c.id);
        }, invStart);
        invId = new String[ni];
        invIssued = new int[ni];
        invDue = new int[ni];
        invAmount = new long[ni];
        invWriteOff = new int[ni];
        int[] positionOfRaw = new int[ni];
        for (int p = 0; p < ni; p++) {
            positionOfRaw[iorder[p]] = p;
            RawInvoice r = b.invoices.get(iorder[p]);
            invId[p] = r.id;
            invIssued[p] = r.issued;
            invDue[p] = r.due;
            invAmount[p] = r.amount;
            invWriteOff[p] = r.writeOff;
        }
        int nk = b.credits.size();
        crStart = new int[nc + 1];
        int[] korder = groupSort(nk, nc, k -> rank[b.credits.get(k).customer], (x, y) -> {
            RawCredit a = b.credits.get(x);
            RawCredit c = b.credits.get(y);
            int k = Integer.compare(a.day, c.day);
            if (k == 0) {
                k = Byte.compare(a.kind, c.kind);
            }
            return k != 0 ? k : a.id.compareTo(c.id);
        }, crStart);
        crId = new String[nk];
        crDay = new int[nk];
        crAmount = new long[nk];
        crRef = new int[nk];
        crKind = new byte[nk];
        long unknown = 0;
        for (int p = 0; p < nk; p++) {
            RawCredit r = b.credits.get(korder[p]);
            crId[p] = r.id;
            crDay[p] = r.day;
            crAmount[p] = r.amount;
            crKind[p] = r.kind;
            int ref = NONE;
            if (r.ref != null) {
                Integer raw = b.invoiceIds.get(r.ref);
                int at = raw == null || raw < 0 ? -1 : positionOfRaw[raw];
                int c = rank[r.customer];
                ref = at >= invStart[c] && at < invStart[c + 1] ? at : UNKNOWN;
                if (ref == UNKNOWN) {
                    unknown++;
                }
            }
            crRef[p] = ref;
        }
        voidInvoices = b.voids;
        unknownReferences = unknown;
    }

    /** Compares two record positions. */
    private interface PositionOrder {
        int compare(int x, int y);
    }

    /**
     * Orders n records by group (a counting sort; {@code starts} receives the group offsets, length
     * groups + 1), then within each group by {@code order} (insertion sort for small groups).
     */
    private static int[] groupSort(int n, int groups, java.util.function.IntUnaryOperator groupOf, PositionOrder order,
            int[] starts) {
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = groupOf.applyAsInt(i);
            starts[group[i] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            starts[g + 1] += starts[g];
        }
        int[] next = Arrays.copyOf(starts, groups);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[next[group[i]]++] = i;
        }
        for (int g = 0; g < groups; g++) {
            int from = starts[g];
            int to = starts[g + 1];
            if (to - from <= 48) {
                for (int i = from + 1; i < to; i++) {
                    int v = out[i];
                    int j = i - 1;
                    while (j >= from && order.compare(out[j], v) > 0) {
                        out[j + 1] = out[j];
                        j--;
                    }
                    out[j + 1] = v;
                }
            } else {
                Integer[] boxed = new Integer[to - from];
                for (int i = from; i < to; i++) {
                    boxed[i - from] = out[i];
                }
                Arrays.sort(boxed, order::compare);
                for (int i = from; i < to; i++) {
                    out[i] = boxed[i - from];
                }
            }
        }
        return out;
    }

    /**
     * Returns a builder for a ledger in one currency.
     *
     * @param currency the currency of every amount, not null
     * @return the builder, never null
     */
    public static Builder builder(Currency currency) {
        return new Builder(Checks.notNull(currency, "currency"));
    }

    /**
     * Returns the ledger of the given invoices and payments.
     *
     * @param currency the currency of every amount, not null
     * @param invoices the invoices and credit notes, with distinct identifiers, not null
     * @param payments the payments, with distinct identifiers, not null
     * @return the ledger, never null
     * @throws CurrencyMismatchException if an amount is in another currency
     * @throws IllegalArgumentException if an identifier repeats
     */
    public static Ledger of(Currency currency, Iterable<Invoice> invoices, Iterable<Payment> payments) {
        Builder b = builder(currency);
        invoices.forEach(b::add);
        payments.forEach(b::add);
        return b.build();
    }

    /**
     * Returns the currency of every amount.
     *
     * @return the currency, never null
     */
    public Currency currency() {
        return currency;
    }

    /**
     * Returns the customers with at least one invoice or credit, by identifier.
     *
     * @return the customers, never null
     */
    public List<CustomerId> customers() {
        return List.of(customers);
    }

    /**
     * Returns the number of issued invoices (void ones and credit notes not counted).
     *
     * @return the count
     */
    public int invoiceCount() {
        return invId.length;
    }

    /**
     * Returns the number of credits: payments and credit notes.
     *
     * @return the count
     */
    public int creditCount() {
        return crId.length;
    }

    /**
     * Returns the number of void invoices left out.
     *
     * @return the count
     */
    public long voidInvoices() {
        return voidInvoices;
    }

    /**
     * Returns the number of payments and credit notes naming an invoice that is not one of the same
     * customer's issued invoices in this ledger; they are allocated oldest first, as if they named none.
     *
     * @return the count
     */
    public long unknownReferences() {
        return unknownReferences;
    }

    /**
     * Allocates every payment and credit note made on or before a day (ADR 0051), counting only
     * invoices issued on or before it.
     *
     * @param asOf the last day counted, not null
     * @return the allocation, never null
     */
    public Allocation allocate(LocalDate asOf) {
        Checks.notNull(asOf, "asOf");
        Allocator a = new Allocator(this);
        a.advanceTo(asOf);
        return a.snapshot();
    }

    /**
     * Returns an allocator that applies this ledger's credits in steps of time, for incremental use
     * (each step continues where the last one stopped).
     *
     * @return a new allocator at the start of time, never null
     */
    public Allocator allocator() {
        return new Allocator(this);
    }

    int customerCount() {
        return customers.length;
    }

    Money money(long minor) {
        return Money.ofMinor(minor, currency);
    }

    private record RawInvoice(String id, int customer, int issued, int due, long amount, int writeOff) {
    }

    private record RawCredit(String id, int customer, int day, long amount, String ref, byte kind) {
    }

    /**
     * Collects invoices and payments into a {@link Ledger}. Not thread-safe.
     */
    public static final class Builder {

        private final Currency currency;
        private final CustomerIndex customerIndex = new CustomerIndex(16);
        private final List<CustomerId> customerIds = new ArrayList<>();
        private final List<RawInvoice> invoices = new ArrayList<>();
        private final List<RawCredit> credits = new ArrayList<>();
        /** Every invoice identifier added: the index of the issued invoice, or -1 for void and credit notes. */
        private final Map<String, Integer> invoiceIds = new HashMap<>();
        private final java.util.Set<String> paymentIds = new java.util.HashSet<>();
        private long voids;

        private Builder(Currency currency) {
            this.currency = currency;
        }

        private int customer(CustomerId id) {
            int at = customerIndex.getOrAdd(id);
            if (at < 0) {
                customerIds.add(id);
                return -at - 1;
            }
            return at;
        }

        private long minor(Money amount, String what) {
            if (!amount.currency().equals(currency)) {
                throw new CurrencyMismatchException(currency, amount.currency(), what + " (the ledger has one currency;"
                        + " crmkit never converts)");
            }
            return amount.toMinorUnits();
        }

        /**
         * Adds an invoice or a credit note (a void invoice is counted and left out).
         *
         * @param invoice the invoice, not null
         * @return this builder
         * @throws CurrencyMismatchException if its amount is in another currency
         * @throws IllegalArgumentException if its identifier was added before or a day is outside
         *     0001-01-01 .. 9999-12-31
         */
        public Builder add(Invoice invoice) {
            Checks.notNull(invoice, "invoice");
            String id = invoice.id().value();
            long amount = minor(invoice.amount(), "invoice " + id);
            int issued = epochDay(invoice.issued(), "invoice " + id + " issued");
            int due = epochDay(invoice.due(), "invoice " + id + " due");
            int writeOff = invoice.writtenOffOn().map(d -> epochDay(d, "invoice " + id + " written_off_on"))
                    .orElse(Integer.MAX_VALUE);
            if (invoiceIds.putIfAbsent(id, invoice.status() == InvoiceStatus.ISSUED ? invoices.size() : -1) != null) {
                throw new IllegalArgumentException("invoice id repeats: " + id);
            }
            int c = customer(invoice.customerId());
            switch (invoice.status()) {
                case VOID -> voids++;
                case ISSUED -> invoices.add(new RawInvoice(id, c, issued, due, amount, writeOff));
                case CREDIT_NOTE -> credits.add(new RawCredit(id, c, issued, amount,
                        invoice.appliesTo().map(InvoiceId::value).orElse(null), CREDIT_NOTE));
                default -> throw new IllegalStateException("status " + invoice.status());
            }
            return this;
        }

        /**
         * Adds a payment.
         *
         * @param payment the payment, not null
         * @return this builder
         * @throws CurrencyMismatchException if its amount is in another currency
         * @throws IllegalArgumentException if its identifier was added before or a day is outside
         *     0001-01-01 .. 9999-12-31
         */
        public Builder add(Payment payment) {
            Checks.notNull(payment, "payment");
            String id = payment.id().value();
            int paid = epochDay(payment.paidOn(), "payment " + id + " paid_on");
            long amount = minor(payment.amount(), "payment " + id);
            if (!paymentIds.add(id)) {
                throw new IllegalArgumentException("payment id repeats: " + id);
            }
            credits.add(new RawCredit(id, customer(payment.customerId()), paid, amount,
                    payment.invoiceId().map(InvoiceId::value).orElse(null), PAYMENT));
            return this;
        }

        /**
         * Adds an issued invoice given in columns, without building an {@link Invoice}: the fast
         * path for loaders and benchmarks. The same checks as {@link #add(Invoice)}.
         *
         * @param invoiceId the identifier, a valid {@link InvoiceId} text, not null
         * @param customerId the customer, not null
         * @param issuedEpochDay the issue day, as {@link LocalDate#toEpochDay()}
         * @param dueEpochDay the due day, not before the issue day
         * @param amountMinor the amount in minor units of the ledger's currency, positive
         * @return this builder
         * @throws IllegalArgumentException if a value is invalid or the identifier repeats
         */
        public Builder addIssued(String invoiceId, CustomerId customerId, int issuedEpochDay, int dueEpochDay,
                long amountMinor) {
            InvoiceId.of(invoiceId);
            Checks.notNull(customerId, "customerId");
            epochDay(issuedEpochDay, "invoice " + invoiceId + " issued");
            epochDay(dueEpochDay, "invoice " + invoiceId + " due");
            if (dueEpochDay < issuedEpochDay || amountMinor <= 0) {
                throw new IllegalArgumentException("invoice " + invoiceId + ": due must not be before issued and the"
                        + " amount must be positive: " + LocalDate.ofEpochDay(issuedEpochDay) + ", "
                        + LocalDate.ofEpochDay(dueEpochDay) + ", " + amountMinor);
            }
            if (invoiceIds.putIfAbsent(invoiceId, invoices.size()) != null) {
                throw new IllegalArgumentException("invoice id repeats: " + invoiceId);
            }
            invoices.add(new RawInvoice(invoiceId, customer(customerId), issuedEpochDay, dueEpochDay, amountMinor,
                    Integer.MAX_VALUE));
            return this;
        }

        /**
         * Adds a payment given in columns, without building a {@link Payment}: the fast path for
         * loaders and benchmarks. The same checks as {@link #add(Payment)}.
         *
         * @param paymentId the identifier, a valid {@link io.crmkit.core.credit.PaymentId} text, not null
         * @param customerId the customer, not null
         * @param paidEpochDay the payment day, as {@link LocalDate#toEpochDay()}
         * @param amountMinor the amount in minor units of the ledger's currency, positive
         * @param invoiceId the invoice named, or null for none
         * @return this builder
         * @throws IllegalArgumentException if a value is invalid or the identifier repeats
         */
        public Builder addPayment(String paymentId, CustomerId customerId, int paidEpochDay, long amountMinor,
                String invoiceId) {
            io.crmkit.core.credit.PaymentId.of(paymentId);
            Checks.notNull(customerId, "customerId");
            epochDay(paidEpochDay, "payment " + paymentId + " paid_on");
            if (amountMinor <= 0) {
                throw new IllegalArgumentException("payment " + paymentId + ": amount must be positive: " + amountMinor);
            }
            if (invoiceId != null) {
                InvoiceId.of(invoiceId);
            }
            if (!paymentIds.add(paymentId)) {
                throw new IllegalArgumentException("payment id repeats: " + paymentId);
            }
            credits.add(new RawCredit(paymentId, customer(customerId), paidEpochDay, amountMinor, invoiceId, PAYMENT));
            return this;
        }

        /**
         * Returns whether an invoice identifier was added (any status).
         *
         * @param id the identifier, not null
         * @return true if added
         */
        public boolean hasInvoice(InvoiceId id) {
            return invoiceIds.containsKey(id.value());
        }

        /**
         * Builds the ledger.
         *
         * @return the ledger, never null
         */
        public Ledger build() {
            return new Ledger(this);
        }
    }

    /** The first day a ledger accepts (0001-01-01): keeps every difference of two days within an {@code int}. */
    static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    /** The last day a ledger accepts (9999-12-31). */
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /**
     * Returns a day as an epoch day, refusing a day outside {@link #FIRST_DAY} .. {@link #LAST_DAY}
     * (whose epoch day would be truncated or whose differences could overflow).
     */
    static int epochDay(LocalDate day, String what) {
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw new IllegalArgumentException(what + " must be between " + FIRST_DAY + " and " + LAST_DAY + ": " + day);
        }
        return Math.toIntExact(day.toEpochDay());
    }

    /** Checks an epoch day given in columns the same way as {@link #epochDay(LocalDate, String)}. */
    static int epochDay(int epochDay, String what) {
        if (epochDay < FIRST_DAY.toEpochDay() || epochDay > LAST_DAY.toEpochDay()) {
            throw new IllegalArgumentException(what + " must be between " + FIRST_DAY + " and " + LAST_DAY
                    + ": epoch day " + epochDay);
        }
        return epochDay;
    }

    /**
     * Adds two amounts in minor units, with a clear error instead of a silent wrap-around.
     *
     * @throws ArithmeticException naming {@code what} if the sum exceeds the range of a {@code long}
     */
    static long add(long a, long b, String what) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw new ArithmeticException(what + " exceeds the range of " + Long.MAX_VALUE
                    + " minor units: the amounts are too large to add up");
        }
        return r;
    }

    static Optional<LocalDate> day(int epochDay) {
        return epochDay == Integer.MIN_VALUE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(epochDay));
    }
}
