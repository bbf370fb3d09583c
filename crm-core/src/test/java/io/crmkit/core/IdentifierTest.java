package io.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", " a", "a ", "a\tb", "a\u0000b"})
    void rejectsBlankPaddedOrControlText(String bad) {
        assertThatThrownBy(() -> CustomerId.of(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customerId");
        assertThatThrownBy(() -> OrderId.of(bad)).hasMessageStartingWith("orderId");
    }

    @Test
    void rejectsOverlongText() {
        assertThatThrownBy(() -> AgentId.of("x".repeat(257))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agentId").hasMessageContaining("257");
        assertThat(AgentId.of("x".repeat(256)).value()).hasSize(256);
    }

    @Test
    void rejectsNullNamingTheField() {
        assertThatThrownBy(() -> ServiceCaseId.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("serviceCaseId");
    }

    @Test
    void acceptsUnicodeAndPunctuation() {
        assertThat(CustomerId.of("客户-00042/β").toString()).isEqualTo("客户-00042/β");
    }

    @Property
    void toStringRoundTripsAndOrderFollowsText(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 40) String a,
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 40) String b) {
        CustomerId x = CustomerId.of(a);
        assertThat(CustomerId.of(x.toString())).isEqualTo(x);
        assertThat(Integer.signum(x.compareTo(CustomerId.of(b)))).isEqualTo(Integer.signum(a.compareTo(b)));
    }
}
