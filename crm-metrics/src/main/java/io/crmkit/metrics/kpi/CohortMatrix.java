package io.crmkit.metrics.kpi;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A cohort retention matrix: customers grouped by the reporting period of their first counted
 * purchase (their cohort), and for each cohort and each number of periods since acquisition
 * ({@code 0, 1, 2...}) how many of them bought in that period.
 *
 * <p>Column 0 is the cohort's size. Rates are counts divided by the cohort size. Cells after the
 * end of the grid do not exist: row {@code c} has {@code periods - c} columns.
 *
 * <p>Immutable and thread-safe.
 */
public final class CohortMatrix {

    private final List<String> labels;
    private final long[][] counts;

    CohortMatrix(List<String> labels, long[][] counts) {
        this.labels = List.copyOf(labels);
        this.counts = counts;
    }

    /**
     * Returns the number of cohorts (one per period of the grid).
     *
     * @return the count
     */
    public int cohorts() {
        return counts.length;
    }

    /**
     * Returns a cohort's label: the label of its acquisition period.
     *
     * @param cohort the cohort index
     * @return the label, never null
     */
    public String label(int cohort) {
        return labels.get(cohort);
    }

    /**
     * Returns how many columns a cohort has (periods from its acquisition to the end of the grid).
     *
     * @param cohort the cohort index
     * @return the number of columns
     */
    public int columns(int cohort) {
        return counts[cohort].length;
    }

    /**
     * Returns the size of a cohort: customers acquired in its period.
     *
     * @param cohort the cohort index
     * @return the size
     */
    public long size(int cohort) {
        return counts[cohort].length == 0 ? 0 : counts[cohort][0];
    }

    /**
     * Returns how many of a cohort's customers bought {@code since} periods after acquisition.
     *
     * @param cohort the cohort index
     * @param since periods since acquisition, {@code 0 <= since < columns(cohort)}
     * @return the count
     */
    public long count(int cohort, int since) {
        return counts[cohort][since];
    }

    /**
     * Returns the share of a cohort's customers who bought {@code since} periods after acquisition.
     *
     * @param cohort the cohort index
     * @param since periods since acquisition
     * @return the rate in [0, 1], or empty for an empty cohort
     */
    public OptionalDouble rate(int cohort, int since) {
        long size = size(cohort);
        return size == 0 ? OptionalDouble.empty() : OptionalDouble.of(counts[cohort][since] / (double) size);
    }

    /**
     * Returns the total number of customers in all cohorts.
     *
     * @return the sum of the cohort sizes
     */
    public long customers() {
        long sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += size(c);
        }
        return sum;
    }
}
