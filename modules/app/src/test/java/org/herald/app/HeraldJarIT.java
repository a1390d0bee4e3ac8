package org.herald.app;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.standardwebhooks.Webhook;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged app pointed at an SMTP server of the user's ({@code --spring.mail.host},
 * {@code --spring.mail.port}) sends its mail there, and a partner registered with a URL
 * of its own gets webhooks whose signature verifies with the Standard Webhooks reference
 * library. Runs after packaging (Failsafe).
 */
class HeraldJarIT {

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    @TempDir
    Path dataDirectory;

    @Test
    void sendsMailToTheGivenSmtpServerAndSignedWebhooksToAPartnersOwnUrl() throws Exception {
        try (HeraldJar app = new HeraldJar(); MockWebServer partner = new MockWebServer()) {
            partner.enqueue(new MockResponse.Builder().code(200).build());
            partner.start();
            app.start("outside-servers", "--herald.data-dir=" + this.dataDirectory, "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + mail.getSmtp().getPort());
            await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(app.log("outside-servers")).as("the line a user waits for")
                    .containsPattern(
                            "Herald is ready at http://127\\.0\\.0\\.1:\\d+ \\(services \\{notifier=\\d+, tagger=\\d+, publisher=\\d+\\}"));
            assertThat(app.post("/api/v1/members", "local-admin-key",
                    """
                            {"email":"analyst@alfed.example","name":"Analyst","subscriptions":[{"tags":["critical-minerals"],"match":"any","minRelevance":1}]}""")
                .statusCode()).isEqualTo(201);
            HttpResponse<String> registered = app.post("/api/v1/partners", "local-admin-key",
                    """
                            {"name":"Partner CRM","url":"%s","contactEmail":"ops@partner.example","tags":["critical-minerals"],"match":"any","minRelevance":1}"""
                        .formatted(partner.url("/herald/events")));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            String secret = JsonMapper.shared().readTree(registered.body()).get("secret").asString();

            assertThat(app.post("/api/v1/announcements", "local-publish-key", PipelineScenario.MOU).statusCode())
                .isEqualTo(202);

            assertThat(mail.waitForIncomingEmail(60_000, 1)).as("email at the given SMTP server").isTrue();
            assertThat(((InternetAddress) mail.getReceivedMessages()[0].getRecipients(Message.RecipientType.TO)[0])
                .getAddress()).isEqualTo("analyst@alfed.example");
            RecordedRequest webhook = partner.takeRequest(60, TimeUnit.SECONDS);
            assertThat(webhook).as("webhook at the partner's URL").isNotNull();
            assertThat(webhook.getUrl().encodedPath()).isEqualTo("/herald/events");
            new Webhook(secret).verify(webhook.getBody().utf8(), webhook.getHeaders().toMultimap());
            assertThat(app.get("/dev/inbox/emails", "none").body()).isEqualTo("[]");
        }
    }

}
