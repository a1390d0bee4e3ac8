package org.herald.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.herald.events.AnnouncementIds;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.notifier.Announcements;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPayloadTests {

    private final JsonMapper json = JsonMapper.shared();

    private final WebhookPayload payload = new WebhookPayload(this.json);

    @Test
    void wrapsTheAnnouncementWithItsTypeAndTimestamp() {
        AnnouncementTagged mou = Announcements.criticalMineralsMou();
        JsonNode body = this.json.readTree(this.payload.body(mou, Instant.parse("2026-02-04T10:07:00Z")));
        assertThat(body.get("type").asString()).isEqualTo("announcement.published");
        assertThat(body.get("timestamp").asString()).isEqualTo("2026-02-04T10:07:00Z");
        assertThat(body.get("data").get("url").asString()).isEqualTo(mou.url());
        assertThat(body.get("data").get("body").asString()).isEqualTo(mou.body());
        assertThat(body.get("data").has("truncated")).isFalse();
    }

    @Test
    void cutsALongBodyToStayUnder20KbAndKeepsTheSourceLink() {
        String url = "https://www.gov.uk/government/news/a-very-long-announcement";
        String longBody = "Critical minerals \"quoted\" – café. ".repeat(3000); // about
                                                                                // 100 KB
        assertThat(longBody.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(100_000);
        AnnouncementTagged long_ = new AnnouncementTagged(AnnouncementIds.idFor(url), "gov-uk", "x", url, "Long",
                "A summary", longBody, null, null, null, Instant.now(), List.of(new TagMatch("critical-minerals", 3.0,
                        List.of(new Evidence("critical minerals", "body", 3.0)))),
                2, "sha256:test", Instant.now());

        String body = this.payload.body(long_, Instant.now());

        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThan(20 * 1024).isGreaterThan(19 * 1024);
        JsonNode data = this.json.readTree(body).get("data");
        assertThat(data.get("url").asString()).isEqualTo(url);
        assertThat(data.get("truncated").asBoolean()).isTrue();
        assertThat(data.get("body").asString()).startsWith("Critical minerals \"quoted\"").endsWith("…");
        assertThat(data.get("summary").asString()).isEqualTo("A summary");
        assertThat(data.get("tags").get(0).get("tag").asString()).isEqualTo("critical-minerals");
    }

}
