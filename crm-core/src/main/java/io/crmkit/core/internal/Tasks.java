package io.crmkit.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Waiting for work handed to another thread, so that a failure there reads as it would have read
 * on the calling thread.
 *
 * <p>Internal: not part of the crmkit API. Stateless and thread-safe.
 */
public final class Tasks {

    private Tasks() {
    }

    /**
     * Waits for a task and returns its result; an exception or error it threw is thrown here as it
     * was thrown there, not wrapped in a {@link CompletionException}.
     *
     * @param <T> the result type
     * @param task the task, not null
     * @return its result
     */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Whether work over {@code size} items (rows, patterns) is worth a second thread: at least
     * {@code min} items, a machine of two cores or more, and this thread not a fork-join pool's
     * (work that already runs beside other work).
     *
     * @param size the items
     * @param min the fewest items worth it
     * @return whether to split the work in two
     */
    public static boolean splits(int size, int min) {
        return size >= min && Runtime.getRuntime().availableProcessors() > 1
                && !(Thread.currentThread() instanceof ForkJoinWorkerThread);
    }

    /**
     * Runs two independent pieces of work: {@code first} on another thread and {@code second} on
     * this one when {@code apart}, else both here, one after the other; returns when both are done.
     * A failure is thrown as it was thrown (the second's when both fail).
     *
     * @param apart whether to run them side by side (see {@link #splits})
     * @param first the first piece, not null
     * @param second the second piece, not null
     */
    public static void both(boolean apart, Runnable first, Runnable second) {
        if (!apart) {
            first.run();
            second.run();
            return;
        }
        CompletableFuture<Void> other = CompletableFuture.runAsync(first);
        try {
            second.run();
        } catch (RuntimeException | Error e) {
            // the first piece is let finish (it shares the caller's arrays); this failure is the one thrown
            other.handle((v, ignored) -> v).join();
            throw e;
        }
        join(other);
    }
}
