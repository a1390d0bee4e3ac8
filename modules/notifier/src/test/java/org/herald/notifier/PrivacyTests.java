package org.herald.notifier;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.email.LinkTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.herald.notifier.TestMembers.sub;

/**
 * What a member asks for happens (issue 14): unsubscribing or leaving a subscription
 * stops what was queued for it in the same transaction (pending and retrying emails
 * suppressed as {@code unsubscribed}, waiting digest items dropped), a delivery claimed
 * after the member left is suppressed at send time, mail goes to the member's current
 * address, an expired but authentic one-click link still unsubscribes; erasure (the admin
 * API's {@code DELETE} and the preferences page's "delete my details") leaves no row that
 * names the member, and logs show addresses masked.
 */
@NotifierTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "herald.notifier.email.retry-schedule=0s,1h,1h",
        "herald.notifier.email.link-key=" + PrivacyTests.LINK_KEY })
class PrivacyTests {

    static final String LINK_KEY = "privacy-link-key-0123456789-0123456789-abc";

    @RegisterExtension
    static final ScriptedSmtpServer smtp = new ScriptedSmtpServer();

    /** Addresses answered 451 (try again later) while in this set. */
    static final Set<String> deferred = ConcurrentHashMap.newKeySet();

    /** Addresses refused for good (550, naming the address) while in this set. */
    static final Set<String> refused = ConcurrentHashMap.newKeySet();

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void script() {
        smtp.onRcpt((address) -> {
            if (refused.contains(address)) {
                return "550 5.1.1 <" + address + ">: no such user";
            }
            return deferred.contains(address) ? "451 4.2.0 <" + address + ">: try again later" : "250 OK";
        });
    }

    @Test
    void unsubscribingSuppressesRetryingEmailsAndDropsDigestItemsAtOnce(TestApi api, TestMembers members,
            TaggedTopic topic) {
        String run = Announcements.run();
        String address = "leaver-" + run + "@example.org";
        deferred.add(address);
        String member = members.create(address, sub("now-" + run, "immediate"), sub("later-" + run, "daily"));
        AnnouncementTagged immediate = topic.publish(Announcements.taggedWith("now-" + run, 1));
        awaitRetry(api, immediate.id());
        topic.publish(Announcements.taggedWith("later-" + run, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingItems(member) == 1);

        HttpResponse<String> oneClick = api.anonymous("POST", unsubscribeUrl(api, member, Duration.ofDays(1)),
                "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
        assertThat(oneClick.statusCode()).isEqualTo(200);

        // No waiting: it happened in the unsubscribe's own transaction.
        JsonNode delivery = api.deliveries(immediate.id()).get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("suppressed");
        assertThat(delivery.get("lastError").asString()).isEqualTo("unsubscribed");
        assertThat(waitingItems(member)).as("the waiting digest item is dropped").isZero();

        deferred.remove(address);
        this.jdbc.sql("UPDATE notifier.delivery SET next_attempt_at = now() WHERE announcement_id = :id")
            .param("id", immediate.id())
            .update();
        assertThat(TestApi.json(api.post("/api/v1/digests/run?frequency=daily", "")).get("sent").asInt()).isZero();
        await().during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> smtp.receivedBy(address).isEmpty());
        assertThat(api.deliveries(immediate.id()).get(0).get("status").asString()).isEqualTo("suppressed");
    }

    @Test
    void changingSubscriptionsStopsOnlyWhatTheMemberLeft(TestApi api, TestMembers members, TaggedTopic topic) {
        String run = Announcements.run();
        String address = "chooser-" + run + "@example.org";
        deferred.add(address);
        String member = members.create(address, sub("kept-" + run, "immediate"), sub("dropped-" + run, "immediate"),
                sub("dropped-digest-" + run, "weekly"));
        AnnouncementTagged kept = topic.publish(Announcements.taggedWith("kept-" + run, 1));
        AnnouncementTagged dropped = topic.publish(Announcements.taggedWith("dropped-" + run, 1));
        topic.publish(Announcements.taggedWith("dropped-digest-" + run, 1));
        awaitRetry(api, kept.id());
        awaitRetry(api, dropped.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingItems(member) == 1);

        HttpResponse<String> changed = api.call("PATCH", "/api/v1/members/" + member,
                "{\"subscriptions\":[{\"tags\":[\"kept-" + run + "\"]}]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        assertThat(api.deliveries(kept.id()).get(0).get("status").asString()).isEqualTo("pending");
        JsonNode left = api.deliveries(dropped.id()).get(0);
        assertThat(left.get("status").asString()).isEqualTo("suppressed");
        assertThat(left.get("lastError").asString()).isEqualTo("unsubscribed");
        assertThat(waitingItems(member)).isZero();

        deferred.remove(address);
        this.jdbc.sql("UPDATE notifier.delivery SET next_attempt_at = now() WHERE recipient_id = :id")
            .param("id", UUID.fromString(member))
            .update();
        api.awaitDelivery(kept.id(), "sent");
        assertThat(smtp.receivedBy(address)).hasSize(1);
    }

    @Test
    void changingSubscriptionsKeepsTheFollowUpOfAStoryTheMemberFollows(TestApi api, TestMembers members,
            TaggedTopic topic) {
        String run = Announcements.run();
        String address = "story-keeper-" + run + "@example.org";
        deferred.add(address);
        String member = members.create(address, sub("story-" + run, "immediate"), sub("other-" + run, "immediate"));
        Story queued = followedStoryWaitingToRetry(api, topic, member, run);
        AnnouncementTagged story = queued.story();
        AnnouncementTagged followUp = queued.followUp();

        HttpResponse<String> changed = api.call("PATCH", "/api/v1/members/" + member,
                "{\"subscriptions\":[{\"tags\":[\"other-" + run + "\"]}]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        assertThat(api.deliveries(story.id()).get(0).get("status").asString()).as("left with its subscription")
            .isEqualTo("suppressed");
        assertThat(api.deliveries(followUp.id()).get(0).get("status").asString())
            .as("the member still follows the story")
            .isEqualTo("pending");

        HttpResponse<String> oneClick = api.anonymous("POST", unsubscribeUrl(api, member, Duration.ofDays(1)),
                "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        JsonNode ended = api.deliveries(followUp.id()).get(0);
        assertThat(ended.get("status").asString()).as("unsubscribing from everything ends the story")
            .isEqualTo("suppressed");
        assertThat(ended.get("lastError").asString()).isEqualTo("unsubscribed");
        deferred.remove(address);
    }

    @Test
    void suppressesAtSendTimeADeliveryTheMemberNoLongerWants(TestApi api, TestMembers members, TaggedTopic topic) {
        String run = Announcements.run();
        String address = "raced-" + run + "@example.org";
        deferred.add(address);
        String member = members.create(address, sub("raced-" + run, "immediate"));
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith("raced-" + run, 1));
        awaitRetry(api, announcement.id());
        // As if the member left between the intake's match and its commit: the queued
        // delivery outlives the subscription.
        this.jdbc.sql("DELETE FROM notifier.subscription WHERE member_id = :id")
            .param("id", UUID.fromString(member))
            .update();
        retryNowAndExpectSuppressed(api, announcement.id(), address);
    }

    @Test
    void suppressesAtSendTimeTheFollowUpOfAStoryTheMemberNoLongerFollows(TestApi api, TestMembers members,
            TaggedTopic topic) {
        String run = Announcements.run();
        String address = "story-raced-" + run + "@example.org";
        deferred.add(address);
        String member = members.create(address, sub("story-" + run, "immediate"));
        AnnouncementTagged followUp = followedStoryWaitingToRetry(api, topic, member, run).followUp();
        // As if the member unsubscribed from everything while the follow-up was claimed
        // (the change suppresses only what is pending): it outlives the stories.
        this.jdbc.sql("DELETE FROM notifier.story_follower WHERE member_id = :id")
            .param("id", UUID.fromString(member))
            .update();
        retryNowAndExpectSuppressed(api, followUp.id(), address);
    }

    @Test
    void suppressesAtSendTimeADigestOfAnnouncementsTheMemberNoLongerWants(TestApi api, TestMembers members,
            TaggedTopic topic) {
        String run = Announcements.run();
        String address = "digest-raced-" + run + "@example.org";
        String member = members.create(address, sub("digest-raced-" + run, "daily"));
        topic.publish(Announcements.taggedWith("digest-raced-" + run, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingItems(member) == 1);
        this.jdbc.sql("DELETE FROM notifier.subscription WHERE member_id = :id")
            .param("id", UUID.fromString(member))
            .update();

        assertThat(TestApi.json(api.post("/api/v1/digests/run?frequency=daily", "")).get("sent").asInt()).isZero();
        assertThat(this.jdbc.sql("SELECT status || ' ' || last_error FROM notifier.digest WHERE member_id = :id")
            .param("id", UUID.fromString(member))
            .query(String.class)
            .single()).isEqualTo("suppressed unsubscribed");
        assertThat(smtp.receivedBy(address)).isEmpty();
    }

    @Test
    void sendsToTheMembersCurrentAddress(TestApi api, TestMembers members, TaggedTopic topic) {
        String run = Announcements.run();
        String old = "old-" + run + "@example.org";
        String current = "new-" + run + "@example.org";
        deferred.add(old);
        String member = members.create(old, sub("moved-" + run, "immediate"));
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith("moved-" + run, 1));
        awaitRetry(api, announcement.id());

        assertThat(api.call("PATCH", "/api/v1/members/" + member, "{\"email\":\"" + current + "\"}").statusCode())
            .isEqualTo(200);
        deferred.remove(old);
        this.jdbc.sql("UPDATE notifier.delivery SET next_attempt_at = now() WHERE announcement_id = :id")
            .param("id", announcement.id())
            .update();

        api.awaitDelivery(announcement.id(), "sent");
        assertThat(smtp.receivedBy(current)).hasSize(1);
        assertThat(smtp.receivedBy(old)).isEmpty();
    }

    @Test
    void anExpiredButAuthenticOneClickLinkStillUnsubscribes(TestApi api, TestMembers members) {
        String run = Announcements.run();
        String member = members.create("late-" + run + "@example.org", sub("late-" + run, "immediate"));
        String url = unsubscribeUrl(api, member, Duration.ofSeconds(-60));

        HttpResponse<String> page = api.anonymous("GET", url, null, null);
        assertThat(page.statusCode()).as("the page still offers the button").isEqualTo(200);
        assertThat(page.body()).contains("Unsubscribe from everything");
        HttpResponse<String> oneClick = api.anonymous("POST", url, "List-Unsubscribe=One-Click",
                "application/x-www-form-urlencoded");
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("You are unsubscribed");
        assertThat(TestApi.json(api.get("/api/v1/members/" + member)).get("subscriptions")).isEmpty();
    }

    @Test
    void deletingAMemberLeavesNoRowThatNamesThem(TestApi api, TestMembers members, TaggedTopic topic) {
        String run = Announcements.run();
        String address = "erased-" + run + "@example.org";
        String member = historyOf(api, members, topic, address, run);
        assertThat(rowsNaming(address)).as("before: the ledger, digests and errors name them").isPositive();

        assertThat(api.call("DELETE", "/api/v1/members/" + member, null).statusCode()).isEqualTo(204);

        assertThat(rowsNaming(address)).as("no row in any notifier table names them").isZero();
        assertThat(this.jdbc.sql("SELECT count(*) FROM notifier.digest_item WHERE member_id = :id")
            .param("id", UUID.fromString(member))
            .query(Long.class)
            .single()).isZero();
        List<String> statuses = this.jdbc
            .sql("SELECT status FROM notifier.delivery WHERE recipient_id = :id AND recipient = '(erased)' ORDER BY 1")
            .param("id", UUID.fromString(member))
            .query(String.class)
            .list();
        assertThat(statuses).as("the counts stay, anonymised").containsExactly("failed", "sent");
    }

    @Test
    void aResendByStaffGoesOnlyToAMemberWhoStillWantsIt(TestApi api, TestMembers members, TaggedTopic topic) {
        String run = Announcements.run();
        String tag = "resend-" + run;
        String keeps = "keeps-" + run + "@example.org";
        String leaves = "leaves-" + run + "@example.org";
        String bounced = "bounced-" + run + "@example.org";
        String erased = "gone-" + run + "@example.org";
        Map<String, String> ids = new HashMap<>();
        for (String address : List.of(keeps, leaves, bounced, erased)) {
            ids.put(address, members.create(address, sub(tag, "immediate")));
        }
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith(tag, 1));
        await().atMost(Duration.ofSeconds(30))
            .until(() -> api.deliveries(announcement.id())
                .findValues("status")
                .stream()
                .filter((status) -> status.asString().equals("sent"))
                .count() == 4);
        Map<String, String> deliveries = new HashMap<>();
        api.deliveries(announcement.id())
            .forEach((delivery) -> deliveries.put(delivery.get("recipient").asString(), delivery.get("id").asString()));
        assertThat(api.call("PATCH", "/api/v1/members/" + ids.get(leaves), "{\"subscriptions\":[]}").statusCode())
            .isEqualTo(200);
        this.jdbc
            .sql("UPDATE notifier.member SET suppressed_at = now(), suppressed_reason = '550 no such user'"
                    + " WHERE id = :id")
            .param("id", UUID.fromString(ids.get(bounced)))
            .update();
        assertThat(api.call("DELETE", "/api/v1/members/" + ids.get(erased), null).statusCode()).isEqualTo(204);

        Map<String, String> refusals = Map.of(leaves, "unsubscribed from what this announcement is about", bounced,
                "address is suppressed (550 no such user)", erased, "was erased");
        refusals.forEach((address, reason) -> {
            HttpResponse<String> refused = api.post("/api/v1/deliveries/" + deliveries.get(address) + "/retry", "");
            assertThat(refused.statusCode()).as(address).isEqualTo(409);
            assertThat(TestApi.json(refused).get("title").asString()).isEqualTo("Resend refused");
            assertThat(TestApi.json(refused).get("detail").asString()).contains(reason);
        });
        HttpResponse<String> resent = api.post("/api/v1/deliveries/" + deliveries.get(keeps) + "/retry", "");
        assertThat(resent.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.receivedBy(keeps).size() == 2);
        for (String address : List.of(leaves, bounced)) {
            assertThat(smtp.receivedBy(address)).as(address).hasSize(1);
            assertThat(this.jdbc.sql("SELECT status FROM notifier.delivery WHERE id = :id")
                .param("id", UUID.fromString(deliveries.get(address)))
                .query(String.class)
                .single()).as("left as it was").isEqualTo("sent");
        }
    }

    @Test
    void logsMaskTheAddressInSmtpErrors(TestApi api, TestMembers members, TaggedTopic topic, CapturedOutput output) {
        String run = Announcements.run();
        String address = "masked-" + run + "@example.org";
        refused.add(address);
        deferred.add("wait-" + address);
        members.create(address, sub("masked-" + run, "immediate"));
        members.create("wait-" + address, sub("masked-" + run, "immediate"));
        AnnouncementTagged announcement = topic.publish(Announcements.taggedWith("masked-" + run, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deliveries = api.deliveries(announcement.id());
            assertThat(deliveries).hasSize(2);
            assertThat(deliveries).allSatisfy((delivery) -> assertThat(delivery.get("lastError").isNull()).isFalse());
        });
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(output.getAll()).contains("m***@example.org").contains("w***@example.org"));
        assertThat(output.getAll()).as("logs mask the address").doesNotContain(address);
    }

    @Test
    void deleteMyDetailsOnThePreferencesPageErasesTheMemberToo(TestApi api, TestMembers members, TaggedTopic topic) {
        String run = Announcements.run();
        String address = "self-erased-" + run + "@example.org";
        String member = historyOf(api, members, topic, address, run);
        assertThat(rowsNaming(address)).isPositive();
        String token = new LinkTokens(LINK_KEY, Duration.ofDays(1), Clock.systemUTC()).issue(UUID.fromString(member),
                LinkTokens.Purpose.PREFERENCES);

        HttpResponse<String> left = api.anonymous("POST", api.base() + "/preferences/leave",
                "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
        assertThat(left.statusCode()).isEqualTo(200);

        assertThat(api.get("/api/v1/members/" + member).statusCode()).isEqualTo(404);
        assertThat(rowsNaming(address)).isZero();
    }

    @Test
    void recordsConsentWhenHowAndTheWordingVersion(TestApi api) {
        String run = Announcements.run();
        String form = api.createMember("{\"email\":\"form-" + run + "@example.org\",\"consent\":{\"method\":\"form\","
                + "\"wordingVersion\":\"signup-2026-03\",\"givenAt\":\"2026-03-01T10:00:00Z\"}}");
        JsonNode consent = TestApi.json(api.get("/api/v1/members/" + form)).get("consent");
        assertThat(consent.get("method").asString()).isEqualTo("form");
        assertThat(consent.get("wordingVersion").asString()).isEqualTo("signup-2026-03");
        assertThat(consent.get("givenAt").asString()).isEqualTo("2026-03-01T10:00:00Z");

        String plain = api.createMember("{\"email\":\"plain-" + run + "@example.org\"}");
        JsonNode recorded = TestApi.json(api.get("/api/v1/members/" + plain)).get("consent");
        assertThat(recorded.get("method").asString()).as("the admin API's, by default").isEqualTo("admin-api");
        assertThat(recorded.get("givenAt").asString()).isNotBlank();

        HttpResponse<String> imported = api.call("PATCH", "/api/v1/members/" + plain,
                "{\"consent\":{\"method\":\"import\",\"wordingVersion\":\"list-2019\",\"givenAt\":\"2019-05-01T00:00:00Z\"}}");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(TestApi.json(imported).get("consent").get("method").asString()).isEqualTo("import");

        HttpResponse<String> wrong = api.post("/api/v1/members",
                "{\"email\":\"wrong-" + run + "@example.org\",\"consent\":{\"method\":\"assumed\"}}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> future = api.post("/api/v1/members",
                "{\"email\":\"future-" + run + "@example.org\",\"consent\":{\"givenAt\":\"2999-01-01T00:00:00Z\"}}");
        assertThat(future.statusCode()).isEqualTo(400);
    }

    /**
     * A member with a history: an email sent, a daily digest sent, an email refused for
     * good (its error naming the address), a digest item waiting.
     */
    private String historyOf(TestApi api, TestMembers members, TaggedTopic topic, String address, String run) {
        String now = "hist-now-" + run;
        String daily = "hist-daily-" + run;
        String member = members.create(address, sub(now, "immediate"), sub(daily, "daily"));
        AnnouncementTagged sent = topic.publish(Announcements.taggedWith(now, 1));
        api.awaitDelivery(sent.id(), "sent");
        topic.publish(Announcements.taggedWith(daily, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingItems(member) == 1);
        assertThat(TestApi.json(api.post("/api/v1/digests/run?frequency=daily", "")).get("sent").asInt()).isEqualTo(1);
        refused.add(address);
        AnnouncementTagged failed = topic.publish(Announcements.taggedWith(now, 1));
        JsonNode delivery = api.awaitDelivery(failed.id(), "failed");
        assertThat(delivery.get("lastError").asString()).contains(address);
        topic.publish(Announcements.taggedWith(daily, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingItems(member) == 1);
        return member;
    }

    /** Rows of every notifier table whose text, any column, contains {@code address}. */
    private long rowsNaming(String address) {
        List<String> tables = this.jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'notifier' AND table_type = 'BASE TABLE'
                """).query(String.class).list();
        long rows = 0;
        for (String table : tables) {
            rows += this.jdbc
                .sql("SELECT count(*) FROM notifier." + table
                        + " t WHERE lower(t::text) LIKE '%' || lower(:address) || '%'")
                .param("address", address)
                .query(Long.class)
                .single();
        }
        return rows;
    }

    /**
     * Publishes a story on the member's tag {@code story-<run>}, makes the member follow
     * it, and publishes a follow-up on a tag they do not follow; both emails are refused
     * for now (the member's address is deferred) and wait to retry.
     */
    private Story followedStoryWaitingToRetry(TestApi api, TaggedTopic topic, String member, String run) {
        AnnouncementTagged story = topic.publish(Announcements.taggedWith("story-" + run, 1));
        awaitRetry(api, story.id());
        this.jdbc.sql("INSERT INTO notifier.story_follower (member_id, announcement_id) VALUES (:member, :story)")
            .param("member", UUID.fromString(member))
            .param("story", story.id())
            .update();
        AnnouncementTagged followUp = topic
            .publish(StoriesTests.followUp(Announcements.taggedWith("unrelated-" + run, 1), List.of(story.id())));
        awaitRetry(api, followUp.id());
        return new Story(story, followUp);
    }

    private record Story(AnnouncementTagged story, AnnouncementTagged followUp) {
    }

    /**
     * Lets the member's server take mail again and the announcement's delivery, waiting
     * to retry, be claimed now: the send must suppress it, unsent.
     */
    private void retryNowAndExpectSuppressed(TestApi api, UUID announcement, String address) {
        deferred.remove(address);
        this.jdbc.sql("UPDATE notifier.delivery SET next_attempt_at = now() WHERE announcement_id = :id")
            .param("id", announcement)
            .update();

        JsonNode delivery = api.awaitDelivery(announcement, "suppressed");
        assertThat(delivery.get("attempts").asInt()).as("claimed again, then suppressed").isEqualTo(2);
        assertThat(delivery.get("lastError").asString()).isEqualTo("unsubscribed");
        assertThat(smtp.receivedBy(address)).isEmpty();
    }

    /** Waits until the one delivery was refused for now and waits for its retry. */
    private static void awaitRetry(TestApi api, UUID announcement) {
        api.awaitDelivery(announcement, (delivery) -> {
            assertThat(delivery.get("status").asString()).isEqualTo("pending");
            assertThat(delivery.get("attempts").asInt()).as("refused for now, waiting to retry").isEqualTo(1);
        });
    }

    private long waitingItems(String member) {
        return this.jdbc.sql("SELECT count(*) FROM notifier.digest_item WHERE member_id = :id AND digest_id IS NULL")
            .param("id", UUID.fromString(member))
            .query(Long.class)
            .single();
    }

    private static String unsubscribeUrl(TestApi api, String member, Duration ttl) {
        String token = new LinkTokens(LINK_KEY, ttl, Clock.systemUTC()).issue(UUID.fromString(member),
                LinkTokens.Purpose.UNSUBSCRIBE);
        return api.base() + "/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

}
