package org.herald.notifier.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.herald.events.AnnouncementTagged;
import org.jspecify.annotations.Nullable;

/**
 * A member and their subscriptions.
 *
 * @param id the member's id
 * @param email the address emails go to
 * @param name the member's name, if given
 * @param organisation the member's organisation, if given
 * @param subscriptions what they want to hear about
 * @param createdAt when they were added
 * @param suppressedAt when their address was suppressed (a permanent SMTP failure), or
 * null
 * @param suppressedReason why it was suppressed, or null
 * @param consent what they agreed to, when and how; null only for a member whose consent
 * was never recorded
 */
public record Member(UUID id, String email, String name, String organisation, List<Subscription> subscriptions,
        Instant createdAt, Instant suppressedAt, String suppressedReason, @Nullable Consent consent) {

    public Member {
        subscriptions = List.copyOf(subscriptions);
    }

    /** Whether no email may go to this member's address. */
    public boolean suppressed() {
        return this.suppressedAt != null;
    }

    /**
     * Whether one of the member's subscriptions, as they are now, matches
     * {@code announcement}: asked again when a member changes what they follow, and at
     * send time.
     */
    public boolean wants(AnnouncementTagged announcement) {
        return this.subscriptions.stream()
            .anyMatch((subscription) -> subscription.interest().match(announcement).isPresent());
    }

    /**
     * Whether an email queued for this member is still wanted: the one rule asked when
     * they change what they follow, before a resend and at send time. One of their
     * subscriptions matches the announcement, or the email follows up a story they still
     * follow (it was queued on no tag, because they follow the story). Unsubscribing from
     * everything ends their stories too, so then nothing is wanted.
     * @param announcement the announcement the email is about
     * @param storyFollowUp whether it was queued as a story's follow-up (on no tag)
     * @param followsStory whether the member follows the announcement's story now; asked
     * only of a follow-up their subscriptions do not match
     */
    public boolean wants(AnnouncementTagged announcement, boolean storyFollowUp, BooleanSupplier followsStory) {
        return wants(announcement) || (storyFollowUp && followsStory.getAsBoolean());
    }

}
