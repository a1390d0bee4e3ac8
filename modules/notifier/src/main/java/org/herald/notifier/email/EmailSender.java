package org.herald.notifier.email;

import java.util.Optional;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.Delivery;
import org.herald.notifier.delivery.DeliveryChannel;
import org.herald.notifier.delivery.DeliveryOutcome;

/**
 * Sends one announcement email per delivery, by {@link MemberMail}, to the member's
 * address as it is at send time. A member whose address is suppressed, or none of whose
 * subscriptions matches the announcement any more, gets nothing: the delivery is marked
 * suppressed.
 */
final class EmailSender implements DeliveryChannel {

    private final MemberMail mail;

    private final EmailComposer composer;

    private final AnnouncementStore announcements;

    private final EmailProperties properties;

    EmailSender(MemberMail mail, EmailComposer composer, AnnouncementStore announcements, EmailProperties properties) {
        this.mail = mail;
        this.composer = composer;
        this.announcements = announcements;
        this.properties = properties;
    }

    @Override
    public Settings settings() {
        return new Settings(Channel.EMAIL, this.properties.concurrency(), this.properties.retrySchedule(), 0);
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        Optional<AnnouncementTagged> announcement = this.announcements.find(delivery.announcementId());
        if (announcement.isEmpty()) {
            return DeliveryOutcome.failed("The announcement is no longer stored");
        }
        return this.mail.send(delivery.recipientId(), (member) -> member.wants(announcement.get()),
                (member, links) -> this.composer.compose(announcement.get(),
                        new EmailRecipient(delivery.recipientId(), member.email(), member.name()),
                        delivery.matchedTags(), links));
    }

}
