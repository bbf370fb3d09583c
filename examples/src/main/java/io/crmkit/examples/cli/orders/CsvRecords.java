package io.crmkit.examples.cli.orders;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The records of a small CSV input one at a time, split by {@link CsvBlocks} (the same format
 * rules, line numbers and malformed-record detection as order files), for the readers of ledger
 * files. Use from one thread; close it.
 */
final class CsvRecords implements AutoCloseable {

    private final CsvBlocks blocks;
    private CsvBlocks.Block block;
    private int r = -1;

    CsvRecords(InputStream in) {
        this.blocks = new CsvBlocks(in);
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

    @Override
    public void close() {
        blocks.close();
    }
}
