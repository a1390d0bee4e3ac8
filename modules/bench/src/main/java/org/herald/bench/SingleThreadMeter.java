package org.herald.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Runs a task over the announcements, round after round on the calling thread, and
 * measures how many it does a second and how many bytes the thread allocates for each
 * (through {@link com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()}).
 */
final class SingleThreadMeter {

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    /** Consumed results, so the JIT cannot drop the work. */
    private long sink;

    /**
     * Runs {@code task} over the announcements for about {@code seconds} and measures it.
     */
    Figures run(List<Announcement> announcements, ToIntFunction<Announcement> task, double seconds) {
        long budget = (long) (seconds * 1_000_000_000L);
        long count = 0;
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long elapsed;
        do {
            for (Announcement announcement : announcements) {
                this.sink += task.applyAsInt(announcement);
            }
            count += announcements.size();
            elapsed = System.nanoTime() - start;
        }
        while (elapsed < budget);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        return new Figures(count, elapsed, allocated);
    }

    long sink() {
        return this.sink;
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("This JVM cannot measure allocation per thread");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }

    /** One round: how many, in how long, allocating how much. */
    record Figures(long count, long nanos, long allocatedBytes) {

        double perSecond() {
            return this.count * 1e9 / this.nanos;
        }

        double bytesPerItem() {
            return (double) this.allocatedBytes / this.count;
        }

    }

}
