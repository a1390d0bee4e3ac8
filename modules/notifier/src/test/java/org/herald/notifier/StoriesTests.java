package org.herald.notifier;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.herald.events.AnnouncementTagged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.herald.notifier.AnnouncementUpdatesTests.parts;
import static org.herald.notifier.TestMembers.sub;

/**
 * Following a story (issue 13), on real parts: a member follows the MoU from the signed
 * link in its email; the announcements that follow it up — and those that follow them up
 * — reach the member though they have none of the member's tags, saying what they follow
 * up; unsubscribing from everything ends it.
 */
@NotifierTest
@TestPropertySource(properties = "herald.notifier.public-base-url=https://herald.test")
class StoriesTests {

    private static final Pattern FOLLOW_LINK = Pattern
        .compile("https://herald\\.test(/follow\\?token=[A-Za-z0-9_.%-]+)");

    private static final Pattern UNSUBSCRIBE_LINK = Pattern
        .compile("https://herald\\.test(/unsubscribe\\?token=[A-Za-z0-9_.%-]+)");

    @RegisterExtension
    static final SmtpInbox smtp = new SmtpInbox();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFollowUpReachesAFollowerWithNoneOfItsTagsUntilTheyUnsubscribe(TestApi api, TestMembers members,
            TaggedTopic topic) throws Exception {
        String run = Announcements.run();
        String follower = "follower-" + run + "@example.org";
        members.create(follower, sub("minerals-" + run, "immediate"));
        AnnouncementTagged mou = topic.publish(Announcements.taggedWith("minerals-" + run, 2));
        String text = parts(smtp.awaitMessages(follower, 1).get(0)).get(0);
        String follow = api.base() + link(FOLLOW_LINK, text);

        HttpResponse<String> page = api.anonymous("GET", follow, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Follow this story?").contains(mou.title());
        assertThat(followed(follower)).as("a GET changes nothing").isZero();
        HttpResponse<String> followedPage = api.anonymous("POST", follow, "", "application/x-www-form-urlencoded");
        assertThat(followedPage.statusCode()).isEqualTo(200);
        assertThat(followedPage.body()).contains("You follow this story");

        AnnouncementTagged ministerial = topic
            .publish(followUp(Announcements.taggedWith("investment-" + run, 2), List.of(mou.id())));
        MimeMessage email = smtp.awaitMessages(follower, 2).get(1);
        assertThat(email.getSubject()).isEqualTo(ministerial.title());
        for (String part : parts(email)) {
            assertThat(part).contains("Follows up:")
                .contains(mou.title())
                .contains(mou.url())
                .contains("You follow the story this announcement follows up.");
        }
        AnnouncementTagged next = topic
            .publish(followUp(Announcements.taggedWith("mining-" + run, 2), List.of(ministerial.id())));
        assertThat(smtp.awaitMessages(follower, 3).get(2).getSubject()).as("a follow-up of the follow-up")
            .isEqualTo(next.title());

        HttpResponse<String> unsubscribed = api.anonymous("POST", api.base() + link(UNSUBSCRIBE_LINK, text),
                "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        assertThat(followed(follower)).as("unsubscribing from everything ends every story").isZero();
        AnnouncementTagged after = topic
            .publish(followUp(Announcements.taggedWith("later-" + run, 2), List.of(mou.id())));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> this.jdbc.sql("SELECT count(*) FROM notifier.announcement WHERE id = :id")
                .param("id", after.id())
                .query(Long.class)
                .single() == 1);
        assertThat(api.deliveries(after.id())).isEmpty();
    }

    private long followed(String address) {
        return this.jdbc.sql("""
                SELECT count(*) FROM notifier.story_follower f JOIN notifier.member m ON m.id = f.member_id
                WHERE m.email = :email
                """).param("email", address).query(Long.class).single();
    }

    private static String link(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    static AnnouncementTagged followUp(AnnouncementTagged a, List<java.util.UUID> follows) {
        return new AnnouncementTagged(a.id(), a.source(), a.externalId(), a.url(), a.title(), a.summary(), a.body(),
                a.publishedAt(), a.organisation(), a.documentType(), a.receivedAt(), a.tags(), a.relevance(),
                a.taxonomyVersion(), a.taggedAt(), 0, null, null, null, follows);
    }

}
