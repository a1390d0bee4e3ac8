package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Sends what the ledger holds: claims due deliveries, at most each channel's
 * {@link DeliveryChannel#workers() workers} at a time (once at least half its workers are
 * free, so claims come in batches; a channel with more workers than sends under way has
 * its next claim made while the last one still sends), hands each to its channel on a
 * bounded pool of worker threads, and has the outcome recorded ({@link DeliveryOutcomes})
 * — sent, a retry on the channel's {@link RetrySchedule}, or failed. Runs when
 * {@link #wake() woken} (after an intake commits, or a send finishes) and every poll
 * interval, so retries come due and expired claims are reclaimed.
 * <p>
 * Once an outcome could not be recorded (the ledger is unreachable: a sent mark that
 * failed means an email the next claimant sends again), no delivery claimed before that
 * is started: each is put back unsent, or, while the ledger stays unreachable, left to
 * its lease. So what a database outage repeats stays what was being sent when it began,
 * whatever the claims ahead of the workers hold.
 */
public class Dispatcher implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(Dispatcher.class);

    private final DeliveryLedger ledger;

    private final List<Lane> lanes;

    private final Duration pollInterval;

    private final Duration lease;

    private volatile boolean running;

    public Dispatcher(DeliveryLedger ledger, List<DeliveryChannel> channels, RetrySchedules schedules,
            MeterRegistry meters, Duration pollInterval, Duration lease) {
        this.ledger = ledger;
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.lanes = new ArrayList<>();
        for (DeliveryChannel channel : channels) {
            RetrySchedule schedule = schedules.of(channel.channel()).withJitter(channel.retryJitter());
            this.lanes
                .add(new Lane(channel, new DeliveryOutcomes(ledger, channel.channel(), schedule, meters), meters));
        }
    }

    /**
     * Looks for due deliveries now, rather than at the next poll. Cheap; safe to call
     * from any thread.
     */
    public void wake() {
        for (Lane lane : this.lanes) {
            lane.wake();
        }
    }

    /**
     * Claims for one lane, on its own thread: a channel's claims never wait for
     * another's.
     */
    private void dispatch(Lane lane) {
        lane.wakeQueued.set(false);
        try {
            claimAndSend(lane);
        }
        catch (Throwable ex) {
            // Any Throwable: one escaping a scheduled task would end the polling for
            // good.
            logger.warn("Could not claim " + lane.channel.channel().value()
                    + " deliveries; trying again at the next poll: " + ex);
        }
    }

    private void claimAndSend(Lane lane) {
        while (true) {
            if (lane.free.availablePermits() < lane.claimBatch) {
                return; // claimed when more workers are free: fewer, larger claims
            }
            int free = lane.free.drainPermits();
            if (free == 0) {
                return;
            }
            // Read before the claim: a failure recorded from here on holds back its
            // sends.
            long failures = lane.recordFailures.get();
            List<Delivery> claimed;
            try {
                claimed = lane.channel.claim(this.ledger, free, this.lease);
            }
            catch (Throwable ex) {
                lane.free.release(free);
                throw ex;
            }
            lane.free.release(free - claimed.size());
            if (!claimed.isEmpty()) {
                try {
                    lane.channel.claimed(claimed);
                }
                catch (RuntimeException ex) {
                    logger.warn("Could not read ahead for the " + claimed.size() + " claimed "
                            + lane.channel.channel().value() + " deliveries; each reads alone: " + ex);
                }
            }
            for (Delivery delivery : claimed) {
                lane.workers.execute(() -> {
                    try {
                        if (lane.recordFailures.get() == failures) {
                            send(lane, delivery);
                        }
                        else {
                            putBack(lane, delivery);
                        }
                    }
                    finally {
                        lane.free.release();
                        // Only once a claim would be made: the claiming thread returns
                        // at once with fewer places free (a wake-up of it per send).
                        if (lane.free.availablePermits() >= lane.claimBatch) {
                            lane.wake();
                        }
                    }
                });
            }
            if (claimed.size() < free) {
                return;
            }
        }
    }

    private void send(Lane lane, Delivery delivery) {
        DeliveryOutcome outcome;
        try {
            outcome = lane.channel.deliver(delivery);
        }
        catch (Throwable ex) {
            // Any Throwable, an Error too (a StackOverflowError, an OutOfMemoryError
            // that left the heap once the send's buffers went): the worker lives on and
            // the delivery is retried on its schedule, rather than left claimed.
            logger.warn("Delivery " + delivery.id() + " failed unexpectedly; it will be retried", ex);
            outcome = DeliveryOutcome.retry("Unexpected failure: " + ex);
        }
        try {
            lane.outcomes.record(delivery, outcome);
        }
        catch (Throwable ex) {
            lane.recordFailures.incrementAndGet();
            logger.warn("Could not record the outcome of delivery " + delivery.id() + " (" + outcome
                    + "); it stays claimed and is reclaimed after the lease", ex);
        }
    }

    /**
     * Puts back, unsent and its attempt not counted, a delivery claimed before an outcome
     * could not be recorded; while the ledger stays unreachable it stays claimed until
     * its lease ends.
     */
    private void putBack(Lane lane, Delivery delivery) {
        lane.channel.unsent(delivery);
        try {
            lane.outcomes.record(delivery, DeliveryOutcome.deferred(Duration.ZERO));
            lane.putBack.increment();
        }
        catch (Throwable ex) {
            lane.recordFailures.incrementAndGet();
            if (logger.isDebugEnabled()) {
                logger.debug("Could not put back delivery " + delivery.id()
                        + ", claimed before the ledger failed; it is reclaimed after the lease: " + ex);
            }
        }
    }

    @Override
    public void start() {
        long millis = Math.max(this.pollInterval.toMillis(), 10);
        for (Lane lane : this.lanes) {
            ScheduledExecutorService executor = Executors
                .newSingleThreadScheduledExecutor(threads("herald-dispatch-" + lane.channel.channel().value()));
            lane.loop = executor;
            executor.scheduleWithFixedDelay(() -> dispatch(lane), 0, millis, TimeUnit.MILLISECONDS);
        }
        this.running = true;
    }

    @Override
    public void stop() {
        if (!this.running) {
            return;
        }
        this.running = false;
        List<ScheduledExecutorService> loops = new ArrayList<>();
        for (Lane lane : this.lanes) {
            ScheduledExecutorService executor = lane.loop;
            lane.loop = null;
            if (executor != null) {
                executor.shutdownNow();
                loops.add(executor);
            }
        }
        for (Lane lane : this.lanes) {
            lane.workers.shutdown();
        }
        try {
            for (ScheduledExecutorService executor : loops) {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
            for (Lane lane : this.lanes) {
                if (!lane.workers.awaitTermination(20, TimeUnit.SECONDS)) {
                    logger.warn("Sends still under way at shutdown; they are reclaimed after the lease");
                    lane.workers.shutdownNow();
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        // Started before, and stopped after, the Kafka listeners and the web server:
        // nothing is taken in while
        // the dispatcher is down, and sends under way get time to finish.
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return (runnable) -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private final class Lane {

        private final DeliveryChannel channel;

        private final DeliveryOutcomes outcomes;

        private final ExecutorService workers;

        /**
         * Free places in the lane's window: deliveries claimed and not yet recorded take
         * one each, whether sending or waiting for a worker.
         */
        private final Semaphore free;

        /**
         * The fewest free places worth a claim (a statement and a commit): half the
         * window (the workers and the claims ahead of them).
         */
        private final int claimBatch;

        private final AtomicBoolean wakeQueued = new AtomicBoolean();

        /**
         * Outcomes that could not be recorded, ever: a claim made before the count moved
         * starts no send.
         */
        private final AtomicLong recordFailures = new AtomicLong();

        /** Deliveries put back unsent because the ledger failed after their claim. */
        private final Counter putBack;

        /** The lane's claiming thread, while the dispatcher runs. */
        private volatile @Nullable ScheduledExecutorService loop;

        Lane(DeliveryChannel channel, DeliveryOutcomes outcomes, MeterRegistry meters) {
            int workers = Math.max(channel.concurrency(), channel.workers());
            int window = workers + Math.max(0, channel.claimAhead());
            this.claimBatch = Math.max(1, window / 2);
            this.channel = channel;
            this.outcomes = outcomes;
            this.workers = Executors.newFixedThreadPool(workers, threads("herald-" + channel.channel().value()));
            this.free = new Semaphore(window);
            this.putBack = Counter.builder("herald." + channel.channel().value() + "s.put.back")
                .description("Claimed deliveries put back unsent: an outcome could not be recorded after their claim")
                .register(meters);
        }

        void wake() {
            ScheduledExecutorService current = this.loop;
            if (current != null && this.wakeQueued.compareAndSet(false, true)) {
                try {
                    current.execute(() -> Dispatcher.this.dispatch(this));
                }
                catch (RuntimeException ex) {
                    this.wakeQueued.set(false); // shutting down
                }
            }
        }

    }

}
