package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The churn early warning of every customer who bought on or before the as-of date: the warnings
 * (customers with at least one signal) ranked by level, then value at risk (highest first), then
 * customer identifier; and the number of customers per level. Prospects are not assessed.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChurnRiskReport {

    private final PurchaseTimelines timelines;
    private final WarningOptions options;
    private final byte[] level;
    private final List<ChurnRisk> warnings;
    private final int[] warningOfRow;
    private final int assessed;
    /** The warnings per signal kind, by ordinal, counted as they were raised. */
    private final int[] signalCounts;
    /** The assessed customers per level, by ordinal. */
    private final int[] perLevel = new int[RiskLevel.values().length];

    ChurnRiskReport(PurchaseTimelines timelines, WarningOptions options, byte[] level, List<ChurnRisk> warnings,
            int[] warningOfRow, int assessed, int[] signalCounts) {
        this.signalCounts = signalCounts.clone();
        for (byte b : level) {
            if (b >= 0) {
                perLevel[b]++;
            }
        }
        this.timelines = timelines;
        this.options = options;
        this.level = level;
        this.warnings = List.copyOf(warnings);
        this.warningOfRow = warningOfRow;
        this.assessed = assessed;
    }

    /**
     * Returns the options of the warning.
     *
     * @return the options, never null
     */
    public WarningOptions options() {
        return options;
    }

    /**
     * Returns the customers with at least one signal, ranked.
     *
     * @return the warnings, never null
     */
    public List<ChurnRisk> warnings() {
        return warnings;
    }

    /**
     * Returns the warnings at or above a level, ranked.
     *
     * @param minimum the lowest level listed, not null
     * @return the warnings, never null
     */
    public List<ChurnRisk> atLeast(RiskLevel minimum) {
        Checks.notNull(minimum, "minimum");
        // ranked by level first, highest first: those at or above a level are a prefix, as long as
        // the assessed customers at those levels (every customer above none has a warning)
        int count = 0;
        for (int l = Math.max(minimum.ordinal(), RiskLevel.LOW.ordinal()); l < perLevel.length; l++) {
            count += perLevel[l];
        }
        return warnings.subList(0, count);
    }

    /**
     * Returns a customer's level.
     *
     * @param id the customer, not null
     * @return the level, empty if the customer is unknown or was not assessed (a prospect)
     */
    public Optional<RiskLevel> levelOf(CustomerId id) {
        OptionalInt i = timelines.indexOf(id);
        if (i.isEmpty() || level[i.getAsInt()] < 0) {
            return Optional.empty();
        }
        return Optional.of(RiskLevel.values()[level[i.getAsInt()]]);
    }

    /**
     * Returns a customer's warning.
     *
     * @param id the customer, not null
     * @return the warning, empty if the customer raised no signal, is unknown or a prospect
     */
    public Optional<ChurnRisk> warningOf(CustomerId id) {
        OptionalInt i = timelines.indexOf(id);
        if (i.isEmpty() || warningOfRow[i.getAsInt()] < 0) {
            return Optional.empty();
        }
        return Optional.of(warnings.get(warningOfRow[i.getAsInt()]));
    }

    /**
     * Returns the number of customers assessed (every customer with a purchase on or before the
     * as-of date).
     *
     * @return the count
     */
    public int assessed() {
        return assessed;
    }

    /**
     * Returns the number of assessed customers per level; every level is a key.
     *
     * @return the counts, never null
     */
    public Map<RiskLevel, Integer> counts() {
        Map<RiskLevel, Integer> out = new EnumMap<>(RiskLevel.class);
        for (RiskLevel l : RiskLevel.values()) {
            out.put(l, perLevel[l.ordinal()]);
        }
        return out;
    }

    /**
     * Returns the number of warnings per signal kind; every kind is a key.
     *
     * @return the counts, never null
     */
    public Map<SignalKind, Integer> signalCounts() {
        Map<SignalKind, Integer> out = new EnumMap<>(SignalKind.class);
        for (SignalKind k : SignalKind.values()) {
            out.put(k, signalCounts[k.ordinal()]);
        }
        return out;
    }

    /**
     * Returns the definitions: what a purchase is, the as-of date and every signal.
     *
     * @return the description, never null
     */
    public String definitions() {
        return timelines.options().describe() + "; " + options.describe();
    }

    @Override
    public String toString() {
        return "ChurnRiskReport[" + assessed + " assessed, " + warnings.size() + " warnings, as of "
                + options.asOf() + "]";
    }
}
