package org.herald.notifier.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.CommentaryStore;
import org.herald.notifier.delivery.Delivery;
import org.herald.notifier.delivery.DeliveryChannel;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.delivery.EventKind;

/**
 * Sends one announcement email per delivery, by {@link MemberMail}, to the member's
 * address as it is at send time: the revision the delivery carries, headed "Updated:" for
 * an update, with the association's commentary (the version a {@code commented} delivery
 * carries, else the latest). A member whose address is suppressed, or none of whose
 * subscriptions matches the announcement any more, gets nothing: the delivery is marked
 * suppressed. A story's follow-up (a delivery matched on no tag) goes to its followers
 * whatever their subscriptions; unsubscribing from everything ends the stories too.
 */
final class EmailSender implements DeliveryChannel {

    private final MemberMail mail;

    private final EmailComposer composer;

    private final AnnouncementStore announcements;

    private final CommentaryStore commentaries;

    private final MemberLinks links;

    private final EmailProperties properties;

    EmailSender(MemberMail mail, EmailComposer composer, AnnouncementStore announcements, CommentaryStore commentaries,
            MemberLinks links, EmailProperties properties) {
        this.links = links;
        this.mail = mail;
        this.composer = composer;
        this.announcements = announcements;
        this.commentaries = commentaries;
        this.properties = properties;
    }

    @Override
    public Settings settings() {
        return new Settings(Channel.EMAIL, this.properties.concurrency(), this.properties.retrySchedule(), 0);
    }

    /**
     * The rules of a send, asked before a resend: never to a member who was erased, whose
     * address is suppressed, or who no longer follows what it is about.
     */
    @Override
    public Optional<String> refusesResend(Delivery delivery) {
        Optional<AnnouncementTagged> announcement = this.announcements.find(delivery);
        if (announcement.isEmpty()) {
            return Optional.of("The announcement is no longer stored");
        }
        boolean story = delivery.matchedTags().isEmpty();
        return this.mail.refuses(delivery.recipientId(), (member) -> story || member.wants(announcement.get()));
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        Optional<AnnouncementTagged> announcement = this.announcements.find(delivery);
        if (announcement.isEmpty()) {
            return DeliveryOutcome.failed("The announcement is no longer stored");
        }
        String commentary = this.commentaries.forDelivery(delivery, announcement.get());
        if (delivery.eventKind() == EventKind.COMMENTED && commentary == null) {
            return DeliveryOutcome.failed("The commentary is no longer stored");
        }
        List<EmailEvent.FollowedUp> followsUp = new ArrayList<>();
        for (UUID followed : announcement.get().follows()) {
            this.announcements.find(followed)
                .ifPresent((earlier) -> followsUp.add(new EmailEvent.FollowedUp(EmailComposer.subject(earlier.title()),
                        EmailComposer.linkOrEmpty(earlier.url()))));
        }
        EmailEvent event = new EmailEvent(delivery.eventKind(), delivery.eventRevision(), commentary, followsUp, "");
        boolean story = delivery.matchedTags().isEmpty();
        return this.mail.send(delivery.recipientId(), (member) -> story || member.wants(announcement.get()),
                (member, links) -> this.composer.compose(announcement.get(),
                        event.withFollowLink(this.links.follow(delivery.recipientId(), delivery.announcementId())),
                        new EmailRecipient(delivery.recipientId(), member.email(), member.name()),
                        delivery.matchedTags(), links));
    }

}
