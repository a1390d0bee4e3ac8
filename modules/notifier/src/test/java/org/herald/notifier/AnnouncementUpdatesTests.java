package org.herald.notifier;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import mockwebserver3.RecordedRequest;
import org.herald.events.AnnouncementTagged;
import org.herald.events.UpdateType;
import org.herald.notifier.TestMembers.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Updates of an announcement (ADR 6), on real parts: a major update reaches immediate
 * members once more, headed "Updated:" with what changed, and partners as
 * {@code announcement.updated}; a minor one reaches partners only; a digest shows the
 * latest revision, marked updated; replaying a record inserts nothing.
 */
@NotifierTest
@TestPropertySource(properties = "herald.notifier.webhooks.allowed-networks=127.0.0.0/8")
class AnnouncementUpdatesTests {

    @RegisterExtension
    static final SmtpInbox smtp = new SmtpInbox();

    @RegisterExtension
    static final WebhookReceiver receiver = new WebhookReceiver();

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.shared();

    @Test
    void aMajorUpdateEmailsImmediateMembersOnceWithWhatChangedAndCallsPartnersWithAnnouncementUpdated(TestApi api,
            TestMembers members, TaggedTopic topic) throws Exception {
        Subscriber member = members.subscriber("major", "immediate");
        String hook = "/hooks/major-" + Announcements.run();
        partner(api, hook, member.tag());
        AnnouncementTagged first = topic.publish(Announcements.taggedWith(member.tag(), 2));
        smtp.awaitMessages(member.address(), 1);
        receiver.awaitRequests(hook, 1);

        AnnouncementTagged update = topic.publish(Announcements.update(first, 1, UpdateType.MAJOR,
                "Tariff rates corrected in the annex", "A corrected summary"));

        MimeMessage email = smtp.awaitMessages(member.address(), 2).get(1);
        assertThat(email.getSubject()).isEqualTo("Updated: " + first.title());
        assertThat(email.getMessageID()).contains(first.id() + ".updated-1.");
        for (String part : parts(email)) {
            assertThat(part).contains("Updated:")
                .contains("Tariff rates corrected in the annex")
                .contains("A corrected summary");
        }
        List<RecordedRequest> webhooks = receiver.awaitRequests(hook, 2);
        JsonNode body = this.json.readTree(webhooks.get(1).getBody().utf8());
        assertThat(body.get("type").asString()).isEqualTo("announcement.updated");
        assertThat(body.get("data").get("revision").asInt()).isEqualTo(1);
        assertThat(body.get("data").get("updateType").asString()).isEqualTo("MAJOR");
        assertThat(body.get("data").get("changeNote").asString()).isEqualTo("Tariff rates corrected in the annex");
        assertThat(body.get("data").get("summary").asString()).isEqualTo("A corrected summary");
        JsonNode firstBody = this.json.readTree(webhooks.get(0).getBody().utf8());
        assertThat(firstBody.get("type").asString()).isEqualTo("announcement.published");
        assertThat(firstBody.get("aliases").get(0).asString()).isEqualTo("announcement.tagged");
        assertThat(webhooks.get(1).getHeaders().get("webhook-id")).as("one message id per event")
            .isNotEqualTo(webhooks.get(0).getHeaders().get("webhook-id"));

        topic.publish(update);
        topic.publish(first);
        awaitTakenIn(topic);
        JsonNode deliveries = api.deliveries(first.id());
        assertThat(deliveries).extracting(
                (d) -> d.get("kind").asString() + " " + d.get("revision").asInt() + " " + d.get("channel").asString())
            .as("the replays inserted nothing")
            .containsExactlyInAnyOrder("published 0 email", "updated 1 email", "published 0 webhook",
                    "updated 1 webhook");
        assertThat(smtp.messagesTo(member.address())).hasSize(2);
        assertThat(receiver.calls(hook)).isEqualTo(2);
    }

    @Test
    void aMinorUpdateReachesPartnersOnly(TestApi api, TestMembers members, TaggedTopic topic) {
        Subscriber member = members.subscriber("minor", "immediate");
        String hook = "/hooks/minor-" + Announcements.run();
        partner(api, hook, member.tag());
        AnnouncementTagged first = topic.publish(Announcements.taggedWith(member.tag(), 2));
        smtp.awaitMessages(member.address(), 1);
        receiver.awaitRequests(hook, 1);

        topic.publish(Announcements.update(first, 1, UpdateType.MINOR, null, "A typo fixed"));

        JsonNode body = this.json.readTree(receiver.awaitRequests(hook, 2).get(1).getBody().utf8());
        assertThat(body.get("type").asString()).isEqualTo("announcement.updated");
        assertThat(body.get("data").get("updateType").asString()).isEqualTo("MINOR");
        awaitTakenIn(topic);
        assertThat(TestApi.json(api.get("/api/v1/deliveries?kind=updated&announcementId=" + first.id())))
            .extracting((d) -> d.get("channel").asString())
            .containsExactly("webhook");
        assertThat(smtp.messagesTo(member.address())).as("no member hears of a minor update").hasSize(1);
    }

    @Test
    void aDigestShowsTheLatestRevisionMarkedUpdated(TestApi api, TestMembers members, TaggedTopic topic)
            throws Exception {
        Subscriber member = members.subscriber("digest-update", "daily");
        AnnouncementTagged first = topic.publish(Announcements.taggedWith(member.tag(), 2));
        topic.publish(Announcements.update(first, 1, UpdateType.MAJOR, null, "The new summary"));
        awaitWaitingItems(member.id(), 2);
        runDaily(api);

        MimeMessage digest = smtp.awaitMessages(member.address(), 1).get(0);
        assertThat(digest.getSubject()).startsWith("1 announcement for you");
        List<String> parts = parts(digest);
        for (String part : parts) {
            assertThat(part).contains("Updated:").contains("This page has been updated").contains("The new summary");
        }
        assertThat(parts.get(0)).containsOnlyOnce(first.title()).doesNotContain("A summary");
    }

    @Test
    void aPendingDeliveryRendersTheRevisionItCarries(TestApi api, TestMembers members, TaggedTopic topic)
            throws Exception {
        String hook = "/hooks/pending-" + Announcements.run();
        String tag = "pending-" + Announcements.run();
        receiver.answer(hook,
                (call) -> new mockwebserver3.MockResponse.Builder().code((call == 1) ? 503 : 200)
                    .addHeader("Retry-After", "1")
                    .build());
        partner(api, hook, tag);
        AnnouncementTagged first = topic.publish(Announcements.taggedWith(tag, 2));
        receiver.awaitRequests(hook, 1);
        topic.publish(Announcements.update(first, 1, UpdateType.MINOR, null, "The summary of revision 1"));

        List<RecordedRequest> webhooks = receiver.awaitRequests(hook, 3);
        List<String> revisions = webhooks.subList(1, 3)
            .stream()
            .map((request) -> this.json.readTree(request.getBody().utf8()))
            .map((body) -> body.get("type").asString() + " " + body.get("data").get("summary").asString())
            .toList();
        assertThat(revisions).as("the retry of revision 0 still says what revision 0 said")
            .containsExactlyInAnyOrder("announcement.published A summary",
                    "announcement.updated The summary of revision 1");
    }

    /**
     * Publishes an announcement no one wants behind the records before it (one partition)
     * and waits until it is taken in: so is everything before it.
     */
    private void awaitTakenIn(TaggedTopic topic) {
        AnnouncementTagged marker = topic.publish(Announcements.taggedWith("marker-" + Announcements.run(), 2));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> this.jdbc.sql("SELECT count(*) FROM notifier.announcement WHERE id = :id")
                .param("id", marker.id())
                .query(Long.class)
                .single() == 1);
    }

    private static void partner(TestApi api, String path, String tag) {
        HttpResponse<String> response = api.post("/api/v1/partners", "{\"name\":\"P\",\"url\":\"" + receiver.url(path)
                + "\",\"contactEmail\":\"ops@example.org\"" + ",\"tags\":[\"" + tag + "\"],\"minRelevance\":0}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static void runDaily(TestApi api) {
        HttpResponse<String> response = api.post("/api/v1/digests/run?frequency=daily", "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private void awaitWaitingItems(String member, int count) {
        await().atMost(Duration.ofSeconds(30))
            .until(() -> this.jdbc
                .sql("SELECT count(*) FROM notifier.digest_item WHERE member_id = :id AND digest_id IS NULL")
                .param("id", UUID.fromString(member))
                .query(Long.class)
                .single() == count);
    }

    static List<String> parts(MimeMessage email) throws Exception {
        MimeMultipart parts = (MimeMultipart) email.getContent();
        return List.of((String) parts.getBodyPart(0).getContent(), (String) parts.getBodyPart(1).getContent());
    }

}
