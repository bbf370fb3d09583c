package io.crmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.crmkit.core.Money;
import io.crmkit.core.customer.Customer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile JSON gets a Jackson exception that says what is wrong, before any work in proportion to
 * the hostile value is done: huge exponents and digit strings, deep nesting, long strings, JSON
 * null where a crmkit value belongs, trailing content, and encodings other than UTF-8.
 */
class HostileJsonTest {

    private static final TypeReference<List<Customer>> CUSTOMERS = new TypeReference<>() { };

    private static Money money(String json) throws IOException {
        return UntrustedJson.mapper().readValue(json, Money.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1e1000000500000", "8e888888888888888", "1e-2147483649"})
    void numbersWithHugeExponentsFailAsJacksonExceptions(String amount) {
        assertThatThrownBy(() -> money("{\"amount\":" + amount + ",\"currency\":\"USD\"}"))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("exponent is out of range");
        assertThatThrownBy(() -> money("{\"amount\":\"" + amount + "\",\"currency\":\"USD\"}"))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aMillionDigitAmountStringIsRefusedBeforeItIsParsed() {
        String digits = "1".repeat(1_000_000);
        assertThatThrownBy(() -> money("{\"amount\":\"" + digits + "\",\"currency\":\"USD\"}"))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("a decimal has at most 4096 characters, this one 1000000");
        assertThatThrownBy(() -> money("{\"amount\":" + digits + ",\"currency\":\"USD\"}"))
                .isInstanceOf(StreamConstraintsException.class);
        // the same limit through a plain mapper with only the module
        assertThatThrownBy(() -> Json.mapper().readValue("{\"amount\":\"" + digits + "\",\"currency\":\"USD\"}",
                Money.class)).isInstanceOf(InvalidFormatException.class);
    }

    /** Found by the fuzzer: -1e1000 as USD wrote back 1,005 characters, which the old 1,000-character limit refused. */
    @Test
    void whatIsWrittenReadsBack() throws IOException {
        for (String amount : new String[] {"-1e1000", "9.99e999", "12.5"}) {
            Money m = money("{\"amount\":" + amount + ",\"currency\":\"USD\"}");
            assertThat(money(UntrustedJson.mapper().writeValueAsString(m))).isEqualTo(m);
        }
        assertThatThrownBy(() -> money("{\"amount\":\"1" + "0".repeat(1001) + "\",\"currency\":\"USD\"}"))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("magnitude is out of range");
    }

    @Test
    void deepNestingAndLongStringsHitTheStatedLimits() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> UntrustedJson.mapper().readTree(deep))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("nesting depth");
        String longString = "{\"amount\":\"1\",\"currency\":\"" + "U".repeat(10_000_000) + "\"}";
        assertThatThrownBy(() -> money(longString))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("String value length");
    }

    @Test
    void jsonNullIsNeverACrmkitValue() {
        assertThatThrownBy(() -> UntrustedJson.mapper().readValue("null", Customer.class))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("`Customer` from null: a crmkit value is never null");
        assertThatThrownBy(() -> UntrustedJson.mapper().readValue("[null]", CUSTOMERS))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("never null");
        assertThatThrownBy(() -> Json.mapper().readValue("{\"amount\":\"1\",\"currency\":null}", Money.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void trailingContentIsRefused() throws IOException {
        assertThat(UntrustedJson.mapper().readValue("[] ", CUSTOMERS)).isEmpty();
        assertThatThrownBy(() -> UntrustedJson.mapper().readValue("[] []", CUSTOMERS))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("Trailing token");
        assertThatThrownBy(() -> UntrustedJson.mapper().readValue("[] garbage", CUSTOMERS))
                .isInstanceOf(JsonParseException.class);
    }

    @Test
    void onlyUtf8IsReadThroughTheStrictReader() throws IOException {
        String json = "{\"amount\":\"1.50\",\"currency\":\"USD\"}";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] withBom = new byte[bom.length + json.length()];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(json.getBytes(StandardCharsets.UTF_8), 0, withBom, 3, json.length());
        for (byte[] ok : List.of(json.getBytes(StandardCharsets.UTF_8), withBom)) {
            try (Reader in = UntrustedJson.utf8(new ByteArrayInputStream(ok))) {
                assertThat(UntrustedJson.mapper().readValue(in, Money.class)).isEqualTo(Money.of("1.50", "USD"));
            }
        }
        byte[] utf32 = json.getBytes(Charset.forName("UTF-32"));
        assertThatThrownBy(() -> {
            try (Reader in = UntrustedJson.utf8(new ByteArrayInputStream(utf32))) {
                UntrustedJson.mapper().readValue(in, Money.class);
            }
        }).isInstanceOf(JsonParseException.class).hasMessageContaining("CTRL-CHAR, code 0");
        byte[] utf16 = json.getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> {
            try (Reader in = UntrustedJson.utf8(new ByteArrayInputStream(utf16))) {
                UntrustedJson.mapper().readValue(in, Money.class);
            }
        }).isInstanceOf(CharacterCodingException.class);
    }
}
