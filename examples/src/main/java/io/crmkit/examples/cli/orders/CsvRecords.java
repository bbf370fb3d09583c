package io.crmkit.examples.cli.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The records of a CSV input with the physical line where each starts, parsed by Jackson's CSV
 * parser on a background thread and handed over in batches, so that parsing and the processing of
 * the records run on two cores. At most a few batches are in flight (bounded memory).
 *
 * <p>Parsing: unquoted values trimmed of spaces, quoted values may span lines (counted in the line
 * numbers), blank lines skipped. A record is the array of its values, as many as it has.
 *
 * <p>Use from one thread; {@link #close()} stops the parser thread if the input was not read to its
 * end.
 */
final class CsvRecords implements AutoCloseable {

    private static final CsvFactory CSV = CsvFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final int BATCH = 4096;
    private static final int IN_FLIGHT = 4;

    /** Records and their first lines; the last batch has {@code last} set and maybe a failure. */
    static final class Batch {
        final String[][] records = new String[BATCH][];
        final int[] lines = new int[BATCH];
        int size;
        boolean last;
        Throwable failure;
    }

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final Thread parser;
    private boolean ended;
    private Throwable failure;

    CsvRecords(InputStream in) {
        parser = new Thread(() -> parse(in), "crmkit-csv-parser");
        parser.setDaemon(true);
        parser.start();
    }

    private void parse(InputStream in) {
        Batch batch = new Batch();
        int depth = 0;
        int line = 0;
        try (CsvParser p = CSV.createParser(in)) {
            p.setSchema(CsvSchema.emptySchema());
            String[] values = new String[16];
            int count = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL) {
                    if (count == values.length) {
                        values = Arrays.copyOf(values, count * 2);
                    }
                    values[count++] = t == JsonToken.VALUE_NULL ? "" : p.getText();
                } else if (t == JsonToken.START_ARRAY) {
                    if (++depth == 2) {
                        line = p.currentLocation().getLineNr();
                        count = 0;
                    }
                } else if (t == JsonToken.END_ARRAY && depth-- == 2) {
                    batch.records[batch.size] = Arrays.copyOf(values, count);
                    batch.lines[batch.size++] = line;
                    if (batch.size == BATCH) {
                        queue.put(batch);
                        batch = new Batch();
                    }
                }
            }
        } catch (InterruptedException e) {
            return;
        } catch (JsonProcessingException e) {
            int found = e.getLocation().getLineNr();
            int at = depth == 2 ? line : found;
            batch.failure = new InvalidInputException("line " + at + ": not well-formed CSV: " + e.getOriginalMessage()
                    + (at != found ? " (found on line " + found + ")" : ""), e);
        } catch (Throwable e) {
            batch.failure = e;
        }
        batch.last = true;
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            // closed by the reader: nobody waits for the end any more
        }
    }

    /**
     * Returns the next batch of records, or null after the last. When parsing failed, the records
     * before the failure are returned first and the next call throws.
     *
     * @throws InvalidInputException if the input is not well-formed CSV
     * @throws IOException if reading fails
     */
    Batch next() throws IOException {
        if (ended) {
            rethrow(failure);
            return null;
        }
        Batch batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the input");
        }
        if (batch.last) {
            // the records before a failure are returned first; the failure with the next call
            ended = true;
            failure = batch.failure;
        }
        return batch;
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof UncheckedIOException e) {
            throw e.getCause();
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }

    /** Stops the parser thread if it is still running (the input was not read to its end). */
    @Override
    public void close() {
        if (!ended) {
            parser.interrupt();
            ended = true;
        }
    }
}
