package org.herald.publisher.feed;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What a fetch of a feed answered.
 *
 * @param status 200, 304, 429 or a 5xx
 * @param body the document, for a 200
 * @param etag its {@code ETag}, if any
 * @param lastModified its {@code Last-Modified}, if any
 * @param retryAfter the {@code Retry-After} of a 429 or 5xx, if it gave one
 */
record FeedResponse(int status, byte @Nullable [] body, @Nullable String etag, @Nullable String lastModified,
        @Nullable Duration retryAfter) {

    static FeedResponse notModified() {
        return new FeedResponse(304, null, null, null, null);
    }

    static FeedResponse throttled(int status, @Nullable Duration retryAfter) {
        return new FeedResponse(status, null, null, null, retryAfter);
    }

    boolean ok() {
        return this.status == 200;
    }

}
