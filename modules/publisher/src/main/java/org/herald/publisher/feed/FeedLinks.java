package org.herald.publisher.feed;

import java.net.URI;

/**
 * Links in feeds: relative ones resolve against the feed's own location.
 */
final class FeedLinks {

    private FeedLinks() {
    }

    /** {@code link} made absolute against {@code base}; as given if it cannot be. */
    static String resolve(URI base, String link) {
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
