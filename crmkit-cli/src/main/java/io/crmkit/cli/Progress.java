package io.crmkit.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress line on stderr for long work: shown only when enabled (stderr is a terminal) and only
 * once the work has taken more than about two seconds, refreshed at most twice a second, erased when
 * closed. Callers report a running count every few thousand items; {@link #update} is cheap.
 *
 * <p>Not thread-safe.
 */
public final class Progress implements AutoCloseable {

    private static final long DELAY_NANOS = 2_000_000_000L;
    private static final long INTERVAL_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private final String unit;
    private final long start = System.nanoTime();
    private long lastShown;
    private int shownWidth;

    /**
     * Creates a progress line.
     *
     * @param err standard error, not null
     * @param enabled whether to show anything at all
     * @param label what is being done, such as {@code "crmkit summarize: reading"}, not null
     * @param unit what is counted, such as {@code "rows"}, not null
     */
    public Progress(PrintWriter err, boolean enabled, String label, String unit) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
        this.unit = unit;
    }

    /**
     * Reports how many items are done.
     *
     * @param done the running count
     */
    public void update(long done) {
        show(done);
    }

    /** Shows the elapsed time alone, for work that cannot count its items (such as a model fit). */
    public void tick() {
        show(-1);
    }

    private void show(long done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < DELAY_NANOS || now - lastShown < INTERVAL_NANOS) {
            return;
        }
        lastShown = now;
        double seconds = (now - start) / 1e9;
        String text = done < 0 ? String.format(Locale.ROOT, "%s (%.1f s)", label, seconds)
                : String.format(Locale.ROOT, "%s: %,d %s (%.1f s)", label, done, unit, seconds);
        err.print("\r" + text + " ".repeat(Math.max(0, shownWidth - text.length())));
        err.flush();
        shownWidth = text.length();
    }

    /** Erases the progress line, if one was shown. */
    @Override
    public void close() {
        if (shownWidth > 0) {
            err.print("\r" + " ".repeat(shownWidth) + "\r");
            err.flush();
            shownWidth = 0;
        }
    }
}
