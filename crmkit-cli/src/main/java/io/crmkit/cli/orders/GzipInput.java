package io.crmkit.cli.orders;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;

/**
 * Input that may be gzip-compressed: recognised by gzip's magic bytes (1f 8b), not by the file
 * name; and the one message for a damaged or truncated gzip input. Shared by the order and ledger
 * readers. Stateless and thread-safe.
 */
public final class GzipInput {

    private GzipInput() {
    }

    /**
     * Returns the stream itself (buffered), or its decompressed bytes when it starts with gzip's
     * magic bytes.
     *
     * @param raw the stream, not null; closed with the returned one
     * @return the bytes to read, never null
     * @throws IOException if the first bytes cannot be read or the gzip header is damaged
     */
    public static InputStream decompressed(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 2);
        int first = in.read();
        int second = first < 0 ? -1 : in.read();
        if (second >= 0) {
            in.unread(second);
        }
        if (first >= 0) {
            in.unread(first);
        }
        if (first == 0x1f && second == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedInputStream(in, 1 << 16);
    }

    /**
     * Returns the message for a gzip input that cannot be read to its end.
     *
     * @param where the input, such as a file name or {@code "on standard input"}, not null
     * @param e the decompressor's exception, not null
     * @return the message, never null
     */
    public static String damaged(String where, IOException e) {
        return "cannot read the gzip input " + where + " to its end (" + e.getMessage()
                + "): the file is damaged or truncated; rows before the damage are not used";
    }
}
