package org.herald.publisher.feed;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Links in feeds: relative ones resolve against the feed's own location.
 */
final class FeedLinks {

    private FeedLinks() {
    }

    /**
     * The longest external id a submission takes (that of
     * {@code AnnouncementSubmission}); the entry key keeps the whole id.
     */
    static final int MAX_EXTERNAL_ID = 200;

    /**
     * {@code id} as an external id: absent when longer than a submission takes, so that a
     * long GOV.UK id (URL and time) does not make the entry invalid.
     */
    static @Nullable String externalId(@Nullable String id) {
        return (id != null && id.length() <= MAX_EXTERNAL_ID) ? id : null;
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
