package org.herald.notifier.delivery;

import java.time.Duration;
import java.util.List;

/**
 * Makes the sends of one channel. The dispatcher calls {@link #deliver} from up to
 * {@link #concurrency()} threads at once, after the claim on the delivery is committed.
 */
public interface DeliveryChannel {

    Channel channel();

    /** How many sends may be under way at once; also the most a crash can repeat. */
    int concurrency();

    /** The delay before each attempt, the first included; empty to use the notifier's default. */
    List<Duration> retrySchedule();

    /**
     * Makes one attempt. Never throws for a failure of the recipient: reports it as the outcome.
     */
    DeliveryOutcome deliver(Delivery delivery);

}
