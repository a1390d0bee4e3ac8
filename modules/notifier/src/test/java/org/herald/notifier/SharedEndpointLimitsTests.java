package org.herald.notifier;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Topics;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notifier instances on one broker and one database, sending to one endpoint, hold
 * its rate limit and its cap on requests under way together (ADR 7), counted at a real
 * HTTP receiver: never more requests at once than the cap, never more in a window than
 * the rate allows, each message once, none lost.
 */
@EmbeddedKafka(partitions = 1, topics = Topics.ANNOUNCEMENTS_TAGGED,
        brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class SharedEndpointLimitsTests {

    private static final int MESSAGES = 30;

    private static final int RATE = 5;

    private static final int CAP = 2;

    private static final Duration HOLD = Duration.ofMillis(300);

    @Test
    void twoInstancesHoldTheRateLimitAndTheCapTogether(EmbeddedKafkaBroker broker) throws Exception {
        TestDatabase.Database database = TestDatabase.create();
        Receiver receiver = new Receiver();
        try {
            // Each instance alone could send 4 at once at 5 a second; a small pool
            // each, as the machine's PostgreSQL is shared.
            List<String> settings = List.of("--herald.notifier.dispatch.poll-interval=100ms",
                    "--herald.notifier.webhooks.allowed-networks=127.0.0.0/8",
                    "--herald.notifier.webhooks.concurrency=4",
                    "--herald.notifier.webhooks.endpoint-concurrency=" + CAP,
                    "--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=1");
            try (ConfigurableApplicationContext first = NotifierProcess.start(broker.getBrokersAsString(), database,
                    settings);
                    ConfigurableApplicationContext second = NotifierProcess.start(broker.getBrokersAsString(), database,
                            settings)) {
                TestApi api = NotifierProcess.api(first);
                assertThat(api.post("/api/v1/partners",
                        "{\"name\":\"Shared\",\"url\":\"" + receiver.url() + "\",\"contactEmail\":\"ops@example.org\""
                                + ",\"tags\":[\"shared-limits\"],\"rateLimit\":" + RATE + "}")
                    .statusCode()).isEqualTo(201);
                TaggedTopic topic = new TaggedTopic(NotifierProcess.kafka(first));
                for (int i = 0; i < MESSAGES; i++) {
                    AnnouncementTagged announcement = Announcements.taggedWith("shared-limits", 1);
                    topic.publish(announcement);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.arrivals.size() >= MESSAGES);
                // Nothing more comes: no message is sent twice.
                await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
                assertThat(sent(first)).as("sent by the first instance").isPositive();
                assertThat(sent(second)).as("sent by the second instance").isPositive();
                assertThat(sent(first) + sent(second)).isEqualTo(MESSAGES);
            }
            assertThat(receiver.ids).hasSize(MESSAGES);
            assertThat(new HashSet<>(receiver.ids)).as("each message once").hasSize(MESSAGES);
            assertThat(receiver.mostAtOnce.get()).as("requests under way at once").isLessThanOrEqualTo(CAP);
            List<Long> arrivals = new ArrayList<>(receiver.arrivals);
            arrivals.sort(null);
            // A bucket of a second's worth (RATE) refilled at RATE a second: in any two
            // seconds, at most 3 * RATE (one more for the time between claim and
            // arrival).
            long window = Duration.ofSeconds(2).toNanos();
            for (int i = 0; i < arrivals.size(); i++) {
                int inWindow = 0;
                for (int j = i; j < arrivals.size() && arrivals.get(j) - arrivals.get(i) < window; j++) {
                    inWindow++;
                }
                assertThat(inWindow).as("requests in the 2 s from arrival " + i).isLessThanOrEqualTo(3 * RATE + 1);
            }
            double seconds = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e9;
            assertThat(seconds).as("first to last request, s").isGreaterThanOrEqualTo(0.9 * (MESSAGES - RATE) / RATE);
        }
        finally {
            receiver.close();
        }
    }

    private static long sent(ConfigurableApplicationContext context) {
        return (long) context.getBean(MeterRegistry.class).counter("herald.webhooks.sent").count();
    }

    /**
     * A JDK HTTP server that holds each request a while and counts how many it holds at
     * once.
     */
    private static final class Receiver {

        private final HttpServer server;

        private final ExecutorService threads = Executors.newFixedThreadPool(16);

        private final AtomicInteger atOnce = new AtomicInteger();

        private final AtomicInteger mostAtOnce = new AtomicInteger();

        private final List<String> ids = new CopyOnWriteArrayList<>();

        private final List<Long> arrivals = new CopyOnWriteArrayList<>();

        Receiver() throws IOException {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            this.server.createContext("/hook", this::handle);
            this.server.setExecutor(this.threads);
            this.server.start();
        }

        String url() {
            return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
        }

        private void handle(HttpExchange exchange) throws IOException {
            int now = this.atOnce.incrementAndGet();
            this.mostAtOnce.accumulateAndGet(now, Math::max);
            this.arrivals.add(System.nanoTime());
            try {
                exchange.getRequestBody().readAllBytes();
                this.ids.add(exchange.getRequestHeaders().getFirst("webhook-id"));
                Thread.sleep(HOLD.toMillis());
                byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
                this.atOnce.decrementAndGet();
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                this.atOnce.decrementAndGet();
            }
            finally {
                exchange.close();
            }
        }

        void close() {
            this.server.stop(0);
            this.threads.shutdownNow();
        }

    }

}
