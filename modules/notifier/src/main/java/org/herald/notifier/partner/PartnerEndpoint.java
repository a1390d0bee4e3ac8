package org.herald.notifier.partner;

import java.util.List;
import java.util.UUID;

/**
 * Where and how to send a partner its webhooks: the endpoint and the signing secrets in
 * clear — the current one, and the one before while a rotation's overlap lasts. Its
 * {@code toString()} hides them.
 *
 * @param id the partner's id
 * @param url the endpoint
 * @param enabled whether it receives webhooks
 * @param rateLimit messages per second; null for the configured default
 * @param secrets the signing secrets, {@code whsec_...}, the current one first
 */
public record PartnerEndpoint(UUID id, String url, boolean enabled, Integer rateLimit, List<String> secrets) {

    public PartnerEndpoint {
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("an endpoint needs a secret");
        }
    }

    /** The current secret. */
    public String secret() {
        return this.secrets.get(0);
    }

    @Override
    public String toString() {
        return "PartnerEndpoint[id=" + this.id + ", url=" + this.url + ", enabled=" + this.enabled + ", rateLimit="
                + this.rateLimit + ", secrets=hidden]";
    }

}
