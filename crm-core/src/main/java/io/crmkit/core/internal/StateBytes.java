package io.crmkit.core.internal;

import io.crmkit.core.CustomerId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The shared parts of the aggregations' byte forms (timelines, KPI accumulators): writing and
 * reading a form in {@link DataOutputStream} encoding, customer identifiers as an int length and
 * UTF-8 bytes, and counts checked against what the form's length can hold, so a damaged form is
 * refused by name ("state: ...") instead of allocating what it claims.
 *
 * <p>Internal: not part of the crmkit API. Stateless and thread-safe.
 */
public final class StateBytes {

    private StateBytes() {
    }

    /** Writes part of a form. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes.
         *
         * @param out the stream
         * @throws IOException never from an in-memory stream
         */
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a form. */
    @FunctionalInterface
    public interface Reader {
        /**
         * Reads.
         *
         * @param in the stream
         * @throws IOException at the end of the bytes (truncated) or on malformed text
         */
        void read(DataInputStream in) throws IOException;
    }

    /**
     * Returns the bytes a writer writes.
     *
     * @param sizeHint the expected size in bytes
     * @param writer the writer, not null
     * @return the bytes, never null
     */
    public static byte[] write(int sizeHint, Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(32, sizeHint));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a whole form: the reader must consume every byte.
     *
     * @param state the bytes, not null
     * @param reader the reader, not null
     * @throws IllegalArgumentException "state: truncated", "state: trailing bytes", or the reader's own
     */
    public static void read(byte[] state, Reader reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            reader.read(in);
            if (in.read() != -1) {
                throw new IllegalArgumentException("state: trailing bytes");
            }
        } catch (EOFException e) {
            throw new IllegalArgumentException("state: truncated", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("state: malformed (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes a customer identifier: its UTF-8 length (int) and bytes.
     *
     * @param out the stream, not null
     * @param id the identifier, not null
     * @throws IOException never from an in-memory stream
     */
    public static void writeCustomerId(DataOutputStream out, CustomerId id) throws IOException {
        byte[] bytes = id.value().getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * Reads a customer identifier written by {@link #writeCustomerId}.
     *
     * @param in the stream, not null
     * @param formLength the length of the whole form, the most an identifier can take
     * @return the identifier, never null
     * @throws IOException at the end of the bytes
     * @throws IllegalArgumentException if the length is impossible or the text is not an identifier
     */
    public static CustomerId readCustomerId(DataInputStream in, int formLength) throws IOException {
        byte[] bytes = new byte[count(in.readInt(), formLength, "identifier bytes")];
        in.readFully(bytes);
        return CustomerId.of(new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * Returns a count read from a form, checked against what the form can hold.
     *
     * @param value the count read
     * @param bound the most the form's length allows
     * @param what what is counted, for the message
     * @return the count
     * @throws IllegalArgumentException if the count is negative or beyond the bound
     */
    public static int count(int value, int bound, String what) {
        if (value < 0 || value > bound) {
            throw new IllegalArgumentException("state: " + value + " " + what + " cannot be in a form of this length");
        }
        return value;
    }
}
