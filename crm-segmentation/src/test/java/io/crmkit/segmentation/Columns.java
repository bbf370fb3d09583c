package io.crmkit.segmentation;

import io.crmkit.core.CustomerId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of customer columns for the property tests. */
public final class Columns {

    private static final Currency USD = Currency.getInstance("USD");

    private Columns() {
    }

    /** One customer's values: recency, frequency, orders extra, revenue in cents. */
    public record Row(double recency, int frequency, int extraOrders, long revenueMinor) {
    }

    /** Arbitrary rows: small ranges so that ties are common; revenue may be zero or negative. */
    public static Arbitrary<Row> rows() {
        return Combinators.combine(Arbitraries.integers().between(0, 60).map(Integer::doubleValue),
                Arbitraries.integers().between(1, 8), Arbitraries.integers().between(0, 2),
                Arbitraries.oneOf(Arbitraries.longs().between(-5_000, 100_000),
                        Arbitraries.of(0L, 1_000L, 2_500L))).as(Row::new);
    }

    /** Arbitrary columns of 0 to {@code max} customers named c0000, c0001, ... */
    public static Arbitrary<CustomerColumns> columns(int max) {
        return rows().list().ofMinSize(0).ofMaxSize(max).map(Columns::of);
    }

    /** Columns of the given rows, customer k named {@code c%04d}. */
    public static CustomerColumns of(List<Row> rows) {
        return of(rows, 0, 1);
    }

    /** Columns of the given rows, customer k named {@code c%04d} of {@code offset + k * step}. */
    public static CustomerColumns of(List<Row> rows, int offset, int step) {
        int n = rows.size();
        List<CustomerId> ids = new ArrayList<>(n);
        double[] recency = new double[n];
        int[] frequency = new int[n];
        int[] orders = new int[n];
        long[] revenue = new long[n];
        for (int k = 0; k < n; k++) {
            Row r = rows.get(k);
            ids.add(CustomerId.of(String.format("c%06d", offset + k * step)));
            recency[k] = r.recency();
            frequency[k] = r.frequency();
            orders[k] = r.frequency() + r.extraOrders();
            revenue[k] = r.revenueMinor();
        }
        return CustomerColumns.of(USD, ids, recency, frequency, orders, revenue, "generated for a property test");
    }
}
