package io.crmkit.testkit.contract;

import io.crmkit.core.Money;
import io.crmkit.testkit.CrmArbitraries;
import io.crmkit.testkit.ValueTypeTester;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** {@link ValueTypeContract} run on {@link Money}, with a small domain mixed in for equal pairs. */
class MoneyValueTypeTest implements ValueTypeContract<Money> {

    @Override
    public ValueTypeTester<Money> tester() {
        return ValueTypeTester.forType(Money.class);
    }

    @Override
    public Arbitrary<Money> values() {
        return Arbitraries.frequencyOf(List.of(Tuple.of(3, CrmArbitraries.money()),
                Tuple.of(1, Arbitraries.longs().between(-2, 2).map(n -> Money.ofMinor(n, Currency.getInstance("USD"))))));
    }
}
