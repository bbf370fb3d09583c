package io.crmkit.metrics.kpi;

import io.crmkit.core.internal.Checks;
import java.util.List;

/**
 * The result of {@link OrderKpis}: the KPIs of every period of the grid, the cohort retention
 * matrix, the definitions used and the counts of orders seen and left out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param options the definitions, not null
 * @param periods the KPIs per period, in time order, not null
 * @param cohorts the cohort retention matrix over the same periods, not null
 * @param ordersSeen orders offered
 * @param ordersCounted orders counted (in the grid or as history before it)
 * @param excludedByStatus orders left out for their status category
 * @param excludedAfterGrid orders left out because they were placed at or after the grid's end
 */
public record OrderKpiReport(
        OrderKpiOptions options, List<PeriodOrderKpis> periods, CohortMatrix cohorts, long ordersSeen,
        long ordersCounted, long excludedByStatus, long excludedAfterGrid) {

    /**
     * Validates the report.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the counts do not add up
     */
    public OrderKpiReport {
        Checks.notNull(options, "options");
        periods = List.copyOf(Checks.notNull(periods, "periods"));
        Checks.notNull(cohorts, "cohorts");
        if (ordersSeen != ordersCounted + excludedByStatus + excludedAfterGrid) {
            throw new IllegalArgumentException("ordersSeen " + ordersSeen + " must equal counted + excluded: "
                    + ordersCounted + " + " + excludedByStatus + " + " + excludedAfterGrid);
        }
    }
}
