package org.herald.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.herald.events.AnnouncementTagged;
import org.herald.notifier.delivery.Commentary;
import org.herald.notifier.delivery.EventKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a webhook,
 * {@code {"type":"announcement.published","timestamp","data":{...},"commentary":{...}}}:
 * the type is the event's ({@code announcement.published}, {@code .updated},
 * {@code .commented}); {@code data} the announcement at the revision the event carries;
 * {@code commentary}, when there is one, the association's commentary (for
 * {@code announcement.commented}, the version it is about). A published event also says
 * {@code "aliases":["announcement.tagged"]}, its name before ADR 6, for one release. The
 * body is kept under {@value #MAX_BYTES} bytes: when the announcement is too long, its
 * {@code body} is cut first, then its {@code summary}, then the evidence of its tags,
 * then its {@code title}; a cut text ends with "…" and {@code data.truncated} is
 * {@code true}. The {@code url}, the link to the source, is always kept whole.
 */
final class WebhookPayload {

    /**
     * The old name of {@code announcement.published}, kept as an alias for one release.
     */
    static final String LEGACY_PUBLISHED_TYPE = "announcement.tagged";

    /** Under 20 KB, as partners are promised. */
    static final int MAX_BYTES = 20 * 1024 - 1;

    private static final String ELLIPSIS = "…";

    private final JsonMapper json;

    WebhookPayload(JsonMapper json) {
        this.json = json;
    }

    /** The body of the announcement as published: the same for the same timestamp. */
    String body(AnnouncementTagged announcement, Instant timestamp) {
        return body(announcement, EventKind.PUBLISHED, null, timestamp);
    }

    /**
     * The body of an event: the same for the same announcement, event, commentary and
     * timestamp.
     */
    String body(AnnouncementTagged announcement, EventKind kind, @Nullable Commentary commentary, Instant timestamp) {
        ObjectNode payload = this.json.createObjectNode();
        payload.put("type", kind.webhookType());
        if (kind == EventKind.PUBLISHED) {
            payload.putArray("aliases").add(LEGACY_PUBLISHED_TYPE);
        }
        payload.put("timestamp", timestamp.toString());
        ObjectNode data = (ObjectNode) this.json.valueToTree(announcement);
        payload.set("data", data);
        data.remove("commentary"); // in its own field
        if (commentary != null) {
            ObjectNode node = payload.putObject("commentary");
            node.put("seq", commentary.seq());
            node.put("text", commentary.text());
            node.put("format", "markdown");
            node.put("writtenAt", commentary.createdAt().toString());
        }
        String body = write(payload);
        if (fits(body)) {
            return body;
        }
        data.put("truncated", true);
        for (String field : new String[] { "body", "summary" }) {
            body = cut(payload, data, field);
            if (fits(body)) {
                return body;
            }
        }
        JsonNode tags = data.get("tags");
        if (tags != null && tags.isArray()) {
            for (JsonNode tag : tags) {
                if (tag instanceof ObjectNode object) {
                    object.putArray("evidence");
                }
            }
            body = write(payload);
            if (fits(body)) {
                return body;
            }
        }
        return cut(payload, data, "title");
    }

    /**
     * Cuts {@code data.field} to the longest text that makes the body fit (or to
     * nothing).
     */
    private String cut(ObjectNode payload, ObjectNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isString()) {
            return write(payload);
        }
        String text = value.asString();
        int low = 0;
        int high = text.length();
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            data.put(field, shortened(text, middle));
            if (fits(write(payload))) {
                low = middle;
            }
            else {
                high = middle - 1;
            }
        }
        data.put(field, shortened(text, low));
        return write(payload);
    }

    private static String shortened(String text, int length) {
        int end = length;
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    private String write(ObjectNode payload) {
        return this.json.writeValueAsString(payload);
    }

    private static boolean fits(String body) {
        return body.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

}
