package org.herald.app;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.herald.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The app is safe by default: it listens on 127.0.0.1 unless told otherwise, refuses any
 * other address while the local keys or development secrets are in use, and its webhook
 * receiver takes bodies up to a limit; beyond this machine it serves no dev inbox unless
 * told to.
 */
class ExposureTests {

    private static final String[] OWN_SECRETS = { "herald.admin-api-keys=an-admin-key-of-our-own",
            "herald.publisher.api-keys=a-publish-key-of-our-own",
            "herald.notifier.email.link-key=a-link-key-of-our-own-0123456789abcdef",
            "herald.notifier.webhooks.secret-key=b3VyLW93bi1zZWNyZXQta2V5LW9mLTMyLWJ5dGVzISE=" };

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static EmbeddedKafkaKraftBroker broker;

    private static int started;

    @TempDir
    Path dataDirectory;

    private final ApplicationContextRunner exposure = new ApplicationContextRunner()
        .withUserConfiguration(ExposureConfiguration.class);

    @Test
    void refusesToListenBeyondThisMachineWithTheLocalKeys() {
        assertThatException()
            .isThrownBy(
                    () -> new SpringApplicationBuilder(HeraldApplication.class)
                        .run("--server.address=0.0.0.0", "--server.port=0", "--herald.data-dir=" + this.dataDirectory,
                                "--herald.embedded.kafka.enabled=false", "--herald.embedded.postgres.enabled=false",
                                "--herald.embedded.smtp.enabled=false")
                        .close())
            .havingRootCause()
            .withMessageContaining("will not listen on 0.0.0.0")
            .withMessageContaining("herald.admin-api-keys (local-admin-key)")
            .withMessageContaining("herald.publisher.api-keys (local-publish-key)")
            .withMessageContaining("herald.notifier.email.link-key")
            .withMessageContaining("herald.notifier.webhooks.secret-key");
    }

    @Test
    void listensBeyondThisMachineOnlyWithKeysAndSecretsOfItsOwn() {
        this.exposure.withPropertyValues("server.address=0.0.0.0", "herald.admin-api-keys=local-admin-key")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("herald.admin-api-keys (local-admin-key)"));
        this.exposure.withPropertyValues(OWN_SECRETS)
            .withPropertyValues("server.address=0.0.0.0")
            .run((context) -> assertThat(context).hasNotFailed()
                .getBean(Exposure.class)
                .satisfies((exposure) -> assertThat(exposure.beyondThisMachine()).isTrue()));
        this.exposure.withPropertyValues("server.address=127.0.0.1", "herald.admin-api-keys=local-admin-key")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void listensOnLoopbackByDefaultAndCapsTheWebhookReceiversBody() throws Exception {
        try (ConfigurableApplicationContext app = startWithBroker()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(app.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
            assertThat(post(port, "/dev/webhooks/somebody", "x".repeat(1000)).statusCode()).isEqualTo(204);
            HttpResponse<String> tooLarge = post(port, "/dev/webhooks/somebody", "x".repeat(1001));
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("herald.embedded.webhooks.max-body-bytes");
            assertThat(get(port, "/dev/inbox/emails").statusCode()).isEqualTo(200);
            Optional<InetAddress> external = nonLoopbackAddress();
            if (external.isPresent()) {
                assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(external.get(), port), 2000);
                    }
                });
            }
        }
    }

    @Test
    void servesNoDevInboxBeyondThisMachineUnlessToldTo() throws Exception {
        String[] beyond = Stream
            .concat(Stream.of("--server.address=0.0.0.0"), Stream.of(OWN_SECRETS).map((p) -> "--" + p))
            .toArray(String[]::new);
        try (ConfigurableApplicationContext app = startWithBroker(beyond)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            for (String path : List.of("/dev/inbox", "/dev/inbox/emails", "/dev/inbox/webhooks",
                    "/dev/inbox/emails/1")) {
                HttpResponse<String> refused = get(port, path);
                assertThat(refused.statusCode()).as(path).isEqualTo(403);
                assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
                assertThat(refused.body()).contains("herald.dev-inbox.enabled");
            }
            HttpResponse<String> home = get(port, "/");
            assertThat(home.statusCode()).isEqualTo(302);
            assertThat(home.headers().firstValue("Location"))
                .hasValueSatisfying((location) -> assertThat(location).endsWith("/console"));
        }
        String[] told = Stream.concat(Stream.of(beyond), Stream.of("--herald.dev-inbox.enabled=true"))
            .toArray(String[]::new);
        try (ConfigurableApplicationContext app = startWithBroker(told)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(get(port, "/dev/inbox/emails").statusCode()).isEqualTo(200);
        }
    }

    /**
     * The app on the class's broker, a database of its own and GreenMail, with these
     * arguments too.
     */
    private ConfigurableApplicationContext startWithBroker(String... arguments) {
        TestDatabase.Database database = TestDatabase.create();
        String[] common = { "--server.port=0", "--herald.data-dir=" + this.dataDirectory.resolve("app" + (++started)),
                "--herald.local=true", "--herald.kafka.partitions=1",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(), "--herald.embedded.webhooks.max-body-bytes=1000" };
        return new SpringApplicationBuilder(HeraldApplication.class)
            .run(Stream.concat(Stream.of(common), Stream.of(arguments)).toArray(String[]::new));
    }

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr",
                "1", "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(int port, String path, String body)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

}
