package io.crmkit.cli.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderFileReaderCsvTest {

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static OrderFileReader reader() {
        return new OrderFileReader(ZoneOffset.UTC, Optional.empty(), StatusMapping.defaults(), Map.of(),
                Optional.empty());
    }

    /** Collects what the reader reports. */
    static final class Collected implements ReadListener {
        final List<String> messages = new ArrayList<>();

        @Override
        public void warning(String message) {
            messages.add("warning: " + message);
        }

        @Override
        public void rejected(long line, Rejection kind, String reason) {
            messages.add("line " + line + ": " + kind);
        }
    }

    @Test
    void malformedCsvRejectsTheRecordAtTheLineWhereItStartsAndLosesNoRow() throws Exception {
        Collected seen = new Collected();
        String text = "customer_id,order_id,timestamp,amount\nc1,o1,2024-01-01,x\nc0,o0,2024-01-01,2.00\n"
                + "c2,\"o2\"x,2024-01-01,1.00\nc2,\"o2,2024-01-01,1.00\nc3,o3,2024-01-01,1.00\n";

        OrderFile read = reader().read(csv(text), seen);

        // the quote left open at line 5 swallows line 6: one record, rejected at the line it starts
        assertThat(seen.messages).containsExactly("line 2: BAD_AMOUNT", "line 4: MALFORMED", "line 5: MALFORMED");
        assertThat(read.rowsRead()).isEqualTo(4);
        assertThat(read.rowsUsed()).isEqualTo(1);
        assertThat(read.batch().sourceTag(0)).hasValue(3);
    }

    @Test
    void aBadHeaderStopsTheParserThreadOfALargeInput() throws InterruptedException {
        StringBuilder text = new StringBuilder("id,when,value\n");
        for (int i = 0; i < 200_000; i++) {
            text.append("c").append(i).append(",2024-01-01,1.00\n");
        }

        assertThatThrownBy(() -> reader().read(csv(text.toString()), new Collected()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("line 1: the header lacks");
        Thread parser = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("crmkit-csv-splitter")).findFirst().orElse(null);
        if (parser != null) {
            parser.join(5_000);
            assertThat(parser.isAlive()).isFalse();
        }
    }

    @Test
    void leavesTheInputStreamOpen() throws Exception {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("customer_id,timestamp,amount\nc1,2024-01-01,1\n"
                .getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        OrderFile read = reader().read(in, new Collected());

        assertThat(read.rowsUsed()).isEqualTo(1);
        assertThat(closed[0]).isFalse();
    }
}
