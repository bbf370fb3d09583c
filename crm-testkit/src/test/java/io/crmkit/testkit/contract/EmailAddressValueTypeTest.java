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
        // the mask keeps a local part's first character and writes *** for the rest: a local part
        // whose rest is asterisks already ("***@gmail.com", "x***@gmail.com"; '*' is a valid
        // character, and the generator makes such addresses now and then) has nothing to hide
        return ValueTypeTester.forType(EmailAddress.class).masking(e -> {
            String local = e.value().substring(0, e.value().lastIndexOf('@'));
            return local.codePoints().skip(1).allMatch(c -> c == '*') ? List.of() : List.of(e.value());
        });
    }

    @Override
    public Arbitrary<EmailAddress> values() {
        return CrmArbitraries.emailAddresses();
    }
}
