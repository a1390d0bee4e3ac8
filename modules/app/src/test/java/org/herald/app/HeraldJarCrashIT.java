package org.herald.app;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
 * The packaged app as a newcomer runs it, crashed: {@code java -jar target/herald.jar} is
 * started as a process on a data directory, fans one announcement out to
 * {@value #MEMBERS} members, is killed with {@code kill -9} once some of the emails went
 * out, and is started again on the same data directory — which must deliver every email
 * still pending. Runs after packaging (Failsafe).
 */
class HeraldJarCrashIT {

    private static final int MEMBERS = 300;

    private static final int EMAIL_CONCURRENCY = 1;

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDirectory;

    private HeraldJar app;

    @AfterEach
    void stop() {
        if (this.app != null) {
            this.app.close();
        }
    }

    @Test
    void deliversEveryPendingEmailAfterAKillNine() throws Exception {
        this.app = new HeraldJar();
        Process first = start("crash-first");
        for (int i = 0; i < MEMBERS; i++) {
            HttpResponse<String> created = this.app.post("/api/v1/members", "local-admin-key",
                    """
                            {"email":"member%d@example.org","name":"Member %d","subscriptions":[{"tags":["critical-minerals"],"match":"any","minRelevance":1}]}"""
                        .formatted(i, i));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        HttpResponse<String> published = this.app.post("/api/v1/announcements", "local-publish-key",
                PipelineScenario.MOU);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(5))
            .until(() -> mail.getReceivedMessages().length >= 1);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int beforeCrash = distinctRecipients().size();
        System.out.printf("kill -9 after %d of %d emails%n", beforeCrash, MEMBERS);
        assertThat(beforeCrash).as("killed mid-delivery").isLessThan(MEMBERS);

        long restarted = System.nanoTime();
        start("crash-second");
        await().atMost(Duration.ofSeconds(120)).until(() -> distinctRecipients().size() == MEMBERS);
        int received = mail.getReceivedMessages().length;
        System.out.printf(
                "all %d members emailed %.1f s after the restart began; %d emails in all, %d duplicate(s)"
                        + " (bound: %d, the SMTP concurrency)%n",
                MEMBERS, (System.nanoTime() - restarted) / 1e9, received, received - MEMBERS, EMAIL_CONCURRENCY);
        assertThat(received - MEMBERS).isLessThanOrEqualTo(EMAIL_CONCURRENCY);
    }

    private Process start(String name) throws IOException {
        return this.app.start(name, "--herald.data-dir=" + this.dataDirectory, "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--herald.notifier.email.concurrency=" + EMAIL_CONCURRENCY);
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

}
