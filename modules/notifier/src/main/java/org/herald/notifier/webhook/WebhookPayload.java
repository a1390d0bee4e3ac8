package org.herald.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.herald.events.AnnouncementTagged;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a webhook, {@code {"type":"announcement.tagged","timestamp","data":{...}}},
 * kept under {@value #MAX_BYTES} bytes: when the announcement is too long, its
 * {@code body} is cut first, then its {@code summary}, then the evidence of its tags,
 * then its {@code title}; a cut text ends with "…" and {@code data.truncated} is
 * {@code true}. The {@code url}, the link to the source, is always kept whole.
 */
final class WebhookPayload {

    static final String EVENT_TYPE = "announcement.tagged";

    /** Under 20 KB, as partners are promised. */
    static final int MAX_BYTES = 20 * 1024 - 1;

    private static final String ELLIPSIS = "…";

    private final JsonMapper json;

    WebhookPayload(JsonMapper json) {
        this.json = json;
    }

    /** The body: the same for the same announcement and timestamp. */
    String body(AnnouncementTagged announcement, Instant timestamp) {
        ObjectNode payload = this.json.createObjectNode();
        payload.put("type", EVENT_TYPE);
        payload.put("timestamp", timestamp.toString());
        ObjectNode data = (ObjectNode) this.json.valueToTree(announcement);
        payload.set("data", data);
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
