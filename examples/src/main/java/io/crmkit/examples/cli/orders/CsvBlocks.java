package io.crmkit.examples.cli.orders;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The records of a CSV input, split into fields on a background thread straight from the bytes
 * and handed over in blocks, so that splitting and the processing of the records run on two cores
 * with no object per record or field. At most {@value #IN_FLIGHT} blocks of about 1 MiB exist at
 * once: memory stays bounded whatever the input's size.
 *
 * <h2>Format</h2>
 * RFC 4180 with the usual leniencies: records end at {@code \n}, {@code \r\n} or a lone {@code \r};
 * a UTF-8 byte-order mark at the start is skipped; empty lines are skipped (and counted in the line
 * numbers); unquoted values are trimmed of spaces and tabs; a quoted value may hold commas, line
 * breaks (counted in the line numbers) and doubled quotes; spaces may surround the quotes. A record
 * whose quoting is broken (text after a closing quote, a quote inside an unquoted value, or a quote
 * left open at the end of the input) is handed over as {@linkplain Block#malformed malformed}, so
 * that the reader can reject that row alone and go on.
 *
 * <p>Use from one thread; {@link #close()} stops the splitting thread if the input was not read
 * to its end.
 */
final class CsvBlocks implements AutoCloseable {

    /** Blocks that exist at once: one being filled, the others queued or being processed. */
    static final int IN_FLIGHT = 4;
    private static final int BLOCK_BYTES = 1 << 20;
    private static final int MAX_RECORD_BYTES = 1 << 28;

    /**
     * A block of whole records: their bytes and, per record, where each field lies and the line
     * where the record starts. Field {@code f} of record {@code r} spans bytes
     * {@code [start(r, f), end(r, f))}; a quoted field with doubled quotes inside has
     * {@link #escaped} set and must be read with {@link #text}.
     */
    static final class Block {
        byte[] data = new byte[BLOCK_BYTES];
        int records;
        int[] line = new int[1 << 15];
        int[] firstField = new int[(1 << 15) + 1];
        int[] fieldStart = new int[1 << 17];
        int[] fieldEnd = new int[1 << 17];
        boolean[] escaped = new boolean[1 << 17];
        boolean[] malformed = new boolean[1 << 15];
        /** Room for a {@link BlockHook} to leave per-record results in (it sizes them itself). */
        long[] firstValue = new long[0];
        long[] secondValue = new long[0];
        byte[] flags = new byte[0];
        int fields;
        boolean last;
        Throwable failure;

        /** Returns the number of fields of a record. */
        int fieldCount(int r) {
            return firstField[r + 1] - firstField[r];
        }

        int start(int r, int f) {
            return fieldStart[firstField[r] + f];
        }

        int end(int r, int f) {
            return fieldEnd[firstField[r] + f];
        }

        boolean isEmpty(int r, int f) {
            int k = firstField[r] + f;
            return fieldStart[k] == fieldEnd[k];
        }

        /** Returns the values of a record as text (a header, say). */
        List<String> texts(int r) {
            List<String> values = new ArrayList<>(fieldCount(r));
            for (int f = 0; f < fieldCount(r); f++) {
                values.add(text(r, f));
            }
            return values;
        }

        /** Returns a field's value as text: doubled quotes of a quoted value made single. */
        String text(int r, int f) {
            int k = firstField[r] + f;
            String raw = new String(data, fieldStart[k], fieldEnd[k] - fieldStart[k],
                    java.nio.charset.StandardCharsets.UTF_8);
            return escaped[k] ? raw.replace("\"\"", "\"") : raw;
        }

        private void clear() {
            records = 0;
            fields = 0;
            firstField[0] = 0;
        }

        private void addField(int start, int end, boolean esc) {
            if (fields == fieldStart.length) {
                int n = fields * 2;
                fieldStart = Arrays.copyOf(fieldStart, n);
                fieldEnd = Arrays.copyOf(fieldEnd, n);
                escaped = Arrays.copyOf(escaped, n);
            }
            fieldStart[fields] = start;
            fieldEnd[fields] = end;
            escaped[fields] = esc;
            fields++;
        }

        private void endRecord(int startLine, boolean bad) {
            if (records + 1 == line.length) {
                int n = line.length * 2;
                line = Arrays.copyOf(line, n);
                malformed = Arrays.copyOf(malformed, n);
                firstField = Arrays.copyOf(firstField, n + 1);
            }
            line[records] = startLine;
            malformed[records] = bad;
            firstField[++records] = fields;
        }

        /** Forgets the fields of a record that was not completed. */
        private void dropFields() {
            fields = firstField[records];
        }
    }

    /**
     * Work done on each block on the splitting thread, before the block is handed over: what it
     * leaves in the block ({@link Block#firstValue}, {@link Block#secondValue}, {@link Block#flags})
     * is visible to the reader of the block. Called for every block in order, the header's first.
     */
    interface BlockHook {
        /**
         * Works on a block's records.
         *
         * @param block the block, not null
         */
        void onBlock(Block block);
    }

    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final Thread splitter;
    private final BlockHook hook;
    private Block current;
    private boolean ended;
    private Throwable failure;

    CsvBlocks(InputStream in) {
        this(in, null);
    }

    /**
     * Starts splitting an input, with work done on each block on the splitting thread.
     *
     * @param in the bytes, not null; read to the end, not closed
     * @param hook the work on each block, or null for none
     */
    CsvBlocks(InputStream in, BlockHook hook) {
        this.hook = hook;
        for (int i = 0; i < IN_FLIGHT; i++) {
            free.add(new Block());
        }
        splitter = new Thread(() -> split(in), "crmkit-csv-splitter");
        splitter.setDaemon(true);
        splitter.start();
    }

    /**
     * Returns the next block of records, or null after the last. The block returned before stays
     * valid until this is called again. When reading failed, the blocks completed before the failure
     * are returned first (the records of the block being filled are not) and the next call throws:
     * a failed read fails the run, so nothing is lost silently.
     *
     * @throws IOException if reading fails
     */
    Block next() throws IOException {
        if (current != null) {
            free.add(current);
            current = null;
        }
        if (ended) {
            rethrow(failure);
            return null;
        }
        Block block;
        try {
            block = full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the input");
        }
        if (block.last) {
            ended = true;
            failure = block.failure;
        }
        current = block;
        return block;
    }

    private void split(InputStream in) {
        Block block = null;
        try {
            block = free.take();
            block.clear();
            byte[] carry = new byte[0];
            int carried = 0;
            int line = 1;
            boolean first = true;
            boolean eof = false;
            while (!eof) {
                byte[] data = block.data;
                if (carried > data.length / 2) {
                    if (carried >= MAX_RECORD_BYTES) {
                        throw new InvalidInputException("line " + line + ": a record longer than "
                                + (MAX_RECORD_BYTES >> 20) + " MiB (a quote left open?)");
                    }
                    block.data = data = new byte[Math.max(data.length, carried) * 2];
                }
                System.arraycopy(carry, 0, data, 0, carried);
                int length = carried;
                while (length < data.length) {
                    int n = in.read(data, length, data.length - length);
                    if (n < 0) {
                        eof = true;
                        break;
                    }
                    length += n;
                }
                int from = 0;
                if (first && length >= 3 && data[0] == (byte) 0xEF && data[1] == (byte) 0xBB
                        && data[2] == (byte) 0xBF) {
                    from = 3;
                }
                first = false;
                long state = tokenize(block, from, length, line, eof);
                int consumed = (int) (state >>> 32);
                line = (int) state;
                carried = length - consumed;
                if (carry.length < carried) {
                    carry = new byte[Math.max(carried, carry.length * 2)];
                }
                System.arraycopy(data, consumed, carry, 0, carried);
                if (eof) {
                    break;
                }
                if (block.records > 0) {
                    if (hook != null) {
                        hook.onBlock(block);
                    }
                    full.put(block);
                    block = free.take();
                    block.clear();
                }
            }
        } catch (InterruptedException e) {
            return;
        } catch (IOException e) {
            block.failure = new UncheckedIOException(e);
        } catch (Throwable e) {
            block.failure = e;
        }
        block.last = true;
        if (hook != null && block.failure == null) {
            try {
                hook.onBlock(block);
            } catch (RuntimeException | Error e) {
                block.failure = e;
            }
        }
        try {
            full.put(block);
        } catch (InterruptedException e) {
            // closed by the reader: nobody waits for the end any more
        }
    }

    /**
     * Splits the whole records in {@code data[from, length)} into the block. Returns the number of
     * bytes consumed (in the high half) and the line after them (in the low half). At the end of
     * the input the last record needs no line break, and an open quote makes it malformed.
     */
    private static long tokenize(Block b, int from, int length, int line, boolean eof) {
        byte[] d = b.data;
        int i = from;
        int recordStart = from;
        while (i < length) {
            byte c = d[i];
            // empty lines
            if (c == '\n') {
                i++;
                line++;
                recordStart = i;
                continue;
            }
            if (c == '\r') {
                i += (i + 1 < length && d[i + 1] == '\n') ? 2 : 1;
                if (i >= length && !eof && d[i - 1] == '\r') {
                    return ((long) recordStart << 32) | (line & 0xFFFF_FFFFL); // \r\n may straddle
                }
                line++;
                recordStart = i;
                continue;
            }
            int startLine = line;
            boolean bad = false;
            // one record
            while (true) {
                int fieldStart = i;
                int fieldEnd;
                boolean esc = false;
                while (i < length && (d[i] == ' ' || d[i] == '\t')) {
                    i++;
                }
                if (i < length && d[i] == '"') {
                    int open = ++i;
                    while (true) {
                        while (i < length && d[i] != '"') {
                            if (d[i] == '\n') {
                                line++;
                            } else if (d[i] == '\r' && (i + 1 >= length || d[i + 1] != '\n')) {
                                line++;
                            }
                            i++;
                        }
                        if (i + 1 < length && d[i + 1] == '"') {
                            esc = true;
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    if (i >= length || (i + 1 >= length && !eof)) {
                        if (!eof) {
                            b.dropFields();
                            return ((long) recordStart << 32) | (startLine & 0xFFFF_FFFFL);
                        }
                        // a quote left open at the end of the input
                        b.addField(open, length, esc);
                        b.endRecord(startLine, true);
                        return ((long) length << 32) | (line & 0xFFFF_FFFFL);
                    }
                    fieldStart = open;
                    fieldEnd = i;
                    i++; // the closing quote
                    while (i < length && (d[i] == ' ' || d[i] == '\t')) {
                        i++;
                    }
                    if (i < length && d[i] != ',' && d[i] != '\n' && d[i] != '\r') {
                        bad = true;
                        while (i < length && d[i] != ',' && d[i] != '\n' && d[i] != '\r') {
                            i++;
                        }
                    }
                } else {
                    fieldStart = i;
                    while (i < length) {
                        byte x = d[i];
                        if (x == ',' || x == '\n' || x == '\r') {
                            break;
                        }
                        bad |= x == '"';
                        i++;
                    }
                    fieldEnd = i;
                    while (fieldEnd > fieldStart && (d[fieldEnd - 1] == ' ' || d[fieldEnd - 1] == '\t')) {
                        fieldEnd--;
                    }
                }
                if (i >= length && !eof) {
                    b.dropFields();
                    return ((long) recordStart << 32) | (startLine & 0xFFFF_FFFFL);
                }
                b.addField(fieldStart, fieldEnd, esc);
                if (i < length && d[i] == ',') {
                    i++;
                    continue;
                }
                break;
            }
            // end of the record: a line break or the end of the input
            if (i < length) {
                if (d[i] == '\r') {
                    if (i + 1 >= length && !eof) {
                        b.dropFields();
                        return ((long) recordStart << 32) | (startLine & 0xFFFF_FFFFL);
                    }
                    i += (i + 1 < length && d[i + 1] == '\n') ? 2 : 1;
                } else {
                    i++;
                }
                line++;
            }
            b.endRecord(startLine, bad);
            recordStart = i;
        }
        return ((long) recordStart << 32) | (line & 0xFFFF_FFFFL);
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof UncheckedIOException e) {
            throw e.getCause();
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }

    /** Stops the splitting thread if it is still running (the input was not read to its end). */
    @Override
    public void close() {
        if (!ended) {
            splitter.interrupt();
            ended = true;
        }
    }
}
