package org.herald.publisher.announcement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client of a running publisher, for tests.
 */
final class PublisherHttp {

    static final String PUBLISH_PATH = "/api/v1/announcements";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private final String baseUrl;

    PublisherHttp(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** Posts {@code announcement} as JSON with {@code key}. */
    Response publish(Map<String, ?> announcement, String key) {
        return post(PUBLISH_PATH, json(announcement), "application/json", key);
    }

    Response post(String path, String body, String contentType, String key) {
        return send(request(path, contentType, key).POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Posts {@code body} without a Content-Length, in chunks. */
    Response postChunked(String path, byte[] body, String contentType, String key) {
        BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        return send(request(path, contentType, key).POST(chunked));
    }

    Response get(String path, String key) {
        return send(request(path, null, key).GET());
    }

    private HttpRequest.Builder request(String path, String contentType, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
            .timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = this.client.send(request.build(), BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /**
     * An HTTP response.
     *
     * @param status the status code
     * @param contentType the Content-Type header, if any
     * @param retryAfter the Retry-After header, if any
     * @param body the body text
     */
    record Response(int status, String contentType, String retryAfter, String body) {

        JsonNode json() {
            return JSON.readTree(this.body);
        }

        @Override
        public String toString() {
            return this.status + " " + this.contentType + " " + this.body;
        }

    }

}
