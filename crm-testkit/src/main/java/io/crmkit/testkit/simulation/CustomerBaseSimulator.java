package io.crmkit.testkit.simulation;

import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.OrderId;
import io.crmkit.core.customer.Acquisition;
import io.crmkit.core.customer.AcquisitionChannel;
import io.crmkit.core.customer.Consent;
import io.crmkit.core.customer.ConsentRecord;
import io.crmkit.core.customer.ConsentStatus;
import io.crmkit.core.customer.ContactMedium;
import io.crmkit.core.customer.ContactPurpose;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.customer.EmailAddress;
import io.crmkit.core.customer.LifecycleStage;
import io.crmkit.core.customer.PartyKind;
import io.crmkit.core.customer.PartyRole;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.order.Order;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A seeded synthetic customer base: customers acquired over a period, each buying according to
 * the {@linkplain BgNbdProcess BG/NBD process} with {@linkplain GammaGammaSpend Gamma-Gamma}
 * transaction values, observed until an end instant. Serves as test data (the latent truth of
 * every customer is available from {@link #latent()}) and as demo data.
 *
 * <p>For each customer: the first purchase falls uniformly in the acquisition period; the
 * purchase rate {@code lambda}, the drop-out probability {@code p} and the spend parameter
 * {@code nu} are drawn from their population distributions; repeat purchases follow at exponential
 * gaps while the customer is alive, and after each repeat purchase the customer drops out with
 * probability {@code p}. Every purchase (the first included) gets a value drawn from
 * Gamma(spend p, nu), rounded half-even to the currency's scale. Purchase times are whole seconds.
 * Nothing is generated at or after the observation end.
 *
 * <p>Deterministic: the same seed and settings give the same customers and orders, whatever the
 * number of customers requested (customer {@code k} has its own random stream derived from the seed
 * and {@code k}), so generation is lazy and can run in parallel. Customer identifiers are
 * {@code C} followed by a zero-padded number, so that their text order is their number order;
 * order identifiers are the customer identifier, {@code -} and a sequence number.
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomerBaseSimulator {

    private static final List<AcquisitionChannel> CHANNELS = List.of(AcquisitionChannel.ORGANIC_SEARCH,
            AcquisitionChannel.PAID_SEARCH, AcquisitionChannel.SOCIAL, AcquisitionChannel.EMAIL,
            AcquisitionChannel.REFERRAL, AcquisitionChannel.DIRECT);

    private final int customers;
    private final Instant acquisitionStart;
    private final Instant acquisitionEnd;
    private final Instant observationEnd;
    private final BgNbdProcess process;
    private final GammaGammaSpend spend;
    private final Currency currency;
    private final long seed;
    private final int idWidth;

    private CustomerBaseSimulator(Builder b) {
        this.customers = b.customers;
        this.acquisitionStart = b.acquisitionStart;
        this.acquisitionEnd = b.acquisitionEnd;
        this.observationEnd = b.observationEnd;
        this.process = b.process;
        this.spend = b.spend;
        this.currency = b.currency;
        this.seed = b.seed;
        this.idWidth = Math.max(7, String.valueOf(customers).length());
    }

    /**
     * Starts a builder. Required: the number of customers, the acquisition period, the observation
     * end and the seed. Defaults: the CDNOW BG/NBD and Gamma-Gamma estimates
     * ({@link BgNbdProcess#CDNOW}, {@link GammaGammaSpend#CDNOW}) and US dollars.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the number of customers.
     *
     * @return the count, at least 1
     */
    public int customerCount() {
        return customers;
    }

    /**
     * Returns the end of the observation period (exclusive).
     *
     * @return the instant, never null
     */
    public Instant observationEnd() {
        return observationEnd;
    }

    /**
     * Returns the identifier of the customer with the given number.
     *
     * @param k the customer number, {@code 0 <= k < customerCount()}
     * @return the identifier, never null
     */
    public CustomerId customerId(int k) {
        return CustomerId.of("C" + String.format(Locale.ROOT, "%0" + idWidth + "d", k + 1));
    }

    /**
     * Streams every customer's orders, customer by customer in identifier order, each customer's
     * orders in time order. Lazy: memory does not grow with the number of orders.
     *
     * @return the orders, never null
     */
    public Stream<Order> orders() {
        return IntStream.range(0, customers).boxed().flatMap(k -> simulate(k).orders.stream());
    }

    /**
     * Returns every order sorted by placement time then identifier (the order of an
     * {@link io.crmkit.core.port.OrderRepository} stream). Holds all orders in memory.
     *
     * @return the orders, a new mutable list, never null
     */
    public List<Order> ordersByTime() {
        List<Order> all = new ArrayList<>(orders().toList());
        all.sort(Comparator.comparing(Order::placedAt).thenComparing(Order::id));
        return all;
    }

    /**
     * Streams the customer records, in identifier order: persons, buyers, created at their first
     * purchase, acquired through a random channel, with a synthetic {@code example.com} e-mail
     * address, and consent to marketing e-mail (60 %) and to reminders by e-mail (50 %) drawn at
     * random.
     *
     * @return the customers, never null
     */
    public Stream<Customer> customers() {
        return IntStream.range(0, customers).mapToObj(this::customer);
    }

    /**
     * Streams the latent truth of every customer, in identifier order.
     *
     * @return the latent values, never null
     */
    public Stream<SimulatedCustomer> latent() {
        return IntStream.range(0, customers).mapToObj(k -> simulate(k).truth);
    }

    private Customer customer(int k) {
        Simulation s = simulate(k);
        UniformRandomProvider rng = rng(k, 1);
        Instant created = s.truth.firstPurchaseAt();
        CustomerId id = s.truth.customerId();
        List<ConsentRecord> consent = new ArrayList<>();
        consent.add(ConsentRecord.of(ContactMedium.EMAIL, ContactPurpose.MARKETING,
                rng.nextDouble() < 0.6 ? ConsentStatus.GRANTED : ConsentStatus.DENIED, created));
        consent.add(ConsentRecord.of(ContactMedium.EMAIL, ContactPurpose.REMINDERS,
                rng.nextDouble() < 0.5 ? ConsentStatus.GRANTED : ConsentStatus.DENIED, created));
        return Customer.builder(id, PartyKind.PERSON, "Customer " + id.value(), created)
                .roles(PartyRole.BUYER)
                .lifecycleStage(LifecycleStage.NEW)
                .acquisition(Acquisition.of(CHANNELS.get(rng.nextInt(CHANNELS.size())), created))
                .contactPoint(EmailAddress.of(id.value().toLowerCase(Locale.ROOT) + "@example.com"))
                .consent(new Consent(consent))
                .build();
    }

    private record Simulation(SimulatedCustomer truth, List<Order> orders) {
    }

    private Simulation simulate(int k) {
        UniformRandomProvider rng = rng(k, 0);
        CustomerId id = customerId(k);
        long startSec = acquisitionStart.getEpochSecond();
        long spanSec = acquisitionEnd.getEpochSecond() - startSec;
        double first = startSec + rng.nextDouble() * spanSec;
        double lambda = AhrensDieterMarsagliaTsangGammaSampler.of(rng, process.r(), 1.0 / process.alpha()).sample();
        double p = ChengBetaSampler.of(rng, process.a(), process.b()).sample();
        double nu = AhrensDieterMarsagliaTsangGammaSampler.of(rng, spend.q(), 1.0 / spend.gamma()).sample();
        var value = AhrensDieterMarsagliaTsangGammaSampler.of(rng, spend.p(), 1.0 / nu);
        double ratePerSecond = lambda / (process.unit().days() * 86_400.0);
        long end = observationEnd.getEpochSecond();

        List<Order> orders = new ArrayList<>();
        double t = first;
        Optional<Instant> droppedOut = Optional.empty();
        int seq = 0;
        while (true) {
            Instant at = Instant.ofEpochSecond((long) Math.floor(t));
            orders.add(Order.of(OrderId.of(id.value() + "-" + (++seq)), id, at,
                    Money.of(BigDecimal.valueOf(value.sample()), currency, RoundingMode.HALF_EVEN)));
            if (seq > 1 && rng.nextDouble() < p) {
                droppedOut = Optional.of(at);
                break;
            }
            double gap = -Math.log1p(-rng.nextDouble()) / ratePerSecond;
            t += gap;
            if (!(t < end)) {
                break;
            }
        }
        return new Simulation(new SimulatedCustomer(id, Instant.ofEpochSecond((long) Math.floor(first)),
                Math.max(lambda, Double.MIN_NORMAL), p, nu, droppedOut, orders.size()), orders);
    }

    private UniformRandomProvider rng(int k, int stream) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {
            mix(seed ^ (0x9E3779B97F4A7C15L * (k + 1))), mix(seed + 0x632BE59BD9B4E019L * (2L * k + stream + 1))});
    }

    /** The SplitMix64 finaliser: spreads nearby seeds over the whole state space. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns the settings, for printing next to generated data.
     *
     * @return the description, never null
     */
    @Override
    public String toString() {
        return "CustomerBaseSimulator[customers=" + customers + ", acquisition=[" + acquisitionStart + ", "
                + acquisitionEnd + "), observationEnd=" + observationEnd + ", " + process + ", " + spend
                + ", currency=" + currency.getCurrencyCode() + ", seed=" + seed + "]";
    }

    /**
     * Builds a {@link CustomerBaseSimulator}. Not thread-safe.
     */
    public static final class Builder {
        private int customers = -1;
        private Instant acquisitionStart;
        private Instant acquisitionEnd;
        private Instant observationEnd;
        private BgNbdProcess process = BgNbdProcess.CDNOW;
        private GammaGammaSpend spend = GammaGammaSpend.CDNOW;
        private Currency currency = Currency.getInstance("USD");
        private Long seed;

        private Builder() {
        }

        /**
         * Sets the number of customers (required).
         *
         * @param value the count, at least 1
         * @return this builder
         */
        public Builder customers(int value) {
            this.customers = value;
            return this;
        }

        /**
         * Sets the acquisition period (required): first purchases fall uniformly in
         * {@code [start, end)}.
         *
         * @param start the start, not null
         * @param end the end, after {@code start}, not null
         * @return this builder
         */
        public Builder acquisition(Instant start, Instant end) {
            this.acquisitionStart = Checks.notNull(start, "acquisition start");
            this.acquisitionEnd = Checks.notNull(end, "acquisition end");
            return this;
        }

        /**
         * Sets the end of observation (required): no purchase at or after it.
         *
         * @param value the end, not before the acquisition end, not null
         * @return this builder
         */
        public Builder observationEnd(Instant value) {
            this.observationEnd = Checks.notNull(value, "observationEnd");
            return this;
        }

        /**
         * Sets the purchase process (default {@link BgNbdProcess#CDNOW}).
         *
         * @param value the process, not null
         * @return this builder
         */
        public Builder process(BgNbdProcess value) {
            this.process = Checks.notNull(value, "process");
            return this;
        }

        /**
         * Sets the spend model (default {@link GammaGammaSpend#CDNOW}).
         *
         * @param value the spend model, not null
         * @return this builder
         */
        public Builder spend(GammaGammaSpend value) {
            this.spend = Checks.notNull(value, "spend");
            return this;
        }

        /**
         * Sets the currency (default USD).
         *
         * @param value the currency, not null
         * @return this builder
         */
        public Builder currency(Currency value) {
            this.currency = Checks.notNull(value, "currency");
            return this;
        }

        /**
         * Sets the seed (required).
         *
         * @param value the seed
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Builds the simulator.
         *
         * @return the simulator, never null
         * @throws IllegalStateException if a required setting is missing
         * @throws IllegalArgumentException if the settings are inconsistent
         */
        public CustomerBaseSimulator build() {
            if (customers < 0 || acquisitionStart == null || observationEnd == null || seed == null) {
                throw new IllegalStateException("customers, acquisition, observationEnd and seed are required");
            }
            if (customers < 1) {
                throw new IllegalArgumentException("customers must be at least 1: " + customers);
            }
            if (!acquisitionEnd.isAfter(acquisitionStart)) {
                throw new IllegalArgumentException("acquisition end " + acquisitionEnd + " must be after its start "
                        + acquisitionStart);
            }
            if (observationEnd.isBefore(acquisitionEnd)) {
                throw new IllegalArgumentException("observationEnd " + observationEnd
                        + " must not be before the acquisition end " + acquisitionEnd);
            }
            return new CustomerBaseSimulator(this);
        }
    }
}
