package org.herald.notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls the notifier's HTTP API over a real socket.
 */
public final class TestApi {

    public static final String ADMIN_KEY = "test-admin-key";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public TestApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> post(String path, String body) {
        return post(path, body, ADMIN_KEY, "application/json");
    }

    public HttpResponse<String> post(String path, String body, String key, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(authorised(request, key));
    }

    public HttpResponse<String> get(String path) {
        return get(path, ADMIN_KEY);
    }

    public HttpResponse<String> get(String path, String key) {
        return send(authorised(
                HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(20)).GET(), key));
    }

    /** Any method, with the admin key; {@code body} null sends none. */
    public HttpResponse<String> call(String method, String path, String body) {
        return call(method, path, body, "application/json");
    }

    public HttpResponse<String> call(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
            .timeout(Duration.ofSeconds(20))
            .method(method,
                    (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return send(authorised(request, ADMIN_KEY));
    }

    /**
     * A request without any key, to a full URL on this server (the members' public
     * pages).
     */
    public HttpResponse<String> anonymous(String method, String url, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .method(method,
                    (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public String base() {
        return this.base;
    }

    /** Creates a member and answers their id. */
    public String createMember(String json) {
        HttpResponse<String> response = post("/api/v1/members", json);
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "Could not create member: " + response.statusCode() + " " + response.body());
        }
        return json(response).get("id").asString();
    }

    /**
     * The deliveries of an announcement, as {@code GET /api/v1/deliveries} lists them.
     */
    public JsonNode deliveries(UUID announcementId) {
        return json(get("/api/v1/deliveries?announcementId=" + announcementId));
    }

    /**
     * Waits (30 s at the most) until the one delivery of {@code announcementId} has
     * {@code status}, and answers it.
     */
    public JsonNode awaitDelivery(UUID announcementId, String status) {
        return awaitDelivery(announcementId,
                (delivery) -> assertThat(delivery.get("status").asString()).isEqualTo(status));
    }

    /**
     * Waits (30 s at the most) until the announcement has one delivery and it meets
     * {@code requirements} (assertions), and answers it.
     */
    public JsonNode awaitDelivery(UUID announcementId, Consumer<JsonNode> requirements) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deliveries = deliveries(announcementId);
            assertThat(deliveries).hasSize(1);
            requirements.accept(deliveries.get(0));
            found[0] = deliveries.get(0);
        });
        return found[0];
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request, String key) {
        return (key != null) ? request.header("Authorization", "Bearer " + key) : request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
