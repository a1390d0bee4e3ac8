package org.herald.notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * A real HTTP server (MockWebServer, on a free port) that receives webhooks: it answers
 * each path as the test says ({@link #answer}), 200 by default, and keeps what came, in
 * order, with the time it came. A JUnit 5 extension for a whole test class
 * ({@code @RegisterExtension static final WebhookReceiver receiver = new WebhookReceiver();})
 * or, {@link #start() started} by hand, a resource for one test.
 */
public final class WebhookReceiver implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final MockWebServer server = new MockWebServer();

    private final Map<String, IntFunction<MockResponse>> answers = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private final Map<String, List<RecordedRequest>> received = new ConcurrentHashMap<>();

    private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        this.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                int call = WebhookReceiver.this.calls.computeIfAbsent(path, (key) -> new AtomicInteger())
                    .incrementAndGet();
                WebhookReceiver.this.received.computeIfAbsent(path, (key) -> new CopyOnWriteArrayList<>()).add(request);
                WebhookReceiver.this.arrivals.computeIfAbsent(path, (key) -> new CopyOnWriteArrayList<>())
                    .add(System.nanoTime());
                IntFunction<MockResponse> answer = WebhookReceiver.this.answers.get(path);
                return (answer != null) ? answer.apply(call) : new MockResponse.Builder().code(200).body("ok").build();
            }
        });
    }

    /** Starts the server; answers this receiver. */
    public WebhookReceiver start() {
        try {
            this.server.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    /** What {@code path} answers to its n-th call (from 1). */
    public void answer(String path, IntFunction<MockResponse> answer) {
        this.answers.put(path, answer);
    }

    public HttpUrl url(String path) {
        return this.server.url(path);
    }

    /** How many calls {@code path} has had. */
    public int calls(String path) {
        AtomicInteger count = this.calls.get(path);
        return (count != null) ? count.get() : 0;
    }

    /** Whether {@code path} has had any call. */
    public boolean called(String path) {
        return this.received.containsKey(path);
    }

    /** The requests to {@code path} so far, in order. */
    public List<RecordedRequest> received(String path) {
        return List.copyOf(this.received.getOrDefault(path, List.of()));
    }

    /** When each request to {@code path} came ({@link System#nanoTime()}), in order. */
    public List<Long> arrivals(String path) {
        return List.copyOf(this.arrivals.getOrDefault(path, List.of()));
    }

    /** Waits (30 s at the most) for {@code count} requests to {@code path}. */
    public List<RecordedRequest> awaitRequests(String path, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> calls(path) >= count);
        return received(path);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        this.server.close();
    }

}
