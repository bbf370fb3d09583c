package io.crmkit.segmentation.lifecycle;

import io.crmkit.core.CustomerId;
import io.crmkit.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * How customers moved between lifecycle stages from one as-of date to a later one: the matrix of
 * counts (rows: the first date's stage, columns: the second's, in {@link Stage} order) and the
 * customers whose stage changed, in row order, for a host to trigger actions (a win-back offer on
 * entering {@link Stage#AT_RISK}, say). Every customer of the timelines is counted exactly once, so
 * the row sums are the first report's counts and the column sums the second's.
 *
 * <p>Immutable and thread-safe.
 */
public final class StageTransitions {

    /**
     * One customer's change of stage.
     *
     * @param customerId the customer, not null
     * @param from the stage at the first date, not null
     * @param to the stage at the second date, not null
     */
    public record Change(CustomerId customerId, Stage from, Stage to) {

        /**
         * Validates the change.
         *
         * @throws NullPointerException if a component is null
         */
        public Change {
            Checks.notNull(customerId, "customerId");
            Checks.notNull(from, "from");
            Checks.notNull(to, "to");
        }
    }

    private final LifecycleReport first;
    private final LifecycleReport second;
    private final long[][] matrix;
    private final List<Change> changes;

    private StageTransitions(LifecycleReport first, LifecycleReport second, long[][] matrix, List<Change> changes) {
        this.first = first;
        this.second = second;
        this.matrix = matrix;
        this.changes = changes;
    }

    /**
     * Assigns the stages at both dates with the same thresholds and compares them.
     *
     * @param timelines the customers' purchase days (up to the second date at least), not null
     * @param options the thresholds and the first as-of date, not null
     * @param secondAsOf the second as-of date, not before the first, not null
     * @return the transitions, never null
     * @throws IllegalArgumentException if the second date is before the first
     */
    public static StageTransitions between(PurchaseTimelines timelines, StageOptions options,
            java.time.LocalDate secondAsOf) {
        Checks.notNull(options, "options");
        Checks.notNull(secondAsOf, "secondAsOf");
        if (secondAsOf.isBefore(options.asOf())) {
            throw new IllegalArgumentException("secondAsOf " + secondAsOf + " must not be before the first as-of "
                    + options.asOf());
        }
        return of(Lifecycle.assign(timelines, options), Lifecycle.assign(timelines, options.at(secondAsOf)));
    }

    /**
     * Compares two assignments over the same timelines.
     *
     * @param first the earlier assignment, not null
     * @param second the later assignment, over the same timelines, not null
     * @return the transitions, never null
     * @throws IllegalArgumentException if the reports cover different timelines
     */
    public static StageTransitions of(LifecycleReport first, LifecycleReport second) {
        Checks.notNull(first, "first");
        Checks.notNull(second, "second");
        if (first.timelines() != second.timelines()) {
            throw new IllegalArgumentException("both reports must be assigned over the same timelines");
        }
        int k = Stage.values().length;
        long[][] matrix = new long[k][k];
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            byte a = first.stageCode(i);
            byte b = second.stageCode(i);
            matrix[a][b]++;
            if (a != b) {
                changes.add(new Change(first.timelines().customerId(i), first.stage(i), second.stage(i)));
            }
        }
        return new StageTransitions(first, second, matrix, List.copyOf(changes));
    }

    /**
     * Returns the number of customers in stage {@code from} at the first date and {@code to} at
     * the second.
     *
     * @param from the first stage, not null
     * @param to the second stage, not null
     * @return the count
     */
    public long count(Stage from, Stage to) {
        return matrix[Checks.notNull(from, "from").ordinal()][Checks.notNull(to, "to").ordinal()];
    }

    /**
     * Returns the customers whose stage changed, in row order.
     *
     * @return the changes, never null
     */
    public List<Change> changes() {
        return changes;
    }

    /**
     * Returns the changes into one stage, for example every customer who became at risk.
     *
     * @param to the stage entered, not null
     * @return the changes, never null
     */
    public List<Change> into(Stage to) {
        Checks.notNull(to, "to");
        return changes.stream().filter(c -> c.to() == to).toList();
    }

    /**
     * Returns the earlier assignment.
     *
     * @return the report, never null
     */
    public LifecycleReport first() {
        return first;
    }

    /**
     * Returns the later assignment.
     *
     * @return the report, never null
     */
    public LifecycleReport second() {
        return second;
    }

    @Override
    public String toString() {
        return "StageTransitions[" + first.options().asOf() + " -> " + second.options().asOf() + ", "
                + changes.size() + " changes]";
    }
}
