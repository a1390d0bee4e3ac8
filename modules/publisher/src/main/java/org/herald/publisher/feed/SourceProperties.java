package org.herald.publisher.feed;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sources and their polling.
 *
 * @param polling {@code herald.publisher.sources.polling}: whether this instance polls
 * the sources at all (the API manages them either way)
 * @param tick {@code herald.publisher.sources.tick}: how often due sources are looked for
 * @param timeout {@code herald.publisher.sources.timeout}: how long one fetch may take
 * (connect, headers and body)
 * @param maxBytes {@code herald.publisher.sources.max-bytes}: the largest document read;
 * a larger one fails the poll
 * @param firstPollMaxAge {@code herald.publisher.sources.first-poll-max-age}: on a
 * source's first poll, entries older than this are marked seen and not announced
 * @param maxPages {@code herald.publisher.sources.max-pages}: how many pages a Search API
 * source reads back, at most, to reach the last entry it saw
 * @param minInterval {@code herald.publisher.sources.min-interval}: the shortest interval
 * a source may have
 * @param maxBackoff {@code herald.publisher.sources.max-backoff}: the longest a failing
 * source waits (a {@code Retry-After} is honoured up to this)
 * @param allowedNetworks {@code herald.publisher.sources.allowed-networks}: CIDR blocks
 * admitted although the SSRF guard refuses them otherwise (e.g. {@code 10.1.2.0/24} for
 * an internal feed; {@code 127.0.0.0/8} in tests)
 * @param seed {@code herald.publisher.sources.seed[n].*}: sources added at start-up when
 * no source of that name exists
 */
@ConfigurationProperties("herald.publisher.sources")
record SourceProperties(@DefaultValue("true") boolean polling, @DefaultValue("5s") Duration tick,
        @DefaultValue("10s") Duration timeout, @DefaultValue("5242880") long maxBytes,
        @DefaultValue("7d") Duration firstPollMaxAge, @DefaultValue("10") int maxPages,
        @DefaultValue("1m") Duration minInterval, @DefaultValue("1h") Duration maxBackoff,
        @Nullable List<String> allowedNetworks, @Nullable List<Seed> seed) {

    static final String ALLOWED_NETWORKS = "herald.publisher.sources.allowed-networks";

    SourceProperties {
        positive(tick, "tick");
        positive(timeout, "timeout");
        positive(minInterval, "min-interval");
        positive(maxBackoff, "max-backoff");
        if (firstPollMaxAge == null || firstPollMaxAge.isNegative()) {
            throw new IllegalArgumentException("herald.publisher.sources.first-poll-max-age must not be negative");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("herald.publisher.sources.max-bytes must be positive");
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("herald.publisher.sources.max-pages must be positive");
        }
        allowedNetworks = (allowedNetworks != null)
                ? allowedNetworks.stream().filter((network) -> !network.isBlank()).toList() : List.of();
        seed = (seed != null) ? List.copyOf(seed) : List.of();
    }

    private static void positive(@Nullable Duration duration, String key) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("herald.publisher.sources." + key + " must be positive");
        }
    }

    /**
     * A source added at start-up, as through {@code POST /api/v1/sources}.
     *
     * @param name its unique name
     * @param kind {@code gov-uk-atom}, {@code gov-uk-search} or {@code feed}
     * @param url where it is fetched from
     * @param interval the pause between polls
     * @param enabled whether it is polled
     */
    record Seed(@Nullable String name, @Nullable String kind, @Nullable String url,
            @DefaultValue("5m") Duration interval, @DefaultValue("true") boolean enabled) {
    }

}
