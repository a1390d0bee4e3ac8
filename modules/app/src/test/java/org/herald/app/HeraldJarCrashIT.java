package org.herald.app;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged app as a newcomer runs it, crashed: {@code java -jar target/herald.jar} is started as a
 * process on a data directory, fans one announcement out to {@value #MEMBERS} members, is killed with
 * {@code kill -9} once some of the emails went out, and is started again on the same data directory —
 * which must deliver every email still pending. Runs after packaging (Failsafe).
 */
class HeraldJarCrashIT {

    private static final int MEMBERS = 300;

    private static final int EMAIL_CONCURRENCY = 1;

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path dataDirectory;

    private int port;

    @AfterEach
    void stop() {
        this.processes.forEach(Process::destroyForcibly);
    }

    @Test
    void deliversEveryPendingEmailAfterAKillNine() throws Exception {
        this.port = freePort();
        Process first = start("first");
        for (int i = 0; i < MEMBERS; i++) {
            HttpResponse<String> created = post("/api/v1/members", "local-admin-key", """
                    {"email":"member%d@example.org","name":"Member %d","subscriptions":[{"tags":["critical-minerals"],"match":"any","minRelevance":1}]}"""
                .formatted(i, i));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        HttpResponse<String> published = post("/api/v1/announcements", "local-publish-key", PipelineScenario.MOU);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
            .until(() -> mail.getReceivedMessages().length >= 1);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int beforeCrash = distinctRecipients().size();
        System.out.printf("kill -9 after %d of %d emails%n", beforeCrash, MEMBERS);
        assertThat(beforeCrash).as("killed mid-delivery").isLessThan(MEMBERS);

        long restarted = System.nanoTime();
        start("second");
        await().atMost(Duration.ofSeconds(120)).until(() -> distinctRecipients().size() == MEMBERS);
        int received = mail.getReceivedMessages().length;
        System.out.printf("all %d members emailed %.1f s after the restart began; %d emails in all, %d duplicate(s)"
                + " (bound: %d, the SMTP concurrency)%n", MEMBERS, (System.nanoTime() - restarted) / 1e9, received,
                received - MEMBERS, EMAIL_CONCURRENCY);
        assertThat(received - MEMBERS).isLessThanOrEqualTo(EMAIL_CONCURRENCY);
    }

    private Process start(String name) throws IOException {
        Path jar = Path.of("target", "herald.jar").toAbsolutePath();
        assertThat(jar).as("the packaged app").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = Path.of("target", "herald-jar-crash-" + name + ".log").toFile();
        Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=" + this.port,
                "--herald.data-dir=" + this.dataDirectory, "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--herald.notifier.email.concurrency=" + EMAIL_CONCURRENCY)
            .redirectErrorStream(true)
            .redirectOutput(log)
            .start();
        this.processes.add(process);
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("the app is running; see " + log).isTrue();
            return ready();
        });
        return process;
    }

    private boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/deliveries?announcementId=00000000-0000-0000-0000-000000000000"))
                .header("Authorization", "Bearer local-admin-key")
                .timeout(Duration.ofSeconds(5))
                .build();
            return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> post(String path, String key, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Integer> distinctRecipients() throws MessagingException {
        Map<String, Integer> recipients = new HashMap<>();
        for (Message message : mail.getReceivedMessages()) {
            for (Address address : message.getRecipients(Message.RecipientType.TO)) {
                recipients.merge(((InternetAddress) address).getAddress(), 1, Integer::sum);
            }
        }
        return recipients;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
