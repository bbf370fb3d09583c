package io.crmkit.testkit.contract;

import io.crmkit.core.CustomerId;
import io.crmkit.testkit.CrmArbitraries;
import io.crmkit.testkit.ValueTypeTester;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** {@link ValueTypeContract} run on {@link CustomerId}, with a small domain mixed in for equal pairs. */
class CustomerIdValueTypeTest implements ValueTypeContract<CustomerId> {

    @Override
    public ValueTypeTester<CustomerId> tester() {
        return ValueTypeTester.forType(CustomerId.class);
    }

    @Override
    public Arbitrary<CustomerId> values() {
        return Arbitraries.frequencyOf(List.of(Tuple.of(3, CrmArbitraries.customerIds()),
                Tuple.of(1, Arbitraries.of("c0", "c1", "客户-1").map(CustomerId::of))));
    }
}
