package org.herald.notifier.partner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A partner system: one webhook endpoint and what it wants to receive. Never holds the
 * secret.
 *
 * @param id the partner's id
 * @param name its name
 * @param url the endpoint, absolute http(s)
 * @param contactEmail who to tell about trouble with the endpoint
 * @param tags the tags it wants, in lower case; empty for every announcement of enough
 * relevance
 * @param match {@code any} or {@code all}
 * @param minRelevance the least relevance (0–3)
 * @param includeImplied whether tags the announcement has only by implication count
 * @param rateLimit messages per second to its endpoint; null for the configured default
 * @param enabled whether it receives webhooks
 * @param disabledReason why it was disabled, if it was
 * @param failingSince the first failed attempt since the last success; null while healthy
 * @param lastSuccessAt the last attempt its endpoint accepted
 * @param createdAt when it was registered
 */
public record Partner(UUID id, String name, String url, String contactEmail, List<String> tags, String match,
        int minRelevance, boolean includeImplied, Integer rateLimit, boolean enabled, String disabledReason,
        Instant failingSince, Instant lastSuccessAt, Instant createdAt) {

    public Partner {
        tags = List.copyOf(tags);
    }

}
