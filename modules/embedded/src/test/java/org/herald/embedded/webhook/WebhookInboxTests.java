package org.herald.embedded.webhook;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookInboxTests {

    private static final String BODY = "{\"type\":\"announcement.tagged\",\"timestamp\":\"2026-02-04T10:15:30Z\",\"data\":{}}";

    private final String secret = newSecret();

    @TempDir
    Path dataDirectory;

    @Test
    void recordsAWebhookWhoseSignatureVerifiesWithThePartnersSecret() throws Exception {
        WebhookInbox inbox = new WebhookInbox(this.dataDirectory, 10);

        ReceivedWebhook webhook = inbox.record("POST", "/dev/webhooks/p-1", signed(BODY, this.secret, now()), BODY,
                this.secret);

        assertThat(webhook.verified()).isTrue();
        assertThat(webhook.verification().detail()).isEmpty();
        assertThat(webhook.method()).isEqualTo("POST");
        assertThat(webhook.path()).isEqualTo("/dev/webhooks/p-1");
        assertThat(webhook.body()).isEqualTo(BODY);
        assertThat(webhook.header("Webhook-Id")).isEqualTo("msg_1");
        assertThat(inbox.webhooks()).containsExactly(webhook);
    }

    @Test
    void failsATamperedBodyAnotherSecretOrAStaleTimestamp() throws Exception {
        WebhookInbox inbox = new WebhookInbox(this.dataDirectory, 10);
        Map<String, List<String>> headers = signed(BODY, this.secret, now());

        assertThat(inbox.record("POST", "/r", headers, BODY.replace("tagged", "changed"), this.secret)
            .verification()
            .status()).isEqualTo(Verification.Status.FAILED);
        assertThat(inbox.record("POST", "/r", headers, BODY, newSecret()).verification().status())
            .isEqualTo(Verification.Status.FAILED);
        assertThat(inbox.record("POST", "/r", signed(BODY, this.secret, now() - 3600), BODY, this.secret)
            .verification()
            .status()).isEqualTo(Verification.Status.FAILED);
        assertThat(inbox.record("POST", "/r", Map.of(), BODY, this.secret).verification().status())
            .isEqualTo(Verification.Status.FAILED);
        assertThat(inbox.record("POST", "/r", headers, BODY, "not-a-secret").verification().detail())
            .doesNotContain("not-a-secret");
    }

    @Test
    void refusesABodyOverItsLimitAndKeepsNothingOfIt() throws Exception {
        WebhookInbox inbox = new WebhookInbox(this.dataDirectory, 10, BODY.length());

        inbox.record("POST", "/r", Map.of(), BODY, null);
        assertThatIllegalArgumentException().isThrownBy(() -> inbox.record("POST", "/r", Map.of(), BODY + " ", null))
            .withMessageContaining("over the limit of " + BODY.length() + " bytes");

        assertThat(inbox.webhooks()).hasSize(1);
        assertThat(new WebhookInbox(this.dataDirectory, 10).webhooks()).hasSize(1);
        assertThat(new WebhookInbox(this.dataDirectory, 10).maxBodyBytes())
            .isEqualTo(WebhookInbox.DEFAULT_MAX_BODY_BYTES);
    }

    @Test
    void saysWhenNoSecretWasKnown() throws Exception {
        WebhookInbox inbox = new WebhookInbox(this.dataDirectory, 10);

        Verification verification = inbox.record("POST", "/r", signed(BODY, this.secret, now()), BODY, null)
            .verification();

        assertThat(verification.status()).isEqualTo(Verification.Status.NOT_CHECKED);
    }

    @Test
    void keepsWebhooksAcrossRestartsNewestFirstUpToItsCapacityWithCredentialsRedacted() throws Exception {
        WebhookInbox inbox = new WebhookInbox(this.dataDirectory, 2);
        Map<String, List<String>> headers = signed(BODY, this.secret, now());
        headers.put("Authorization", List.of("Bearer partner-token"));
        inbox.record("POST", "/first", headers, BODY, this.secret);
        inbox.record("POST", "/second", headers, BODY, this.secret);
        ReceivedWebhook third = inbox.record("PUT", "/third", headers, "line one\nline two = ü", null);

        WebhookInbox reopened = new WebhookInbox(this.dataDirectory, 2);

        assertThat(reopened.webhooks()).extracting(ReceivedWebhook::path).containsExactly("/third", "/second");
        assertThat(reopened.webhooks().get(0)).isEqualTo(third);
        assertThat(reopened.webhooks().get(1).verified()).isTrue();
        assertThat(reopened.webhooks().get(1).header("authorization")).isEqualTo("[redacted]");
        assertThat(reopened.webhook(third.id())).hasValue(third);

        reopened.clear();
        assertThat(new WebhookInbox(this.dataDirectory, 2).webhooks()).isEmpty();
    }

    private static Map<String, List<String>> signed(String body, String secret, long timestamp) throws Exception {
        String signature = new Webhook(secret).sign("msg_1", timestamp, body);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("webhook-id", List.of("msg_1"));
        headers.put("webhook-timestamp", List.of(Long.toString(timestamp)));
        headers.put("webhook-signature", List.of(signature));
        return headers;
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String newSecret() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

}
