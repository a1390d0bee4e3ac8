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
 * @param eventKind which event about the announcement it carries
 * @param eventRevision the event's revision: the announcement's for published (0) and
 * updated, the commentary's sequence number for commented
 */
public record NewDelivery(UUID announcementId, Channel channel, UUID recipientId, String recipient,
        List<String> matchedTags, EventKind eventKind, int eventRevision) {

    public NewDelivery {
        Objects.requireNonNull(announcementId, "announcementId");
        Objects.requireNonNull(eventKind, "eventKind");
        if (eventRevision < 0) {
            throw new IllegalArgumentException("eventRevision must not be negative, was " + eventRevision);
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(recipient, "recipient");
        matchedTags = List.copyOf(matchedTags);
    }

    /** A delivery of the announcement as first published. */
    public NewDelivery(UUID announcementId, Channel channel, UUID recipientId, String recipient,
            List<String> matchedTags) {
        this(announcementId, channel, recipientId, recipient, matchedTags, EventKind.PUBLISHED, 0);
    }

}
