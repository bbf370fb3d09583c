package io.crmkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Row keys as order identifiers: their text order is the keys' order (the tie rule of row order). */
class RowKeyTest {

    @Property
    void textOrderIsKeyOrder(@ForAll @LongRange(min = 0) long a, @ForAll @LongRange(min = 0) long b) {
        assertThat(Integer.signum(SparkPurchaseHistory.rowKey(a).compareTo(SparkPurchaseHistory.rowKey(b))))
                .isEqualTo(Long.signum(Long.compare(a, b)));
        assertThat(Long.parseLong(SparkPurchaseHistory.rowKey(a))).isEqualTo(a);
    }

    @Test
    void handWorkedKeys() {
        assertThat(SparkPurchaseHistory.rowKey(0)).isEqualTo("0000000000000000000");
        assertThat(SparkPurchaseHistory.rowKey(8589934593L)).isEqualTo("0000000008589934593");
        assertThat(SparkPurchaseHistory.rowKey(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
        assertThatThrownBy(() -> SparkPurchaseHistory.rowKey(-1)).hasMessageContaining("must not be negative: -1");
    }
}
