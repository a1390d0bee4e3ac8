package org.herald.notifier;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Daily and weekly digests, end to end: matches recorded at intake, one digest per member
 * and period with every match, most relevant first; a run repeated, or run by two
 * application contexts at once, sends it once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "herald.admin-api-keys=" + TestApi.ADMIN_KEY, "herald.kafka.partitions=1",
                "herald.notifier.dispatch.poll-interval=100ms" })
@EmbeddedKafka(partitions = 1, topics = Topics.ANNOUNCEMENTS_TAGGED,
        brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class DigestTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("spring.mail.host", () -> smtp.getSmtp().getBindTo());
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Test
    void sendsOneDailyDigestWithEveryMatchMostRelevantFirstAndOnlyOnce() throws Exception {
        TestApi api = new TestApi(this.port);
        String tag = "daily-" + run();
        String address = tag + "@example.org";
        String member = api.createMember(MemberEmailTests.member(address, MemberEmailTests.sub(tag, "daily")));
        AnnouncementTagged low = publish(titled(Announcements.taggedWith(tag, 1), "Low relevance news"));
        AnnouncementTagged high = publish(titled(Announcements.taggedWith(tag, 3), "High relevance news"));
        awaitWaitingItems(member, 2);
        assertThat(messagesTo(address)).as("nothing at once for a daily subscription").isEmpty();
        assertThat(TestApi.json(api.get("/api/v1/deliveries?announcementId=" + low.id()))).isEmpty();

        JsonNode first = runDigests(api, "daily");
        assertThat(first.get("sent").asInt()).isEqualTo(1);
        assertThat(first.get("frequency").asString()).isEqualTo("daily");
        assertThat(first.get("periodEnd").asString()).endsWith("Z");
        List<MimeMessage> digests = awaitMessages(address, 1);
        MimeMessage digest = digests.get(0);
        assertThat(digest.getSubject()).startsWith("2 announcements for you: your daily digest, ");
        assertThat(digest.getContentType()).startsWith("multipart/alternative");
        assertThat(digest.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(digest.getMessageID()).contains("." + member + "@");
        MimeMultipart parts = (MimeMultipart) digest.getContent();
        for (int i = 0; i < 2; i++) {
            String part = (String) parts.getBodyPart(i).getContent();
            assertThat(part).contains(high.url()).contains(low.url()).contains("Why you got this");
            assertThat(part.indexOf("High relevance news")).isLessThan(part.indexOf("Low relevance news"));
        }

        assertThat(runDigests(api, "daily").get("sent").asInt()).as("run again").isZero();
        AnnouncementTagged later = publish(Announcements.taggedWith(tag, 2));
        awaitWaitingItems(member, 1);
        assertThat(runDigests(api, "daily").get("sent").asInt()).as("one digest per member and period").isZero();
        assertThat(messagesTo(address)).hasSize(1);
        assertThat(waitingItems(member)).as(later.id() + " waits for the next period").isEqualTo(1);
    }

    @Test
    void gathersAnAnnouncementInTheMostFrequentDigestOfTheMatchingSubscriptions() throws Exception {
        TestApi api = new TestApi(this.port);
        String tag = "dailyweekly-" + run();
        String address = tag + "@example.org";
        String member = api.createMember(MemberEmailTests.member(address, MemberEmailTests.sub(tag, "weekly"),
                MemberEmailTests.sub(tag, "daily")));
        publish(Announcements.taggedWith(tag, 1));
        awaitWaitingItems(member, 1);
        assertThat(this.jdbc.sql("SELECT frequency FROM notifier.digest_item WHERE member_id = :id")
            .param("id", UUID.fromString(member))
            .query(String.class)
            .single()).isEqualTo("daily");
        runDigests(api, "weekly");
        assertThat(messagesTo(address)).isEmpty();
        runDigests(api, "daily");
        assertThat(awaitMessages(address, 1).get(0).getSubject())
            .startsWith("1 announcement for you: your daily digest");
    }

    @Test
    void sendsOneDigestWhenTwoApplicationContextsRunAtOnce() throws Exception {
        TestApi api = new TestApi(this.port);
        String tag = "weekly-" + run();
        String address = tag + "@example.org";
        String member = api.createMember(MemberEmailTests.member(address, MemberEmailTests.sub(tag, "weekly")));
        List<AnnouncementTagged> announcements = List.of(publish(Announcements.taggedWith(tag, 1)),
                publish(Announcements.taggedWith(tag, 2)), publish(Announcements.taggedWith(tag, 3)));
        awaitWaitingItems(member, 3);

        try (ConfigurableApplicationContext second = secondInstance()) {
            TestApi other = new TestApi(((WebServerApplicationContext) second).getWebServer().getPort());
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> runAfter(start, api));
            CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> runAfter(start, other));
            start.countDown();
            assertThat(one.get(60, TimeUnit.SECONDS) + two.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(runAfter(new CountDownLatch(0), other)).isZero();
        }
        List<MimeMessage> digests = awaitMessages(address, 1);
        assertThat(digests).hasSize(1);
        String text = (String) ((MimeMultipart) digests.get(0).getContent()).getBodyPart(0).getContent();
        announcements.forEach((announcement) -> assertThat(text).contains(announcement.url()));
        assertThat(this.jdbc.sql("SELECT count(*) FROM notifier.digest WHERE member_id = :id")
            .param("id", UUID.fromString(member))
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    private ConfigurableApplicationContext secondInstance() {
        // Command-line arguments: above the service's own defaults, as a real second
        // instance's settings would be.
        return new SpringApplicationBuilder(NotifierApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + this.environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + this.environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=",
                "--spring.kafka.bootstrap-servers=" + this.environment.getProperty("spring.kafka.bootstrap-servers"),
                "--spring.kafka.listener.auto-startup=false", "--spring.mail.host=" + smtp.getSmtp().getBindTo(),
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--herald.admin-api-keys=" + TestApi.ADMIN_KEY,
                "--herald.kafka.partitions=1");
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

    private static List<MimeMessage> awaitMessages(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(address).size() >= count);
        return messagesTo(address);
    }

    private static List<MimeMessage> messagesTo(String address) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter((message) -> {
            try {
                return message.getAllRecipients()[0].toString().contains(address);
            }
            catch (jakarta.mail.MessagingException ex) {
                return false;
            }
        }).toList();
    }

    private AnnouncementTagged publish(AnnouncementTagged announcement) throws Exception {
        this.kafka.send(Topics.ANNOUNCEMENTS_TAGGED, announcement.id().toString(), announcement)
            .get(10, TimeUnit.SECONDS);
        return announcement;
    }

    private static AnnouncementTagged titled(AnnouncementTagged a, String title) {
        return new AnnouncementTagged(a.id(), a.source(), a.externalId(), a.url(), title, a.summary(), a.body(),
                a.publishedAt(), a.organisation(), a.documentType(), a.receivedAt(), a.tags(), a.relevance(),
                a.taxonomyVersion(), a.taggedAt());
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

}
