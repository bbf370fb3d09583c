package io.crmkit.examples.cli.orders;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a small CSV input as a header and records, in the same format as the order files (see
 * {@link CsvBlocks}: a byte-order mark skipped, empty lines skipped but counted, quoted values that
 * may hold commas, doubled quotes and line breaks, broken quoting flagged per record): for the side
 * files of the commands (points events, memberships, referrals), so that they follow the order
 * files' rules exactly. Values are handed over as text, one list per record.
 *
 * <p>Stateless; {@link #read} may be called from any thread, one input per call.
 */
public final class CsvRecords {

    private CsvRecords() {
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
        try (CsvBlocks blocks = new CsvBlocks(in)) {
            for (CsvBlocks.Block b = blocks.next(); b != null; b = blocks.next()) {
                for (int r = 0; r < b.records; r++) {
                    if (!header) {
                        handler.header(b.texts(r));
                        header = true;
                    } else {
                        handler.record(b.line[r], b.texts(r), b.malformed[r]);
                    }
                }
            }
        }
        return header;
    }
}
