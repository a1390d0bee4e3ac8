package org.herald.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebhookSignerTests {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final WebhookSigner signer = new WebhookSigner();

    @Test
    void signsIdTimestampAndBody() throws Exception {
        Instant now = Instant.ofEpochSecond(1_770_000_000L);
        Map<String, String> headers = this.signer.headers("msg_1", now, "{\"a\":1}", SECRET);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring(6)), "HmacSHA256"));
        String expected = Base64.getEncoder()
            .encodeToString(mac.doFinal("msg_1.1770000000.{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(headers).containsEntry("webhook-id", "msg_1")
            .containsEntry("webhook-timestamp", "1770000000")
            .containsEntry("webhook-signature", "v1," + expected);
    }

    @Test
    void signatureVerifiesWithTheStandardWebhooksLibrary() throws Exception {
        String body = "{\"type\":\"announcement.tagged\",\"data\":{\"title\":\"Caf\u00e9 \u2013 minerals\"}}";
        Map<String, String> headers = this.signer.headers("d2c1", Instant.now(), body, SECRET);
        new Webhook(SECRET).verify(body, multimap(headers));
    }

    @Test
    void aChangedBodyFailsVerification() {
        Map<String, String> headers = this.signer.headers("d2c1", Instant.now(), "{\"a\":1}", SECRET);
        assertThatExceptionOfType(WebhookVerificationException.class)
            .isThrownBy(() -> new Webhook(SECRET).verify("{\"a\":2}", multimap(headers)));
    }

    @Test
    void signsWithBothSecretsDuringARotationSoEitherVerifies() throws Exception {
        String next = "whsec_"
                + Base64.getEncoder().encodeToString("another-secret-of-24-byt".getBytes(StandardCharsets.UTF_8));
        String body = "{\"a\":1}";
        Map<String, String> headers = this.signer.headers("d2c1", Instant.now(), body, List.of(next, SECRET));

        assertThat(headers.get("webhook-signature")).matches("v1,[A-Za-z0-9+/=]+ v1,[A-Za-z0-9+/=]+");
        new Webhook(next).verify(body, multimap(headers));
        new Webhook(SECRET).verify(body, multimap(headers));
        String stranger = "whsec_"
                + Base64.getEncoder().encodeToString("a-third-secret-24-bytes!".getBytes(StandardCharsets.UTF_8));
        assertThatExceptionOfType(WebhookVerificationException.class)
            .isThrownBy(() -> new Webhook(stranger).verify(body, multimap(headers)));
    }

    private static Map<String, List<String>> multimap(Map<String, String> headers) {
        return headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, (e) -> List.of(e.getValue())));
    }

}
