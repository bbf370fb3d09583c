package io.crmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.crmkit.core.CustomerId;
import io.crmkit.core.Money;
import io.crmkit.core.TimeRange;
import io.crmkit.core.credit.CreditTerms;
import io.crmkit.core.credit.Invoice;
import io.crmkit.core.credit.Payment;
import io.crmkit.core.customer.Customer;
import io.crmkit.core.interaction.Interaction;
import io.crmkit.core.loyalty.LoyaltyProgram;
import io.crmkit.core.loyalty.Membership;
import io.crmkit.core.loyalty.PointsTransaction;
import io.crmkit.core.order.Order;
import io.crmkit.core.service.ServiceCase;
import io.crmkit.core.survey.SurveyResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

/**
 * Coverage-guided fuzzing of the JSON readers of crmkit's value types (Jazzer). In a normal build
 * it runs the inputs kept under {@code JsonFuzzTestInputs/anyValueType} (findings and seeds); with
 * {@code JAZZER_FUZZ=1} (the {@code fuzz} profile) it fuzzes for {@code maxDuration}.
 *
 * <p>The only exceptions that may escape a read are Jackson's ({@link JsonProcessingException}) and,
 * from the strict UTF-8 reader, {@link CharacterCodingException}; a value read is never null and
 * reads back equal from what it writes.
 */
class JsonFuzzTest {

    private static final Class<?>[] TYPES = {Customer.class, Money.class, Order.class, Interaction.class,
        ServiceCase.class, SurveyResponse.class, TimeRange.class, CustomerId.class, Invoice.class, Payment.class,
        CreditTerms.class, PointsTransaction.class, Membership.class, LoyaltyProgram.class};

    @FuzzTest(maxDuration = "15s")
    void anyValueType(FuzzedDataProvider data) throws IOException {
        Class<?> type = TYPES[data.consumeInt(0, TYPES.length - 1)];
        byte[] json = data.consumeRemainingAsBytes();
        Object value;
        try (Reader in = UntrustedJson.utf8(new ByteArrayInputStream(json))) {
            value = UntrustedJson.mapper().readValue(in, type);
        } catch (JsonProcessingException | CharacterCodingException e) {
            return; // documented: a typed refusal
        }
        assertThat(value).isNotNull();
        String written = UntrustedJson.mapper().writeValueAsString(value);
        assertThat(UntrustedJson.mapper().readValue(written, type)).isEqualTo(value);
    }
}
