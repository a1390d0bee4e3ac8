package org.herald.notifier.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.notifier.member.Frequency;

import org.springframework.context.SmartLifecycle;

/**
 * Runs each digest period when it ends, and looks for digests due for a retry every poll
 * interval. Every instance runs the schedule; the digest table's unique key makes sure
 * only one of them sends each digest.
 */
final class DigestSchedule implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(DigestSchedule.class);

    private final DigestRun run;

    private final DigestPeriods periods;

    private final Duration retryPollInterval;

    private final Clock clock;

    private volatile ScheduledExecutorService executor;

    DigestSchedule(DigestRun run, DigestPeriods periods, Duration retryPollInterval, Clock clock) {
        this.run = run;
        this.periods = periods;
        this.retryPollInterval = retryPollInterval;
        this.clock = clock;
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
            Thread thread = new Thread(runnable, "herald-digests");
            thread.setDaemon(true);
            return thread;
        });
        this.executor = scheduler;
        for (Frequency frequency : List.of(Frequency.DAILY, Frequency.WEEKLY)) {
            scheduleNext(frequency);
        }
        long poll = Math.max(this.retryPollInterval.toMillis(), 100);
        scheduler.scheduleWithFixedDelay(this::retryDue, poll, poll, TimeUnit.MILLISECONDS);
    }

    private void scheduleNext(Frequency frequency) {
        ScheduledExecutorService scheduler = this.executor;
        if (scheduler == null) {
            return;
        }
        Instant now = this.clock.instant();
        this.periods.currentPeriodEnd(frequency, now).ifPresent((end) -> scheduler.schedule(() -> {
            try {
                this.run.run(frequency, end);
            }
            catch (Throwable ex) {
                logger.error("The " + frequency.value() + " digest run for " + end + " failed; run it again with "
                        + "POST /api/v1/digests/run?frequency=" + frequency.value(), ex);
            }
            finally {
                scheduleNext(frequency);
            }
        }, Math.max(Duration.between(now, end).toMillis(), 0), TimeUnit.MILLISECONDS));
    }

    private void retryDue() {
        try {
            this.run.retryDue();
        }
        catch (Throwable ex) {
            logger.warn("Could not look for digests to retry: " + ex);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = this.executor;
        this.executor = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return this.executor != null;
    }

}
