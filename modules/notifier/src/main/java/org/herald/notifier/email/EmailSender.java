package org.herald.notifier.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.AnnouncementStore;
import org.herald.notifier.delivery.Channel;
import org.herald.notifier.delivery.CommentaryStore;
import org.herald.notifier.delivery.Delivery;
import org.herald.notifier.delivery.DeliveryChannel;
import org.herald.notifier.delivery.DeliveryOutcome;
import org.herald.notifier.delivery.EventCache;
import org.herald.notifier.delivery.EventKind;
import org.herald.notifier.member.Member;
import org.herald.notifier.member.Members;
import org.herald.notifier.member.StoryFollowers;
import org.jspecify.annotations.Nullable;

/**
 * Sends one announcement email per delivery, by {@link MemberMail}, to the member's
 * address as it is at send time: the revision the delivery carries, headed "Updated:" for
 * an update, with the association's commentary (the version a {@code commented} delivery
 * carries, else the latest). A member whose address is suppressed, or none of whose
 * subscriptions matches the announcement any more, gets nothing: the delivery is marked
 * suppressed. A story's follow-up (a delivery matched on no tag) goes to its followers
 * whatever their subscriptions, while they follow it; unsubscribing from everything ends
 * the stories too
 * ({@link Member#wants(AnnouncementTagged, boolean, java.util.function.BooleanSupplier)},
 * the rule a change of subscriptions applies).
 */
final class EmailSender implements DeliveryChannel {

    private final MemberMail mail;

    private final EmailComposer composer;

    private final AnnouncementStore announcements;

    private final CommentaryStore commentaries;

    private final MemberLinks links;

    private final Members members;

    private final StoryFollowers followers;

    private final EmailProperties properties;

    /**
     * How long an announcement read for one email serves the next ones of the same event:
     * a change made by another instance (a re-tag, a new commentary) reaches the emails
     * within this time; one made by this instance, at once.
     */
    static final Duration CONTENT_TTL = Duration.ofSeconds(1);

    private static final int CONTENTS = 64;

    /** The members read with the claim, by delivery, until its send takes them. */
    private final Map<UUID, Member> claimedMembers = new ConcurrentHashMap<>();

    /** What each event's emails show of its announcement, read once a moment. */
    private final EventCache<Optional<Content>> contents;

    EmailSender(MemberMail mail, EmailComposer composer, AnnouncementStore announcements, CommentaryStore commentaries,
            Members members, StoryFollowers followers, MemberLinks links, EmailProperties properties) {
        this.members = members;
        this.followers = followers;
        this.links = links;
        this.mail = mail;
        this.composer = composer;
        this.announcements = announcements;
        this.commentaries = commentaries;
        this.properties = properties;
        this.contents = new EventCache<>(announcements, commentaries, CONTENT_TTL, CONTENTS);
    }

    @Override
    public Settings settings() {
        return new Settings(Channel.EMAIL, this.properties.concurrency(), this.properties.retrySchedule(), 0);
    }

    /**
     * As many as the concurrency, claimed while the workers still send the last claim's
     * emails, so a worker that finishes finds its next email waiting rather than waiting
     * for a claim's round trips, and claims come twice as large (a statement, a commit
     * and the members' two reads per 16 emails rather than per 8). What waits was not
     * sent, and none of it is sent once a sent mark has failed (the dispatcher puts it
     * back): a crash or a database outage repeats no more than before. None with a rate
     * limit, where they would wait for the limit's slots with their lease running.
     */
    @Override
    public int claimAhead() {
        return (this.properties.rate() > 0) ? 0 : this.properties.concurrency();
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
        return this.mail.refuses(delivery.recipientId(), (member) -> wants(member, announcement.get(), delivery));
    }

    /**
     * Reads the members of the claimed deliveries in one go (two queries a claim rather
     * than two an email), for their sends moments later; a member the read did not find
     * is read again at the send.
     */
    @Override
    public void claimed(List<Delivery> deliveries) {
        Map<UUID, Member> found = this.members.findAll(deliveries.stream().map(Delivery::recipientId).toList());
        for (Delivery delivery : deliveries) {
            Member member = found.get(delivery.recipientId());
            if (member != null) {
                this.claimedMembers.put(delivery.id(), member);
            }
        }
    }

    @Override
    public void unsent(Delivery delivery) {
        this.claimedMembers.remove(delivery.id());
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery) {
        Optional<Content> found = content(delivery);
        if (found.isEmpty()) {
            return DeliveryOutcome.failed("The announcement is no longer stored");
        }
        Content content = found.get();
        if (delivery.eventKind() == EventKind.COMMENTED && content.commentary() == null) {
            return DeliveryOutcome.failed("The commentary is no longer stored");
        }
        AnnouncementTagged announcement = content.announcement();
        EmailEvent event = new EmailEvent(delivery.eventKind(), delivery.eventRevision(), content.commentary(),
                content.followsUp(), "");
        return this.mail.send(delivery.recipientId(), this.claimedMembers.remove(delivery.id()),
                (member) -> wants(member, announcement, delivery),
                (member, links) -> this.composer.encode(announcement,
                        event.withFollowLink(this.links.follow(delivery.recipientId(), delivery.announcementId())),
                        new EmailRecipient(delivery.recipientId(), member.email(), member.name()),
                        delivery.matchedTags(), links));
    }

    /**
     * {@link Member#wants(AnnouncementTagged, boolean, java.util.function.BooleanSupplier)}:
     * a delivery matched on no tag was queued because the member follows its story, and
     * goes only while they still do (asked of the database, for such deliveries alone).
     */
    private boolean wants(Member member, AnnouncementTagged announcement, Delivery delivery) {
        return member.wants(announcement, delivery.matchedTags().isEmpty(),
                () -> this.followers.follows(member.id(), delivery.announcementId()));
    }

    /**
     * What the delivery's email says of its announcement: read from the database, or as
     * read for another delivery of the same event less than {@link #CONTENT_TTL} ago and
     * before any change this instance made since (a fan-out reads it once a moment, not
     * once a member).
     */
    private Optional<Content> content(Delivery delivery) {
        return this.contents.get(delivery, this::read, Optional::isPresent);
    }

    private Optional<Content> read(Delivery delivery) {
        Optional<AnnouncementTagged> announcement = this.announcements.find(delivery);
        if (announcement.isEmpty()) {
            return Optional.empty();
        }
        String commentary = this.commentaries.forDelivery(delivery, announcement.get());
        List<EmailEvent.FollowedUp> followsUp = new ArrayList<>();
        for (UUID followed : announcement.get().follows()) {
            this.announcements.find(followed)
                .ifPresent((earlier) -> followsUp.add(new EmailEvent.FollowedUp(EmailComposer.subject(earlier.title()),
                        EmailComposer.linkOrEmpty(earlier.url()))));
        }
        return Optional.of(new Content(announcement.get(), commentary, List.copyOf(followsUp)));
    }

    /** An announcement as one event's emails show it. */
    private record Content(AnnouncementTagged announcement, @Nullable String commentary,
            List<EmailEvent.FollowedUp> followsUp) {
    }

}
