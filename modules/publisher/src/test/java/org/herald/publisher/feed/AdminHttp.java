package org.herald.publisher.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the publisher's API, for tests.
 */
final class AdminHttp {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private final String baseUrl;

    private final String key;

    AdminHttp(int port, String key) {
        this.baseUrl = "http://localhost:" + port;
        this.key = key;
    }

    Response post(String path, Map<String, ?> body) {
        return send(request(path).header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    Response put(String path, Map<String, ?> body) {
        return send(request(path).header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Adds a source and returns its id. */
    String createSource(String name, String kind, String url, String interval) {
        Response response = post("/api/v1/sources",
                Map.of("name", name, "kind", kind, "url", url, "interval", interval));
        if (response.status() != 201) {
            throw new IllegalStateException("Could not add source " + name + ": " + response);
        }
        return response.json().get("id").asString();
    }

    /** The status of source {@code id}. */
    JsonNode status(String id) {
        return get("/api/v1/sources/" + id).json().get("status");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + this.key);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var response = this.client.send(request.build(), BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    record Response(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(this.body);
        }

        @Override
        public String toString() {
            return this.status + " " + this.contentType + " " + this.body;
        }

    }

}
