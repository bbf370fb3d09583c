package io.crmkit.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.history.PeriodUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The two ways of finding the distinct (x, t_x, T) patterns give the same data, whatever the key holds. */
class BtydDataPatternsProperties {

    /** One customer: x, t_x and T, with t_x at most T; few distinct values, so patterns repeat. */
    record Customer(int x, double tx, double bigT) {
    }

    @Provide
    Arbitrary<List<Customer>> customers() {
        Arbitrary<Integer> x = Arbitraries.integers().between(0, 12);
        Arbitrary<Double> t = Arbitraries.integers().between(0, 40).map(d -> d / 7.0);
        return Combinators.combine(x, t, t).as((xv, a, b) -> {
            double tx = xv == 0 ? 0 : Math.min(a, b);
            // -0.0 is 0.0 for the patterns
            return new Customer(xv, tx == 0 && a > b ? -0.0 : tx, Math.max(a, b));
        }).list().ofMinSize(1).ofMaxSize(300);
    }

    /** The rank path's data equals the hash table's, pattern by pattern and customer by customer. */
    private static void assertSamePatterns(int[] x, double[] tx, double[] bigT) {
        int n = x.length;
        BtydData ranked = BtydData.ofCustomersByRank(x, tx, bigT, PeriodUnit.WEEKS);
        BtydData table = BtydData.ofCustomersByTable(x, tx, bigT, PeriodUnit.WEEKS);
        assertThat(ranked).isNotNull();
        assertThat(ranked.patternCount()).isEqualTo(table.patternCount());
        for (int k = 0; k < table.patternCount(); k++) {
            assertThat(ranked.x(k)).isEqualTo(table.x(k));
            assertThat(ranked.tx(k)).isEqualTo(table.tx(k));
            assertThat(ranked.bigT(k)).isEqualTo(table.bigT(k));
            assertThat(ranked.weight(k)).isEqualTo(table.weight(k));
            if (k > 0) {
                assertThat(ranked.x(k) > ranked.x(k - 1) || ranked.tx(k) > ranked.tx(k - 1)
                        || ranked.bigT(k) > ranked.bigT(k - 1)).as("ascending, distinct").isTrue();
            }
        }
        for (int i = 0; i < n; i++) {
            assertThat(ranked.patternOf(i)).isEqualTo(table.patternOf(i));
            int k = ranked.patternOf(i);
            assertThat(ranked.x(k)).isEqualTo(x[i]);
            assertThat(ranked.tx(k)).isEqualTo(tx[i] + 0.0);
            assertThat(ranked.bigT(k)).isEqualTo(bigT[i]);
        }
        assertThat(BtydData.ofCustomers(x, tx, bigT, PeriodUnit.WEEKS).patternCount()).isEqualTo(table.patternCount());
    }

    @Property(tries = 300)
    void sortedRanksAndTheHashTableFindTheSamePatterns(@ForAll("customers") List<Customer> customers,
            @ForAll @IntRange(min = 0, max = 3) int xScale) {
        // repeat counts up to 12, or scaled up to need 21 to 31 bits of the key
        int scale = new int[] {1, 1 << 17, 1 << 21, 1 << 27}[xScale];
        int n = customers.size();
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = customers.get(i).x() * scale;
            tx[i] = customers.get(i).tx();
            bigT[i] = customers.get(i).bigT();
        }
        assertSamePatterns(x, tx, bigT);
    }

    /**
     * 2^17 customers with distinct times: 17 bits for each rank. With repeat counts of 14 bits the
     * key holds the three parts (48 bits); with one count of 31 bits it does not (null: the table
     * builds the patterns).
     */
    @Example
    void wideKeysAndKeysTooWide() {
        int n = 1 << 17;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i * 7919) % (1 << 14) + 1;
            tx[i] = (n - i) / 1000.0;
            bigT[i] = tx[i] + (i % 3 == 0 ? 0 : i / 997.0);
        }
        // a few repeated patterns too
        for (int i = 0; i < 100; i++) {
            x[n - 1 - i] = x[i];
            tx[n - 1 - i] = tx[i];
            bigT[n - 1 - i] = bigT[i];
        }
        assertSamePatterns(x, tx, bigT);
        x[5] = Integer.MAX_VALUE;
        assertThat(BtydData.ofCustomersByRank(x, tx, bigT, PeriodUnit.WEEKS)).isNull();
        BtydData data = BtydData.ofCustomers(x, tx, bigT, PeriodUnit.WEEKS);
        assertThat(data.x(data.patternOf(5))).isEqualTo(Integer.MAX_VALUE);
        assertThat(data.x(data.patternCount() - 1)).isEqualTo(Integer.MAX_VALUE);
    }
}
