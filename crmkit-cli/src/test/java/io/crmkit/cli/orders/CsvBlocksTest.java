package io.crmkit.cli.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level CSV splitter: line ends, byte-order mark, empty lines, quoting, trimming, broken
 * quoting, line numbers, and records that straddle the 1 MiB blocks, checked against the records
 * the input was written from.
 */
class CsvBlocksTest {

    private static final int BLOCK = 1 << 20;

    /** One record as handed over: where it starts, whether it is malformed, its fields as text. */
    record Rec(int line, boolean malformed, List<String> fields) {
        static Rec ok(int line, String... fields) {
            return new Rec(line, false, List.of(fields));
        }

        static Rec bad(int line, String... fields) {
            return new Rec(line, true, List.of(fields));
        }
    }

    /** Splits the whole input, copying every record out of its block before asking for the next. */
    static List<Rec> split(InputStream in) throws IOException {
        return split(in, CsvBlocks.MAX_RECORD_BYTES);
    }

    /** What an oversized record is handed back as here: malformed, with this one field. */
    static final List<String> OVERSIZED = List.of("<oversized>");

    /** Splits the whole input with a maximum record length; oversized records as {@link #OVERSIZED}. */
    static List<Rec> split(InputStream in, int maxRecordBytes) throws IOException {
        List<Rec> out = new ArrayList<>();
        try (CsvBlocks blocks = new CsvBlocks(in, null, maxRecordBytes)) {
            for (CsvBlocks.Block b = blocks.next(); b != null; b = blocks.next()) {
                for (int r = 0; r < b.records; r++) {
                    if (b.oversized[r]) {
                        assertThat(b.malformed[r]).isTrue();
                        assertThat(b.fieldCount(r)).isZero();
                        out.add(new Rec(b.line[r], true, OVERSIZED));
                        continue;
                    }
                    List<String> fields = new ArrayList<>();
                    for (int f = 0; f < b.fieldCount(r); f++) {
                        fields.add(b.text(r, f));
                        assertThat(b.isEmpty(r, f)).isEqualTo(b.start(r, f) == b.end(r, f));
                    }
                    out.add(new Rec(b.line[r], b.malformed[r], fields));
                }
            }
            // after the end, next() keeps answering null
            assertThat(blocks.next()).isNull();
        }
        return out;
    }

    static List<Rec> split(byte[] bytes) throws IOException {
        return split(new ByteArrayInputStream(bytes));
    }

    static List<Rec> split(String text) throws IOException {
        return split(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- line ends, BOM, empty lines

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void splitsRecordsAtEveryKindOfLineEnd(String eol) throws IOException {
        String text = "a,b,c" + eol + "1,2,3" + eol + "4,5,6" + eol;

        assertThat(split(text)).containsExactly(Rec.ok(1, "a", "b", "c"), Rec.ok(2, "1", "2", "3"),
                Rec.ok(3, "4", "5", "6"));
    }

    @Test
    void mixedLineEndsInOneFileCountOneLineEach() throws IOException {
        String text = "h\r\nx1\ny1\rz1\r\n\r\rw1\n";

        // \r\n, \n, \r, \r\n, then two empty lines (two lone CRs), then w1
        assertThat(split(text)).containsExactly(Rec.ok(1, "h"), Rec.ok(2, "x1"), Rec.ok(3, "y1"), Rec.ok(4, "z1"),
                Rec.ok(7, "w1"));
    }

    @Test
    void skipsAUtf8ByteOrderMarkAtTheStartOnly() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(bom);
        bytes.writeBytes("customer_id,amount\r\nc1,1\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(split(bytes.toByteArray())).containsExactly(Rec.ok(1, "customer_id", "amount"),
                Rec.ok(2, "c1", "1"));
    }

    @Test
    void aByteOrderMarkElsewhereIsData() throws IOException {
        String text = "h\n\uFEFFx\n";

        assertThat(split(text)).containsExactly(Rec.ok(1, "h"), Rec.ok(2, "\uFEFFx"));
    }

    @Test
    void anInputOfOnlyAByteOrderMarkOrNothingHasNoRecords() throws IOException {
        assertThat(split(new byte[0])).isEmpty();
        assertThat(split(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isEmpty();
        assertThat(split("\n\r\n\r")).isEmpty();
    }

    @Test
    void skipsEmptyLinesButCountsThemInTheLineNumbers() throws IOException {
        String text = "\n\nh1,h2\n\n\r\n1,2\r\n\r\r\n3,4\n\n";

        assertThat(split(text)).containsExactly(Rec.ok(3, "h1", "h2"), Rec.ok(6, "1", "2"), Rec.ok(9, "3", "4"));
    }

    @Test
    void readsAFinalRecordWithoutALineBreak() throws IOException {
        assertThat(split("a,b\n1,2")).containsExactly(Rec.ok(1, "a", "b"), Rec.ok(2, "1", "2"));
        assertThat(split("a,b\r\n\"1\",\"x\ny\"")).containsExactly(Rec.ok(1, "a", "b"), Rec.ok(2, "1", "x\ny"));
        assertThat(split("a,b\n1,")).containsExactly(Rec.ok(1, "a", "b"), Rec.ok(2, "1", ""));
    }

    // ---------------------------------------------------------------- values

    @Test
    void readsQuotedValuesWithCommasDoubledQuotesAndLineBreaks() throws IOException {
        String text = String.join("\n",
                "id,note,amount",                                    // 1
                "1,\"a, b\",2",                                      // 2
                "2,\"she said \"\"hi\"\"\",3",                       // 3
                "3,\"two\nlines\",4",                                // 4-5
                "4,\"crlf\r\ninside and \rlone cr\",5",               // 6-8
                "5,\"\",\"\"\"\"",                                   // 9
                "6,x,y",                                             // 10
                "");

        assertThat(split(text)).containsExactly(
                Rec.ok(1, "id", "note", "amount"),
                Rec.ok(2, "1", "a, b", "2"),
                Rec.ok(3, "2", "she said \"hi\"", "3"),
                Rec.ok(4, "3", "two\nlines", "4"),
                Rec.ok(6, "4", "crlf\r\ninside and \rlone cr", "5"),
                Rec.ok(9, "5", "", "\""),
                Rec.ok(10, "6", "x", "y"));
    }

    @Test
    void marksOnlyFieldsWithDoubledQuotesAsEscaped() throws IOException {
        try (CsvBlocks blocks = new CsvBlocks(new ByteArrayInputStream(
                "plain,\"quoted\",\"dou\"\"bled\",\"\"\n".getBytes(StandardCharsets.UTF_8)))) {
            CsvBlocks.Block b = blocks.next();
            assertThat(b.records).isEqualTo(1);
            assertThat(b.fieldCount(0)).isEqualTo(4);
            int first = b.firstField[0];
            assertThat(b.escaped[first]).isFalse();
            assertThat(b.escaped[first + 1]).isFalse();
            assertThat(b.escaped[first + 2]).isTrue();
            assertThat(b.escaped[first + 3]).isFalse();
            // the raw bytes of the escaped field still hold the doubled quote
            assertThat(new String(b.data, b.start(0, 2), b.end(0, 2) - b.start(0, 2), StandardCharsets.UTF_8))
                    .isEqualTo("dou\"\"bled");
            assertThat(b.text(0, 2)).isEqualTo("dou\"bled");
            assertThat(b.isEmpty(0, 3)).isTrue();
        }
    }

    @Test
    void trimsSpacesAndTabsAroundUnquotedValuesAndAroundQuotes() throws IOException {
        String text = "  a b \t,\tc,   ,\" kept \"  ,  \"x, y\"\t\n";

        assertThat(split(text)).containsExactly(Rec.ok(1, "a b", "c", "", " kept ", "x, y"));
    }

    @Test
    void decodesUtf8Values() throws IOException {
        String text = "name,city\nJosé,\"Zürich, 😀\"\n";

        assertThat(split(text)).containsExactly(Rec.ok(1, "name", "city"), Rec.ok(2, "José", "Zürich, 😀"));
    }

    @Test
    void aLineOfOnlySpacesIsARecordWithOneEmptyField() throws IOException {
        // not an empty line: the reader then rejects it for its field count, at its line
        assertThat(split("a,b\n  \t\n1,2\n")).containsExactly(Rec.ok(1, "a", "b"), Rec.ok(2, ""),
                Rec.ok(3, "1", "2"));
    }

    // ---------------------------------------------------------------- broken quoting

    @Test
    void flagsTextAfterAClosingQuoteAndGoesOn() throws IOException {
        String text = "a,b,c\n\"x\"y,2,3\n4,5,6\n";

        assertThat(split(text)).containsExactly(Rec.ok(1, "a", "b", "c"), Rec.bad(2, "x", "2", "3"),
                Rec.ok(3, "4", "5", "6"));
    }

    @Test
    void flagsAStrayQuoteInAnUnquotedValueAndGoesOn() throws IOException {
        String text = "a,b\r\n12\"3,x\r\n4,5\r\n";

        assertThat(split(text)).containsExactly(Rec.ok(1, "a", "b"), Rec.bad(2, "12\"3", "x"), Rec.ok(3, "4", "5"));
    }

    @Test
    void flagsAQuoteLeftOpenAtTheEndAsOneRecordAtTheLineWhereItStarts() throws IOException {
        String text = "a,b\n1,2\n3,\"open\n4,5\n6,7\n";

        // the open quote swallows the rest of the input into one malformed record at line 3
        assertThat(split(text)).containsExactly(Rec.ok(1, "a", "b"), Rec.ok(2, "1", "2"),
                Rec.bad(3, "3", "open\n4,5\n6,7\n"));
    }

    @Test
    void anOpenQuoteDoesNotHideTheRecordsBeforeIt() throws IOException {
        String text = "a\n\"\"\"x\n";

        // """x: an escaped quote, then x, then the quote is never closed
        assertThat(split(text)).containsExactly(Rec.ok(1, "a"), Rec.bad(2, "\"x\n"));
    }

    @Test
    void aMalformedRecordDoesNotShiftTheLinesOfLaterRecords() throws IOException {
        String text = "h,i\n\"a\nb\"junk,1\n2,3\n";

        assertThat(split(text)).containsExactly(Rec.ok(1, "h", "i"), Rec.bad(2, "a\nb", "1"), Rec.ok(4, "2", "3"));
    }

    // ---------------------------------------------------------------- failures and closing

    @Test
    void aReadFailureIsThrownByNextAfterTheBlocksReadBefore() throws IOException {
        byte[] good = "c1,1\n".repeat(500_000).getBytes(StandardCharsets.UTF_8); // 2.5 MB: two full blocks first
        InputStream failing = new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at >= good.length) {
                    throw new IOException("disk on fire");
                }
                int n = Math.min(len, Math.min(8192, good.length - at));
                System.arraycopy(good, at, b, off, n);
                at += n;
                return n;
            }
        };
        long records = 0;
        int lastLine = 0;
        try (CsvBlocks blocks = new CsvBlocks(failing)) {
            IOException thrown = null;
            try {
                for (CsvBlocks.Block b = blocks.next(); b != null; b = blocks.next()) {
                    for (int r = 0; r < b.records; r++) {
                        assertThat(b.text(r, 0)).isEqualTo("c1");
                        assertThat(b.line[r]).isEqualTo(++lastLine);
                    }
                    records += b.records;
                }
            } catch (IOException e) {
                thrown = e;
            }
            assertThat(thrown).isNotNull().hasMessage("disk on fire");
            // the blocks completed before the failure came through, in order and with their lines
            assertThat(records).isGreaterThanOrEqualTo(2 * (BLOCK / 5) - 2).isLessThan(500_000);
            // and the failure stays: no silent end of input
            assertThatThrownBy(blocks::next).isInstanceOf(IOException.class).hasMessage("disk on fire");
        }
    }

    @Test
    void closeStopsTheSplittingThreadOfAnUnfinishedInput() throws Exception {
        byte[] big = "customer,2024-01-01,1.00\n".repeat(1_000_000).getBytes(StandardCharsets.UTF_8); // 25 MB
        CsvBlocks blocks = new CsvBlocks(new ByteArrayInputStream(big));
        Thread splitter = splitterOf(blocks);
        CsvBlocks.Block first = blocks.next();
        assertThat(first.records).isPositive();
        // the splitter fills the free blocks, then waits for one to be handed back
        assertThat(splitter.isAlive()).isTrue();

        blocks.close();

        splitter.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(splitter.isAlive()).as("splitter still running after close()").isFalse();
        assertThat(blocks.next()).isNull();
    }

    private static Thread splitterOf(CsvBlocks blocks) throws ReflectiveOperationException {
        Field f = CsvBlocks.class.getDeclaredField("splitter");
        f.setAccessible(true);
        return (Thread) f.get(blocks);
    }

    // ---------------------------------------------------------------- the writer and the reference

    /** A field as written: its value and how (quoted or not, with padding around it). */
    record Written(String value, boolean quoted, String before, String after) {
        /** The value the splitter must hand back. */
        String expected() {
            return quoted ? value : strip(value);
        }

        String csv() {
            return before + (quoted ? "\"" + value.replace("\"", "\"\"") + "\"" : value) + after;
        }

        private static String strip(String s) {
            int a = 0;
            int b = s.length();
            while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) {
                a++;
            }
            while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) {
                b--;
            }
            return s.substring(a, b);
        }
    }

    /**
     * Writes records as CSV, each followed by its line end (the last one possibly without) and the
     * given empty lines, and returns the records the splitter must hand back: the written values
     * and the line where each record starts, counted over the text written (a line break is
     * {@code \r\n}, a lone {@code \r} or {@code \n}).
     */
    static List<Rec> write(StringBuilder out, List<List<Written>> records, List<String> lineEnds,
            List<String> emptyLinesAfter, boolean bom, boolean lastLineEnd) {
        if (bom) {
            out.append('\uFEFF');
        }
        int bodyStart = out.length();
        List<Rec> expected = new ArrayList<>();
        int line = 1;
        int counted = bodyStart;
        for (int k = 0; k < records.size(); k++) {
            // count the line breaks up to the record's start
            int start = out.length();
            line += breaks(out, counted, start);
            counted = start;
            List<Written> rec = records.get(k);
            List<String> values = new ArrayList<>();
            for (int f = 0; f < rec.size(); f++) {
                if (f > 0) {
                    out.append(',');
                }
                out.append(rec.get(f).csv());
                values.add(rec.get(f).expected());
            }
            expected.add(new Rec(line, false, values));
            if (k < records.size() - 1 || lastLineEnd) {
                out.append(lineEnds.get(k));
                out.append(emptyLinesAfter.get(k));
            }
        }
        return expected;
    }

    /** The line breaks in {@code s[from, to)} (a record never starts with \n, so no \r\n pair is split). */
    private static int breaks(CharSequence s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                n++;
            } else if (c == '\r' && !(i + 1 < s.length() && s.charAt(i + 1) == '\n')) {
                n++;
            }
        }
        return n;
    }

    /**
     * A record writable without ambiguity: a record of one empty unquoted field would be an empty
     * line, so such a field is quoted.
     */
    static List<Written> writable(List<Written> rec) {
        if (rec.size() == 1 && !rec.get(0).quoted() && rec.get(0).csv().isEmpty()) {
            return List.of(new Written("", true, "", ""));
        }
        return rec;
    }

    // ---------------------------------------------------------------- the property

    // characters of the basic plane only: the generators pick single chars (é and € are 2 and 3 bytes);
    // unquoted values up to 20 characters, with the bytes below '-' that the word-at-a-time scan
    // stops at without ending the value (space, tab, '+', '#', '!', '*')
    private static final String UNQUOTED_CHARS = "abcxyz019 .-_@\té€+#!*";
    private static final String QUOTED_CHARS = "ab ,\"\n\r\t;'é€";

    @Provide
    Arbitrary<Written> fields() {
        Arbitrary<String> padding = Arbitraries.of("", "", "", " ", "\t", "  \t");
        Arbitrary<Written> unquoted = Combinators.combine(
                Arbitraries.strings().withChars(UNQUOTED_CHARS).ofMaxLength(20), padding, padding)
                .as((v, a, b) -> new Written(v, false, a, b));
        Arbitrary<Written> quoted = Combinators.combine(
                Arbitraries.strings().withChars(QUOTED_CHARS).ofMaxLength(12), padding, padding)
                .as((v, a, b) -> new Written(v, true, a, b));
        return Arbitraries.oneOf(unquoted, quoted);
    }

    @Provide
    Arbitrary<List<List<Written>>> recordLists() {
        return fields().list().ofMinSize(1).ofMaxSize(6).map(CsvBlocksTest::writable).list().ofMaxSize(25);
    }

    @Property(tries = 300)
    void handsBackExactlyTheFieldsAndStartLinesWritten(@ForAll("recordLists") List<List<Written>> records,
            @ForAll("seeds") long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        List<Rec> expected = writeRandomly(text, records, random, random.nextBoolean());

        assertThat(split(text.toString())).containsExactlyElementsOf(expected);
    }

    /** Writes the records with random line ends and empty lines after some; returns what must come back. */
    private static List<Rec> writeRandomly(StringBuilder text, List<List<Written>> records, Random random,
            boolean bom) {
        List<String> lineEnds = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        String[] eols = {"\n", "\r\n", "\r"};
        for (int k = 0; k < records.size(); k++) {
            lineEnds.add(eols[random.nextInt(3)]);
            empty.add(random.nextInt(5) == 0 ? eols[random.nextInt(3)].repeat(1 + random.nextInt(2)) : "");
        }
        return write(text, records, lineEnds, empty, bom, random.nextBoolean());
    }

    /**
     * The same records after a filler that ends near the end of the first (small) block, read in
     * random chunks: split on the second thread, across the first block's end and into the full-size
     * blocks, they come back exactly as on the calling thread.
     */
    @Property(tries = 100)
    void recordsAcrossTheFirstBlocksEndComeBackAlikeOnTheSplittingThread(
            @ForAll("recordLists") List<List<Written>> records, @ForAll("seeds") long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        List<Rec> written = writeRandomly(text, records, random, false);
        int fillerLines = (CsvBlocks.FIRST_BLOCK_BYTES - random.nextInt(400)) / 2;
        List<Rec> expected = new ArrayList<>();
        for (int k = 1; k <= fillerLines; k++) {
            expected.add(Rec.ok(k, "f"));
        }
        for (Rec r : written) {
            expected.add(new Rec(r.line() + fillerLines, r.malformed(), r.fields()));
        }
        byte[] bytes = ("f\n".repeat(fillerLines) + text).getBytes(StandardCharsets.UTF_8);

        assertThat(split(new Trickle(bytes, random))).containsExactlyElementsOf(expected);
    }

    /** An input handing out its bytes in random chunks of 1 to 9,000 bytes. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int at;

        Trickle(byte[] bytes, Random random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(9_000)), bytes.length - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }

    @Test
    void aSmallInputIsSplitWithoutASecondThreadAndALargerOneWithIt() throws Exception {
        byte[] small = "x\n".repeat((CsvBlocks.SMALL_INPUT_BYTES - 1) / 2).getBytes(StandardCharsets.UTF_8);
        try (CsvBlocks blocks = new CsvBlocks(new ByteArrayInputStream(small))) {
            assertThat(splitterOf(blocks)).isNull();
            CsvBlocks.Block b = blocks.next();
            assertThat(b.records).isEqualTo(small.length / 2);
            assertThat(b.data.length).isEqualTo(CsvBlocks.FIRST_BLOCK_BYTES);
            assertThat(blocks.next()).isNull();
        }
        byte[] larger = "x\n".repeat(CsvBlocks.SMALL_INPUT_BYTES / 2).getBytes(StandardCharsets.UTF_8);
        try (CsvBlocks blocks = new CsvBlocks(new ByteArrayInputStream(larger))) {
            assertThat(splitterOf(blocks)).isNotNull();
            long records = 0;
            for (CsvBlocks.Block b = blocks.next(); b != null; b = blocks.next()) {
                records += b.records;
            }
            assertThat(records).isEqualTo(larger.length / 2);
        }
    }

    @Test
    void aFailureWithinTheFirstBytesIsThrownByNextAndNoRecordIsHandedOver() throws IOException {
        InputStream failing = new InputStream() {
            private boolean given;

            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (given) {
                    throw new IOException("disk on fire");
                }
                given = true;
                byte[] head = "h\nc1,1\n".getBytes(StandardCharsets.UTF_8);
                System.arraycopy(head, 0, b, off, head.length);
                return head.length;
            }
        };
        try (CsvBlocks blocks = new CsvBlocks(failing)) {
            long records = 0;
            IOException thrown = null;
            try {
                for (CsvBlocks.Block b = blocks.next(); b != null; b = blocks.next()) {
                    records += b.records;
                }
            } catch (IOException e) {
                thrown = e;
            }
            // the block being filled when reading failed is not handed over, as for a large input
            assertThat(thrown).isNotNull().hasMessage("disk on fire");
            assertThat(records).isZero();
            assertThatThrownBy(blocks::next).isInstanceOf(IOException.class).hasMessage("disk on fire");
        }
    }

    @Test
    void blocksGrowToFullSizeOnceTheInputGoesOnPastTheFirst() throws IOException {
        byte[] big = "abcdefg\n".repeat(3 * BLOCK / 8).getBytes(StandardCharsets.UTF_8); // 3 MiB
        List<Integer> sizes = new ArrayList<>();
        long records = 0;
        try (CsvBlocks blocks = new CsvBlocks(new ByteArrayInputStream(big))) {
            for (CsvBlocks.Block b = blocks.next(); b != null; b = blocks.next()) {
                sizes.add(b.data.length);
                records += b.records;
            }
        }
        assertThat(records).isEqualTo(3 * BLOCK / 8);
        assertThat(sizes.get(0)).isEqualTo(CsvBlocks.FIRST_BLOCK_BYTES);
        assertThat(sizes.subList(1, sizes.size())).containsOnly(BLOCK);
        assertThat(sizes.size()).isBetween(4, 5);
    }

    /**
     * With a maximum record length, every record comes back as without one, at the same line, or
     * as oversized; and a record whose fields alone are longer than the maximum is oversized.
     */
    @Property(tries = 300)
    void aMaximumRecordLengthOnlyTurnsLongRecordsIntoOversizedOnes(
            @ForAll("recordLists") List<List<Written>> records, @ForAll("seeds") long seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        List<Rec> expected = writeRandomly(text, records, random, random.nextBoolean());
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        int max = 1 + random.nextInt(40);

        List<Rec> actual = split(new ByteArrayInputStream(bytes), max);

        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            Rec a = actual.get(k);
            Rec e = expected.get(k);
            assertThat(a.line()).as("line of record %d", k).isEqualTo(e.line());
            if (a.fields() != OVERSIZED) {
                assertThat(a).as("record %d", k).isEqualTo(e);
            }
            int content = e.fields().stream().mapToInt(f -> f.getBytes(StandardCharsets.UTF_8).length).sum()
                    + e.fields().size() - 1;
            if (content > max) {
                assertThat(a.fields()).as("record %d of %d bytes, max %d", k, content, max).isSameAs(OVERSIZED);
            }
        }
    }

    @Test
    void aHugeQuotedFieldWithLineBreaksIsSkippedInBoundedMemoryAndTheNextLinesCountOn() throws IOException {
        StringBuilder huge = new StringBuilder("\"");
        for (int i = 0; i < 40_000; i++) {
            huge.append("x,y \"\" z\r\n"); // commas, doubled quotes and CRLF inside the quotes
        }
        huge.append('"');
        String text = "h1,h2\n" + "a," + huge + "\r\n" + "b,2\n\n" + "c,\"3\"";
        List<Rec> recs = split(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1000);
        assertThat(recs).containsExactly(Rec.ok(1, "h1", "h2"), new Rec(2, true, OVERSIZED),
                Rec.ok(40_003, "b", "2"), Rec.ok(40_005, "c", "3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void aLongUnquotedRecordEndsAtItsLineBreakEvenWithAStrayQuote(String eol) throws IOException {
        String text = "h\n" + "ab\"c" + "d".repeat(3 * BLOCK) + eol + "e" + eol;
        List<Rec> recs = split(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 64);
        assertThat(recs).containsExactly(Rec.ok(1, "h"), new Rec(2, true, OVERSIZED), Rec.ok(3, "e"));
    }

    @Test
    void anOversizedRecordLeftOpenAtTheEndOfTheInputIsTheLastRecord() throws IOException {
        String text = "h\n1\n\"" + "q\n".repeat(2 * BLOCK);
        List<Rec> recs = split(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), BLOCK);
        assertThat(recs).containsExactly(Rec.ok(1, "h"), Rec.ok(2, "1"), new Rec(3, true, OVERSIZED));
    }

    @Test
    void theMaximumMustBeInRange() {
        assertThatThrownBy(() -> new CsvBlocks(new ByteArrayInputStream(new byte[0]), null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 1 to");
        assertThatThrownBy(() -> new CsvBlocks(new ByteArrayInputStream(new byte[0]), null,
                CsvBlocks.MAX_RECORD_BYTES + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    // ---------------------------------------------------------------- blocks of 1 MiB

    @Test
    void recordsStraddlingTheBlocksOfALargeInputKeepTheirFieldsAndLines() throws IOException {
        Random random = new Random(20240601);
        List<List<Written>> records = new ArrayList<>();
        List<String> lineEnds = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        String[] eols = {"\n", "\r\n", "\r"};
        long size = 0;
        while (size < 5L * BLOCK) {
            List<Written> rec = new ArrayList<>();
            int fields = 1 + random.nextInt(5);
            for (int f = 0; f < fields; f++) {
                int kind = random.nextInt(20);
                int length = kind == 0 ? 2_000 + random.nextInt(120_000) : random.nextInt(30);
                rec.add(randomField(random, length, random.nextBoolean()));
            }
            if (records.size() == 100) {
                // one record longer than a block and one longer than two: the buffer must grow
                rec = List.of(randomField(random, BLOCK + BLOCK / 3, true), new Written("after", false, "", ""));
            } else if (records.size() == 300) {
                rec = List.of(new Written("before", false, "", ""), randomField(random, 2 * BLOCK + 77, true));
            }
            rec = writable(rec);
            records.add(rec);
            lineEnds.add(eols[random.nextInt(3)]);
            empty.add(random.nextInt(10) == 0 ? "\r\n" : "");
            for (Written w : rec) {
                size += w.csv().length() + 1;
            }
        }
        StringBuilder text = new StringBuilder();
        List<Rec> expected = write(text, records, lineEnds, empty, true, false);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(2 * BLOCK);

        List<Rec> actual = split(bytes);

        assertThat(actual.size()).isEqualTo(expected.size());
        for (int k = 0; k < expected.size(); k++) {
            // one record at a time: a failure names the record rather than printing megabytes
            Rec a = actual.get(k);
            Rec e = expected.get(k);
            assertThat(a.line()).as("line of record %d", k).isEqualTo(e.line());
            assertThat(a.malformed()).as("record %d malformed", k).isFalse();
            assertThat(a.fields().size()).as("fields of record %d", k).isEqualTo(e.fields().size());
            for (int f = 0; f < e.fields().size(); f++) {
                if (!a.fields().get(f).equals(e.fields().get(f))) {
                    throw new AssertionError("record " + k + " (line " + e.line() + ") field " + f + " differs: "
                            + "expected length " + e.fields().get(f).length() + ", got "
                            + a.fields().get(f).length());
                }
            }
        }
    }

    private static Written randomField(Random random, int length, boolean quoted) {
        String chars = quoted ? QUOTED_CHARS : UNQUOTED_CHARS.replace(" ", "").replace("\t", "");
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(chars.charAt(random.nextInt(chars.length())));
        }
        return new Written(s.toString(), quoted, random.nextInt(8) == 0 ? " " : "", random.nextInt(8) == 0 ? "\t" : "");
    }

    /**
     * Every special byte sequence placed across the end of the first block (byte 2^20 of the
     * input): a \r\n line end, a doubled quote, a closing quote followed by a comma or a line end,
     * a line break inside quotes, an empty line, a multi-byte character and a malformed record.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\"ab\"\"cd\",x\r\n", "ab,cd\r\n", "\"a\r\nb\",\"c\"\r\n", "x,\"q\"\r\r\n",
        "\"é😀é\",é\r\n", "\"x\"junk,1\r\n", "  a  ,  \"b\"  \r\n"})
    void everyByteOfARecordMayLieOnTheBlockBoundary(String special) throws IOException {
        byte[] specialBytes = special.getBytes(StandardCharsets.UTF_8);
        String header = "c1,c2\n";
        List<Rec> reference = split(header + special + "end,1\n");
        for (int shift = 0; shift <= specialBytes.length + 1; shift++) {
            // filler records of one field, so that the special record starts at BLOCK - shift
            int fillerBytes = BLOCK - shift - header.length();
            StringBuilder text = new StringBuilder(header);
            int fillerLines = 0;
            while (fillerBytes > 0) {
                int n = Math.min(fillerBytes, 1000);
                if (n < 3) {
                    // too short for a record: empty lines
                    text.append("\n".repeat(n));
                    fillerLines += n;
                } else {
                    text.append("f,").append("y".repeat(n - 3)).append('\n');
                    fillerLines++;
                }
                fillerBytes -= n;
            }
            assertThat(text.length()).isEqualTo(BLOCK - shift); // ASCII so far: chars are bytes
            text.append(special).append("end,1\n");
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

            List<Rec> actual = split(bytes);

            List<Rec> tail = actual.subList(actual.size() - 2, actual.size());
            int offset = 1 + fillerLines;
            assertThat(tail).as("shift %d", shift).containsExactly(
                    shifted(reference.get(1), offset - 1), shifted(reference.get(2), offset - 1));
        }
    }

    private static Rec shifted(Rec r, int lines) {
        return new Rec(r.line() + lines, r.malformed(), r.fields());
    }
}
