package org.herald.notifier;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import mockwebserver3.RecordedRequest;
import org.herald.events.AnnouncementTagged;
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
import static org.herald.notifier.AnnouncementUpdatesTests.parts;
import static org.herald.notifier.TestMembers.sub;

/**
 * The association's commentary (issue 13, ADR 6), on real parts: given with the
 * announcement it goes out with the first email and webhook; added later it reaches
 * partners as {@code announcement.commented}, digest members in their next digest, and
 * members already emailed only when staff choose "send to those already told".
 */
@NotifierTest
@TestPropertySource(properties = { "herald.notifier.webhooks.allowed-networks=127.0.0.0/8",
        "herald.notifier.email.association-name=The Aluminium Federation" })
class CommentaryTests {

    private static final String COMMENTARY = "Aluminium is on the **UK Critical Minerals List**.\n\n"
            + "<script>alert('x')</script>\n\n[Click](javascript:alert('x'))";

    @RegisterExtension
    static final SmtpInbox smtp = new SmtpInbox();

    @RegisterExtension
    static final WebhookReceiver receiver = new WebhookReceiver();

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.shared();

    @Test
    void commentaryGivenWithTheAnnouncementGoesOutWithTheFirstEmailAndWebhook(TestApi api, TestMembers members,
            TaggedTopic topic) throws Exception {
        Subscriber member = members.subscriber("with", "immediate");
        String hook = "/hooks/with-" + Announcements.run();
        partner(api, hook, member.tag());

        topic.publish(Announcements.withCommentary(Announcements.taggedWith(member.tag(), 2), COMMENTARY));

        List<String> parts = parts(smtp.awaitMessages(member.address(), 1).get(0));
        for (String part : parts) {
            assertThat(part).contains("What this means for members")
                .contains("— The Aluminium Federation")
                .doesNotContainIgnoringCase("javascript:");
        }
        assertThat(parts.get(1)).contains("<strong>UK Critical Minerals List</strong>")
            .doesNotContain("<script>")
            .contains("&lt;script&gt;");
        JsonNode body = this.json.readTree(receiver.awaitRequests(hook, 1).get(0).getBody().utf8());
        assertThat(body.get("type").asString()).isEqualTo("announcement.published");
        assertThat(body.get("commentary").get("text").asString()).isEqualTo(COMMENTARY);
        assertThat(body.get("commentary").get("format").asString()).isEqualTo("markdown");
        assertThat(body.get("data").has("commentary")).as("in its own field, once").isFalse();
    }

    @Test
    void commentaryAddedAfterSendingReachesPartnersAndDigestsAndTheAlreadyToldOnlyWhenAsked(TestApi api,
            TestMembers members, TaggedTopic topic) throws Exception {
        String run = Announcements.run();
        String tag = "later-" + run;
        String told = "told-" + run + "@example.org";
        String latecomer = "latecomer-" + run + "@example.org";
        String digest = "digest-" + run + "@example.org";
        members.create(told, sub(tag, "immediate"));
        String digestMember = members.create(digest, sub(tag, "daily"));
        String hookA = "/hooks/a-" + run;
        String hookB = "/hooks/b-" + run;
        partner(api, hookA, tag);
        partner(api, hookB, tag);
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(tag, 2));
        smtp.awaitMessages(told, 1);
        receiver.awaitRequests(hookA, 1);
        receiver.awaitRequests(hookB, 1);
        members.create(latecomer, sub(tag, "immediate"));

        JsonNode first = commentary(api, announcement.id(), COMMENTARY, false);
        assertThat(first.get("seq").asInt()).isEqualTo(1);
        assertThat(first.get("deliveries").asInt()).isEqualTo(2);
        assertThat(first.get("digestItems").asInt()).isEqualTo(1);

        for (String hook : List.of(hookA, hookB)) {
            List<RecordedRequest> requests = receiver.awaitRequests(hook, 2);
            JsonNode body = this.json.readTree(requests.get(1).getBody().utf8());
            assertThat(body.get("type").asString()).isEqualTo("announcement.commented");
            assertThat(body.get("commentary").get("seq").asInt()).isEqualTo(1);
            assertThat(body.get("commentary").get("text").asString()).isEqualTo(COMMENTARY);
            assertThat(body.get("data").get("id").asString()).isEqualTo(announcement.id().toString());
            assertThat(requests.get(1).getHeaders().get("webhook-id"))
                .isNotEqualTo(requests.get(0).getHeaders().get("webhook-id"));
        }
        assertThat(commented(api, announcement.id())).as("one announcement.commented per partner, no email")
            .containsExactlyInAnyOrder("webhook 1", "webhook 1");

        commentary(api, announcement.id(), "We will monitor developments and update members.", true);

        MimeMessage email = smtp.awaitMessages(told, 2).get(1);
        assertThat(email.getSubject()).startsWith("What this means for members: ");
        assertThat(parts(email).get(0)).contains("We will monitor developments and update members.");
        receiver.awaitRequests(hookA, 3);
        receiver.awaitRequests(hookB, 3);
        assertThat(commented(api, announcement.id())).as("only the member already told is emailed")
            .containsExactlyInAnyOrder("webhook 1", "webhook 1", "webhook 2", "webhook 2", "email 2");
        assertThat(smtp.messagesTo(latecomer)).isEmpty();

        HttpResponse<String> run_ = api.post("/api/v1/digests/run?frequency=daily", "");
        assertThat(run_.statusCode()).as(run_.body()).isEqualTo(200);
        List<String> digestParts = parts(smtp.awaitMessages(digest, 1).get(0));
        assertThat(digestParts.get(0)).containsOnlyOnce(announcement.title())
            .contains("What this means for members")
            .contains("We will monitor developments and update members.")
            .contains("— The Aluminium Federation");
        assertThat(this.jdbc.sql("SELECT count(*) FROM notifier.digest_item WHERE member_id = :id")
            .param("id", UUID.fromString(digestMember))
            .query(Long.class)
            .single()).as("the announcement and its two commentaries, in one digest").isEqualTo(3);
    }

    @Test
    void refusesCommentaryOnAnUnknownAnnouncementOrWithoutText(TestApi api) {
        HttpResponse<String> unknown = api.call("PUT", "/api/v1/announcements/" + UUID.randomUUID() + "/commentary",
                "{\"text\":\"Hello\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
            .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> blank = api.call("PUT", "/api/v1/announcements/" + UUID.randomUUID() + "/commentary",
                "{\"text\":\"  \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        HttpResponse<String> tooLong = api.call("PUT", "/api/v1/announcements/" + UUID.randomUUID() + "/commentary",
                "{\"text\":\"" + "x".repeat(4001) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
    }

    private static JsonNode commentary(TestApi api, UUID announcementId, String text, boolean sendToAlreadyTold) {
        String body = "{\"text\":" + JsonMapper.shared().writeValueAsString(text) + ",\"sendToAlreadyTold\":"
                + sendToAlreadyTold + "}";
        HttpResponse<String> response = api.call("PUT", "/api/v1/announcements/" + announcementId + "/commentary",
                body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestApi.json(response);
    }

    private static List<String> commented(TestApi api, UUID announcementId) {
        JsonNode deliveries = TestApi
            .json(api.get("/api/v1/deliveries?kind=commented&announcementId=" + announcementId));
        return java.util.stream.StreamSupport.stream(deliveries.spliterator(), false)
            .map((d) -> d.get("channel").asString() + " " + d.get("revision").asInt())
            .toList();
    }

    private static void partner(TestApi api, String path, String tag) {
        HttpResponse<String> response = api.post("/api/v1/partners", "{\"name\":\"P\",\"url\":\"" + receiver.url(path)
                + "\",\"contactEmail\":\"ops@example.org\"" + ",\"tags\":[\"" + tag + "\"],\"minRelevance\":0}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

}
