package org.herald.notifier.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff sending one delivery again (the admin API's retry, the console's resend): the
 * delivery is put back in the ledger, due now with a fresh schedule, and the dispatcher
 * sends it as any other. Refused, with the reason, while it is being sent, when it was
 * suppressed by a cancelled or still held fan-out, and when its channel refuses it as its
 * recipient now is (an email: the member erased, their address suppressed, or
 * unsubscribed from what it is about, {@link DeliveryChannel#refusesResend}).
 */
public class Resends {

    private final DeliveryLedger ledger;

    private final JdbcClient jdbc;

    private final Supplier<List<DeliveryChannel>> channels;

    private final Runnable wake;

    public Resends(DeliveryLedger ledger, JdbcClient jdbc, Supplier<List<DeliveryChannel>> channels, Runnable wake) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.channels = channels;
        this.wake = wake;
    }

    /** Sends the delivery again, unless a rule refuses it. */
    public Result resend(UUID id) {
        return resend(id, null);
    }

    /**
     * Sends the delivery again, unless a rule refuses it; as if there were none unless it
     * is one of {@code announcementId}'s (any announcement's if null).
     */
    public Result resend(UUID id, @Nullable UUID announcementId) {
        Optional<Delivery> found = this.ledger.find(id);
        if (found.isEmpty() || (announcementId != null && !found.get().announcementId().equals(announcementId))) {
            return new Result.NotFound();
        }
        Delivery delivery = found.get();
        if (delivery.status() == DeliveryStatus.SENDING) {
            return new Result.Refused("It is being sent right now");
        }
        Optional<String> hold = this.jdbc
            .sql("SELECT state FROM notifier.announcement_hold WHERE announcement_id = :id AND state <> 'approved'")
            .param("id", delivery.announcementId())
            .query(String.class)
            .optional();
        if (hold.isPresent()) {
            return new Result.Refused("The announcement's fan-out is " + hold.get()
                    + ("held".equals(hold.get()) ? ": approve it first" : " by staff: nothing of it is sent"));
        }
        for (DeliveryChannel channel : this.channels.get()) {
            if (channel.channel() == delivery.channel()) {
                Optional<String> refused = channel.refusesResend(delivery);
                if (refused.isPresent()) {
                    return new Result.Refused(refused.get());
                }
            }
        }
        Optional<Delivery> requeued = this.ledger.resend(id);
        if (requeued.isEmpty()) {
            return new Result.Refused("It is being sent right now");
        }
        this.wake.run();
        return new Result.Requeued(requeued.get());
    }

    /** What became of a resend. */
    public sealed interface Result {

        /**
         * Put back in the ledger, due now.
         *
         * @param delivery the delivery as it now is
         */
        record Requeued(Delivery delivery) implements Result {
        }

        /** There is no such delivery. */
        record NotFound() implements Result {
        }

        /**
         * Not sent again.
         *
         * @param reason why, in a sentence for staff
         */
        record Refused(String reason) implements Result {
        }

    }

}
