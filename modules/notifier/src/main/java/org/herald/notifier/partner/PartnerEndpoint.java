package org.herald.notifier.partner;

import java.util.UUID;

/**
 * Where and how to send a partner its webhooks: the endpoint and the signing secret in clear. Its
 * {@code toString()} hides the secret.
 *
 * @param id the partner's id
 * @param url the endpoint
 * @param enabled whether it receives webhooks
 * @param secret the signing secret, {@code whsec_...}
 */
public record PartnerEndpoint(UUID id, String url, boolean enabled, String secret) {

    @Override
    public String toString() {
        return "PartnerEndpoint[id=" + this.id + ", url=" + this.url + ", enabled=" + this.enabled
                + ", secret=hidden]";
    }

}
