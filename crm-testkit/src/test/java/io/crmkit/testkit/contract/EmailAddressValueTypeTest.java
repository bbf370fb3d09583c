package io.crmkit.testkit.contract;

import io.crmkit.core.customer.EmailAddress;
import io.crmkit.testkit.CrmArbitraries;
import io.crmkit.testkit.ValueTypeTester;
import java.util.List;
import net.jqwik.api.Arbitrary;

/**
 * {@link ValueTypeContract} run on {@link EmailAddress}, personal data: its text must never
 * contain the full address (so it is not parsed back).
 */
class EmailAddressValueTypeTest implements ValueTypeContract<EmailAddress> {

    @Override
    public ValueTypeTester<EmailAddress> tester() {
        return ValueTypeTester.forType(EmailAddress.class).masking(e -> List.of(e.value()));
    }

    @Override
    public Arbitrary<EmailAddress> values() {
        return CrmArbitraries.emailAddresses();
    }
}
