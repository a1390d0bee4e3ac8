package org.herald.systemtests;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.herald.events.AnnouncementPublished;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;
import org.herald.support.kafka.KafkaJson;
import org.herald.systemtests.cluster.HeraldCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random hostile input (≥ 1,000 cases a run; the seed is printed, and
 * {@code -Dherald.fuzz.seed=<seed>} replays a run) against the publisher's API on the
 * running cluster and against the event deserialisers: malformed, oversized, deeply
 * nested, wrongly typed, oddly encoded. Every answer is a 4xx problem detail (or a 202
 * for the rare valid case), never a 5xx; every 202 and only a 202 leaves a row and a
 * record.
 */
@ExtendWith(SharedCluster.class)
class HostileInputIT {

    private static final int CASES = 1200;

    private static final String[] FIELDS = { "source", "externalId", "url", "title", "summary", "body", "publishedAt",
            "organisation", "documentType" };

    private static HeraldCluster cluster;

    private static Announcements announcements;

    private static Records records;

    @BeforeAll
    static void cluster(HeraldCluster shared) {
        cluster = shared;
        announcements = new Announcements(shared);
        records = new Records(shared);
    }

    @Test
    void publisherAnswersEveryHostileRequestWithA4xxProblemAndWritesOnlyWhatItAccepts() throws Exception {
        long seed = Long.getLong("herald.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        long rowsBefore = publishedRows();
        long recordsBefore = total(records.endOffsets(Topics.ANNOUNCEMENTS));
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int updates = 0;
        for (int n = 0; n < CASES; n++) {
            Case hostile = hostile(random, n);
            HttpResponse<String> response = announcements.post(HttpRequest.BodyPublishers.ofByteArray(hostile.body()),
                    hostile.contentType());
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            kinds.merge(hostile.kind(), 1, Integer::sum);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (status == 200 && response.body().replace(" ", "").contains("\"duplicate\":true")) {
                continue; // a page posted before (the fixed bad URLs): answered, written
                          // nowhere
            }
            if (status == 202) {
                // A page posted before (the fixed bad URLs) with the same content is a
                // duplicate, written nowhere; with other content from the same source it
                // is an update: its next revision is written to the topic, its row kept.
                String body = response.body().replace(" ", "");
                if (body.contains("\"duplicate\":false")) {
                    accepted++;
                    updates += body.contains("\"revision\":0") ? 0 : 1;
                }
            }
            else if (status < 400 || status >= 500 || !contentType.startsWith("application/problem+json")) {
                failures.add("case " + n + " (" + hostile.kind() + "): " + status + " " + contentType + " "
                        + abbreviate(response.body()));
            }
        }
        long rows = publishedRows() - rowsBefore;
        long written = total(records.endOffsets(Topics.ANNOUNCEMENTS)) - recordsBefore;
        Figures.print(cluster.work(), "hostile input: publisher API",
                "seed %d (replay: -Dherald.fuzz.seed=%d), %d cases %s, answers %s (200: a duplicate of a page posted before); 202 new %d, of which updates %d, rows written %d, records written %d, bad answers %d"
                    .formatted(seed, seed, CASES, kinds, statuses, accepted, updates, rows, written, failures.size()));
        assertThat(failures).as("seed " + seed).isEmpty();
        assertThat(rows).as("seed " + seed + ": a row for each new page, none for an update")
            .isEqualTo(accepted - updates);
        assertThat(written).as("seed " + seed).isEqualTo(accepted);
    }

    @Test
    void eventDeserialisersTurnHostileBytesIntoDeadLetterableFailuresNeverCrashes() {
        long seed = Long.getLong("herald.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        Map<String, Integer> outcomes = new TreeMap<>();
        try (ErrorHandlingDeserializer<Object> deserializer = new ErrorHandlingDeserializer<>()) {
            deserializer.configure(new HashMap<>(KafkaJson.consumerProperties()), false);
            for (int n = 0; n < CASES; n++) {
                Case hostile = hostile(random, n);
                boolean tagged = random.nextBoolean();
                RecordHeaders headers = new RecordHeaders();
                String typeId = switch (random.nextInt(4)) {
                    case 0 -> "org.herald.events.AnnouncementPublished";
                    case 1 -> "java.lang.ProcessBuilder";
                    default -> tagged ? Topics.TYPE_ANNOUNCEMENT_TAGGED : Topics.TYPE_ANNOUNCEMENT_PUBLISHED;
                };
                headers.add("__TypeId__", typeId.getBytes(StandardCharsets.UTF_8));
                Object value = deserializer.deserialize(tagged ? Topics.ANNOUNCEMENTS_TAGGED : Topics.ANNOUNCEMENTS,
                        headers, hostile.body());
                String outcome;
                if (value == null
                        && headers.lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) == null) {
                    // Only an empty value or JSON null reads as null (a tombstone): the
                    // listener, which takes an
                    // event, refuses it and the error handler dead-letters it.
                    assertThat(new String(hostile.body(), StandardCharsets.UTF_8).strip())
                        .as("seed %d case %d", seed, n)
                        .isIn("", "null");
                    outcome = "null value (empty or JSON null)";
                }
                else if (value == null) {
                    assertThat(headers.lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER))
                        .as("seed %d case %d: a failure is reported for the dead-letter topic", seed, n)
                        .isNotNull();
                    outcome = "dead-lettered";
                }
                else {
                    assertThat(value).as("seed %d case %d", seed, n)
                        .isInstanceOfAny(AnnouncementPublished.class, AnnouncementTagged.class);
                    outcome = "read as " + value.getClass().getSimpleName();
                }
                outcomes.merge(outcome, 1, Integer::sum);
            }
        }
        Figures.print(cluster.work(), "hostile input: event deserialisers",
                "seed %d, %d cases: %s".formatted(seed, CASES, outcomes));
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CASES);
    }

    private static Case hostile(Random random, int n) {
        int kind = random.nextInt(10);
        return switch (kind) {
            case 0 -> new Case("random bytes", bytes(random, random.nextInt(2048)), "application/json");
            case 1 -> {
                byte[] valid = valid(random, n).getBytes(StandardCharsets.UTF_8);
                byte[] cut = new byte[random.nextInt(valid.length)];
                System.arraycopy(valid, 0, cut, 0, cut.length);
                yield new Case("truncated", cut, "application/json");
            }
            case 2 -> {
                int depth = 1 + random.nextInt(50_000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                String nested = open.repeat(depth) + "1" + close.repeat(depth);
                String body = random.nextBoolean() ? nested
                        : valid(random, n).replace("\"title\":", "\"title\":" + nested + ",\"x\":");
                yield new Case("deeply nested", utf8(body), "application/json");
            }
            case 3 -> new Case("wrong type", utf8(valid(random, n)
                .replace("\"" + FIELDS[random.nextInt(FIELDS.length)] + "\":\"", "\"ignored\":\"")
                .replaceFirst("\\{", "{\"" + FIELDS[random.nextInt(FIELDS.length)] + "\":" + wrongValue(random) + ",")),
                    "application/json");
            case 4 -> new Case("oversized", utf8(valid(random, n).replace("\"body\":\"",
                    "\"body\":\"" + "x".repeat(200_000 + random.nextInt(400_000)))), "application/json");
            case 5 -> new Case("utf-16", valid(random, n).getBytes(StandardCharsets.UTF_16),
                    random.nextBoolean() ? "application/json" : "application/json; charset=UTF-16");
            case 6 -> new Case("odd characters",
                    utf8(valid(random, n).replace("\"title\":\"", "\"title\":\"" + oddText(random))),
                    "application/json");
            case 7 -> new Case("bad url",
                    utf8(valid(random, n).replaceFirst("\"url\":\"[^\"]*\"", "\"url\":\"" + badUrl(random) + "\"")),
                    "application/json");
            case 8 -> new Case("wrong content type", utf8(valid(random, n)),
                    random.nextBoolean() ? "text/plain" : "application/x-www-form-urlencoded");
            default -> new Case("not an object",
                    utf8(List.of("null", "[]", "\"x\"", "42", "true", "", " ", "{}", "{\"title\":\"t\"}")
                        .get(random.nextInt(9))),
                    "application/json");
        };
    }

    /**
     * A valid announcement that matches no subscription, so the scenarios' members are
     * not emailed it.
     */
    private static String valid(Random random, int n) {
        return ("{\"source\":\"fuzz\",\"externalId\":\"f-%d\",\"url\":\"https://www.gov.uk/government/news/fuzz-%d-%d\","
                + "\"title\":\"Visitor centre opening hours %d\",\"summary\":\"Summary\",\"body\":\"Body\","
                + "\"publishedAt\":\"2026-02-04T09:00:00Z\",\"organisation\":\"Cabinet Office\",\"documentType\":\"press_release\"}")
            .formatted(n, n, random.nextInt(1_000_000), n);
    }

    private static String wrongValue(Random random) {
        return List.of("42", "-1e400", "true", "[1,2,3]", "{\"nested\":{}}", "null", "\"\"", "[\"a\"]", "1.5")
            .get(random.nextInt(9));
    }

    private static String oddText(Random random) {
        return List
            .of("\\u0000", "\\ud800", "\\udfff\\ud800", "\\u202e\\u202d", "\\r\\nBcc: x@y.z", "\\uFEFF", "\\t\\b\\f",
                    "\uD83D\uDE00", "\\\\\\\"", "%00%0d%0a")
            .get(random.nextInt(10));
    }

    private static String badUrl(Random random) {
        return List
            .of("javascript:alert(1)", "/relative/path", "ftp://www.gov.uk/x", "https://", "http://[::1",
                    "https://www.gov.uk/" + "a".repeat(10_000), "file:///etc/passwd", "https://user:pw@www.gov.uk/x",
                    "", "  ", "https://www.gov.uk/\\u0000")
            .get(random.nextInt(11));
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
    }

    private static long publishedRows() throws SQLException {
        try (Connection connection = cluster.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM publisher.published_announcement")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private record Case(String kind, byte[] body, String contentType) {
    }

}
