package io.crmkit.testkit.contract;

import io.crmkit.core.TimeRange;
import io.crmkit.testkit.CrmArbitraries;
import io.crmkit.testkit.ValueTypeTester;
import net.jqwik.api.Arbitrary;

/** {@link ValueTypeContract} run on {@link TimeRange} (no parser: the record copy is the round trip). */
class TimeRangeValueTypeTest implements ValueTypeContract<TimeRange> {

    @Override
    public ValueTypeTester<TimeRange> tester() {
        return ValueTypeTester.forType(TimeRange.class);
    }

    @Override
    public Arbitrary<TimeRange> values() {
        return CrmArbitraries.timeRanges();
    }
}
