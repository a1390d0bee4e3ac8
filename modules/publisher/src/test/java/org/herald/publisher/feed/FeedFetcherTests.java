package org.herald.publisher.feed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.hc.core5.http.message.BasicHeader;
import org.herald.support.net.AddressGuard;
import org.herald.support.net.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedFetcherTests {

    private static final List<Network> LOOPBACK = List.of(Network.parse("127.0.0.0/8"), Network.parse("::1"));

    private final MockWebServer server = new MockWebServer();

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    private final FeedFetcher fetcher = new FeedFetcher(guard(LOOPBACK), Duration.ofSeconds(2), 1000, this.clock);

    @BeforeEach
    void start() throws IOException {
        this.server.start(0);
    }

    @AfterEach
    void stop() throws IOException {
        this.server.close();
        this.fetcher.close();
    }

    @Test
    void fetchesTheDocumentWithItsValidatorsNamingHerald() throws InterruptedException {
        this.server.enqueue(new MockResponse.Builder().code(200)
            .addHeader("ETag", "\"abc\"")
            .addHeader("Last-Modified", "Fri, 20 Nov 2026 09:30:00 GMT")
            .body("<feed/>")
            .build());

        FeedResponse response = this.fetcher.fetch(url(), null, null);

        assertThat(new String(response.body())).isEqualTo("<feed/>");
        assertThat(response.etag()).isEqualTo("\"abc\"");
        assertThat(response.lastModified()).isEqualTo("Fri, 20 Nov 2026 09:30:00 GMT");
        assertThat(this.server.takeRequest().getHeaders().get("User-Agent")).startsWith("Herald-Publisher/");
    }

    @Test
    void asksConditionallyAndTakesA304ForNotModified() throws InterruptedException {
        this.server.enqueue(new MockResponse.Builder().code(304).build());

        FeedResponse response = this.fetcher.fetch(url(), "\"abc\"", "Fri, 20 Nov 2026 09:30:00 GMT");

        assertThat(response.status()).isEqualTo(304);
        RecordedRequest request = this.server.takeRequest();
        assertThat(request.getHeaders().get("If-None-Match")).isEqualTo("\"abc\"");
        assertThat(request.getHeaders().get("If-Modified-Since")).isEqualTo("Fri, 20 Nov 2026 09:30:00 GMT");
    }

    @Test
    void followsRedirects() {
        this.server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/moved.atom").build());
        this.server.enqueue(new MockResponse.Builder().code(200).body("<feed/>").build());

        assertThat(new String(this.fetcher.fetch(url(), null, null).body())).isEqualTo("<feed/>");
    }

    @Test
    void reportsThrottlingWithItsRetryAfter() {
        this.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
        this.server.enqueue(new MockResponse.Builder().code(503)
            .addHeader("Retry-After", "Fri, 20 Nov 2026 10:05:00 GMT")
            .body("down for maintenance")
            .build());

        FeedResponse throttled = this.fetcher.fetch(url(), null, null);
        FeedResponse unavailable = this.fetcher.fetch(url(), null, null);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(this.fetcher.retryAfter(new BasicHeader("Retry-After", "soon"))).isNull();
    }

    @Test
    void refusesOtherStatuses() {
        this.server.enqueue(new MockResponse.Builder().code(404).build());

        assertThatExceptionOfType(InvalidFeedException.class).isThrownBy(() -> this.fetcher.fetch(url(), null, null))
            .withMessageContaining("404");
    }

    @Test
    void refusesADocumentOverTheLimit() {
        this.server.enqueue(new MockResponse.Builder().code(200).body("x".repeat(1001)).build());

        assertThatExceptionOfType(InvalidFeedException.class).isThrownBy(() -> this.fetcher.fetch(url(), null, null))
            .withMessageContaining("larger than 1000 bytes");
    }

    @Test
    void givesUpOnAServerThatDoesNotAnswerInTime() {
        this.server
            .enqueue(new MockResponse.Builder().code(200).body("<feed/>").headersDelay(5, TimeUnit.SECONDS).build());

        assertThatExceptionOfType(InvalidFeedException.class).isThrownBy(() -> this.fetcher.fetch(url(), null, null));
    }

    @Test
    void givesUpOnABodyThatTrickles() {
        this.server.enqueue(new MockResponse.Builder().code(200)
            .body("<feed>" + "x".repeat(500) + "</feed>")
            .throttleBody(10, 1, TimeUnit.SECONDS)
            .build());
        long start = System.nanoTime();

        assertThatExceptionOfType(InvalidFeedException.class).isThrownBy(() -> this.fetcher.fetch(url(), null, null));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void refusesAtTheFetchANameThatResolvesToAnInternalAddress() throws IOException {
        // The name passed the check when the source was added; it resolves to loopback
        // now.
        AddressGuard rebinding = new AddressGuard(List.of(), false,
                (host) -> new InetAddress[] { InetAddress.getByName("127.0.0.1") }, "herald.test.allowed-networks");
        this.server.enqueue(new MockResponse.Builder().code(200).body("<feed/>").build());
        URI url = URI.create("http://feeds.example:" + this.server.getPort() + "/feed.atom");
        try (FeedFetcher guarded = new FeedFetcher(rebinding, Duration.ofSeconds(2), 1000, this.clock)) {
            assertThatExceptionOfType(InvalidFeedException.class).isThrownBy(() -> guarded.fetch(url, null, null))
                .withMessageContaining("Refused by the SSRF guard")
                .withMessageContaining("loopback");
        }
        assertThat(this.server.getRequestCount()).isZero();
        AddressGuard admitted = new AddressGuard(LOOPBACK, false,
                (host) -> new InetAddress[] { InetAddress.getByName("127.0.0.1") }, "herald.test.allowed-networks");
        try (FeedFetcher guarded = new FeedFetcher(admitted, Duration.ofSeconds(2), 1000, this.clock)) {
            assertThat(guarded.fetch(url, null, null).ok()).isTrue();
        }
    }

    @Test
    void refusesTheMetadataAddressAtTheFetch() throws IOException {
        AddressGuard publicOnly = new AddressGuard(
                List.of(), false, (host) -> host.equals("feeds.example")
                        ? new InetAddress[] { InetAddress.getByName("93.184.215.14") } : InetAddress.getAllByName(host),
                "herald.test.allowed-networks");
        try (FeedFetcher guarded = new FeedFetcher(publicOnly, Duration.ofSeconds(2), 1000, this.clock)) {
            assertThatExceptionOfType(InvalidFeedException.class)
                .isThrownBy(() -> guarded.fetch(URI.create("http://169.254.169.254/latest/meta-data"), null, null))
                .withMessageContaining("cloud metadata");
        }
    }

    private static AddressGuard guard(List<Network> allowed) {
        return new AddressGuard(allowed, false, InetAddress::getAllByName, "herald.test.allowed-networks");
    }

    private URI url() {
        return this.server.url("/feed.atom").uri();
    }

}
