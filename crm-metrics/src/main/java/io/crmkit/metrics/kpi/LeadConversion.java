package io.crmkit.metrics.kpi;

import io.crmkit.core.customer.Customer;
import io.crmkit.core.history.PurchaseSummaries;
import io.crmkit.core.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Lead-to-customer conversion per reporting period: of the parties recorded (created) in a period,
 * how many made a first purchase within a conversion window.
 *
 * <p>The customer model stores the current lifecycle stage, not its history, so the observable
 * lifecycle change used here is the first purchase (the step from lead or prospect to customer):
 * a party created at {@code c} converts if its first counted purchase is before
 * {@code c + window}; a first purchase before {@code c} (a buyer recorded late) counts as converted.
 * Recent periods are not fully observed yet: {@code matured} counts the parties whose window has
 * ended by the as-of instant, and {@link PeriodConversion#maturedRate()} uses only them.
 *
 * <p>Stateless and thread-safe.
 */
public final class LeadConversion {

    private LeadConversion() {
    }

    /**
     * The conversion figures of one period.
     *
     * @param label the period's label, not null
     * @param created parties created in the period
     * @param converted of them, those who bought within the window (as far as seen at the as-of)
     * @param matured of them, those whose window ended by the as-of instant
     * @param convertedMatured of the matured, those who converted
     */
    public record PeriodConversion(String label, long created, long converted, long matured, long convertedMatured) {
        /**
         * Validates the counts.
         *
         * @throws IllegalArgumentException if they are inconsistent
         */
        public PeriodConversion {
            Checks.notNull(label, "label");
            if (converted > created || matured > created || convertedMatured > Math.min(converted, matured)
                    || Math.min(convertedMatured, created) < 0) {
                throw new IllegalArgumentException("inconsistent conversion counts for " + label + ": created="
                        + created + ", converted=" + converted + ", matured=" + matured + ", convertedMatured="
                        + convertedMatured);
            }
        }

        /**
         * Returns converted / created (understated for periods not fully observed).
         *
         * @return the rate, or empty when nobody was created
         */
        public OptionalDouble rate() {
            return created == 0 ? OptionalDouble.empty() : OptionalDouble.of(converted / (double) created);
        }

        /**
         * Returns the conversion rate among parties whose window has ended.
         *
         * @return the rate, or empty when none has matured
         */
        public OptionalDouble maturedRate() {
            return matured == 0 ? OptionalDouble.empty() : OptionalDouble.of(convertedMatured / (double) matured);
        }
    }

    /**
     * Computes the conversion series.
     *
     * @param customers the parties, in any order, not null (consumed, not closed)
     * @param purchases their purchase summaries (first purchase times), not null
     * @param grid the periods of creation, not null
     * @param window the conversion window, positive, not null
     * @param asOf the instant up to which purchases are known, not null
     * @return one entry per period, in time order, never null
     */
    public static List<PeriodConversion> compute(Stream<Customer> customers, PurchaseSummaries purchases,
            PeriodGrid grid, Duration window, Instant asOf) {
        Checks.notNull(customers, "customers");
        Checks.notNull(purchases, "purchases");
        Checks.notNull(grid, "grid");
        Checks.notNull(window, "window");
        Checks.notNull(asOf, "asOf");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        int n = grid.size();
        long[] created = new long[n];
        long[] converted = new long[n];
        long[] matured = new long[n];
        long[] convertedMatured = new long[n];
        customers.forEach(c -> {
            int p = grid.indexOf(Checks.notNull(c, "customer").createdAt());
            if (p < 0 || p >= n) {
                return;
            }
            created[p]++;
            Instant deadline = c.createdAt().plus(window);
            OptionalInt i = purchases.indexOf(c.id());
            boolean conv = i.isPresent() && purchases.firstPurchaseAt(i.getAsInt()).isBefore(deadline)
                    && !purchases.firstPurchaseAt(i.getAsInt()).isAfter(asOf);
            boolean mature = !deadline.isAfter(asOf);
            converted[p] += conv ? 1 : 0;
            matured[p] += mature ? 1 : 0;
            convertedMatured[p] += conv && mature ? 1 : 0;
        });
        List<PeriodConversion> out = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            out.add(new PeriodConversion(grid.label(p), created[p], converted[p], matured[p], convertedMatured[p]));
        }
        return out;
    }
}
