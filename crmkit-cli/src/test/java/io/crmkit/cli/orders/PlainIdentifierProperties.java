package io.crmkit.cli.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.crmkit.core.CustomerId;
import io.crmkit.core.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Texts#isPlainIdentifier}, the readers' shortcut that accepts a cell's bytes as an
 * identifier without making text of them: it may only accept what the one identifier rule
 * ({@link Texts#identifier}) accepts, and it accepts every cell of visible ASCII up to the limit.
 */
class PlainIdentifierProperties {

    @Property(tries = 3000)
    void acceptsOnlyWhatTheIdentifierRuleAccepts(@ForAll("cells") byte[] cell) {
        // the cell sits inside a larger buffer, as in a block of records
        byte[] buffer = new byte[cell.length + 6];
        Arrays.fill(buffer, (byte) ',');
        System.arraycopy(cell, 0, buffer, 3, cell.length);
        boolean plain = Texts.isPlainIdentifier(buffer, 3, 3 + cell.length);
        String text = new String(cell, StandardCharsets.UTF_8);
        if (plain) {
            assertThatCode(() -> Texts.identifier(text, CustomerId::of, "customer_id")).doesNotThrowAnyException();
            assertThatCode(() -> Texts.identifier(text, OrderId::of, "order_id")).doesNotThrowAnyException();
            assertThat(Texts.identifier(text, CustomerId::of, "customer_id").value()).hasSize(cell.length);
        }
        boolean visibleAscii = cell.length >= 1 && cell.length <= 256;
        for (byte b : cell) {
            visibleAscii &= b >= '!' && b <= '~';
        }
        assertThat(plain).isEqualTo(visibleAscii);
    }

    @Example
    void refusesTheCellsTheRuleDecides() {
        byte[] spaced = " 42".getBytes(StandardCharsets.US_ASCII);
        assertThat(Texts.isPlainIdentifier(spaced, 0, spaced.length)).isFalse();
        assertThat(Texts.isPlainIdentifier(spaced, 1, spaced.length)).isTrue();
        assertThat(Texts.isPlainIdentifier(spaced, 1, 1)).isFalse();
        byte[] accented = "café".getBytes(StandardCharsets.UTF_8);
        assertThat(Texts.isPlainIdentifier(accented, 0, accented.length)).isFalse();
        byte[] longest = new byte[257];
        Arrays.fill(longest, (byte) 'x');
        assertThat(Texts.isPlainIdentifier(longest, 0, 256)).isTrue();
        assertThat(Texts.isPlainIdentifier(longest, 0, 257)).isFalse();
        byte[] control = {'a', 0x7f, 'b'};
        assertThat(Texts.isPlainIdentifier(control, 0, 3)).isFalse();
    }

    @Provide
    Arbitrary<byte[]> cells() {
        Arbitrary<Byte> visible = Arbitraries.bytes().between((byte) '!', (byte) '~');
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<Byte> edges = Arbitraries.of((byte) ' ', (byte) '\t', (byte) 0x7f, (byte) 0x80, (byte) 0xc3,
                (byte) 0xa9, (byte) 0xef, (byte) 0xbf, (byte) 0xbd, (byte) 0, (byte) '!', (byte) '~');
        Arbitrary<Byte> mixed = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, visible), net.jqwik.api.Tuple.of(1, any),
                net.jqwik.api.Tuple.of(1, edges));
        return Arbitraries.oneOf(mixed.array(byte[].class).ofMinSize(0).ofMaxSize(12),
                mixed.array(byte[].class).ofMinSize(250).ofMaxSize(262));
    }
}
