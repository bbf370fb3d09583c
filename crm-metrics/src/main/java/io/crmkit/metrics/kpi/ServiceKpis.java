package io.crmkit.metrics.kpi;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.service.CaseStatusCategory;
import io.crmkit.core.service.ServiceCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Service-quality KPIs per reporting period, for the cases opened in each period: counts and
 * complaints, first-response and resolution time percentiles, SLA compliance and breaches (as seen
 * at an explicit as-of instant), the backlog at the end of the period, and the current backlog by
 * status category.
 *
 * <p>Resolution means {@link ServiceCase#finishedAt()} (resolved, or closed without resolution).
 * The backlog at an instant counts cases opened before it and not finished by it.
 *
 * <p>Stateless and thread-safe.
 */
public final class ServiceKpis {

    private ServiceKpis() {
    }

    /**
     * The service figures of one period.
     *
     * @param label the period's label, not null
     * @param opened cases opened in the period
     * @param complaints complaint cases among them
     * @param firstResponseTime first-response time percentiles of those responded to, not null
     * @param resolutionTime resolution time percentiles of those finished, not null
     * @param firstResponseSla the first-response SLA tally, not null
     * @param resolutionSla the resolution SLA tally, not null
     * @param backlogAtEnd cases open at the end of the period (opened in it or before)
     */
    public record PeriodServiceKpis(
            String label, long opened, long complaints, DurationStats firstResponseTime, DurationStats resolutionTime,
            SlaTally firstResponseSla, SlaTally resolutionSla, long backlogAtEnd) {
        /**
         * Validates the figures.
         *
         * @throws NullPointerException if a component is null
         */
        public PeriodServiceKpis {
            Checks.notNull(label, "label");
            Checks.notNull(firstResponseTime, "firstResponseTime");
            Checks.notNull(resolutionTime, "resolutionTime");
            Checks.notNull(firstResponseSla, "firstResponseSla");
            Checks.notNull(resolutionSla, "resolutionSla");
        }

        /**
         * Returns complaints per 100 orders of the same period.
         *
         * @param orders the number of orders in the period, not negative
         * @return the rate, or empty without orders
         */
        public OptionalDouble complaintsPerHundredOrders(long orders) {
            if (orders < 0) {
                throw new IllegalArgumentException("orders must not be negative: " + orders);
            }
            return orders == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * complaints / orders);
        }
    }

    /**
     * The service KPIs of a grid.
     *
     * @param asOf the instant at which SLAs were judged, not null
     * @param periods one entry per period, in time order, not null
     * @param backlogByCategory the cases not finished, by current status category, not null
     */
    public record ServiceKpiReport(Instant asOf, List<PeriodServiceKpis> periods,
            Map<CaseStatusCategory, Long> backlogByCategory) {
        /**
         * Copies the collections.
         *
         * @throws NullPointerException if a component is null
         */
        public ServiceKpiReport {
            Checks.notNull(asOf, "asOf");
            periods = List.copyOf(Checks.notNull(periods, "periods"));
            backlogByCategory = Collections.unmodifiableMap(new EnumMap<>(backlogByCategory));
        }
    }

    /**
     * Computes the service KPIs. Cases may arrive in any order; those opened at or after the grid's
     * end are ignored.
     *
     * @param cases the cases in their current state, not null (consumed, not closed)
     * @param grid the periods, not null
     * @param asOf the instant at which SLAs and the current backlog are judged, not null
     * @return the report, never null
     */
    public static ServiceKpiReport compute(Stream<ServiceCase> cases, PeriodGrid grid, Instant asOf) {
        Checks.notNull(cases, "cases");
        Checks.notNull(grid, "grid");
        Checks.notNull(asOf, "asOf");
        int n = grid.size();
        long[] opened = new long[n];
        long[] complaints = new long[n];
        long[][] frSla = new long[n][4];
        long[][] resSla = new long[n][4];
        double[][] frt = new double[n][16];
        int[] frtCount = new int[n];
        double[][] rt = new double[n][16];
        int[] rtCount = new int[n];
        long[] backlogDiff = new long[n + 1];
        Map<CaseStatusCategory, Long> byCategory = new EnumMap<>(CaseStatusCategory.class);
        Instant end = grid.range().end();
        cases.forEach(c -> {
            Checks.notNull(c, "case");
            if (c.finishedAt().isEmpty()) {
                byCategory.merge(c.status().category(), 1L, Long::sum);
            }
            if (!c.openedAt().isBefore(end)) {
                return;
            }
            // backlog: open at the end of period p when opened before it and not finished by it
            int from = Math.max(0, grid.indexOf(c.openedAt()));
            // finished at f: open at the end of every period ending before f (finished exactly at a
            // period's end means finished by it, as ServiceCase.isOpenAt says)
            int to = c.finishedAt().map(f -> grid.firstBoundaryAtOrAfter(f) - 1).orElse(n);
            if (from < Math.min(to, n)) {
                backlogDiff[from]++;
                backlogDiff[Math.min(to, n)]--;
            }
            int p = grid.indexOf(c.openedAt());
            if (p < 0) {
                return;
            }
            opened[p]++;
            if (c.isComplaint()) {
                complaints[p]++;
            }
            tally(frSla[p], c.sla().firstResponse(), c.firstResponseAt(), c, asOf, true);
            tally(resSla[p], c.sla().resolution(), c.finishedAt(), c, asOf, false);
            c.firstResponseTime().ifPresent(d -> {
                frt[p] = append(frt[p], frtCount[p], d.toMillis());
                frtCount[p]++;
            });
            c.resolutionTime().ifPresent(d -> {
                rt[p] = append(rt[p], rtCount[p], d.toMillis());
                rtCount[p]++;
            });
        });
        List<PeriodServiceKpis> out = new ArrayList<>(n);
        long backlog = 0;
        for (int p = 0; p < n; p++) {
            backlog += backlogDiff[p];
            out.add(new PeriodServiceKpis(grid.label(p), opened[p], complaints[p], DurationStats.ofMillis(frt[p],
                    frtCount[p]), DurationStats.ofMillis(rt[p], rtCount[p]), slaOf(frSla[p]), slaOf(resSla[p]), backlog));
        }
        return new ServiceKpiReport(asOf, out, byCategory);
    }

    private static void tally(long[] t, Optional<Duration> target, Optional<Instant> done, ServiceCase c,
            Instant asOf, boolean firstResponse) {
        if (target.isEmpty()) {
            t[3]++;
            return;
        }
        boolean breached = firstResponse ? c.isFirstResponseBreached(asOf) : c.isResolutionBreached(asOf);
        if (breached) {
            t[1]++;
        } else if (done.isPresent()) {
            t[0]++;
        } else {
            t[2]++;
        }
    }

    private static SlaTally slaOf(long[] t) {
        return new SlaTally(t[0], t[1], t[2], t[3]);
    }

    private static double[] append(double[] a, int size, double v) {
        double[] out = size == a.length ? Arrays.copyOf(a, a.length * 2) : a;
        out[size] = v;
        return out;
    }
}
