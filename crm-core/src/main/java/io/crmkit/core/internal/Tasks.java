package io.crmkit.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
}
