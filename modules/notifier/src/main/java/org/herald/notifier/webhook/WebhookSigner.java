package org.herald.notifier.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * Signs a webhook the Standard Webhooks way: {@code webhook-signature} is {@code v1,} and
 * the base64 HMAC-SHA256, under the partner's secret, of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}. During a rotation's overlap it carries
 * one signature per secret, space-separated, the new one first, so the partner verifies
 * with either.
 */
final class WebhookSigner {

    static final String ID = "webhook-id";

    static final String TIMESTAMP = "webhook-timestamp";

    static final String SIGNATURE = "webhook-signature";

    /**
     * The three Standard Webhooks headers for one attempt, signed with one secret.
     * @param messageId the message's id, the same on every attempt
     * @param timestamp when the attempt is made
     * @param body the exact body that is sent
     * @param secret the partner's secret, {@code whsec_...}
     */
    Map<String, String> headers(String messageId, Instant timestamp, String body, String secret) {
        return headers(messageId, timestamp, body, List.of(secret));
    }

    /**
     * The three Standard Webhooks headers for one attempt, signed with each of
     * {@code secrets}.
     */
    Map<String, String> headers(String messageId, Instant timestamp, String body, List<String> secrets) {
        long seconds = timestamp.getEpochSecond();
        StringJoiner signatures = new StringJoiner(" ");
        for (String secret : secrets) {
            try {
                signatures.add(new Webhook(secret).sign(messageId, seconds, body));
            }
            catch (WebhookSigningException ex) {
                throw new IllegalStateException("Could not sign webhook " + messageId, ex);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, messageId);
        headers.put(TIMESTAMP, Long.toString(seconds));
        headers.put(SIGNATURE, signatures.toString());
        return headers;
    }

}
