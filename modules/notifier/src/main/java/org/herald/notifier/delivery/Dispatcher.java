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

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Sends what the ledger holds: claims due deliveries, at most each channel's concurrency
 * at a time (once at least half its workers are free, so claims come in batches), hands
 * each to its channel on a bounded pool of worker threads, and has the outcome recorded
 * ({@link DeliveryOutcomes}) — sent, a retry on the channel's {@link RetrySchedule}, or
 * failed. Runs when {@link #wake() woken} (after an intake commits, or a send finishes)
 * and every poll interval, so retries come due and expired claims are reclaimed.
 */
public class Dispatcher implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(Dispatcher.class);

    private final DeliveryLedger ledger;

    private final List<Lane> lanes;

    private final Duration pollInterval;

    private final Duration lease;

    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    private volatile ScheduledExecutorService loop;

    public Dispatcher(DeliveryLedger ledger, List<DeliveryChannel> channels, RetrySchedules schedules,
            MeterRegistry meters, Duration pollInterval, Duration lease) {
        this.ledger = ledger;
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.lanes = new ArrayList<>();
        for (DeliveryChannel channel : channels) {
            RetrySchedule schedule = schedules.of(channel.channel()).withJitter(channel.retryJitter());
            this.lanes.add(new Lane(channel, new DeliveryOutcomes(ledger, channel.channel(), schedule, meters)));
        }
    }

    /**
     * Looks for due deliveries now, rather than at the next poll. Cheap; safe to call
     * from any thread.
     */
    public void wake() {
        ScheduledExecutorService current = this.loop;
        if (current != null && this.wakeQueued.compareAndSet(false, true)) {
            try {
                current.execute(this::dispatch);
            }
            catch (RuntimeException ex) {
                this.wakeQueued.set(false); // shutting down
            }
        }
    }

    private void dispatch() {
        this.wakeQueued.set(false);
        for (Lane lane : this.lanes) {
            try {
                dispatch(lane);
            }
            catch (Throwable ex) {
                // Any Throwable: one escaping a scheduled task would end the polling
                // for good.
                logger.warn("Could not claim " + lane.channel.channel().value()
                        + " deliveries; trying again at the next poll: " + ex);
            }
        }
    }

    private void dispatch(Lane lane) {
        while (true) {
            if (lane.free.availablePermits() < lane.claimBatch) {
                return; // claimed when more workers are free: fewer, larger claims
            }
            int free = lane.free.drainPermits();
            if (free == 0) {
                return;
            }
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
                        send(lane, delivery);
                    }
                    finally {
                        lane.free.release();
                        wake();
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
            logger.warn("Could not record the outcome of delivery " + delivery.id() + " (" + outcome
                    + "); it stays claimed and is reclaimed after the lease", ex);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(threads("herald-dispatch"));
        this.loop = executor;
        long millis = Math.max(this.pollInterval.toMillis(), 10);
        executor.scheduleWithFixedDelay(this::dispatch, 0, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = this.loop;
        this.loop = null;
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        for (Lane lane : this.lanes) {
            lane.workers.shutdown();
        }
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
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
        return this.loop != null;
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

    private static final class Lane {

        private final DeliveryChannel channel;

        private final DeliveryOutcomes outcomes;

        private final ExecutorService workers;

        private final Semaphore free;

        /**
         * The fewest free workers worth a claim (a statement and a commit): half the
         * pool.
         */
        private final int claimBatch;

        Lane(DeliveryChannel channel, DeliveryOutcomes outcomes) {
            this.claimBatch = Math.max(1, channel.concurrency() / 2);
            this.channel = channel;
            this.outcomes = outcomes;
            this.workers = Executors.newFixedThreadPool(channel.concurrency(),
                    threads("herald-" + channel.channel().value()));
            this.free = new Semaphore(channel.concurrency());
        }

    }

}
