package io.crmkit.cli;

import io.crmkit.core.history.AsOf;
import io.crmkit.core.history.OrderBatch;
import io.crmkit.core.loyalty.LoyaltyProgram;
import io.crmkit.core.loyalty.PointsRounding;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.loyalty.Referral;
import io.crmkit.core.loyalty.Tier;
import io.crmkit.core.loyalty.TierBasis;
import io.crmkit.core.loyalty.TierRules;
import io.crmkit.cli.orders.OrderFile;
import io.crmkit.cli.output.Column;
import io.crmkit.cli.output.Definitions;
import io.crmkit.cli.output.ListRows;
import io.crmkit.cli.output.OutputFormat;
import io.crmkit.cli.output.ResultWriter;
import io.crmkit.metrics.loyalty.LedgerOptions;
import io.crmkit.metrics.loyalty.LedgerStatement;
import io.crmkit.metrics.loyalty.LoyaltyKpis;
import io.crmkit.metrics.loyalty.LoyaltyLedger;
import io.crmkit.metrics.loyalty.MemberPoints;
import io.crmkit.metrics.loyalty.Shortfall;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code crmkit loyalty}: the points ledger of a loyalty programme over an order file, per member
 * ({@code customer_id,balance,earned,redeemed,expired,tier}, then {@code reversed},
 * {@code redeem_shortfall}, {@code reverse_shortfall}, {@code qualifying}, {@code tier_since}), with
 * the loyalty KPIs in the definitions (stderr, or the JSON document). The rules are crm-metrics'
 * {@link LoyaltyLedger}.
 */
@Command(name = "loyalty", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Loyalty points ledger: balances, earn, burn, expiry and tiers per member, and loyalty KPIs.",
        description = {"Prints per customer: customer_id, balance, earned, redeemed, expired, tier, reversed,"
            + " redeem_shortfall, reverse_shortfall, qualifying, tier_since; always earned = redeemed + expired"
            + " + reversed + balance.",
            "Earning: --points-per-unit N points per whole currency unit of each order's net amount, rounded down"
            + " per order (--rounding): a partial unit earns nothing, so N = 2 on 10.99 earns 20; completed orders"
            + " earn. Returns (negative amounts) take back points from a customer's cumulative returned amount,"
            + " rounded the same way (so returns of 0.99 each add up to whole units), newest points first, never"
            + " more than the balance. Redemptions take the oldest"
            + " points first. A debit larger than the balance is applied up to it and the rest reported"
            + " (redeem_shortfall, reverse_shortfall), never hidden: no balance goes negative.",
            "Expiry: a point earned at t has expired at t + --expire-after, so one earned exactly 365 days before"
            + " the as-of instant has expired with 365d.",
            "Tiers: qualification over the window (as-of - --tier-window, as-of]; thresholds are inclusive"
            + " (spend >= 200 is silver with --tier silver=200); below every threshold the tier is basic.",
            "--as-of DATE means the end of that day in --zone (its last microsecond): events of that day count."
            + " --as-of DATE-TIME, as everywhere in crmkit, observes events strictly before that instant.",
            "Periods: 365d means 365 days of 24 hours (not calendar days); ISO-8601 durations such as PT12H work"
            + " too.",
            "KPIs (on stderr, or in the JSON): members, active members (earned or redeemed in --kpi-period),"
            + " earn, burn and expiry in the period, redemption rate and breakage (redeemed and expired / earned,"
            + " to date), outstanding points and their liability at --point-value; with --members the enrolment"
            + " rate (buyers: customers with a completed order) and members and active members counted among the"
            + " file's members only; with --referrals the referral rate and the referred customers' conversion and"
            + " value (referrals after the as-of instant are counted apart)."})
public final class LoyaltyCommand extends CrmkitCommand {

    @Mixin
    private OrderInputOptions input;

    @Option(names = "--as-of", order = 10, required = true, paramLabel = "DATE",
            converter = AsOfArgument.Converter.class,
            description = "As-of date (through its end) or date-time (required: never 'now'); later events are"
                + " left out and counted.")
    private AsOfArgument asOf;

    @Option(names = "--points-per-unit", order = 11, paramLabel = "N", defaultValue = "1",
            description = "Points per whole currency unit of each order's net amount. Default: ${DEFAULT-VALUE}.")
    private long pointsPerUnit;

    @Option(names = "--rounding", order = 12, paramLabel = "down|half-up|up", defaultValue = "down",
            converter = RoundingConverter.class,
            description = "Rounding of each order's net amount to whole currency units before it earns."
                + " Default: ${DEFAULT-VALUE}.")
    private PointsRounding rounding;

    @Option(names = "--expire-after", order = 13, paramLabel = "PERIOD", defaultValue = "none",
            converter = ExpiryConverter.class,
            description = "How long points stay spendable: days of 24 hours such as 365d, or none."
                + " Default: ${DEFAULT-VALUE}.")
    private Duration expireAfter;

    @Option(names = "--tier", order = 14, paramLabel = "NAME=THRESHOLD",
            description = "A tier and its inclusive threshold (whole currency units of net spend, or points with"
                + " --tier-basis points); repeatable, e.g. --tier silver=200 --tier gold=500.")
    private List<String> tiers = new ArrayList<>();

    @Option(names = "--tier-basis", order = 15, paramLabel = "spend|points", defaultValue = "spend",
            converter = BasisConverter.class,
            description = "What qualifies for tiers in the window: net spend or points earned."
                + " Default: ${DEFAULT-VALUE}.")
    private TierBasis tierBasis;

    @Option(names = "--tier-window", order = 16, paramLabel = "PERIOD", defaultValue = "365d",
            converter = PeriodConverter.class,
            description = "The rolling qualification window (days of 24 hours such as 365d)."
                + " Default: ${DEFAULT-VALUE}.")
    private Duration tierWindow;

    @Option(names = "--points-events", order = 17, paramLabel = "FILE",
            description = "Points transactions: CSV with customer_id, event_id, timestamp, type (earn, redeem,"
                + " adjust, reverse), points, and optionally order_id.")
    private Path pointsEvents;

    @Option(names = "--members", order = 17, paramLabel = "FILE",
            description = "Memberships, for the enrolment rate: CSV with customer_id, membership_id, joined and"
                + " optionally left. Without it every customer with a ledger line is a member.")
    private Path members;

    @Option(names = "--referrals", order = 17, paramLabel = "FILE",
            description = "Referrals, for the referral KPIs: CSV with referral_id, referrer_id, referred_id, code,"
                + " timestamp and optionally order_id. A referred customer is credited once (the earliest referral).")
    private Path referrals;

    @Option(names = "--point-value", order = 18, paramLabel = "AMOUNT", defaultValue = "0.01",
            description = "The value of one point in currency units, for the liability. Default: ${DEFAULT-VALUE}.")
    private BigDecimal pointValue;

    @Option(names = "--kpi-period", order = 19, paramLabel = "PERIOD", defaultValue = "365d",
            converter = PeriodConverter.class,
            description = "The flow period of the KPIs, (as-of - period, as-of]. Default: ${DEFAULT-VALUE}.")
    private Duration kpiPeriod;

    @Option(names = "--format", order = 20, paramLabel = "table|csv|json|xlsx", defaultValue = "table",
            description = "Output format (xlsx: a workbook on stdout; redirect it to a file). Default:"
                + " ${DEFAULT-VALUE}.")
    private OutputFormat format;

    /**
     * Creates the command; picocli fills its options.
     */
    public LoyaltyCommand() {
    }

    @Override
    public Integer call() throws IOException {
        LoyaltyProgram program = program();
        if (pointValue.signum() < 0) {
            throw new CommandFailedException("--point-value must not be negative: " + pointValue);
        }
        OrderFile in = input.read(this);
        List<PointsTransaction> transactions = List.of();
        List<Membership> memberships = List.of();
        List<Referral> referralList = List.of();
        Map<String, String> sideFiles = new LinkedHashMap<>();
        long sideRejected = 0;
        if (pointsEvents != null) {
            LoyaltyFiles.Rows<PointsTransaction> rows = LoyaltyFiles.readPoints(pointsEvents, input.zone(),
                    rejectedOn(pointsEvents), this::warn);
            transactions = rows.values();
            sideRejected += rows.rejected();
            sideFiles.put("points events", rows.rejected() + " of " + rows.read() + " rejected");
        }
        if (members != null) {
            LoyaltyFiles.Rows<Membership> rows = LoyaltyFiles.readMemberships(members, input.zone(),
                    rejectedOn(members), this::warn);
            memberships = rows.values();
            sideRejected += rows.rejected();
            sideFiles.put("members", rows.rejected() + " of " + rows.read() + " rejected");
        }
        if (referrals != null) {
            LoyaltyFiles.Rows<Referral> rows = LoyaltyFiles.readReferrals(referrals, input.zone(),
                    rejectedOn(referrals), this::warn);
            referralList = rows.values();
            sideRejected += rows.rejected();
            sideFiles.put("referrals", rows.rejected() + " of " + rows.read() + " rejected");
        }
        if (input.failsStrict(this, in)) {
            return CrmkitCli.EXIT_FAILED;
        }
        if (input.strict() && sideRejected > 0) {
            note(sideRejected + " rows of " + String.join(", ", sideFiles.keySet())
                    + " rejected; --strict: nothing computed");
            return CrmkitCli.EXIT_FAILED;
        }
        Instant instant = asOfInstant();
        OrderBatch batch = in.batch();
        LedgerStatement statement;
        LoyaltyKpis kpis;
        int scale = Math.max(0, batch.currency().getDefaultFractionDigits());
        ListRows rows = new ListRows(List.of(Column.text("customer_id"), Column.number("balance", 0),
                Column.number("earned", 0), Column.number("redeemed", 0), Column.number("expired", 0),
                Column.text("tier"), Column.number("reversed", 0), Column.number("redeem_shortfall", 0),
                Column.number("reverse_shortfall", 0),
                Column.number("qualifying", tierBasis == TierBasis.SPEND ? scale : 0), Column.text("tier_since")));
        try {
            statement = LoyaltyLedger.compute(batch, transactions, program, new LedgerOptions(instant, kpiPeriod));
            // --members given (even with no rows): members come from the file, never from the ledger
            kpis = LoyaltyKpis.compute(statement, batch, members != null ? Optional.of(memberships) : Optional.empty(),
                    referralList, pointValue);
            for (int i = 0; i < statement.memberCount(); i++) {
                MemberPoints m = statement.member(i);
                Object qualifying = tierBasis == TierBasis.SPEND ? BigDecimal.valueOf(m.qualifying(), scale)
                        : (Object) m.qualifying();
                rows.add(m.customerId().value(), m.balance(), m.earned(), m.redeemed(), m.expired(), m.tier(),
                        m.reversed(), m.redeemShortfall(), m.reverseShortfall(), qualifying,
                        m.tierSince().map(Instant::toString).orElse(null));
            }
        } catch (ArithmeticException e) {
            // the message of an exact-arithmetic overflow names no customer
            throw new CommandFailedException("points out of range: a total exceeds " + Long.MAX_VALUE
                    + " points (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        }
        ResultWriter.write(format, definitions(program, in, statement, kpis, instant, sideFiles),
                rows, out(), err());
        long over = statement.shortfalls().stream().filter(s -> s.kind() == Shortfall.Kind.REDEEM).count();
        long beyond = statement.shortfalls().size() - over;
        if (over > 0) {
            warn(over + " redemptions exceeded the balance (" + sum(statement, Shortfall.Kind.REDEEM)
                    + " points not covered; see redeem_shortfall)");
        }
        if (beyond > 0) {
            warn(beyond + " returns or reversals exceeded the balance (" + sum(statement, Shortfall.Kind.REVERSE)
                    + " points already spent or expired; see reverse_shortfall)");
        }
        String closing = input.rejectedSummary(in);
        for (Map.Entry<String, String> e : sideFiles.entrySet()) {
            closing += "; " + e.getKey() + ": " + e.getValue();
        }
        note(closing);
        return CrmkitCli.EXIT_OK;
    }

    private BiConsumer<Long, String> rejectedOn(Path file) {
        return (line, reason) -> err().println(file.getFileName() + " line " + line + ": " + reason);
    }

    private static long sum(LedgerStatement s, Shortfall.Kind kind) {
        return s.shortfalls().stream().filter(x -> x.kind() == kind).mapToLong(Shortfall::missing).sum();
    }

    private LoyaltyProgram program() {
        if (pointsPerUnit < 0) {
            throw new CommandFailedException("--points-per-unit must not be negative: " + pointsPerUnit);
        }
        List<Tier> list = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String spec : tiers) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw usage("--tier: '" + spec + "' is not NAME=THRESHOLD (such as silver=200)");
            }
            String name = spec.substring(0, eq).strip();
            long threshold;
            try {
                threshold = Long.parseLong(spec.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw usage("--tier: the threshold of '" + spec + "' is not a whole number");
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw usage("--tier: tier '" + name + "' is given twice; give each tier once");
            }
            try {
                list.add(Tier.of(name, threshold));
            } catch (IllegalArgumentException e) {
                throw usage("--tier " + spec + ": " + e.getMessage());
            }
        }
        LoyaltyProgram.Builder b = LoyaltyProgram.builder().pointsPerUnit(pointsPerUnit).rounding(rounding);
        try {
            b.tiers(new TierRules(tierBasis, tierWindow, list));
        } catch (IllegalArgumentException e) {
            throw usage((list.isEmpty() ? "--tier-window: " : "--tier: ") + e.getMessage());
        }
        if (expireAfter != null) {
            try {
                b.expiry(expireAfter);
            } catch (IllegalArgumentException e) {
                throw usage("--expire-after: " + e.getMessage());
            }
        }
        return b.build();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * The last instant observed, inclusive: the shared {@link AsOf}'s exclusive cut-off less one
     * microsecond, so a date means through the end of that day and a date-time excludes events
     * placed exactly at it, as in every other crmkit command.
     */
    private Instant asOfInstant() {
        AsOf resolved = asOf.resolve(input.zone());
        Instant cutoff = resolved.cutoff(input.zone());
        Instant whole = cutoff.truncatedTo(ChronoUnit.MICROS);
        Instant ceiling = whole.equals(cutoff) ? whole : whole.plus(1, ChronoUnit.MICROS);
        return ceiling.minus(1, ChronoUnit.MICROS);
    }

    private Definitions definitions(LoyaltyProgram program, OrderFile in, LedgerStatement s, LoyaltyKpis k,
            Instant instant, Map<String, String> sideFiles) {
        Definitions d = new Definitions();
        d.put("command", "loyalty");
        d.put("as_of", instant.toString() + " (inclusive)");
        d.put("zone", input.zone().getId());
        d.put("currency", in.batch().currency().getCurrencyCode());
        d.put("currency_source", input.currencySource(in));
        d.put("earn", program.pointsPerUnit() + " points per whole currency unit of each order's net amount, "
                + "the amount rounded " + lower(program.rounding()) + " to whole units per order; completed orders earn;"
                + " returns take back the points of the customer's cumulative returned amount, newest first, capped"
                + " by the balance");
        d.put("redeem", "oldest points first; over-redemptions applied up to the balance and reported");
        d.put("expiry", program.expiry().map(p -> "a point earned at t has expired at t + " + days(p))
                .orElse("none"));
        d.put("tier_basis", lower(program.tiers().basis()));
        d.put("tier_window", "(as-of - " + days(program.tiers().window()) + ", as-of]");
        Map<String, Object> thresholds = new LinkedHashMap<>();
        program.tiers().tiers().forEach(t -> thresholds.put(t.name(), t.threshold()));
        d.put("tiers", thresholds.isEmpty() ? "none (everyone basic)" : thresholds + " (inclusive; below: basic)");
        input.describeInput(d, in);
        sideFiles.forEach((file, counts) -> d.put(file.replace(' ', '_'), counts));
        d.put("orders_excluded_by_status", s.ordersExcludedByStatus());
        d.put("events_after_as_of", s.eventsAfterAsOf());
        d.put("shortfalls", s.shortfalls().size());
        Map<String, Object> kpis = new LinkedHashMap<>();
        kpis.put("members", k.members());
        kpis.put("members_from", k.membersFromMemberships() ? "--members (open at the as-of instant)"
                : "ledger (every customer with an order or a points event)");
        kpis.put("enrolment_rate", cell(k.enrolmentRate()));
        kpis.put("active_members", k.activeMembers());
        kpis.put("kpi_period", "(as-of - " + days(s.options().period()) + ", as-of]");
        kpis.put("points_earned_in_period", k.periodEarned());
        kpis.put("points_redeemed_in_period", k.periodRedeemed());
        kpis.put("points_expired_in_period", k.periodExpired());
        kpis.put("redemption_rate", cell(k.redemptionRate()));
        kpis.put("breakage_rate", cell(k.breakageRate()));
        kpis.put("outstanding_points", k.outstandingPoints());
        kpis.put("point_value", k.valuePerPoint().toPlainString());
        kpis.put("liability", k.liability().amount().toPlainString());
        if (referrals != null) {
            kpis.put("referrals", k.referrals());
            kpis.put("duplicate_referrals", k.duplicateReferrals());
            kpis.put("referrals_after_as_of", k.referralsAfterAsOf());
            kpis.put("referred_customers", k.referredCustomers());
            kpis.put("referral_rate", cell(k.referralRate()));
            kpis.put("referred_converted", k.referredConverted());
            kpis.put("referred_conversion_rate", cell(k.referredConversionRate()));
            kpis.put("referred_value", k.referredValue().amount().toPlainString());
        }
        d.put("kpis", kpis);
        return d;
    }

    private static Object cell(OptionalDouble v) {
        return v.isPresent() ? (Object) v.getAsDouble() : "n/a";
    }

    private static String days(Duration p) {
        return p.toSeconds() % 86_400 == 0 && p.getNano() == 0 ? p.toDays() + "d" : p.toString();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads an expiry: a period as {@link PeriodConverter} reads it, or {@code none} (never expires: null). */
    static final class ExpiryConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return value.strip().equalsIgnoreCase("none") ? null : new PeriodConverter().convert(value);
        }
    }

    /**
     * Reads a period: {@code 365d} (days of 24 hours) or an ISO-8601 duration such as {@code PT12H};
     * {@code none} is refused (only {@code --expire-after} accepts it).
     */
    static final class PeriodConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip();
            if (v.equalsIgnoreCase("none")) {
                throw new TypeConversionException("'" + value + "' is not allowed here: give a period such as 365d"
                        + " (only --expire-after accepts none)");
            }
            Duration d;
            try {
                d = v.toLowerCase(Locale.ROOT).endsWith("d") && !v.toUpperCase(Locale.ROOT).startsWith("P")
                        ? Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)))
                        : Duration.parse(v);
            } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
                throw new TypeConversionException("'" + value + "' is not a period (such as 365d or PT12H)");
            }
            if (d.isNegative() || d.isZero()) {
                throw new TypeConversionException("'" + value + "' must be a positive period");
            }
            return d;
        }
    }

    /** Reads a rounding: down, half-up or up. */
    static final class RoundingConverter implements ITypeConverter<PointsRounding> {
        @Override
        public PointsRounding convert(String value) {
            try {
                return PointsRounding.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a rounding (down, half-up, up)");
            }
        }
    }

    /** Reads a tier basis: spend or points. */
    static final class BasisConverter implements ITypeConverter<TierBasis> {
        @Override
        public TierBasis convert(String value) {
            try {
                return TierBasis.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a tier basis (spend, points)");
            }
        }
    }
}
