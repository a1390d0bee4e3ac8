package org.herald.publisher.feed;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.support.net.AddressGuard;

/**
 * Adds the sources of {@code herald.publisher.sources.seed} that do not exist yet (by
 * name); a seed that the API would refuse is logged and skipped. A seed changed later in
 * configuration does not change the source: the API does.
 */
class SourceSeeds {

    private static final Log logger = LogFactory.getLog(SourceSeeds.class);

    private final Sources sources;

    private final AddressGuard guard;

    private final SourceProperties properties;

    private final Clock clock;

    SourceSeeds(Sources sources, AddressGuard guard, SourceProperties properties, Clock clock) {
        this.sources = sources;
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
    }

    void seed() {
        for (SourceProperties.Seed seed : this.properties.seed()) {
            SourceKind kind = (seed.kind() != null) ? SourceKind.of(seed.kind()).orElse(null) : null;
            SourceUrls.Parsed url = (seed.url() != null) ? SourceUrls.parse(seed.url(), this.guard)
                    : SourceUrls.Parsed.refused("is missing");
            if (seed.name() == null || seed.name().isBlank() || kind == null || url.uri() == null
                    || seed.interval().compareTo(this.properties.minInterval()) < 0) {
                logger.warn("Skipping the seeded source " + seed.name() + ": it needs a name, a kind ("
                        + SourceKind.names() + "), an admitted URL"
                        + ((url.refusal() != null) ? " (the URL " + url.refusal() + ")" : "")
                        + " and an interval of at least " + this.properties.minInterval());
                continue;
            }
            this.sources
                .create(seed.name().strip(), kind, url.uri(), seed.interval(), seed.enabled(), this.clock.instant())
                .ifPresent((source) -> logger.info("Added the seeded source " + source.name()));
        }
    }

}
