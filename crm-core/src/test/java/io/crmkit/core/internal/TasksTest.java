package io.crmkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.junit.jupiter.api.Test;

/** Two pieces of work side by side or one after the other, failures as thrown, and when to split. */
class TasksTest {

    @Test
    void bothRunsTheFirstElsewhereOnlyWhenApart() {
        String here = Thread.currentThread().getName();
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        Tasks.both(false, () -> threads.add("1:" + Thread.currentThread().getName()),
                () -> threads.add("2:" + Thread.currentThread().getName()));
        assertThat(threads).containsExactly("1:" + here, "2:" + here);
        threads.clear();
        Tasks.both(true, () -> threads.add(Thread.currentThread().getName()), () -> { });
        assertThat(threads).hasSize(1).doesNotContain(here);
    }

    @Test
    void failuresAreThrownAsThrownAndTheSecondsWins() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second");
        assertThatThrownBy(() -> Tasks.both(true, () -> {
            throw first;
        }, () -> { })).isSameAs(first);
        assertThatThrownBy(() -> Tasks.both(true, () -> {
            throw first;
        }, () -> {
            throw second;
        })).isSameAs(second);
        assertThatThrownBy(() -> Tasks.both(false, () -> {
            throw first;
        }, () -> { })).isSameAs(first);
    }

    @Test
    void splitsOnlyLargeWorkOutsideAPool() {
        boolean twoCores = Runtime.getRuntime().availableProcessors() > 1;
        assertThat(Tasks.splits(99, 100)).isFalse();
        assertThat(Tasks.splits(100, 100)).isEqualTo(twoCores);
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            // a CompletableFuture's join waits; a ForkJoinTask's get may run the task on this thread
            assertThat(CompletableFuture.supplyAsync(() -> Thread.currentThread() instanceof ForkJoinWorkerThread
                    && !Tasks.splits(1_000, 100), pool).join()).isTrue();
        } finally {
            pool.shutdown();
        }
    }
}
