package org.herald.notifier.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.herald.support.net.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhook HTTP client over real sockets: it connects only through the guard, to the
 * address the guard checked.
 */
class GuardedHttpClientTests {

    private final MockWebServer server = new MockWebServer();

    private final WebhookProperties properties = new WebhookProperties(WebhookProperties.DEVELOPMENT_SECRET_KEY, 4,
            Duration.ofSeconds(5), Duration.ofSeconds(15), List.of(Duration.ZERO), 0, List.of(), false,
            Duration.ofDays(5), Duration.ofHours(24), 10, 2);

    @BeforeEach
    void start() throws IOException {
        this.server.enqueue(new MockResponse.Builder().code(200).build());
        this.server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        this.server.close();
    }

    @Test
    void refusesANameThatResolvesToLoopbackBeforeConnecting() throws IOException {
        try (CloseableHttpClient http = GuardedHttpClient.httpClient(this.properties,
                EndpointGuard.of(List.of(), false))) {
            assertThatThrownBy(() -> post(http, "http://localhost:" + this.server.getPort() + "/hook"))
                .isInstanceOf(RefusedEndpointException.class)
                .hasMessageContaining(
                        "127.0.0.1 is a loopback address (127.0.0.0/8) (localhost resolves to 127.0.0.1)");
            assertThatThrownBy(() -> post(http, "http://127.0.0.1:" + this.server.getPort() + "/hook"))
                .isInstanceOf(RefusedEndpointException.class);
        }
        assertThat(this.server.getRequestCount()).isZero();
    }

    @Test
    void connectsToTheAddressTheGuardCheckedAndAdmitted() throws Exception {
        EndpointGuard guard = new EndpointGuard(List.of(Network.parse("127.0.0.0/8")), false,
                (host) -> host.equals("partner.test") ? new InetAddress[] { InetAddress.getByName("127.0.0.1") }
                        : InetAddress.getAllByName(host));
        try (CloseableHttpClient http = GuardedHttpClient.httpClient(this.properties, guard)) {
            assertThat(post(http, "http://partner.test:" + this.server.getPort() + "/hook")).isEqualTo(200);
        }
        assertThat(this.server.takeRequest().getHeaders().get("Host")).startsWith("partner.test");
    }

    @Test
    void connectsOnlyToTheAdmittedAddressesOfAName() throws Exception {
        EndpointGuard guard = new EndpointGuard(List.of(Network.parse("127.0.0.0/8")), false,
                (host) -> new InetAddress[] { InetAddress.getByName("10.0.0.1"), InetAddress.getByName("127.0.0.1") });
        assertThat(guard.resolve("partner.test")).containsExactly(InetAddress.getByName("127.0.0.1"));
        try (CloseableHttpClient http = GuardedHttpClient.httpClient(this.properties, guard)) {
            assertThat(post(http, "http://partner.test:" + this.server.getPort() + "/hook")).isEqualTo(200);
        }
        assertThat(this.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void refusesANameWhoseEveryAddressIsInternal() throws IOException {
        EndpointGuard guard = new EndpointGuard(List.of(), false,
                (host) -> new InetAddress[] { InetAddress.getByName("10.0.0.1"), InetAddress.getByName("127.0.0.1") });
        try (CloseableHttpClient http = GuardedHttpClient.httpClient(this.properties, guard)) {
            assertThatThrownBy(() -> post(http, "http://partner.test:" + this.server.getPort() + "/hook"))
                .isInstanceOf(RefusedEndpointException.class)
                .hasMessageContaining("10.0.0.1 is a private address");
        }
        assertThat(this.server.getRequestCount()).isZero();
    }

    private static int post(CloseableHttpClient http, String url) throws IOException {
        try (ClassicHttpResponse response = http.executeOpen(null, new HttpPost(url), null)) {
            return response.getCode();
        }
    }

}
