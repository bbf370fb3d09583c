package io.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Checks that every port contract makes of the streams and threads of a repository. */
final class StreamChecks {

    private StreamChecks() {
    }

    /** Fails when a repository method returned a null stream. */
    static <X> Stream<X> notNull(Stream<X> stream, String call) {
        assertThat(stream).as("%s must not return null", call).isNotNull();
        return stream;
    }

    /** Reads a stream to the end and closes it. */
    static <X> List<X> drain(Stream<X> stream, String call) {
        try (Stream<X> s = notNull(stream, call)) {
            return s.collect(Collectors.toList());
        }
    }

    /** Closes a stream twice (after reading one element, or none): harmless, close handlers run once. */
    static <X> void closeTwice(Stream<X> stream, boolean consumeOne, String call) {
        AtomicInteger handlerRuns = new AtomicInteger();
        Stream<X> s = notNull(stream, call).onClose(handlerRuns::incrementAndGet);
        if (consumeOne) {
            Iterator<X> it = s.iterator();
            if (it.hasNext()) {
                assertThat(it.next()).as("first element of %s", call).isNotNull();
            }
        }
        assertThatCode(() -> {
            s.close();
            s.close();
        }).as("closing %s twice must be harmless", call).doesNotThrowAnyException();
        assertThat(handlerRuns).as("close handlers of %s must run exactly once", call).hasValue(1);
    }

    /**
     * Runs eight readers on four threads at once; each must return exactly {@code expected}.
     *
     * @param reader makes reader {@code k} (0 to 7)
     * @param what what is read, for the messages ("records", "customers")
     */
    static <X> void readConcurrently(List<X> expected, IntFunction<Callable<List<X>>> reader, String what) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<X>>> results = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                results.add(pool.submit(reader.apply(k)));
            }
            for (Future<List<X>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS))
                        .as("%s read by a thread while others read too", what)
                        .containsExactlyElementsOf(expected);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading concurrently", e);
        } catch (ExecutionException e) {
            throw new AssertionError("a concurrent reader failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("a concurrent reader did not finish within 60 seconds", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
