package org.herald.embedded.webhook;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the built-in webhook receiver got.
 *
 * @param id a stable id (the file name in the webhooks folder, without
 * {@code .properties})
 * @param receivedAt when it arrived
 * @param method the HTTP method
 * @param path the request path
 * @param headers the request headers in arrival order ({@code Authorization} and
 * {@code Cookie} values redacted)
 * @param body the raw body
 * @param verification whether its signature verified
 */
public record ReceivedWebhook(String id, Instant receivedAt, String method, String path,
        Map<String, List<String>> headers, String body, Verification verification) {

    public ReceivedWebhook {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** Whether the signature verified. */
    public boolean verified() {
        return this.verification.status() == Verification.Status.VERIFIED;
    }

    /** The first value of header {@code name} (case-insensitive), or {@code null}. */
    public String header(String name) {
        return this.headers.entrySet()
            .stream()
            .filter((entry) -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
            .map((entry) -> entry.getValue().get(0))
            .findFirst()
            .orElse(null);
    }

}
