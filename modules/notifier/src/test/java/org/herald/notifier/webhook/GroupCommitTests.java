package org.herald.notifier.webhook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class GroupCommitTests {

    @Test
    void writesEachItemOnceAndReturnsOnlyOnceItIsWritten() throws Exception {
        Set<Integer> written = ConcurrentHashMap.newKeySet();
        List<Integer> duplicates = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger writing = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        GroupCommit<Integer> commits = new GroupCommit<>((batch) -> {
            mostAtOnce.accumulateAndGet(writing.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            batch.forEach((item) -> {
                if (!written.add(item)) {
                    duplicates.add(item);
                }
            });
            writing.decrementAndGet();
        }, 3);
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                int item = i;
                results.add(threads.submit(() -> {
                    commits.write(item);
                    return written.contains(item);
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(written).hasSize(2_000);
        assertThat(duplicates).isEmpty();
        assertThat(mostAtOnce.get()).isBetween(1, 3);
    }

    @Test
    void aFailedBatchFailsEachOfItsItems() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String> commits = new GroupCommit<>((batch) -> {
            if (batch.contains("first")) {
                writing.countDown();
                await(release);
                return;
            }
            throw new IllegalStateException("disk full");
        }, 1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> first = threads.submit(() -> commits.write("first"));
            writing.await(10, TimeUnit.SECONDS);
            Future<?> second = threads.submit(() -> commits.write("second"));
            Future<?> third = threads.submit(() -> commits.write("third"));
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> failed : List.of(second, third)) {
                assertThatIllegalStateException().isThrownBy(() -> {
                    try {
                        failed.get(10, TimeUnit.SECONDS);
                    }
                    catch (java.util.concurrent.ExecutionException ex) {
                        throw (RuntimeException) ex.getCause();
                    }
                }).withMessage("disk full");
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
