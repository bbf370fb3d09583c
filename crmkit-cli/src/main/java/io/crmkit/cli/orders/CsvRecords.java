package io.crmkit.cli.orders;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The records of a small CSV input, in the same format as the order files (see
 * {@link CsvBlocks}: a byte-order mark skipped, empty lines skipped but counted, quoted values that
 * may hold commas, doubled quotes and line breaks, broken quoting flagged per record), for the
 * side files of the commands (ledger files, points events, memberships, referrals), so that they
 * follow the order files' rules exactly. Two ways in: {@link #read} hands the header and each
 * record to a {@link Handler}; within this package a cursor ({@link #next()} and the accessors)
 * walks the records one at a time.
 *
 * <p>A cursor is used from one thread and closed; {@link #read} may be called from any thread,
 * one input per call.
 */
public final class CsvRecords implements AutoCloseable {

    /** The default maximum length of one record, in bytes (1 MiB); see {@link CsvBlocks}. */
    public static final int DEFAULT_MAX_RECORD_BYTES = CsvBlocks.DEFAULT_MAX_RECORD_BYTES;
    /** The largest maximum record length that may be chosen, in bytes (256 MiB). */
    public static final int MAX_RECORD_BYTES = CsvBlocks.MAX_RECORD_BYTES;

    private final CsvBlocks blocks;
    private CsvBlocks.Block block;
    private int r = -1;

    CsvRecords(InputStream in) {
        this.blocks = new CsvBlocks(in);
    }

    /** Receives the header, then each record with the physical line where it starts. */
    public interface Handler {
        /**
         * Receives the header (the first record).
         *
         * @param names the header's values, not null
         */
        void header(List<String> names);

        /**
         * Receives a record after the header.
         *
         * @param line the physical line where the record starts (the header's is 1 when it is first)
         * @param fields the record's values, unquoted, unquoted values trimmed, not null
         * @param malformed whether its quoting is broken (text after a closing quote, a quote inside
         *     an unquoted value, or a quote left open at the end of the input)
         */
        void record(long line, List<String> fields, boolean malformed);

        /**
         * Receives a record after the header that was longer than the maximum record length and
         * skipped unread. By default it is handed to {@link #record} as a malformed record with no
         * fields.
         *
         * @param line the physical line where the record starts
         * @param maxRecordBytes the maximum in force, in bytes
         */
        default void tooLong(long line, int maxRecordBytes) {
            record(line, List.of(), true);
        }
    }

    /**
     * A {@link Handler} for files whose every row has the header's width: it counts the rows, rejects
     * (with a reason, through the given callback) those that are malformed, too long or of another
     * width, hands the others to {@link #row}, and rejects a row whose {@code row} throws an
     * {@link IllegalArgumentException}, with that exception's message. Used from one thread.
     */
    public abstract static class CheckedRows implements Handler {
        private final java.util.function.BiConsumer<Long, String> rejected;
        private int width;
        private long read;
        private long rejectedRows;

        /**
         * Creates the handler.
         *
         * @param rejected receives each rejected row's line and reason, not null
         */
        protected CheckedRows(java.util.function.BiConsumer<Long, String> rejected) {
            this.rejected = rejected;
        }

        /**
         * Receives the header's names, once, before any row.
         *
         * @param names the header's values, not null
         */
        protected abstract void columns(List<String> names);

        /**
         * Receives a well-formed row of the header's width.
         *
         * @param line the physical line where the row starts
         * @param fields the row's values, not null
         * @throws IllegalArgumentException to reject the row, with the reason as message
         */
        protected abstract void row(long line, List<String> fields);

        @Override
        public final void header(List<String> names) {
            width = names.size();
            columns(names);
        }

        @Override
        public final void record(long line, List<String> fields, boolean malformed) {
            read++;
            try {
                if (malformed) {
                    throw new IllegalArgumentException("is not well-formed CSV (text after a closing quote,"
                            + " a quote inside an unquoted value, or a quote left open)");
                }
                if (fields.size() != width) {
                    throw new IllegalArgumentException("has " + fields.size()
                            + (fields.size() == 1 ? " field" : " fields") + ", the header has " + width);
                }
                row(line, fields);
            } catch (IllegalArgumentException e) {
                reject(line, e.getMessage());
            }
        }

        @Override
        public final void tooLong(long line, int maxRecordBytes) {
            read++;
            reject(line, CsvBlocks.tooLong(maxRecordBytes));
        }

        private void reject(long line, String reason) {
            rejectedRows++;
            rejected.accept(line, reason);
        }

        /** Returns the data rows read (the header not counted). */
        public long read() {
            return read;
        }

        /** Returns the rows rejected. */
        public long rejected() {
            return rejectedRows;
        }
    }

    /**
     * Reads the input to its end.
     *
     * @param in the bytes, UTF-8, already decompressed, not null; not closed
     * @param handler receives the header and the records, not null
     * @return whether there was a header (false for an input without any record)
     * @throws IOException if reading fails
     */
    public static boolean read(InputStream in, Handler handler) throws IOException {
        boolean header = false;
        try (CsvRecords records = new CsvRecords(in)) {
            while (records.next()) {
                if (!header) {
                    records.checkHeader();
                    handler.header(records.texts());
                    header = true;
                } else if (records.oversized()) {
                    handler.tooLong(records.line(), CsvBlocks.DEFAULT_MAX_RECORD_BYTES);
                } else {
                    handler.record(records.line(), records.texts(), records.malformed());
                }
            }
        }
        return header;
    }

    /** Moves to the next record; false after the last. */
    boolean next() throws IOException {
        r++;
        while (block == null || r >= block.records) {
            block = blocks.next();
            if (block == null) {
                return false;
            }
            r = 0;
        }
        return true;
    }

    /** The physical line where the record starts. */
    int line() {
        return block.line[r];
    }

    /** Whether the current record was longer than the maximum and skipped (no fields; malformed too). */
    boolean oversized() {
        return block.oversized[r];
    }

    /** Throws if the current record, a header, was longer than the maximum. */
    void checkHeader() {
        CsvBlocks.checkHeader(block, r, CsvBlocks.DEFAULT_MAX_RECORD_BYTES);
    }

    boolean malformed() {
        return block.malformed[r];
    }

    int fieldCount() {
        return block.fieldCount(r);
    }

    String field(int f) {
        return block.text(r, f);
    }

    List<String> texts() {
        return block.texts(r);
    }

    /** Stops the splitter thread. */
    @Override
    public void close() {
        blocks.close();
    }
}
