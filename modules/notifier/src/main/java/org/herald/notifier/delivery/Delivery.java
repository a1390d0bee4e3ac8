package org.herald.notifier.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of the delivery ledger: one announcement to one recipient over one channel.
 *
 * @param id the delivery's id; a webhook's {@code webhook-id}, the same on every attempt
 * @param announcementId the announcement
 * @param channel email or webhook
 * @param recipientId the member (email) or partner (webhook)
 * @param recipient the address it goes to: the member's email address or the partner's
 * URL, as they were when the delivery was recorded
 * @param matchedTags the tags of the announcement that made it match, for "why you got
 * this"
 * @param status where it stands
 * @param attempts attempts made or under way
 * @param lastError why the last attempt failed, if it did
 * @param nextAttemptAt when a pending delivery is due
 * @param createdAt when it was recorded
 * @param sentAt when the recipient's server accepted it
 * @param claimToken the token of the current claim, while {@code sending}
 * @param eventKind which event about the announcement it carries
 * @param eventRevision the event's revision (the announcement's, or the commentary's
 * sequence number)
 */
public record Delivery(UUID id, UUID announcementId, Channel channel, UUID recipientId, String recipient,
        List<String> matchedTags, DeliveryStatus status, int attempts, String lastError, Instant nextAttemptAt,
        Instant createdAt, Instant sentAt, UUID claimToken, EventKind eventKind, int eventRevision) {

    public Delivery {
        matchedTags = List.copyOf(matchedTags);
    }

}
