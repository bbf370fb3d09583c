package io.crmkit.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a model fit with a progress line: the fit runs on a worker thread while the command's
 * thread shows the elapsed time on stderr once it passes about two seconds (only when stderr is a
 * terminal; see {@link Progress}). Exceptions of the fit are rethrown unchanged.
 *
 * <p>Stateless and thread-safe.
 */
final class Fits {

    private Fits() {
    }

    /**
     * Runs {@code fit} and returns its result.
     *
     * @param command the command whose stderr shows progress
     * @param what the phase, such as {@code "fitting pareto-nbd"}
     * @param fit the work
     * @param <T> the result type
     * @return the result of {@code fit}
     */
    static <T> T withProgress(CrmkitCommand command, String what, Supplier<T> fit) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(fit, runnable -> {
            Thread t = new Thread(runnable, "crmkit-fit");
            t.setDaemon(true);
            t.start();
        });
        try (Progress progress = command.progress(what, "")) {
            while (true) {
                try {
                    return future.get(250, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    progress.tick();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException(what + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
