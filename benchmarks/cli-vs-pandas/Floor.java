import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A lower bound for the reading part of {@code crmkit rfm} on the generated files of {@code run.sh}
 * ({@code customer_id,date,amount}, decimal ids below 2^22, ISO dates after 1970, positive amounts of at most two
 * decimals, LF line ends): the least work anything doing the job does on this machine. Two threads
 * read their half of the file in 4 MiB chunks and parse each row (id, day, amount in cents); the
 * per-customer purchases, revenue and last day are then aggregated. No validation, no row
 * accounting, no identifier other than a small number, no sorting, scoring or output.
 *
 * <p>Two ways to aggregate: {@code direct} updates per-thread arrays indexed by the id as each row
 * is parsed (one likely cache miss a row), {@code partitioned} appends the rows to 256 ranges of
 * ids and aggregates one range at a time, the ranges on two threads (the ranges' customers fit in
 * the cache). Prints the seconds of each step and a checksum; a row this parser cannot read stops
 * it with its byte offset.
 *
 * <p>Run: {@code java -XX:+UseParallelGC -Xms2g -Xmx2g benchmarks/cli-vs-pandas/Floor.java FILE direct|partitioned}.
 * Not part of the build: a measuring stick (benchmarks/RESULTS.md, issue 12).
 */
public final class Floor {

    private static final int MAX_ID = 1 << 22;
    private static final int CHUNK = 4 << 20;
    private static final int RANGE_BITS = 14;
    private static final int RANGES = MAX_ID >>> RANGE_BITS;

    /** Receives each parsed row. */
    private interface Sink {
        void row(int id, int day, long cents);
    }

    /** Rows of one range of ids: the id, and the cents shifted left 20 bits over the day. */
    private static final class Range {
        int n;
        int[] id = new int[1 << 12];
        long[] value = new long[1 << 12];

        void add(int customer, long packed) {
            if (n == id.length) {
                id = Arrays.copyOf(id, n * 2);
                value = Arrays.copyOf(value, n * 2);
            }
            id[n] = customer;
            value[n++] = packed;
        }
    }

    private Floor() {
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date. */
    private static int epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    }

    private static void parse(FileChannel ch, long from, long to, Sink sink) {
        byte[] d = new byte[CHUNK + 1024];
        ByteBuffer bb = ByteBuffer.wrap(d);
        long pos = from;
        int carry = 0;
        try {
            while (pos < to) {
                int want = (int) Math.min(CHUNK, to - pos);
                bb.clear().position(carry).limit(carry + want);
                while (bb.hasRemaining()) {
                    if (ch.read(bb, pos + (bb.position() - carry)) < 0) {
                        throw new IllegalStateException("the file ended early at byte " + (pos + bb.position()));
                    }
                }
                pos += want;
                int n = carry + want;
                int end = n;
                if (pos < to) {
                    while (end > 0 && d[end - 1] != '\n') {
                        end--;
                    }
                }
                int i = 0;
                while (i < end) {
                    int rowStart = i;
                    int id = 0;
                    byte c;
                    while ((c = d[i]) != ',') {
                        id = id * 10 + (c - '0');
                        i++;
                    }
                    i++;
                    int y = (d[i] - '0') * 1000 + (d[i + 1] - '0') * 100 + (d[i + 2] - '0') * 10 + (d[i + 3] - '0');
                    int m = (d[i + 5] - '0') * 10 + (d[i + 6] - '0');
                    int day = (d[i + 8] - '0') * 10 + (d[i + 9] - '0');
                    i += 11;
                    long cents = 0;
                    int decimals = -1;
                    while ((c = d[i]) != '\n') {
                        if (c == '.') {
                            decimals = 0;
                        } else {
                            cents = cents * 10 + (c - '0');
                            decimals += decimals >= 0 ? 1 : 0;
                        }
                        i++;
                    }
                    i++;
                    cents *= decimals < 0 ? 100 : decimals == 1 ? 10 : 1;
                    if (id < 0 || id >= MAX_ID || m < 1 || m > 12 || decimals > 2) {
                        throw new IllegalStateException("a row this parser cannot read near byte "
                                + (pos - n + rowStart));
                    }
                    sink.row(id, epochDay(y, m, day), cents);
                }
                carry = n - end;
                System.arraycopy(d, end, d, 0, carry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void bothHalves(FileChannel ch, long start, long mid, long size, Sink first, Sink second)
            throws InterruptedException {
        Thread other = new Thread(() -> parse(ch, mid, size, second));
        other.start();
        parse(ch, start, mid, first);
        other.join();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[1].equals("direct") || args[1].equals("partitioned"))) {
            throw new IllegalArgumentException("usage: Floor FILE direct|partitioned");
        }
        long t0 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(Path.of(args[0]))) {
            long size = ch.size();
            long start = lineAfter(ch, 0);
            long mid = lineAfter(ch, size / 2);
            int[] count = new int[MAX_ID];
            long[] sum = new long[MAX_ID];
            int[] last = new int[MAX_ID];
            Arrays.fill(last, Integer.MIN_VALUE);
            long t1;
            if (args[1].equals("direct")) {
                int[] count2 = new int[MAX_ID];
                long[] sum2 = new long[MAX_ID];
                int[] last2 = new int[MAX_ID];
                Arrays.fill(last2, Integer.MIN_VALUE);
                bothHalves(ch, start, mid, size, (id, day, cents) -> {
                    count[id]++;
                    sum[id] += cents;
                    last[id] = Math.max(last[id], day);
                }, (id, day, cents) -> {
                    count2[id]++;
                    sum2[id] += cents;
                    last2[id] = Math.max(last2[id], day);
                });
                t1 = System.nanoTime();
                for (int k = 0; k < MAX_ID; k++) {
                    count[k] += count2[k];
                    sum[k] += sum2[k];
                    last[k] = Math.max(last[k], last2[k]);
                }
            } else {
                Range[] a = ranges();
                Range[] b = ranges();
                bothHalves(ch, start, mid, size, (id, day, cents) -> a[id >>> RANGE_BITS].add(id, cents << 20 | day),
                        (id, day, cents) -> b[id >>> RANGE_BITS].add(id, cents << 20 | day));
                t1 = System.nanoTime();
                Thread upper = new Thread(() -> aggregate(a, b, RANGES / 2, RANGES, count, sum, last));
                upper.start();
                aggregate(a, b, 0, RANGES / 2, count, sum, last);
                upper.join();
            }
            long t2 = System.nanoTime();
            long customers = 0;
            long purchases = 0;
            long cents = 0;
            for (int k = 0; k < MAX_ID; k++) {
                customers += count[k] > 0 ? 1 : 0;
                purchases += count[k];
                cents += sum[k];
            }
            System.out.printf(Locale.ROOT, "%s: read and parse %.3f s, aggregate %.3f s, total %.3f s;"
                    + " %d customers, %d purchases, %d cents%n", args[1], (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    (t2 - t0) / 1e9, customers, purchases, cents);
        }
    }

    private static Range[] ranges() {
        Range[] r = new Range[RANGES];
        for (int k = 0; k < RANGES; k++) {
            r[k] = new Range();
        }
        return r;
    }

    /** Aggregates ranges [from, to) of both halves; the days are after 1970 and before 2^20 days. */
    private static void aggregate(Range[] a, Range[] b, int from, int to, int[] count, long[] sum, int[] last) {
        for (int k = from; k < to; k++) {
            for (Range r : new Range[] {a[k], b[k]}) {
                for (int j = 0; j < r.n; j++) {
                    int id = r.id[j];
                    long v = r.value[j];
                    count[id]++;
                    sum[id] += v >>> 20;
                    last[id] = Math.max(last[id], (int) (v & 0xFFFFF));
                }
            }
        }
    }

    /** The offset of the first line that starts after {@code at} (the second line when at is 0). */
    private static long lineAfter(FileChannel ch, long at) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        ch.read(b, at);
        for (int i = 0; i < b.position(); i++) {
            if (b.get(i) == '\n') {
                return at + i + 1;
            }
        }
        throw new IllegalStateException("no line break within 64 KiB of byte " + at);
    }
}
