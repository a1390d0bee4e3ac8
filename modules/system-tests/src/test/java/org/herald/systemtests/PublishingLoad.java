package org.herald.systemtests;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Announcements posted at a steady rate, each a new page, whatever the answers: the
 * publisher's callers during a fault. Every answer is kept with when its request started
 * and ended.
 */
final class PublishingLoad implements AutoCloseable {

    private final Announcements announcements;

    private final String prefix;

    private final boolean matching;

    private final AtomicInteger sequence = new AtomicInteger();

    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

    private final ExecutorService callers = Executors.newFixedThreadPool(16);

    /**
     * @param matching whether the announcements are the MoU (emailed to the members) or
     * match nobody
     * @param perSecond posts started per second
     */
    PublishingLoad(Announcements announcements, String prefix, boolean matching, int perSecond) {
        this.announcements = announcements;
        this.prefix = prefix;
        this.matching = matching;
        this.clock.scheduleAtFixedRate(() -> this.callers.execute(this::post), 0, 1000 / perSecond,
                TimeUnit.MILLISECONDS);
    }

    private void post() {
        String page = this.prefix + "-load-" + this.sequence.incrementAndGet();
        long started = System.nanoTime();
        int status = this.matching ? this.announcements.postMatching(page) : this.announcements.postUnmatched(page);
        this.outcomes.add(new Outcome(Announcements.id(page), status, started, System.nanoTime()));
    }

    List<Outcome> outcomes() {
        return List.copyOf(this.outcomes);
    }

    long acceptedStartedAfter(long nanos) {
        return this.outcomes.stream().filter((outcome) -> outcome.status == 202 && outcome.started - nanos > 0).count();
    }

    /** Stops posting and waits for the posts under way to be answered. */
    @Override
    public void close() throws InterruptedException {
        this.clock.shutdownNow();
        this.callers.shutdown();
        if (!this.callers.awaitTermination(2, TimeUnit.MINUTES)) {
            this.callers.shutdownNow();
        }
    }

    record Outcome(UUID id, int status, long started, long ended) {

        boolean within(long from, long to) {
            return this.started - from >= 0 && to - this.ended >= 0;
        }

    }

}
