package org.herald.publisher.feed;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Links in feeds: relative ones resolve against the feed's own location.
 */
final class FeedLinks {

    private FeedLinks() {
    }

    /** {@code link} made absolute against {@code base}; as given if it cannot be. */
    static @Nullable String resolve(URI base, @Nullable String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            return base.resolve(link.strip()).toString();
        }
        catch (IllegalArgumentException ex) {
            return link;
        }
    }

}
