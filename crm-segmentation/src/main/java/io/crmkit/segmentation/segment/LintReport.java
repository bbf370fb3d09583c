package io.crmkit.segmentation.segment;

import io.crmkit.core.internal.Checks;
import io.crmkit.segmentation.rfm.Dimension;
import io.crmkit.segmentation.rfm.RfmCell;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What the linter found in a {@link SegmentMap}, checked on every cell of its score space:
 * overlapping rules of different segments (the earlier wins the shared cells), rules that can
 * never match (every cell of theirs is taken by earlier rules, or they match no cell at all),
 * segments that no customer can reach, and the cells that no rule covers (they fall to the
 * default segment).
 *
 * <p>Immutable and thread-safe.
 *
 * @param overlaps pairs of rules of different segments that share cells, not null
 * @param unreachableRules rules that can never assign a customer, not null
 * @param unreachableSegments segment names (rules' or the default) no cell leads to, not null
 * @param uncovered cells no rule matches, not null
 */
public record LintReport(List<Overlap> overlaps, List<UnreachableRule> unreachableRules,
        List<String> unreachableSegments, List<RfmCell> uncovered) {

    /**
     * Validates and copies the findings.
     *
     * @throws NullPointerException if a list is null
     */
    public LintReport {
        overlaps = List.copyOf(Checks.notNull(overlaps, "overlaps"));
        unreachableRules = List.copyOf(Checks.notNull(unreachableRules, "unreachableRules"));
        unreachableSegments = List.copyOf(Checks.notNull(unreachableSegments, "unreachableSegments"));
        uncovered = List.copyOf(Checks.notNull(uncovered, "uncovered"));
    }

    /**
     * Two rules of different segments that match the same cells; first-match precedence gives
     * them to the earlier rule.
     *
     * @param earlier the index of the earlier rule (the one that wins)
     * @param earlierName its segment
     * @param later the index of the later rule
     * @param laterName its segment
     * @param cells how many cells both match
     * @param example one shared cell, not null
     */
    public record Overlap(int earlier, String earlierName, int later, String laterName, int cells,
            RfmCell example) {
        /**
         * Validates the finding.
         *
         * @throws IllegalArgumentException if the indexes are not in order or no cell is shared
         * @throws NullPointerException if a name or the example is null
         */
        public Overlap {
            if (earlier < 0 || later <= earlier || cells < 1) {
                throw new IllegalArgumentException("an overlap needs 0 <= earlier < later and cells >= 1: " + earlier
                        + ", " + later + ", " + cells);
            }
            Checks.notNull(earlierName, "earlierName");
            Checks.notNull(laterName, "laterName");
            Checks.notNull(example, "example");
        }
    }

    /**
     * A rule that can never assign a customer.
     *
     * @param rule the rule's index
     * @param name its segment
     * @param reason why: no cell within the bins matches it, or earlier rules take all its cells
     * @param shadowedBy the earlier rules that take its cells (empty for {@link Reason#EMPTY}), not null
     */
    public record UnreachableRule(int rule, String name, Reason reason, List<Integer> shadowedBy) {
        /**
         * Validates the finding.
         *
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the index is negative
         */
        public UnreachableRule {
            if (rule < 0) {
                throw new IllegalArgumentException("rule must not be negative: " + rule);
            }
            Checks.notNull(name, "name");
            Checks.notNull(reason, "reason");
            shadowedBy = List.copyOf(Checks.notNull(shadowedBy, "shadowedBy"));
        }
    }

    /** Why a rule is unreachable. */
    public enum Reason {
        /** No cell within the map's bins matches the rule (e.g. scores of 6 on a 5-bin map). */
        EMPTY,
        /** Every cell the rule matches is matched by an earlier rule. */
        SHADOWED
    }

    static LintReport of(SegmentMap map) {
        List<SegmentRule> rules = map.rules();
        int rBins = map.bins(Dimension.RECENCY);
        int fBins = map.bins(Dimension.FREQUENCY);
        int mBins = map.bins(Dimension.MONETARY);
        int cells = map.cells();
        RfmCell[] cellOf = new RfmCell[cells];
        for (int r = 1; r <= rBins; r++) {
            for (int f = 1; f <= fBins; f++) {
                for (int m = 1; m <= mBins; m++) {
                    cellOf[map.cellIndex(r, f, m)] = new RfmCell(r, f, m);
                }
            }
        }
        List<BitSet> matched = new ArrayList<>();
        for (SegmentRule rule : rules) {
            BitSet set = new BitSet(cells);
            for (int c = 0; c < cells; c++) {
                if (rule.matches(cellOf[c])) {
                    set.set(c);
                }
            }
            matched.add(set);
        }
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                if (rules.get(i).name().equals(rules.get(j).name())) {
                    continue;
                }
                BitSet both = (BitSet) matched.get(i).clone();
                both.and(matched.get(j));
                if (!both.isEmpty()) {
                    overlaps.add(new Overlap(i, rules.get(i).name(), j, rules.get(j).name(), both.cardinality(),
                            cellOf[both.nextSetBit(0)]));
                }
            }
        }
        List<UnreachableRule> unreachable = new ArrayList<>();
        BitSet taken = new BitSet(cells);
        for (int j = 0; j < rules.size(); j++) {
            BitSet mine = matched.get(j);
            if (mine.isEmpty()) {
                unreachable.add(new UnreachableRule(j, rules.get(j).name(), Reason.EMPTY, List.of()));
            } else {
                BitSet left = (BitSet) mine.clone();
                left.andNot(taken);
                if (left.isEmpty()) {
                    List<Integer> by = new ArrayList<>();
                    for (int i = 0; i < j; i++) {
                        if (matched.get(i).intersects(mine)) {
                            by.add(i);
                        }
                    }
                    unreachable.add(new UnreachableRule(j, rules.get(j).name(), Reason.SHADOWED, by));
                }
            }
            taken.or(mine);
        }
        List<RfmCell> uncovered = new ArrayList<>();
        for (int c = taken.nextClearBit(0); c < cells; c = taken.nextClearBit(c + 1)) {
            uncovered.add(cellOf[c]);
        }
        boolean[] reached = new boolean[map.segments().size()];
        for (int r = 1; r <= rBins; r++) {
            for (int f = 1; f <= fBins; f++) {
                for (int m = 1; m <= mBins; m++) {
                    reached[map.segmentIndexOf(r, f, m)] = true;
                }
            }
        }
        List<String> unreachableSegments = new ArrayList<>();
        for (int s = 0; s < reached.length; s++) {
            if (!reached[s]) {
                unreachableSegments.add(map.segments().get(s));
            }
        }
        return new LintReport(overlaps, unreachable, unreachableSegments, uncovered);
    }

    /**
     * Returns whether the map has no overlap, no unreachable rule or segment other than an unused
     * default, and no uncovered cell.
     *
     * @param map the map this report is about, to tell its default segment, not null
     * @return true when clean
     */
    public boolean clean(SegmentMap map) {
        Checks.notNull(map, "map");
        boolean onlyDefaultUnreached = unreachableSegments.isEmpty()
                || (unreachableSegments.size() == 1 && unreachableSegments.get(0).equals(map.defaultSegment())
                        && uncovered.isEmpty());
        return overlaps.isEmpty() && unreachableRules.isEmpty() && uncovered.isEmpty() && onlyDefaultUnreached;
    }

    /**
     * Describes every finding in words, one per line.
     *
     * @return the text, never null
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Overlap o : overlaps) {
            sb.append("overlap: rule ").append(o.earlier() + 1).append(" (").append(o.earlierName()).append(") and rule ")
                    .append(o.later() + 1).append(" (").append(o.laterName()).append(") share ").append(o.cells())
                    .append(" cells, e.g. ").append(o.example()).append("; the first wins\n");
        }
        for (UnreachableRule u : unreachableRules) {
            sb.append("unreachable: rule ").append(u.rule() + 1).append(" (").append(u.name()).append(") ")
                    .append(u.reason() == Reason.EMPTY ? "matches no cell within the bins"
                            : "is shadowed by rules " + u.shadowedBy().stream().map(i -> Integer.toString(i + 1))
                                    .toList())
                    .append('\n');
        }
        for (String s : unreachableSegments) {
            sb.append("unreachable segment: ").append(s).append('\n');
        }
        if (!uncovered.isEmpty()) {
            sb.append("uncovered: ").append(uncovered.size()).append(" cells fall to the default segment, e.g. ")
                    .append(uncovered.subList(0, Math.min(10, uncovered.size()))).append('\n');
        }
        return sb.length() == 0 ? "no findings\n" : sb.toString();
    }
}
