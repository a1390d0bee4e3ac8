package org.herald.notifier.webhook;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.herald.notifier.partner.PartnerSecrets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ids of the keys that seal partners' secrets, so that
 * {@code herald.notifier.webhooks.secret-key} can be rotated (the key itself is in
 * {@link WebhookProperties}).
 *
 * @param secretKeyId {@code herald.notifier.webhooks.secret-key-id}: the id of
 * {@code secret-key}, stored with every secret it seals; give a new key a new id
 * @param oldSecretKeys {@code herald.notifier.webhooks.old-secret-keys.<id>}: earlier
 * keys (base64 of 32 bytes) by id, kept while secrets sealed with them remain; none by
 * default
 */
@ConfigurationProperties("herald.notifier.webhooks")
public record WebhookKeyProperties(@DefaultValue(PartnerSecrets.DEFAULT_KEY_ID) String secretKeyId,
        @DefaultValue Map<String, String> oldSecretKeys) {

    public WebhookKeyProperties {
        oldSecretKeys = (oldSecretKeys != null) ? Map.copyOf(oldSecretKeys) : Map.of();
    }

    /** The partners' secrets, sealed under {@code secretKey} and opened with any key. */
    PartnerSecrets partnerSecrets(byte[] secretKey) {
        Map<String, byte[]> old = new LinkedHashMap<>();
        this.oldSecretKeys.forEach((id, key) -> {
            try {
                old.put(id, Base64.getDecoder().decode(key.strip()));
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(
                        "herald.notifier.webhooks.old-secret-keys." + id + " must be base64 of 32 bytes");
            }
        });
        return new PartnerSecrets(this.secretKeyId, secretKey, old);
    }

    @Override
    public String toString() {
        return "WebhookKeyProperties[secretKeyId=" + this.secretKeyId + ", oldSecretKeys=" + this.oldSecretKeys.keySet()
                + " (keys hidden)]";
    }

}
