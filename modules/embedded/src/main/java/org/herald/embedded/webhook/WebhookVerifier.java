package org.herald.embedded.webhook;

import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

/**
 * Checks a webhook's {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} headers against its body with the Standard Webhooks reference
 * library, as a partner would (timestamps older or newer than five minutes fail).
 */
public final class WebhookVerifier {

    private WebhookVerifier() {
    }

    /**
     * @param secret the partner's secret ({@code whsec_...}), or {@code null} when none
     * is known
     * @param headers the request headers (names in any case)
     * @param body the raw request body, exactly as received
     */
    public static Verification verify(String secret, Map<String, List<String>> headers, String body) {
        if (secret == null || secret.isBlank()) {
            return Verification.notChecked("no secret known for this receiver");
        }
        Webhook webhook;
        try {
            webhook = new Webhook(secret);
        }
        catch (IllegalArgumentException ex) {
            return Verification.failed("the secret is not a valid whsec_ secret");
        }
        try {
            webhook.verify(body, headers);
            return Verification.verified();
        }
        catch (WebhookVerificationException ex) {
            return Verification.failed(ex.getMessage());
        }
    }

}
