package org.herald.publisher.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A real local HTTP server standing in for GOV.UK: each test routes paths of its own to
 * answers, and the server keeps every request with the time it came.
 */
final class FeedServer implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();

    private final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();

    private final List<Received> received = new CopyOnWriteArrayList<>();

    FeedServer() {
        this.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                FeedServer.this.received.add(new Received(path, request, Instant.now()));
                Function<RecordedRequest, MockResponse> route = FeedServer.this.routes.get(path);
                return (route != null) ? route.apply(request) : new MockResponse.Builder().code(404).build();
            }
        });
    }

    FeedServer start() throws IOException {
        this.server.start(0);
        return this;
    }

    void route(String path, Function<RecordedRequest, MockResponse> answer) {
        this.routes.put(path, answer);
    }

    String url(String pathAndQuery) {
        return this.server.url(pathAndQuery).toString();
    }

    /** The requests for {@code path}, in order. */
    List<Received> requests(String path) {
        return this.received.stream().filter((request) -> request.path().equals(path)).toList();
    }

    /** A 200 with {@code fixture}, its {@code {{p}}} replaced by {@code prefix}. */
    static MockResponse sample(String fixture, String prefix, String contentType) {
        return new MockResponse.Builder().code(200)
            .addHeader("Content-Type", contentType)
            .body(fixture(fixture, prefix))
            .build();
    }

    static String fixture(String fixture, String prefix) {
        return new String(SampleFeeds.bytes(fixture), StandardCharsets.UTF_8).replace("{{p}}", prefix);
    }

    @Override
    public void close() {
        this.server.close();
    }

    record Received(String path, RecordedRequest request, Instant at) {
    }

}
