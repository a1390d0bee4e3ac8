package org.herald.notifier.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook the Standard Webhooks way: {@code webhook-signature} is {@code v1,} and
 * the base64 HMAC-SHA256, under the partner's secret, of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}. During a rotation's overlap it carries
 * one signature per secret, space-separated, the new one first, so the partner verifies
 * with either.
 * <p>
 * The body is signed as the bytes that are sent, which the deliveries of one event share:
 * only the HMAC is computed per delivery, never the body's encoding.
 */
final class WebhookSigner {

    static final String ID = "webhook-id";

    static final String TIMESTAMP = "webhook-timestamp";

    static final String SIGNATURE = "webhook-signature";

    private static final String SECRET_PREFIX = "whsec_";

    private static final String HMAC = "HmacSHA256";

    private static final byte[] DOT = { '.' };

    /**
     * The three Standard Webhooks headers for one attempt, signed with one secret.
     * @param messageId the message's id, the same on every attempt
     * @param timestamp when the attempt is made
     * @param body the exact bytes that are sent
     * @param secret the partner's secret, {@code whsec_...}
     */
    Map<String, String> headers(String messageId, Instant timestamp, byte[] body, String secret) {
        return headers(messageId, timestamp, body, List.of(secret));
    }

    /**
     * The three Standard Webhooks headers for one attempt, signed with each of
     * {@code secrets}.
     */
    Map<String, String> headers(String messageId, Instant timestamp, byte[] body, List<String> secrets) {
        long seconds = timestamp.getEpochSecond();
        byte[] id = messageId.getBytes(StandardCharsets.UTF_8);
        byte[] time = Long.toString(seconds).getBytes(StandardCharsets.US_ASCII);
        StringJoiner signatures = new StringJoiner(" ");
        for (String secret : secrets) {
            signatures.add("v1," + Base64.getEncoder().encodeToString(hmac(secret, messageId, id, time, body)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, messageId);
        headers.put(TIMESTAMP, Long.toString(seconds));
        headers.put(SIGNATURE, signatures.toString());
        return headers;
    }

    private static byte[] hmac(String secret, String messageId, byte[] id, byte[] time, byte[] body) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), HMAC));
            mac.update(id);
            mac.update(DOT);
            mac.update(time);
            mac.update(DOT);
            return mac.doFinal(body);
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            // Never the secret itself in the message.
            throw new IllegalStateException("Could not sign webhook " + messageId, ex);
        }
    }

}
