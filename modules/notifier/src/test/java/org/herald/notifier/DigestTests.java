package org.herald.notifier;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.herald.events.AnnouncementTagged;
import org.herald.testsupport.TestDatabase;
import org.herald.notifier.TestMembers.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.herald.notifier.TestMembers.sub;

/**
 * Daily and weekly digests, end to end: matches recorded at intake, one digest per member
 * and period with every match, most relevant first; a run repeated, or run by two
 * application contexts at once, sends it once.
 */
@NotifierTest
class DigestTests {

    @RegisterExtension
    static final SmtpInbox smtp = new SmtpInbox();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void sendsOneDailyDigestWithEveryMatchMostRelevantFirstAndOnlyOnce(TestApi api, TestMembers members,
            TaggedTopic topic) throws Exception {
        Subscriber subscriber = members.subscriber("daily", "daily");
        AnnouncementTagged low = topic
            .publish(titled(Announcements.taggedWith(subscriber.tag(), 1), "Low relevance news"));
        AnnouncementTagged high = topic
            .publish(titled(Announcements.taggedWith(subscriber.tag(), 3), "High relevance news"));
        awaitWaitingItems(subscriber.id(), 2);
        assertThat(smtp.messagesTo(subscriber.address())).as("nothing at once for a daily subscription").isEmpty();
        assertThat(TestApi.json(api.get("/api/v1/deliveries?announcementId=" + low.id()))).isEmpty();

        JsonNode first = runDigests(api, "daily");
        assertThat(first.get("sent").asInt()).isEqualTo(1);
        assertThat(first.get("frequency").asString()).isEqualTo("daily");
        assertThat(first.get("periodEnd").asString()).endsWith("Z");
        List<MimeMessage> digests = smtp.awaitMessages(subscriber.address(), 1);
        MimeMessage digest = digests.get(0);
        assertThat(digest.getSubject()).startsWith("2 announcements for you: your daily digest, ");
        assertThat(digest.getContentType()).startsWith("multipart/alternative");
        assertThat(digest.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(digest.getMessageID()).contains("." + subscriber.id() + "@");
        MimeMultipart parts = (MimeMultipart) digest.getContent();
        for (int i = 0; i < 2; i++) {
            String part = (String) parts.getBodyPart(i).getContent();
            assertThat(part).contains(high.url()).contains(low.url()).contains("Why you got this");
            assertThat(part.indexOf("High relevance news")).isLessThan(part.indexOf("Low relevance news"));
        }

        assertThat(runDigests(api, "daily").get("sent").asInt()).as("run again").isZero();
        AnnouncementTagged later = topic.publish(Announcements.taggedWith(subscriber.tag(), 2));
        awaitWaitingItems(subscriber.id(), 1);
        assertThat(runDigests(api, "daily").get("sent").asInt()).as("one digest per member and period").isZero();
        assertThat(smtp.messagesTo(subscriber.address())).hasSize(1);
        assertThat(waitingItems(subscriber.id())).as(later.id() + " waits for the next period").isEqualTo(1);
    }

    @Test
    void gathersAnAnnouncementInTheMostFrequentDigestOfTheMatchingSubscriptions(TestApi api, TestMembers members,
            TaggedTopic topic) throws Exception {
        Subscriber subscriber = members.subscriber("dailyweekly", "weekly", "daily");
        topic.publish(Announcements.taggedWith(subscriber.tag(), 1));
        awaitWaitingItems(subscriber.id(), 1);
        assertThat(this.jdbc.sql("SELECT frequency FROM notifier.digest_item WHERE member_id = :id")
            .param("id", UUID.fromString(subscriber.id()))
            .query(String.class)
            .single()).isEqualTo("daily");
        runDigests(api, "weekly");
        assertThat(smtp.messagesTo(subscriber.address())).isEmpty();
        runDigests(api, "daily");
        assertThat(smtp.awaitMessages(subscriber.address(), 1).get(0).getSubject())
            .startsWith("1 announcement for you: your daily digest");
    }

    @Test
    void sendsOneDigestWhenTwoApplicationContextsRunAtOnce(TestApi api, TestMembers members, TaggedTopic topic)
            throws Exception {
        Subscriber subscriber = members.subscriber("weekly", "weekly");
        List<AnnouncementTagged> announcements = List.of(topic.publish(Announcements.taggedWith(subscriber.tag(), 1)),
                topic.publish(Announcements.taggedWith(subscriber.tag(), 2)),
                topic.publish(Announcements.taggedWith(subscriber.tag(), 3)));
        awaitWaitingItems(subscriber.id(), 3);

        try (ConfigurableApplicationContext second = secondInstance()) {
            TestApi other = NotifierProcess.api(second);
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> runAfter(start, api));
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> runAfter(start, other));
            start.countDown();
            assertThat(one.get(60, TimeUnit.SECONDS) + two.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(runAfter(new CountDownLatch(0), other)).isZero();
        }
        List<MimeMessage> digests = smtp.awaitMessages(subscriber.address(), 1);
        assertThat(digests).hasSize(1);
        String text = (String) ((MimeMultipart) digests.get(0).getContent()).getBodyPart(0).getContent();
        announcements.forEach((announcement) -> assertThat(text).contains(announcement.url()));
        assertThat(this.jdbc.sql("SELECT count(*) FROM notifier.digest WHERE member_id = :id")
            .param("id", UUID.fromString(subscriber.id()))
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    private ConfigurableApplicationContext secondInstance() {
        // Command-line arguments: above the service's own defaults, as a real second
        // instance's settings would be.
        TestDatabase.Database database = new TestDatabase.Database(
                this.environment.getRequiredProperty("spring.datasource.url"),
                this.environment.getRequiredProperty("spring.datasource.username"), "");
        List<String> settings = new ArrayList<>(List.of("--spring.kafka.listener.auto-startup=false"));
        settings.addAll(smtp.arguments());
        return NotifierProcess.start(this.environment.getRequiredProperty("spring.kafka.bootstrap-servers"), database,
                settings);
    }

    private static int runAfter(CountDownLatch start, TestApi api) {
        try {
            start.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        return runDigests(api, "weekly").get("sent").asInt();
    }

    private static JsonNode runDigests(TestApi api, String frequency) {
        HttpResponse<String> response = api.post("/api/v1/digests/run?frequency=" + frequency, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestApi.json(response);
    }

    private void awaitWaitingItems(String member, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingItems(member) == count);
    }

    private long waitingItems(String member) {
        return this.jdbc.sql("SELECT count(*) FROM notifier.digest_item WHERE member_id = :id AND digest_id IS NULL")
            .param("id", UUID.fromString(member))
            .query(Long.class)
            .single();

    }

    private static AnnouncementTagged titled(AnnouncementTagged a, String title) {
        return new AnnouncementTagged(a.id(), a.source(), a.externalId(), a.url(), title, a.summary(), a.body(),
                a.publishedAt(), a.organisation(), a.documentType(), a.receivedAt(), a.tags(), a.relevance(),
                a.taxonomyVersion(), a.taggedAt());
    }

}
