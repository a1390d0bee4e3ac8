package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Makes the sends of one channel. The dispatcher calls {@link #deliver} from up to
 * {@link #concurrency()} threads at once, after the claim on the delivery is committed.
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
