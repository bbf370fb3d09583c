package io.crmkit.segmentation.segment;

import com.google.common.collect.ImmutableSortedSet;
import io.crmkit.core.internal.Checks;
import io.crmkit.segmentation.rfm.RfmCell;
import java.util.Collection;
import java.util.SortedSet;
import java.util.function.Predicate;

/**
 * One rule of a {@link SegmentMap}: a named condition over a customer's scores. Rules are tried in
 * order; the first that matches names the segment.
 *
 * <p>Implementations are immutable and thread-safe provided a {@link When} condition is.
 */
public sealed interface SegmentRule permits SegmentRule.Ranges, SegmentRule.Codes, SegmentRule.When {

    /**
     * Returns the name of the segment this rule assigns.
     *
     * @return the name, never null
     */
    String name();

    /**
     * Returns whether the rule matches a cell of the score space.
     *
     * @param cell the scores, not null
     * @return true on a match
     */
    boolean matches(RfmCell cell);

    /**
     * Describes the condition, e.g. {@code "R 4-5, F 4-5, M 4-5"}.
     *
     * @return the text, never null
     */
    String describe();

    /**
     * Inclusive score ranges on each dimension, the R {@code rfm} package's form.
     *
     * @param name the segment name, not blank, not null
     * @param r the recency scores matched, not null
     * @param f the frequency scores matched, not null
     * @param m the monetary scores matched, not null
     */
    record Ranges(String name, ScoreRange r, ScoreRange f, ScoreRange m) implements SegmentRule {
        /**
         * Validates the rule.
         *
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the name is blank or padded
         */
        public Ranges {
            Checks.text(name, "name");
            Checks.notNull(r, "r");
            Checks.notNull(f, "f");
            Checks.notNull(m, "m");
        }

        @Override
        public boolean matches(RfmCell cell) {
            return r.contains(cell.r()) && f.contains(cell.f()) && m.contains(cell.m());
        }

        @Override
        public String describe() {
            return "R " + r + ", F " + f + ", M " + m;
        }
    }

    /**
     * A list of three-digit codes such as 555 or 543.
     *
     * @param name the segment name, not blank, not null
     * @param codes the codes matched, each three digits of 1 to 9, not empty, not null; kept as an
     *     immutable copy in ascending order
     */
    record Codes(String name, SortedSet<Integer> codes) implements SegmentRule {
        /**
         * Validates the rule.
         *
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the name is blank, the set is empty or a code is invalid
         */
        public Codes {
            Checks.text(name, "name");
            Checks.notNull(codes, "codes");
            codes = ImmutableSortedSet.copyOf(codes);
            if (codes.isEmpty()) {
                throw new IllegalArgumentException("segment " + name + ": codes must not be empty");
            }
            for (int code : codes) {
                try {
                    RfmCell.ofCode(code);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("segment " + name + ": " + e.getMessage(), e);
                }
            }
        }

        /**
         * Returns a rule over a collection of codes.
         *
         * @param name the segment name
         * @param codes the codes
         * @return the rule, never null
         */
        public static Codes of(String name, Collection<Integer> codes) {
            return new Codes(name, ImmutableSortedSet.copyOf(Checks.notNull(codes, "codes")));
        }

        @Override
        public boolean matches(RfmCell cell) {
            return codes.contains(cell.code());
        }

        @Override
        public String describe() {
            return "codes " + codes;
        }
    }

    /**
     * Any condition over the scores, e.g. {@code cell -> cell.r() >= 4 && cell.fm() >= 4}. The
     * condition must be a pure function of the cell: maps evaluate it once per cell.
     *
     * @param name the segment name, not blank, not null
     * @param description the condition in words, for linting and printing, not null
     * @param condition the condition, not null
     */
    record When(String name, String description, Predicate<RfmCell> condition) implements SegmentRule {
        /**
         * Validates the rule.
         *
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the name is blank
         */
        public When {
            Checks.text(name, "name");
            Checks.notNull(description, "description");
            Checks.notNull(condition, "condition");
        }

        @Override
        public boolean matches(RfmCell cell) {
            return condition.test(cell);
        }

        @Override
        public String describe() {
            return description;
        }
    }
}
