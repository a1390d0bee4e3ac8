package org.herald.publisher.feed;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedFetcherTests {

    private final MockWebServer server = new MockWebServer();

    private final FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(2), 1000);

    @BeforeEach
    void start() throws IOException {
        this.server.start(0);
    }

    @AfterEach
    void stop() {
        this.server.close();
    }

    @Test
    void fetchesTheDocument() {
        this.server.enqueue(new MockResponse.Builder().code(200).body("<feed/>").build());

        assertThat(new String(this.fetcher.fetch(url()))).isEqualTo("<feed/>");
    }

    @Test
    void followsRedirects() {
        this.server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/moved.atom").build());
        this.server.enqueue(new MockResponse.Builder().code(200).body("<feed/>").build());

        assertThat(new String(this.fetcher.fetch(url()))).isEqualTo("<feed/>");
    }

    @Test
    void refusesAnythingButOk() {
        this.server.enqueue(new MockResponse.Builder().code(503).body("down for maintenance").build());

        assertThatExceptionOfType(InvalidFeedException.class).isThrownBy(() -> this.fetcher.fetch(url()))
            .withMessageContaining("503");
    }

    @Test
    void refusesADocumentOverTheLimit() {
        this.server.enqueue(new MockResponse.Builder().code(200).body("x".repeat(1001)).build());

        assertThatExceptionOfType(InvalidFeedException.class).isThrownBy(() -> this.fetcher.fetch(url()))
            .withMessageContaining("larger than 1000 bytes");
    }

    @Test
    void givesUpOnAServerThatDoesNotAnswerInTime() {
        this.server
            .enqueue(new MockResponse.Builder().code(200).body("<feed/>").headersDelay(5, TimeUnit.SECONDS).build());

        assertThatExceptionOfType(InvalidFeedException.class).isThrownBy(() -> this.fetcher.fetch(url()));
    }

    @Test
    void givesUpOnABodyThatTrickles() {
        this.server.enqueue(new MockResponse.Builder().code(200)
            .body("<feed>" + "x".repeat(500) + "</feed>")
            .throttleBody(10, 1, TimeUnit.SECONDS)
            .build());
        long start = System.nanoTime();

        assertThatExceptionOfType(InvalidFeedException.class).isThrownBy(() -> this.fetcher.fetch(url()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    private URI url() {
        return this.server.url("/feed.atom").uri();
    }

}
