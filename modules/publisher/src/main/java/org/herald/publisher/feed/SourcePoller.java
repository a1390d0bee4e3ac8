package org.herald.publisher.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.validation.Validator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.publisher.announcement.Publishing;
import org.jspecify.annotations.Nullable;

/**
 * Polls one source once: fetches its document (conditionally), reads its entries and
 * publishes each entry it has not seen before through the same path as the HTTP API — a
 * page listed before by this source under another key is an update of it — then records
 * the outcome in the source's status and sets its next poll: its interval on, or, after a
 * failure, a backoff that doubles with each failure and honours {@code Retry-After}.
 * <p>
 * A first poll announces nothing older than the first-poll age (it marks it seen). A
 * later poll that finds none of the entries seen before may have missed some: a Search
 * API source pages back ({@code start=}) until it reaches an entry seen, or one older
 * than the newest it saw; a feed reports the possible gap in its status.
 * <p>
 * The reading is {@link EntryPages}'s, the publishing {@link EntryPublisher}'s and the
 * backoff {@link PollBackoff}'s; this class records the outcome.
 */
class SourcePoller {

    private static final Log logger = LogFactory.getLog(SourcePoller.class);

    private final Sources sources;

    private final FeedFetcher fetcher;

    private final EntryPages pages;

    private final EntryPublisher publisher;

    private final PollBackoff backoff;

    private final SourceMetrics metrics;

    private final Clock clock;

    SourcePoller(Sources sources, SeenEntries seen, FeedFetcher fetcher, Validator validator, Publishing publishing,
            SourceProperties properties, SourceMetrics metrics, Clock clock) {
        this.sources = sources;
        this.fetcher = fetcher;
        this.pages = new EntryPages(seen, fetcher, properties.maxPages());
        this.publisher = new EntryPublisher(seen, validator, publishing, properties.firstPollMaxAge(), metrics);
        this.backoff = new PollBackoff(properties.maxBackoff());
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Polls {@code source} once and records how it went; never throws. */
    void poll(Source source) {
        pollOnce(source);
        try {
            this.sources.find(source.id()).ifPresent(this.metrics::status);
        }
        catch (RuntimeException ex) {
            logger.debug("Could not read the status of source " + source.name() + ": " + ex.getMessage());
        }
    }

    private void pollOnce(Source source) {
        Instant now = this.clock.instant();
        try {
            FeedResponse response = this.fetcher.fetch(source.url(), source.etag(), source.lastModified());
            if (response.status() == 304) {
                this.sources.succeeded(source.id(), now, now.plus(source.interval()), true, null, null, 0, null, null);
                this.metrics.poll(source.name(), "not-modified");
                logger.debug("Source " + source.name() + " is not modified");
                return;
            }
            if (!response.ok()) {
                Duration wait = this.backoff.after(source, response.retryAfter());
                fail(source, now,
                        "HTTP " + response.status()
                                + ((response.retryAfter() != null)
                                        ? " (Retry-After " + response.retryAfter().toSeconds() + "s)" : "")
                                + "; next poll in " + wait.toSeconds() + "s",
                        wait, 0, "throttled");
                return;
            }
            EntryPages.Entries entries = this.pages.read(source, response);
            EntryPublisher.Outcome outcome = this.publisher.publish(source, entries.entries(), now);
            this.sources.succeeded(source.id(), now, now.plus(source.interval()), false, response.etag(),
                    response.lastModified(), outcome.remembered(), outcome.newest(), entries.gap());
            this.metrics.poll(source.name(), "ok");
            if (entries.gap() != null) {
                this.metrics.gap(source.name());
                logger.warn("Source " + source.name() + ": " + entries.gap());
            }
            logger.info("Source " + source.name() + " polled: " + entries.entries().size() + " entries, "
                    + outcome.remembered() + " new");
        }
        catch (InvalidFeedException ex) {
            fail(source, now, ex.getMessage(), this.backoff.after(source, null), 0, "failed");
        }
        catch (PollFailedException ex) {
            fail(source, now, ex.getMessage(), this.backoff.after(source, null), ex.remembered(), "failed");
        }
        catch (RuntimeException ex) {
            logger.error("Source " + source.name() + " failed unexpectedly", ex);
            fail(source, now, "Unexpected failure: " + ex, this.backoff.after(source, null), 0, "failed");
        }
    }

    private void fail(Source source, Instant now, @Nullable String error, Duration wait, int remembered,
            String outcome) {
        String message = Objects.requireNonNullElse(error, "failed");
        logger.warn("Source " + source.name() + " failed: " + message);
        this.metrics.poll(source.name(), outcome);
        this.sources.failed(source.id(), now, now.plus(wait), message, remembered);
    }

}
