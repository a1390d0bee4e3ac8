package org.herald.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.herald.events.AnnouncementPublished;
import org.herald.events.Topics;
import org.herald.support.kafka.KafkaJson;
import org.herald.systemtests.cluster.HeraldCluster;
import org.herald.systemtests.cluster.SmtpSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The promise of docs/guarantees.md — every announcement that got a 202 reaches every
 * matching member, with duplicates bounded by the sends in flight at a crash — proven by
 * killing and stopping real processes. Each scenario prints its figures (lost,
 * duplicated, time to recover) and asserts them.
 */
@ExtendWith(SharedCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryGuaranteesIT {

    private static HeraldCluster cluster;

    private static Announcements announcements;

    private static Members members;

    private static Records records;

    @BeforeAll
    static void cluster(HeraldCluster shared) {
        // A killed client resets its SMTP connections, and GreenMail's handler threads
        // die of it by design; that
        // must not fail the condition being awaited.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        cluster = shared;
        announcements = new Announcements(shared);
        members = new Members(shared);
        records = new Records(shared);
    }

    @BeforeEach
    void everythingRunning() {
        // A scenario that failed half-way may have left a process down; the next one
        // starts from a whole cluster.
        cluster.ensureUp();
    }

    @Test
    @Order(1)
    void notifierKilledMidFanOutStillEmailsEveryMemberWithDuplicatesBoundedByConcurrency() throws Exception {
        int count = 2000;
        members.replaceWith("s1", count);
        UUID id = Announcements.id("s1-fan-out");
        SmtpSink smtp = cluster.smtp();
        AtomicLong killed = new AtomicLong();
        smtp.when(id, count / 2, () -> {
            cluster.notifier().kill();
            killed.set(System.nanoTime());
        });
        long posted = System.nanoTime();
        assertThat(announcements.postMatching("s1-fan-out")).isEqualTo(202);
        await("notifier killed mid fan-out").atMost(Duration.ofMinutes(5)).until(() -> killed.get() != 0);
        int atKill = smtp.recipients(id);
        cluster.restart(cluster.notifier());
        long restarted = System.nanoTime();
        await("every member emailed, the ledger settled").atMost(Duration.ofMinutes(5))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> smtp.recipients(id) == count && members.allSent(id, count));
        long done = System.nanoTime();
        int duplicates = smtp.duplicates(id);
        Figures.print(cluster.work(), "1 notifier kill -9 mid fan-out",
                "members %d, received before the kill %d (%d%%), delivered %d, lost %d, duplicates %d (bound: email concurrency %d); fan-out until the kill %s, restart %s, kill to all sent %s (lease %s)"
                    .formatted(count, atKill, atKill * 100 / count, smtp.recipients(id), count - smtp.recipients(id),
                            duplicates, HeraldCluster.EMAIL_CONCURRENCY, Figures.seconds(posted, killed.get()),
                            Figures.seconds(killed.get(), restarted), Figures.seconds(killed.get(), done),
                            Figures.seconds(HeraldCluster.NOTIFIER_LEASE)));
        assertThat(atKill).isBetween(count / 4, count * 3 / 4);
        assertThat(smtp.recipients(id)).isEqualTo(count);
        assertThat(duplicates).isLessThanOrEqualTo(HeraldCluster.EMAIL_CONCURRENCY);
    }

    @Test
    @Order(2)
    void taggerKilledMidBatchWritesEachAnnouncementExactlyOnceForReadCommitted() throws Exception {
        int count = 1000;
        members.replaceWith("s5", 0);
        cluster.tagger().kill();
        Map<TopicPartition, Long> start = records.endOffsets(Topics.ANNOUNCEMENTS_TAGGED);
        Set<String> ids = writeAnnouncements("s5", count);
        Map<String, Integer> seen = new HashMap<>();
        long killed;
        long restarted;
        try (KafkaConsumer<String, byte[]> tagged = records.consumer("read_committed")) {
            tagged.assign(start.keySet());
            start.forEach(tagged::seek);
            cluster.tagger().start();
            await("tagger part-way through the batch").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> poll(tagged, seen, ids) >= count / 10);
            cluster.tagger().kill();
            killed = System.nanoTime();
            int atKill = poll(tagged, seen, ids);
            cluster.restart(cluster.tagger());
            restarted = System.nanoTime();
            await("every announcement tagged").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> poll(tagged, seen, ids) == count);
            long done = System.nanoTime();
            Map<String, Long> committed = countByKey(
                    records.readAll(Topics.ANNOUNCEMENTS_TAGGED, start, "read_committed"), ids);
            long uncommitted = records.readAll(Topics.ANNOUNCEMENTS_TAGGED, start, "read_uncommitted")
                .stream()
                .filter((record) -> ids.contains(record.key()))
                .count();
            long once = committed.values().stream().filter((n) -> n == 1).count();
            Figures.print(cluster.work(), "5 tagger kill -9 mid batch",
                    "announcements %d, tagged before the kill %d, tagged (read_committed) %d, exactly once %d, twice or more %d, skipped %d; records of aborted transactions (read_uncommitted extra) %d; restart %s, kill to all tagged %s"
                        .formatted(count, atKill, committed.size(), once, committed.size() - once,
                                count - committed.size(),
                                uncommitted - committed.values().stream().mapToLong(Long::longValue).sum(),
                                Figures.seconds(killed, restarted), Figures.seconds(killed, done)));
            assertThat(atKill).isLessThan(count);
            assertThat(committed.keySet()).isEqualTo(ids);
            assertThat(committed.values()).allMatch((n) -> n == 1);
        }
    }

    @Test
    @Order(3)
    void poisonRecordsGoToTheirDeadLetterTopicsWithTheReasonAndTheRecordsBehindFlow() throws Exception {
        members.replaceWith("s6", 1);
        UUID behindAnnouncements = Announcements.id("s6-behind-announcements");
        UUID behindTagged = Announcements.id("s6-behind-tagged");
        String announcementsDlt = Topics.deadLetter(Topics.ANNOUNCEMENTS);
        String taggedDlt = Topics.deadLetter(Topics.ANNOUNCEMENTS_TAGGED);
        Map<TopicPartition, Long> announcementsDltStart = records.endOffsets(announcementsDlt);
        Map<TopicPartition, Long> taggedDltStart = records.endOffsets(taggedDlt);
        int fiveMegabytes = 5 * 1024 * 1024;
        // The topics hold records of up to herald.kafka.max-message-bytes (8 MiB); the
        // services read records of up to
        // herald.kafka.max-record-bytes (1 MiB) and dead-letter a larger one with its
        // bytes and the reason.
        try (KafkaProducer<String, byte[]> producer = records.producer(KafkaJson.DEFAULT_MAX_MESSAGE_BYTES)) {
            writePoison(producer, Topics.ANNOUNCEMENTS, Topics.TYPE_ANNOUNCEMENT_PUBLISHED, behindAnnouncements,
                    fiveMegabytes);
            writePoison(producer, Topics.ANNOUNCEMENTS_TAGGED, Topics.TYPE_ANNOUNCEMENT_TAGGED, behindTagged,
                    fiveMegabytes);
        }
        String hugeBody = "{\"source\":\"s6\",\"title\":\"huge\",\"url\":\"https://www.gov.uk/huge\",\"body\":\""
                + "x".repeat(fiveMegabytes) + "\"}";
        int hugePost = announcements.post(hugeBody);
        assertThat(announcements.postMatching("s6-behind-announcements")).isEqualTo(202);
        assertThat(announcements.postMatching("s6-behind-tagged")).isEqualTo(202);
        long posted = System.nanoTime();
        await("the records behind the poison delivered").atMost(Duration.ofMinutes(2))
            .until(() -> cluster.smtp().recipients(behindAnnouncements) == 1
                    && cluster.smtp().recipients(behindTagged) == 1);
        long delivered = System.nanoTime();
        List<ConsumerRecord<String, byte[]>> deadAnnouncements = awaitDeadLetters(announcementsDlt,
                announcementsDltStart, behindAnnouncements, 4);
        List<ConsumerRecord<String, byte[]>> deadTagged = awaitDeadLetters(taggedDlt, taggedDltStart, behindTagged, 4);
        Figures.print(cluster.work(), "6 poison records",
                "%s: %d dead-lettered %s; %s: %d dead-lettered %s; 5 MB record dead-lettered whole (%d and %d bytes), 5 MB POST answered %d; records behind delivered in %s"
                    .formatted(announcementsDlt, deadAnnouncements.size(), reasons(deadAnnouncements), taggedDlt,
                            deadTagged.size(), reasons(deadTagged),
                            huge(deadAnnouncements, fiveMegabytes).value().length,
                            huge(deadTagged, fiveMegabytes).value().length, hugePost,
                            Figures.seconds(posted, delivered)));
        assertThat(hugePost).isEqualTo(413);
        for (List<ConsumerRecord<String, byte[]>> dead : List.of(deadAnnouncements, deadTagged)) {
            assertThat(dead).hasSize(4)
                .allSatisfy((record) -> assertThat(header(record, "kafka_dlt-exception-message")).isNotBlank());
            // Spring's message is "failed to deserialize"; the cause, in the stack trace
            // header, names the limit.
            assertThat(reason(huge(dead, fiveMegabytes))).contains("record of " + fiveMegabytes
                    + " bytes is over the limit of " + KafkaJson.DEFAULT_MAX_RECORD_BYTES + " bytes");
        }
        assertThat(deadAnnouncements).allSatisfy(
                (record) -> assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.ANNOUNCEMENTS));
        assertThat(deadTagged).allSatisfy((record) -> assertThat(header(record, "kafka_dlt-original-topic"))
            .isEqualTo(Topics.ANNOUNCEMENTS_TAGGED));
    }

    @Test
    @Order(4)
    void brokerDownFor20SecondsAnswers503AndDeliversEveryAcceptedAnnouncement() throws Exception {
        members.replaceWith("s2", 1);
        List<PublishingLoad.Outcome> outcomes;
        long down;
        long back;
        long firstAcceptedAfter;
        try (PublishingLoad load = new PublishingLoad(announcements, "s2", true, 5)) {
            await("announcements flowing").atMost(Duration.ofMinutes(2))
                .until(() -> load.acceptedStartedAfter(0) >= 10);
            cluster.broker().stop(Duration.ofSeconds(30));
            down = System.nanoTime();
            await("no 202 while the broker is down").during(Duration.ofSeconds(20))
                .atMost(Duration.ofSeconds(40))
                .until(() -> load.acceptedStartedAfter(down) == 0);
            long restarting = System.nanoTime();
            cluster.startBroker();
            back = System.nanoTime();
            await("202 again").atMost(Duration.ofMinutes(3)).until(() -> load.acceptedStartedAfter(back) >= 10);
            firstAcceptedAfter = load.outcomes()
                .stream()
                .filter((o) -> o.status() == 202 && o.started() - restarting > 0)
                .mapToLong(PublishingLoad.Outcome::ended)
                .min()
                .orElseThrow();
            outcomes = load.outcomes();
            load.close();
            outcomes = load.outcomes();
            List<PublishingLoad.Outcome> whileDown = outcomes.stream()
                .filter((o) -> o.within(down, restarting))
                .toList();
            List<UUID> accepted = outcomes.stream()
                .filter((o) -> o.status() == 202)
                .map(PublishingLoad.Outcome::id)
                .toList();
            await("every accepted announcement delivered").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> accepted.stream().allMatch((id) -> cluster.smtp().recipients(id) == 1));
            long done = System.nanoTime();
            long unavailable = outcomes.stream().filter((o) -> o.status() == 503).count();
            long acceptedWhileDown = whileDown.stream().filter((o) -> o.status() == 202).count();
            long delivered = accepted.stream().filter((id) -> cluster.smtp().recipients(id) == 1).count();
            long refusedButDelivered = outcomes.stream()
                .filter((o) -> o.status() == 503 && cluster.smtp().recipients(o.id()) > 0)
                .count();
            Figures.print(cluster.work(), "2 broker down 20 s",
                    "posts %d: 202 %d, 503 %d, other %s; posted and answered while down %d, of which 202 %d; accepted and delivered %d, lost %d, 503'd yet delivered %d; broker back to first 202 %s, broker back to all delivered %s"
                        .formatted(outcomes.size(), accepted.size(), unavailable,
                                outcomes.stream()
                                    .filter((o) -> o.status() != 202 && o.status() != 503)
                                    .map(PublishingLoad.Outcome::status)
                                    .toList(),
                                whileDown.size(), acceptedWhileDown, delivered, accepted.size() - delivered,
                                refusedButDelivered, Figures.seconds(back, firstAcceptedAfter),
                                Figures.seconds(back, done)));
            assertThat(whileDown).isNotEmpty().allMatch((o) -> o.status() == 503);
            assertThat(outcomes).allMatch((o) -> o.status() == 202 || o.status() == 503);
            assertThat(delivered).isEqualTo(accepted.size());
        }
    }

    @Test
    @Order(5)
    void smtpDownFor30SecondsMidFanOutStillEmailsEveryMember() throws Exception {
        int count = 300;
        members.replaceWith("s3", count);
        UUID id = Announcements.id("s3-fan-out");
        SmtpSink smtp = cluster.smtp();
        CountDownLatch stopped = new CountDownLatch(1);
        smtp.when(id, count / 3, () -> {
            smtp.stop();
            stopped.countDown();
        });
        assertThat(announcements.postMatching("s3-fan-out")).isEqualTo(202);
        await("SMTP server stopped mid fan-out").atMost(Duration.ofMinutes(3)).until(() -> stopped.getCount() == 0);
        long down = System.nanoTime();
        int atStop = smtp.recipients(id);
        await("nothing arrives while the SMTP server is down").during(Duration.ofSeconds(30))
            .atMost(Duration.ofSeconds(45))
            .until(() -> smtp.recipients(id) == atStop);
        smtp.start();
        long back = System.nanoTime();
        await("every member emailed, the ledger settled").atMost(Duration.ofMinutes(4))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> smtp.recipients(id) == count && members.allSent(id, count));
        long done = System.nanoTime();
        Figures.print(cluster.work(), "3 SMTP down 30 s mid fan-out",
                "members %d, received before the outage %d, delivered %d, lost %d, duplicates %d; outage %s, SMTP back to all sent %s"
                    .formatted(count, atStop, smtp.recipients(id), count - smtp.recipients(id), smtp.duplicates(id),
                            Figures.seconds(down, back), Figures.seconds(back, done)));
        assertThat(smtp.recipients(id)).isEqualTo(count);
        assertThat(smtp.duplicates(id)).isLessThanOrEqualTo(HeraldCluster.EMAIL_CONCURRENCY);
    }

    @Test
    @Order(6)
    void postgresRestartedUnderLoadAndTheServicesRecoverWithoutRestarting() throws Exception {
        int count = 500;
        members.replaceWith("s4", count);
        UUID id = Announcements.id("s4-fan-out");
        SmtpSink smtp = cluster.smtp();
        Map<String, Long> pids = Map.of("publisher", cluster.publisher().pid(), "tagger", cluster.tagger().pid(),
                "notifier", cluster.notifier().pid());
        CountDownLatch underWay = new CountDownLatch(1);
        smtp.when(id, count / 5, underWay::countDown);
        List<PublishingLoad.Outcome> outcomes;
        long down;
        long back;
        try (PublishingLoad load = new PublishingLoad(announcements, "s4", false, 5)) {
            assertThat(announcements.postMatching("s4-fan-out")).isEqualTo(202);
            await("fan-out under way").atMost(Duration.ofMinutes(3)).until(() -> underWay.getCount() == 0);
            down = System.nanoTime();
            cluster.database().stop(Duration.ofSeconds(30));
            cluster.startDatabase();
            back = System.nanoTime();
            await("202 again").atMost(Duration.ofMinutes(3)).until(() -> load.acceptedStartedAfter(back) >= 10);
            load.close();
            outcomes = load.outcomes();
        }
        long firstAccepted = outcomes.stream()
            .filter((o) -> o.status() == 202 && o.started() - back > 0)
            .mapToLong(PublishingLoad.Outcome::ended)
            .min()
            .orElseThrow();
        List<UUID> accepted = outcomes.stream()
            .filter((o) -> o.status() == 202)
            .map(PublishingLoad.Outcome::id)
            .toList();
        await("fan-out complete, every accepted announcement taken in by the notifier").atMost(Duration.ofMinutes(4))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> smtp.recipients(id) == count && members.allSent(id, count)
                    && accepted.stream().allMatch(members::takenIn));
        long done = System.nanoTime();
        Figures.print(cluster.work(), "4 PostgreSQL restarted under load",
                "members %d, delivered %d, lost %d, duplicates %d; posts %d: 202 %d, 503 %d, other %s; accepted and taken in by the notifier %d; database down and back in %s, back to first 202 %s, back to fan-out complete %s; services restarted: none (pids unchanged)"
                    .formatted(count, smtp.recipients(id), count - smtp.recipients(id), smtp.duplicates(id),
                            outcomes.size(), accepted.size(),
                            outcomes.stream().filter((o) -> o.status() == 503).count(),
                            outcomes.stream()
                                .filter((o) -> o.status() != 202 && o.status() != 503)
                                .map(PublishingLoad.Outcome::status)
                                .toList(),
                            accepted.stream().filter(members::takenIn).count(), Figures.seconds(down, back),
                            Figures.seconds(back, firstAccepted), Figures.seconds(back, done)));
        assertThat(Map.of("publisher", cluster.publisher().pid(), "tagger", cluster.tagger().pid(), "notifier",
                cluster.notifier().pid()))
            .isEqualTo(pids);
        assertThat(outcomes).allMatch((o) -> o.status() == 202 || o.status() == 503);
        assertThat(smtp.recipients(id)).isEqualTo(count);
        assertThat(smtp.duplicates(id)).isLessThanOrEqualTo(HeraldCluster.EMAIL_CONCURRENCY);
    }

    private Set<String> writeAnnouncements(String prefix, int count) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        Set<String> ids = new java.util.HashSet<>();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(properties, new StringSerializer(),
                KafkaJson.valueSerializer())) {
            for (int n = 1; n <= count; n++) {
                String page = prefix + "-" + n;
                AnnouncementPublished announcement = new AnnouncementPublished(Announcements.id(page), "system-tests",
                        page, Announcements.url(page),
                        "UK and US sign Memorandum of Understanding on critical minerals",
                        "Securing critical mineral supply chains.", null, null, "Department for Business and Trade",
                        "press_release", Instant.now());
                producer.send(new ProducerRecord<>(Topics.ANNOUNCEMENTS, announcement.id().toString(), announcement));
                ids.add(announcement.id().toString());
            }
            producer.flush();
        }
        return ids;
    }

    private static int poll(KafkaConsumer<String, byte[]> consumer, Map<String, Integer> seen, Set<String> ids) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            if (ids.contains(record.key())) {
                seen.merge(record.key(), 1, Integer::sum);
            }
        }
        return seen.size();
    }

    private static Map<String, Long> countByKey(List<ConsumerRecord<String, byte[]>> all, Set<String> ids) {
        return all.stream()
            .map(ConsumerRecord::key)
            .filter(ids::contains)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /**
     * Bad JSON, an unknown type id, a value the event refuses and a well-formed record of
     * {@code hugeBytes}, keyed like the good record that follows.
     */
    private static void writePoison(KafkaProducer<String, byte[]> producer, String topic, String typeId, UUID key,
            int hugeBytes) throws Exception {
        Records.send(producer, poison(topic, key, typeId, "{\"id\": \"" + key + "\", \"title\": unquoted"));
        Records.send(producer, poison(topic, key, "announcement.unheard-of", "{\"id\": \"" + key + "\"}"));
        Records.send(producer, poison(topic, key, typeId, "{\"id\": \"" + key + "\", \"title\": null}"));
        String start = "{\"id\": \"" + key + "\", \"title\": \"huge\", \"body\": \"";
        Records.send(producer, poison(topic, key, typeId, start + "x".repeat(hugeBytes - start.length() - 2) + "\"}"));
    }

    private static ProducerRecord<String, byte[]> poison(String topic, UUID key, String typeId, String value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key.toString(),
                value.getBytes(StandardCharsets.UTF_8));
        record.headers().add("__TypeId__", typeId.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String topic, Map<TopicPartition, Long> from,
            UUID key, int expected) {
        return await(expected + " records on " + topic).atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> records.readAll(topic, from, "read_committed")
                .stream()
                .filter((record) -> key.toString().equals(record.key()))
                .toList(), (dead) -> dead.size() >= expected);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
    }

    private static List<String> reasons(List<ConsumerRecord<String, byte[]>> dead) {
        return dead.stream().map((record) -> {
            String reason = reason(record);
            return reason.length() > 160 ? reason.substring(0, 160) + "…" : reason;
        }).toList();
    }

    /** The dead letter holding the whole oversized record. */
    private static ConsumerRecord<String, byte[]> huge(List<ConsumerRecord<String, byte[]>> dead, int bytes) {
        List<ConsumerRecord<String, byte[]>> huge = dead.stream()
            .filter((record) -> record.value().length == bytes)
            .toList();
        assertThat(huge).hasSize(1);
        return huge.get(0);
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        // The message is Spring's "failed to deserialize"; the root cause, last in the
        // stack trace, says why.
        String reason = header(record, "kafka_dlt-exception-message");
        String trace = String.valueOf(header(record, "kafka_dlt-exception-stacktrace"));
        int cause = trace.lastIndexOf("Caused by: ");
        if (cause >= 0) {
            reason = reason + " <- " + trace.substring(cause + 11).lines().findFirst().orElse("");
        }
        return reason;
    }

}
