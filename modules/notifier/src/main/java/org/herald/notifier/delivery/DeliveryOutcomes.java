package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.notifier.privacy.MaskedAddresses;

/**
 * Records what became of each attempt of one channel's deliveries in the ledger — sent,
 * deferred, suppressed, failed, or a retry when its {@link RetrySchedule} says so (sent
 * ones a batch per commit, {@link SentMarks}) — and counts them
 * ({@code herald.<channel>s.sent}, {@code .failed}, {@code .suppressed}).
 */
final class DeliveryOutcomes {

    // Logged under the dispatcher, whose work this is.
    private static final Log logger = LogFactory.getLog(Dispatcher.class);

    private final DeliveryLedger ledger;

    private final SentMarks sentMarks;

    private final String channel;

    private final RetrySchedule schedule;

    private final Counter sent;

    private final Counter failed;

    private final Counter suppressed;

    DeliveryOutcomes(DeliveryLedger ledger, Channel channel, RetrySchedule schedule, MeterRegistry meters) {
        this.ledger = ledger;
        this.sentMarks = new SentMarks(ledger);
        this.channel = channel.value();
        this.schedule = schedule;
        String prefix = "herald." + channel.value() + "s";
        this.sent = Counter.builder(prefix + ".sent")
            .description("Deliveries the recipient's server accepted")
            .register(meters);
        this.failed = Counter.builder(prefix + ".failed")
            .description("Deliveries that failed for good: refused permanently, or out of attempts")
            .register(meters);
        this.suppressed = Counter.builder(prefix + ".suppressed")
            .description("Deliveries not sent on purpose: not on the allowlist, or a suppressed address")
            .register(meters);
    }

    void record(Delivery delivery, DeliveryOutcome outcome) {
        if (outcome instanceof DeliveryOutcome.Sent sent) {
            if (sent.marked() ? sent.claimHeld() : this.sentMarks.markSent(delivery)) {
                this.sent.increment();
            }
            if (logger.isDebugEnabled()) {
                logger.debug("Sent " + this.channel + " delivery " + delivery.id());
            }
        }
        else if (outcome instanceof DeliveryOutcome.Deferred deferred) {
            this.ledger.defer(delivery, deferred.delay());
            if (logger.isDebugEnabled()) {
                logger.debug("Deferred " + this.channel + " delivery " + delivery.id() + " by " + deferred.delay());
            }
        }
        else if (outcome instanceof DeliveryOutcome.Suppressed suppressed) {
            if (this.ledger.markSuppressed(delivery, suppressed.reason())) {
                this.suppressed.increment();
            }
            logger.info("Suppressed " + this.channel + " delivery " + delivery.id() + ": "
                    + MaskedAddresses.maskAll(suppressed.reason()));
        }
        else if (outcome instanceof DeliveryOutcome.Failed failed) {
            fail(delivery, failed.error());
        }
        else if (outcome instanceof DeliveryOutcome.Retry retry) {
            Optional<Duration> delay = this.schedule.retryAfter(delivery.attempts(), retry.notBefore());
            if (delay.isEmpty()) {
                fail(delivery, "Gave up after " + delivery.attempts() + " attempts: " + retry.error());
                return;
            }
            this.ledger.scheduleRetry(delivery, retry.error(), delay.get());
            logger.info("Attempt " + delivery.attempts() + " of " + this.channel + " delivery " + delivery.id()
                    + " failed (" + MaskedAddresses.maskAll(retry.error()) + "); next attempt in " + delay.get());
        }
    }

    private void fail(Delivery delivery, String error) {
        if (this.ledger.markFailed(delivery, error)) {
            this.failed.increment();
        }
        logger.warn(this.channel + " delivery " + delivery.id() + " failed: " + MaskedAddresses.maskAll(error));
    }

}
