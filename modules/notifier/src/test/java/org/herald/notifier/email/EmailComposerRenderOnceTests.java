package org.herald.notifier.email;

import java.util.List;
import java.util.UUID;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.Announcements;
import org.herald.notifier.delivery.EventKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The composer renders an announcement's templates once and fills in each member's links:
 * every email must be exactly the one the templates write for that member alone.
 */
class EmailComposerRenderOnceTests {

    private final EmailComposer composer = new EmailComposer(EmailComposer.templateEngine(),
            "Herald <herald@example.org>", "herald.example.org", "The Association");

    @Test
    void eachMembersEmailIsTheOneTheTemplatesWriteForThemAlone() {
        AnnouncementTagged mou = Announcements.criticalMineralsMou();
        List<EmailEvent> events = List.of(new EmailEvent(EventKind.PUBLISHED, 0, null),
                new EmailEvent(EventKind.UPDATED, 2, "**Act** now & <b>then</b>",
                        List.of(new EmailEvent.FollowedUp("An earlier one", "https://www.gov.uk/earlier")), ""),
                new EmailEvent(EventKind.COMMENTED, 3, "What it means: [more](https://example.org/a?b=1&c=2)"));
        for (EmailEvent event : events) {
            for (int member = 0; member < 4; member++) {
                UUID memberId = UUID.randomUUID();
                String base = (member % 2 == 0) ? "https://herald.example.org"
                        : "https://herald.example.org/a&b=\"c'<d>é";
                MemberLinks.Links links = new MemberLinks.Links(base + "/unsubscribe?token=u" + memberId,
                        base + "/preferences?token=p" + memberId);
                EmailEvent withFollow = (member < 2) ? event.withFollowLink(base + "/follow?token=f" + memberId)
                        : event;
                EmailRecipient recipient = new EmailRecipient(memberId, "m" + member + "@example.org",
                        (member == 3) ? null : "Member <" + member + "> & co");

                ComposedEmail email = this.composer.compose(mou, withFollow, recipient, List.of("critical-minerals"),
                        links);
                ComposedEmail alone = this.composer.composeUncached(mou, withFollow, recipient,
                        List.of("critical-minerals"), links);

                assertThat(email).isEqualTo(alone);
                assertThat(email.text()).contains(links.unsubscribe()).contains(links.preferences());
                assertThat(email.html()).doesNotContain("hrld");
            }
        }
    }

    @Test
    void aChangedAnnouncementIsRenderedAfresh() {
        AnnouncementTagged mou = Announcements.criticalMineralsMou();
        MemberLinks.Links links = new MemberLinks.Links("https://h.example/unsubscribe?token=u",
                "https://h.example/preferences?token=p");
        EmailRecipient recipient = new EmailRecipient(UUID.randomUUID(), "ada@example.org", "Ada");
        this.composer.compose(mou, recipient, List.of("critical-minerals"), links);
        AnnouncementTagged retitled = new AnnouncementTagged(mou.id(), mou.source(), mou.externalId(), mou.url(),
                "A new title", mou.summary(), mou.body(), mou.publishedAt(), mou.organisation(), mou.documentType(),
                mou.receivedAt(), mou.tags(), mou.relevance(), mou.taxonomyVersion(), mou.taggedAt(), mou.revision(),
                mou.updateType(), mou.changeNote(), mou.commentary(), mou.follows());

        ComposedEmail email = this.composer.compose(retitled, recipient, List.of("critical-minerals"), links);

        assertThat(email.subject()).isEqualTo("A new title");
        assertThat(email.text()).contains("A new title");
        assertThat(email.html()).contains("A new title");
    }

}
