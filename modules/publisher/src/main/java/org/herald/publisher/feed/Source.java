package org.herald.publisher.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A source of announcements, as stored in {@code publisher.source}, with its status.
 *
 * @param id its id
 * @param name its unique name, also the {@code source} of what it publishes
 * @param kind what it is
 * @param url where it is fetched from
 * @param interval the pause between polls
 * @param enabled whether it is polled
 * @param createdAt when it was added
 * @param status how its polls went
 * @param etag the {@code ETag} of the last document read, for a conditional GET
 * @param lastModified the {@code Last-Modified} of the last document read
 */
record Source(UUID id, String name, SourceKind kind, URI url, Duration interval, boolean enabled, Instant createdAt,
        Status status, @Nullable String etag, @Nullable String lastModified) {

    /** Whether it was never polled with success: its first poll is still to come. */
    boolean firstPoll() {
        return this.status.lastSuccessAt() == null;
    }

    /**
     * How a source's polls went.
     *
     * @param lastPollAt when it was last polled, whatever came of it
     * @param lastSuccessAt when a poll last succeeded (a document read, or 304 Not
     * Modified)
     * @param lastError why the last failed poll failed (kept after a success, with its
     * time, until the next failure replaces it)
     * @param lastErrorAt when that was
     * @param consecutiveFailures failed polls since the last success
     * @param entriesSeen entries of this source ever seen (each once)
     * @param lastEntryAt the newest entry time seen
     * @param nextPollAt when the next poll is due
     * @param possibleGap why entries may have been missed, if a poll found none of the
     * entries of the feed seen before (an outage longer than the feed's window)
     * @param possibleGapAt when that was found
     */
    record Status(@Nullable Instant lastPollAt, @Nullable Instant lastSuccessAt, @Nullable String lastError,
            @Nullable Instant lastErrorAt, int consecutiveFailures, long entriesSeen, @Nullable Instant lastEntryAt,
            Instant nextPollAt, @Nullable String possibleGap, @Nullable Instant possibleGapAt) {
    }

}
