package io.crmkit.cli.orders;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
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
 * <p>Small inputs cost little: blocks are made as they are needed, the first one is
 * {@value #FIRST_BLOCK_BYTES} bytes (the later ones 1 MiB), and an input shorter than
 * {@value #SMALL_INPUT_BYTES} bytes is split on the calling thread while it is constructed, with no
 * second thread. (A fuzzer or a service reading many small files would otherwise spend most of
 * each read allocating and clearing 10 MiB of blocks and starting a thread.)
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
 * <h2>Limits</h2>
 * A record longer than the chosen maximum ({@link #DEFAULT_MAX_RECORD_BYTES} unless stated) is not
 * split into fields: its bytes are skipped to its end (as the quoting rules above find it) without
 * being kept, and it is handed over as an {@linkplain Block#oversized oversized} record with no
 * fields, so that the reader rejects that row alone, with its line, and goes on. Memory stays
 * bounded by the maximum whatever one record's size.
 *
 * <p>Use from one thread; {@link #close()} stops the splitting thread if the input was not read
 * to its end.
 */
final class CsvBlocks implements AutoCloseable {

    /** Blocks that exist at once: one being filled, the others queued or being processed. */
    static final int IN_FLIGHT = 4;
    private static final int BLOCK_BYTES = 1 << 20;
    /** The size of the first block: enough for a small file, grown to {@code BLOCK_BYTES} once one is full. */
    static final int FIRST_BLOCK_BYTES = 1 << 16;
    /** An input shorter than this is read at once and split without a second thread. */
    static final int SMALL_INPUT_BYTES = FIRST_BLOCK_BYTES / 2;
    /** The default maximum length of one record, in bytes: 1 MiB, far beyond any real export's lines. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;
    /** The largest maximum that may be chosen: 256 MiB. */
    public static final int MAX_RECORD_BYTES = 1 << 28;
    private static final int SKIP_CHUNK = 1 << 16;

    /**
     * A block of whole records: their bytes and, per record, where each field lies and the line
     * where the record starts. Field {@code f} of record {@code r} spans bytes
     * {@code [start(r, f), end(r, f))}; a quoted field with doubled quotes inside has
     * {@link #escaped} set and must be read with {@link #text}.
     */
    static final class Block {
        byte[] data;
        int records;
        int[] line;
        int[] firstField;
        int[] fieldStart;
        int[] fieldEnd;
        boolean[] escaped;
        boolean[] malformed;
        /** Per record: longer than the maximum, so skipped (no fields; {@link #malformed} is set too). */
        boolean[] oversized;
        /** Room for a {@link BlockHook} to leave per-record results in (it sizes them itself). */
        long[] firstValue = new long[0];
        long[] secondValue = new long[0];
        byte[] flags = new byte[0];
        int fields;
        boolean last;
        Throwable failure;

        Block(int bytes) {
            size(bytes);
        }

        /** Makes room for {@code bytes} of data and their likely records and fields (more are grown). */
        private void size(int bytes) {
            data = new byte[bytes];
            int records = bytes >>> 5;
            int fields = bytes >>> 3;
            line = new int[records];
            firstField = new int[records + 1];
            malformed = new boolean[records];
            oversized = new boolean[records];
            fieldStart = new int[fields];
            fieldEnd = new int[fields];
            escaped = new boolean[fields];
        }

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
                oversized = Arrays.copyOf(oversized, n);
                firstField = Arrays.copyOf(firstField, n + 1);
            }
            line[records] = startLine;
            malformed[records] = bad;
            oversized[records] = false;
            firstField[++records] = fields;
        }

        /** Ends a record that was too long: no fields, malformed and oversized. */
        private void endOversized(int startLine) {
            dropFields();
            endRecord(startLine, true);
            oversized[records - 1] = true;
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
         * @param readerWaiting whether no block was waiting for the reader when this one was split:
         *     the reader is idle or about to be, so work that it can do itself is better left to it
         */
        void onBlock(Block block, boolean readerWaiting);
    }

    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(IN_FLIGHT);
    /** The splitting thread, or null when a small input was split while constructing. */
    private final Thread splitter;
    /** Blocks made so far, at most {@link #IN_FLIGHT}; used by the splitting side only. */
    private int made;
    /** The size of the blocks to fill: {@link #FIRST_BLOCK_BYTES}, then 1 MiB once one was full. */
    private int blockBytes = FIRST_BLOCK_BYTES;
    private final BlockHook hook;
    private final int maxRecordBytes;
    private Block current;
    private boolean ended;
    private Throwable failure;

    CsvBlocks(InputStream in) {
        this(in, null, DEFAULT_MAX_RECORD_BYTES);
    }

    /**
     * Starts splitting an input, with work done on each block on the splitting thread.
     *
     * @param in the bytes, not null; read to the end, not closed
     * @param hook the work on each block, or null for none
     * @param maxRecordBytes the longest record split into fields, in bytes, from 1 to
     *     {@link #MAX_RECORD_BYTES}; longer ones are handed over as oversized
     * @throws IllegalArgumentException if {@code maxRecordBytes} is out of range
     */
    CsvBlocks(InputStream in, BlockHook hook, int maxRecordBytes) {
        this.hook = hook;
        this.maxRecordBytes = checkMaxRecordBytes(maxRecordBytes);
        // read the start: an input that ends within it is split here, with no thread
        byte[] head = new byte[SMALL_INPUT_BYTES];
        int n = 0;
        boolean whole = false;
        IOException headFailure = null;
        try {
            while (n < head.length) {
                int k = in.read(head, n, head.length - n);
                if (k < 0) {
                    whole = true;
                    break;
                }
                n += k;
            }
        } catch (IOException e) {
            headFailure = e;
        }
        if (headFailure != null) {
            // as when reading fails later: the block being filled is not handed over, next() throws
            splitter = null;
            Block failed = new Block(0);
            failed.failure = new UncheckedIOException(headFailure);
            failed.last = true;
            full.add(failed);
        } else if (whole) {
            // at most one block, the last: it fits in the queue, so nothing waits for a reader
            splitter = null;
            split(new ByteArrayInputStream(head, 0, n));
        } else {
            InputStream rest = new SequenceInputStream(new ByteArrayInputStream(head, 0, n), in);
            splitter = new Thread(() -> split(rest), "crmkit-csv-splitter");
            splitter.setDaemon(true);
            splitter.start();
        }
    }

    /**
     * Returns an empty block to fill, of the current block size: a new one while fewer than
     * {@link #IN_FLIGHT} exist, otherwise one the reader gave back (waiting for it).
     */
    private Block emptyBlock() throws InterruptedException {
        Block b = free.poll();
        if (b == null && made < IN_FLIGHT) {
            made++;
            b = new Block(blockBytes);
        } else if (b == null) {
            b = free.take();
        }
        if (b.data.length < blockBytes) {
            b.size(blockBytes);
        }
        b.clear();
        return b;
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

    /**
     * Checks a maximum record length.
     *
     * @param maxRecordBytes the maximum, in bytes
     * @return the maximum
     * @throws IllegalArgumentException unless it is from 1 to {@link #MAX_RECORD_BYTES}
     */
    static int checkMaxRecordBytes(int maxRecordBytes) {
        if (maxRecordBytes < 1 || maxRecordBytes > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("the maximum record length must be from 1 to " + MAX_RECORD_BYTES
                    + " bytes: " + maxRecordBytes);
        }
        return maxRecordBytes;
    }

    /**
     * Says why an oversized record was rejected, for a row's report.
     *
     * @param maxRecordBytes the maximum in force
     * @return the reason, never null
     */
    static String tooLong(int maxRecordBytes) {
        return "is longer than " + maxRecordBytes + " bytes, the maximum record length (--max-record-bytes);"
                + " it was skipped unread";
    }

    /**
     * Checks that a header record was not too long.
     *
     * @param b the block, not null
     * @param r the header's record
     * @param maxRecordBytes the maximum in force
     * @throws InvalidInputException if the header is oversized
     */
    static void checkHeader(Block b, int r, int maxRecordBytes) {
        if (b.oversized[r]) {
            throw new InvalidInputException("line " + b.line[r] + ": the header is longer than " + maxRecordBytes
                    + " bytes, the maximum record length (--max-record-bytes)");
        }
    }

    /**
     * Refuses input that is not UTF-8 text at its start: a UTF-16 or UTF-32 byte-order mark, or NUL
     * bytes in the first line (UTF-16 or UTF-32 without a mark; no CSV text holds NUL), with a hint
     * to convert it. Read as UTF-8, such a file would give a header of garbled names and every row
     * rejected one by one.
     *
     * @throws InvalidInputException naming line 1 and what was found
     */
    static void checkEncoding(byte[] d, int length) {
        String found = null;
        if (length >= 4 && d[0] == (byte) 0xFF && d[1] == (byte) 0xFE && d[2] == 0 && d[3] == 0) {
            found = "a UTF-32LE byte-order mark";
        } else if (length >= 4 && d[0] == 0 && d[1] == 0 && d[2] == (byte) 0xFE && d[3] == (byte) 0xFF) {
            found = "a UTF-32BE byte-order mark";
        } else if (length >= 2 && d[0] == (byte) 0xFF && d[1] == (byte) 0xFE) {
            found = "a UTF-16LE byte-order mark";
        } else if (length >= 2 && d[0] == (byte) 0xFE && d[1] == (byte) 0xFF) {
            found = "a UTF-16BE byte-order mark";
        } else {
            for (int i = 0; i < Math.min(length, 4096) && d[i] != '\n'; i++) {
                if (d[i] == 0) {
                    found = "NUL bytes in its first line (UTF-16 or UTF-32 without a byte-order mark)";
                    break;
                }
            }
        }
        if (found != null) {
            throw new InvalidInputException("line 1: the file is not UTF-8 text: it starts with " + found
                    + "; convert it to UTF-8 first, e.g. iconv -f UTF-16 -t UTF-8 (or -f UTF-32)");
        }
    }

    private void split(InputStream in) {
        Block block = null;
        try {
            block = emptyBlock();
            byte[] carry = new byte[0];
            int carried = 0;
            int line = 1;
            boolean first = true;
            boolean eof = false;
            while (!eof) {
                byte[] data = block.data;
                if (carried > maxRecordBytes) {
                    // an unfinished record already over the limit: skip to its end, keep nothing of it
                    long skipped = skipRecord(in, carry, carried);
                    block.endOversized(line);
                    line += (int) (skipped >>> 32);
                    carried = (int) skipped;
                    if (carried < 0) {
                        eof = true;
                        break;
                    }
                }
                if (carried > data.length / 2) {
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
                if (first) {
                    checkEncoding(data, length);
                }
                if (first && length >= 3 && data[0] == (byte) 0xEF && data[1] == (byte) 0xBB
                        && data[2] == (byte) 0xBF) {
                    from = 3;
                }
                first = false;
                long state = tokenize(block, from, length, line, eof, maxRecordBytes);
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
                blockBytes = BLOCK_BYTES; // the input goes on past a full block: the next ones are full size
                if (block.records > 0) {
                    if (hook != null) {
                        hook.onBlock(block, full.isEmpty());
                    }
                    full.put(block);
                    block = emptyBlock();
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
                hook.onBlock(block, full.isEmpty());
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
    private static long tokenize(Block b, int from, int length, int line, boolean eof, int maxRecordBytes) {
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
            if (i - recordStart > maxRecordBytes) {
                b.endOversized(startLine);
            } else {
                b.endRecord(startLine, bad);
            }
            recordStart = i;
        }
        return ((long) recordStart << 32) | (line & 0xFFFF_FFFFL);
    }

    /**
     * Skips the rest of a record too long to keep: {@code carry[0, carried)} holds its start (from
     * the beginning of the record), the input the rest. Finds the record's end with the splitting
     * rules (a quote opens a quoted value only at a field's start; a doubled quote inside one is a
     * quote; a line break ends the record outside quoted values) and moves the bytes read after it
     * to the start of {@code carry}.
     *
     * @return the line breaks read, its own included (high half), and the number of bytes now in
     *     {@code carry} (low half), or -1 there when the input ended inside the record
     */
    private static long skipRecord(InputStream in, byte[] carry, int carried) throws IOException {
        final int fieldStart = 0;
        final int unquoted = 1;
        final int quoted = 2;
        final int quoteSeen = 3;
        final int afterQuoted = 4;
        int state = fieldStart;
        long lines = 0;
        boolean lastWasCr = false;
        byte[] chunk = carry;
        int n = carried;
        while (true) {
            for (int i = 0; i < n; i++) {
                byte c = chunk[i];
                boolean lineBreak = c == '\r' || (c == '\n' && !lastWasCr);
                boolean crLf = c == '\n' && lastWasCr;
                lastWasCr = c == '\r';
                if (crLf) {
                    continue; // the second half of a \r\n already counted
                }
                if (lineBreak && state != quoted) {
                    // the end of the record; a \n right after a \r belongs to it
                    lines++;
                    int next = i + 1;
                    if (c == '\r') {
                        if (next == n) {
                            int b = in.read();
                            if (b < 0) {
                                return lines << 32;
                            }
                            if (b != '\n') {
                                carry[0] = (byte) b;
                                return (lines << 32) | 1L;
                            }
                            return lines << 32;
                        }
                        if (chunk[next] == '\n') {
                            next++;
                        }
                    }
                    int rest = n - next;
                    System.arraycopy(chunk, next, carry, 0, rest);
                    return (lines << 32) | rest;
                }
                if (lineBreak) {
                    lines++;
                    continue;
                }
                state = switch (state) {
                    case fieldStart -> c == '"' ? quoted : c == ',' || c == ' ' || c == '\t' ? fieldStart : unquoted;
                    case unquoted -> c == ',' ? fieldStart : unquoted;
                    case quoted -> c == '"' ? quoteSeen : quoted;
                    case quoteSeen -> c == '"' ? quoted : c == ',' ? fieldStart : afterQuoted;
                    default -> c == ',' ? fieldStart : afterQuoted;
                };
            }
            if (chunk == carry) {
                chunk = new byte[Math.min(SKIP_CHUNK, carry.length)]; // what is left over must fit in carry
            }
            n = in.read(chunk, 0, chunk.length);
            if (n < 0) {
                return (lines << 32) | 0xFFFF_FFFFL;
            }
        }
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
            if (splitter != null) {
                splitter.interrupt();
            }
            ended = true;
        }
    }
}
