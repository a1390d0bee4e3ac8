package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Makes the sends of one channel. The dispatcher calls {@link #deliver} from up to
 * {@link #workers()} threads at once (by default {@link #concurrency()}), after the claim
 * on the delivery is committed.
 */
public interface DeliveryChannel {

    /** Which channel this is, and how the dispatcher is to run it. */
    Settings settings();

    default Channel channel() {
        return settings().channel();
    }

    /** How many sends may be under way at once; also the most a crash can repeat. */
    default int concurrency() {
        return settings().concurrency();
    }

    /**
     * How many deliveries the dispatcher may hold for this channel at once, from their
     * claim to their recorded outcome (the workers it runs): {@link #concurrency()} by
     * default. A channel that caps its sends itself may ask for more, so that a worker
     * waiting for the ledger to record its outcome, or for a send slot, holds no slot of
     * a send, and the next claim is made while the last one's deliveries are still being
     * sent. Also the most a crash can send twice.
     */
    default int workers() {
        return concurrency();
    }

    /**
     * How many deliveries the dispatcher may claim beyond its {@link #workers()}, to wait
     * in memory for a free worker: 0 by default. A claim ahead is made while every worker
     * is busy, so a claim's round trips to the ledger overlap the sends, and claims come
     * larger when the queue is deep. What waits was not sent: a crash still repeats at
     * most {@link #workers()} sends; a pause still lets go what was already claimed.
     */
    default int claimAhead() {
        return 0;
    }

    /**
     * The delay before each attempt, the first included; empty to use the notifier's
     * default.
     */
    default List<Duration> retrySchedule() {
        return settings().retrySchedule();
    }

    /**
     * How far each retry delay of the schedule may be moved at random, as a fraction of
     * it, up or down (0.2: ±20 %); 0 for the schedule as it is.
     */
    default double retryJitter() {
        return settings().retryJitter();
    }

    /**
     * Recipients that cannot take a delivery now (their rate limit or their cap on
     * requests under way is reached): a hint, so their deliveries are left for later
     * rather than claimed and deferred.
     */
    default Set<UUID> unavailableRecipients() {
        return Set.of();
    }

    /**
     * Why {@code delivery} may not be sent again by hand (staff resending it), as its
     * recipient is now; empty if it may. Asked before the delivery is put back in the
     * ledger; the send itself checks again.
     */
    default Optional<String> refusesResend(Delivery delivery) {
        return Optional.empty();
    }

    /**
     * Claims up to {@code limit} of this channel's due deliveries for sending (the claim
     * committed before it returns): by default
     * {@link DeliveryLedger#claim(Channel, int, Duration, Set) as the ledger does},
     * leaving the {@link #unavailableRecipients()} alone. A channel with limits of its
     * own claims within them.
     */

    default List<Delivery> claim(DeliveryLedger ledger, int limit, Duration lease) {
        return ledger.claim(channel(), limit, lease, unavailableRecipients());
    }

    /**
     * Told of the deliveries just claimed for it, before any of them is handed to
     * {@link #deliver}: a channel may read at once what their sends will need. Must leave
     * each send correct without it (a failure here is only logged).
     */
    default void claimed(List<Delivery> deliveries) {
    }

    /**
     * Told that a claimed delivery will not be handed to {@link #deliver} (put back
     * unsent by the dispatcher): a channel forgets what {@link #claimed} read for it.
     */
    default void unsent(Delivery delivery) {
    }

    /**
     * Makes one attempt. Never throws for a failure of the recipient: reports it as the
     * outcome.
     */
    DeliveryOutcome deliver(Delivery delivery);

    /**
     * How the dispatcher runs a channel.
     *
     * @param channel which channel
     * @param concurrency how many sends may be under way at once
     * @param retrySchedule the delay before each attempt, the first included; empty for
     * the notifier's default
     * @param retryJitter how far each retry delay may be moved at random, as a fraction
     * of it; 0 for none
     */
    record Settings(Channel channel, int concurrency, List<Duration> retrySchedule, double retryJitter) {

    }

}
