package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.Money;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.internal.RadixSort;
import io.crmkit.core.internal.Tasks;
import io.crmkit.metrics.clv.TransactionModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The churn early warning: for every customer who bought on or before the as-of date, evaluates
 * the signals of {@link WarningOptions}, each with the numbers that raised it, combines them into
 * a {@link RiskLevel} and ranks the customers with a signal by level and value at risk, so that
 * action can come before the customer is gone.
 *
 * <p>Adding a purchase on the as-of date never raises a customer's level, except through the
 * P(alive) signal under BG/NBD-family models (see {@link WarningOptions.Alive}).
 *
 * <p>Stateless and thread-safe.
 */
public final class ChurnWarning {

    private static final String[] SOURCES = {"own", "population", "fallback", "no"};

    private ChurnWarning() {
    }

    /**
     * Assesses every customer.
     *
     * @param timelines the customers' purchase days, not null
     * @param engagement complaints and survey scores, {@link EngagementHistory#none()} if none, not null
     * @param options the as-of date and signals, not null
     * @return the report, never null
     * @throws IllegalArgumentException if the engagement history's zone differs from the timelines'
     */
    public static ChurnRiskReport score(PurchaseTimelines timelines, EngagementHistory engagement,
            WarningOptions options) {
        Checks.notNull(timelines, "timelines");
        return score(timelines, engagement, options, Tasks.splits(timelines.size(), PARALLEL_MIN_CUSTOMERS));
    }

    /** {@link #score}, assessing the two halves of the customers side by side when {@code apart}. */
    static ChurnRiskReport score(PurchaseTimelines timelines, EngagementHistory engagement, WarningOptions options,
            boolean apart) {
        Checks.notNull(timelines, "timelines");
        Checks.notNull(engagement, "engagement");
        Checks.notNull(options, "options");
        engagement.checkZone(timelines);
        int asOf = PurchaseTimelines.toEpochDay(options.asOf());
        int n = timelines.size();
        Rhythms rhythms = options.overdue().map(o -> Rhythms.of(timelines, asOf, o.rhythm())).orElse(null);
        int[] count = rhythms != null ? rhythms.count : Rhythms.counts(timelines, asOf);
        byte[] level = new byte[n];
        int[] warningOfRow = new int[n];
        Arrays.fill(warningOfRow, -1);
        // the two halves of the customers side by side (each writes its own rows' levels), their
        // warnings then in row order, the lower half's first: as one pass in row order
        int mid = n / 2;
        Part lower = new Part(timelines, engagement, options, asOf, rhythms, count, level);
        Part upper = new Part(timelines, engagement, options, asOf, rhythms, count, level);
        Tasks.both(apart, () -> lower.assess(0, mid), () -> upper.assess(mid, n));
        List<ChurnRisk> warnings = new ArrayList<>(lower.warnings.size() + upper.warnings.size());
        warnings.addAll(lower.warnings);
        warnings.addAll(upper.warnings);
        int m = warnings.size();
        double[] ranks = Arrays.copyOf(lower.ranks, m);
        System.arraycopy(upper.ranks, 0, ranks, lower.warnings.size(), upper.warnings.size());
        // the warnings are in row order: warning w is the w-th customer whose level is above none
        int[] rows = new int[m];
        for (int i = 0, w = 0; i < n; i++) {
            if (level[i] > RiskLevel.NONE.ordinal()) {
                rows[w++] = i;
            }
        }
        int assessed = lower.assessed + upper.assessed;
        // level (highest first), then value at risk (highest first), then row: two stable radix
        // sorts of the warnings (added in row order), by value, then by level
        int[] order = new int[m];
        long[] keys = new long[m];
        for (int w = 0; w < m; w++) {
            order[w] = w;
            keys[w] = ~ascendingBits(ranks[w]);
        }
        RadixSort.sort(keys, order, m);
        for (int k = 0; k < m; k++) {
            keys[k] = 0xFF - (level[rows[order[k]]] & 0xFF);
        }
        RadixSort.sort(keys, order, m);
        int[] row = rows;
        List<ChurnRisk> ranked = new ArrayList<>(order.length);
        for (int w = 0; w < order.length; w++) {
            ranked.add(warnings.get(order[w]));
            warningOfRow[row[order[w]]] = w;
        }
        int[] kindCounts = new int[SignalKind.values().length];
        for (int k = 0; k < kindCounts.length; k++) {
            kindCounts[k] = lower.kindCounts[k] + upper.kindCounts[k];
        }
        return new ChurnRiskReport(timelines, options, level, ranked, warningOfRow, assessed, kindCounts);
    }

    /** Customers from which the assessment runs on two halves side by side ({@link Tasks#splits}). */
    static final int PARALLEL_MIN_CUSTOMERS = 1 << 15;

    /**
     * The assessment of a range of customers: writes their levels, and keeps their warnings in row
     * order with each one's ranking value. Not thread-safe; one per range.
     */
    private static final class Part {
        private final PurchaseTimelines timelines;
        private final EngagementHistory engagement;
        private final WarningOptions options;
        private final int asOf;
        private final Rhythms rhythms;
        private final int[] count;
        private final byte[] level;
        private final Currency currency;
        final List<ChurnRisk> warnings = new ArrayList<>();
        double[] ranks = new double[64];
        /** The warnings per signal kind. */
        final int[] kindCounts = new int[SignalKind.values().length];
        int assessed;

        Part(PurchaseTimelines timelines, EngagementHistory engagement, WarningOptions options, int asOf,
                Rhythms rhythms, int[] count, byte[] level) {
            this.timelines = timelines;
            this.engagement = engagement;
            this.options = options;
            this.asOf = asOf;
            this.rhythms = rhythms;
            this.count = count;
            this.level = level;
            this.currency = timelines.currency().orElse(null);
        }

        void assess(int lo, int hi) {
            int[] off = timelines.offsets;
            int[] days = timelines.days;
            long[] values = timelines.values;
            List<Signal> signals = new ArrayList<>();
            for (int i = lo; i < hi; i++) {
                int k = count[i];
                if (k == 0) {
                    level[i] = -1;
                    continue;
                }
                assessed++;
                signals.clear();
                int from = off[i];
                int first = days[from];
                int last = days[from + k - 1];
                int since = asOf - last;
                if (rhythms != null) {
                    WarningOptions.Overdue o = options.overdue().orElseThrow();
                    double factor = since / rhythms.rhythm[i];
                    if (factor >= o.factor()) {
                        String source = SOURCES[rhythms.source[i]];
                        double rhythm = rhythms.rhythm[i];
                        signals.add(new Signal(SignalKind.OVERDUE, factor, o.factor(), sb -> {
                            sb.append("overdue: ").append(since).append(" days since the last purchase = ");
                            Numbers.fixed(sb, factor, 2).append(" x the ").append(source).append(" rhythm of ");
                            Numbers.fixed(sb, rhythm, 1).append(" days");
                        }));
                    }
                }
                if (options.decline().isPresent()) {
                    decline(options.decline().get(), timelines, from, k, asOf, signals);
                }
                EngagementHistory.Events events = engagement.isEmpty() ? null
                        : engagement.of(timelines.customerId(i));
                if (events != null) {
                    options.complaints().ifPresent(c -> complaints(c, events, asOf, signals));
                    options.satisfaction().ifPresent(s -> satisfaction(s, events, asOf, signals));
                }
                if (options.alive().isPresent()) {
                    alive(options.alive().get(), timelines.purchases(from, from + k) - 1, last - first, asOf - first,
                            signals);
                }
                RiskLevel l = options.levels().of(signals.size());
                level[i] = (byte) l.ordinal();
                if (l != RiskLevel.NONE) {
                    for (int j = 0; j < signals.size(); j++) {
                        kindCounts[signals.get(j).kind().ordinal()]++;
                    }
                    int w = warnings.size();
                    if (w == ranks.length) {
                        ranks = Arrays.copyOf(ranks, 2 * w);
                    }
                    Money value = value(options.valueAtRisk(), timelines, i, values, from, k, currency);
                    warnings.add(new ChurnRisk(timelines.customerId(i), l, signals, value));
                    ranks[w] = value.amount().doubleValue();
                }
            }
        }
    }

    /** Bits of a double whose unsigned order is {@link Double#compare}'s order. */
    private static long ascendingBits(double v) {
        long b = Double.doubleToLongBits(v);
        return b < 0 ? ~b : b | Long.MIN_VALUE;
    }

    private static Money value(ValueAtRisk measure, PurchaseTimelines timelines, int i, long[] values, int from, int k,
            Currency currency) {
        if (measure instanceof ValueAtRisk.Supplied supplied) {
            Money m = supplied.values().get(timelines.customerId(i));
            return m != null ? m : Money.ofMinor(0, currency);
        }
        long sum = 0;
        for (int j = from; j < from + k; j++) {
            sum = Math.addExact(sum, values[j]);
        }
        return Money.ofMinor(sum, currency);
    }

    private static void decline(WarningOptions.Decline d, PurchaseTimelines t, int from, int k, int asOf,
            List<Signal> signals) {
        int[] days = t.days;
        long[] values = t.values;
        int w = d.windowDays();
        int recent = 0;
        int previous = 0;
        long recentValue = 0;
        long previousValue = 0;
        for (int j = from + k - 1; j >= from; j--) {
            int age = asOf - days[j];
            if (age < w) {
                recent += t.purchases(j, j + 1);
                recentValue += values[j];
            } else if (age < 2 * w) {
                previous += t.purchases(j, j + 1);
                previousValue += values[j];
            } else {
                break;
            }
        }
        if (previous < d.minimumPrevious()) {
            return;
        }
        double frequencyDrop = 1 - recent / (double) previous;
        if (frequencyDrop >= d.frequencyDrop()) {
            int recentPurchases = recent;
            int previousPurchases = previous;
            // the noun now, not the timelines: a signal kept after its report must not hold them
            String noun = t.purchasesNoun(recent);
            signals.add(new Signal(SignalKind.FREQUENCY_DECLINE, frequencyDrop, d.frequencyDrop(), sb -> {
                sb.append("frequency down ");
                Numbers.fixed(sb, 100 * frequencyDrop, 0).append("%: ").append(recentPurchases).append(' ')
                        .append(noun).append(" in the last ").append(w)
                        .append(" days against ").append(previousPurchases).append(" before");
            }));
        }
        if (previousValue > 0) {
            double monetaryDrop = 1 - recentValue / (double) previousValue;
            if (monetaryDrop >= d.monetaryDrop()) {
                signals.add(new Signal(SignalKind.MONETARY_DECLINE, monetaryDrop, d.monetaryDrop(), sb -> {
                    sb.append("revenue down ");
                    Numbers.fixed(sb, 100 * monetaryDrop, 0).append("% in the last ").append(w)
                            .append(" days against the ").append(w).append(" days before");
                }));
            }
        }
    }

    private static void complaints(WarningOptions.Complaints c, EngagementHistory.Events events, int asOf,
            List<Signal> signals) {
        int w = c.windowDays();
        int recent = events.complaintsIn(asOf - w, asOf);
        int previous = events.complaintsIn(asOf - 2 * w, asOf - w);
        if (recent >= c.minimumRecent() && recent > previous) {
            signals.add(new Signal(SignalKind.RISING_COMPLAINTS, recent, c.minimumRecent(), String.format(Locale.ROOT,
                    "complaints rising: %d in the last %d days against %d before", recent, w, previous)));
        }
    }

    private static void satisfaction(WarningOptions.Satisfaction s, EngagementHistory.Events events, int asOf,
            List<Signal> signals) {
        int latest = -1;
        for (int j = events.surveys - 1; j >= 0; j--) {
            if (events.surveyDays[j] <= asOf) {
                latest = j;
                break;
            }
        }
        if (latest < 0 || asOf - events.surveyDays[latest] >= s.lookbackDays()) {
            return;
        }
        double score = events.surveyScores[latest];
        if (score <= s.lowScore()) {
            signals.add(new Signal(SignalKind.LOW_SATISFACTION, score, s.lowScore(), String.format(Locale.ROOT,
                    "low satisfaction: latest score %.2f of 1 (%d days ago)", score, asOf - events.surveyDays[latest])));
        }
        if (latest > 0 && asOf - events.surveyDays[latest - 1] < s.lookbackDays()) {
            double drop = events.surveyScores[latest - 1] - score;
            if (drop >= s.minimumDrop()) {
                signals.add(new Signal(SignalKind.FALLING_SATISFACTION, drop, s.minimumDrop(), String.format(
                        Locale.ROOT, "satisfaction falling: %.2f to %.2f of 1", events.surveyScores[latest - 1],
                        score)));
            }
        }
    }

    private static void alive(WarningOptions.Alive a, int x, int txDays, int bigTDays, List<Signal> signals) {
        TransactionModel model = a.model();
        double tx = model.unit().fromDays(txDays);
        double bigT = model.unit().fromDays(bigTDays);
        double p = model.probabilityAlive(x, tx, bigT);
        if (p < a.threshold()) {
            signals.add(new Signal(SignalKind.LOW_P_ALIVE, p, a.threshold(), sb -> {
                sb.append("P(alive) ");
                Numbers.fixed(sb, p, 3).append(" under ").append(model.name()).append(" (x=").append(x)
                        .append(", t_x=");
                Numbers.fixed(sb, tx, 2).append(", T=");
                Numbers.fixed(sb, bigT, 2).append(' ').append(model.unit().name().toLowerCase(Locale.ROOT)).append(')');
            }));
        }
    }
}
