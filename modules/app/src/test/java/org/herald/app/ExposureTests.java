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
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.herald.testsupport.TestDatabase;
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
 * receiver takes bodies up to a limit.
 */
class ExposureTests {

    private static final String[] OWN_SECRETS = { "herald.admin-api-keys=an-admin-key-of-our-own",
            "herald.publisher.api-keys=a-publish-key-of-our-own",
            "herald.notifier.email.link-key=a-link-key-of-our-own-0123456789abcdef",
            "herald.notifier.webhooks.secret-key=b3VyLW93bi1zZWNyZXQta2V5LW9mLTMyLWJ5dGVzISE=" };

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

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
                .getBean(ExposureConfiguration.Exposure.class)
                .satisfies((exposure) -> assertThat(exposure.beyondThisMachine()).isTrue()));
        this.exposure.withPropertyValues("server.address=127.0.0.1", "herald.admin-api-keys=local-admin-key")
            .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void listensOnLoopbackByDefaultAndCapsTheWebhookReceiversBody() throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr",
                "1", "auto.create.topics.enable", "false"));
        broker.afterPropertiesSet();
        TestDatabase.Database database = TestDatabase.create();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HeraldApplication.class).run(
                "--server.port=0", "--herald.data-dir=" + this.dataDirectory, "--herald.local=true",
                "--herald.kafka.partitions=1", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(), "--herald.embedded.webhooks.max-body-bytes=1000")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(app.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
            assertThat(post(port, "/dev/webhooks/somebody", "x".repeat(1000)).statusCode()).isEqualTo(204);
            HttpResponse<String> tooLarge = post(port, "/dev/webhooks/somebody", "x".repeat(1001));
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("herald.embedded.webhooks.max-body-bytes");
            Optional<InetAddress> external = nonLoopbackAddress();
            if (external.isPresent()) {
                assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(external.get(), port), 2000);
                    }
                });
            }
        }
        finally {
            broker.destroy();
        }
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
