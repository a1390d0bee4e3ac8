package org.herald.notifier.delivery;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A delivery to record: an announcement matched a recipient.
 *
 * @param announcementId the announcement
 * @param channel email or webhook
 * @param recipientId the member or partner
 * @param recipient the member's email address or the partner's URL
 * @param matchedTags the announcement's tags that matched
 */
public record NewDelivery(UUID announcementId, Channel channel, UUID recipientId, String recipient,
        List<String> matchedTags) {

    public NewDelivery {
        Objects.requireNonNull(announcementId, "announcementId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(recipient, "recipient");
        matchedTags = List.copyOf(matchedTags);
    }

}
