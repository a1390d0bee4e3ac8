package org.herald.publisher.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.publisher.announcement.AnnouncementSubmission;
import org.herald.publisher.announcement.Publication;
import org.herald.publisher.announcement.Publishing;
import org.herald.publisher.announcement.PublishingUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

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
 */
class SourcePoller {

    private static final Log logger = LogFactory.getLog(SourcePoller.class);

    private final Sources sources;

    private final SeenEntries seen;

    private final FeedFetcher fetcher;

    private final Validator validator;

    private final Publishing publishing;

    private final SourceProperties properties;

    private final SourceMetrics metrics;

    private final Clock clock;

    SourcePoller(Sources sources, SeenEntries seen, FeedFetcher fetcher, Validator validator, Publishing publishing,
            SourceProperties properties, SourceMetrics metrics, Clock clock) {
        this.sources = sources;
        this.seen = seen;
        this.fetcher = fetcher;
        this.validator = validator;
        this.publishing = publishing;
        this.properties = properties;
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
                Duration wait = backoff(source, response.retryAfter());
                fail(source, now,
                        "HTTP " + response.status()
                                + ((response.retryAfter() != null)
                                        ? " (Retry-After " + response.retryAfter().toSeconds() + "s)" : "")
                                + "; next poll in " + wait.toSeconds() + "s",
                        wait, 0, "throttled");
                return;
            }
            Entries entries = entries(source, response);
            Outcome outcome = publish(source, entries.entries(), now);
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
            fail(source, now, ex.getMessage(), backoff(source, null), 0, "failed");
        }
        catch (PollFailedException ex) {
            fail(source, now, ex.getMessage(), backoff(source, null), ex.remembered, "failed");
        }
        catch (RuntimeException ex) {
            logger.error("Source " + source.name() + " failed unexpectedly", ex);
            fail(source, now, "Unexpected failure: " + ex, backoff(source, null), 0, "failed");
        }
    }

    private void fail(Source source, Instant now, @Nullable String error, Duration wait, int remembered,
            String outcome) {
        String message = Objects.requireNonNullElse(error, "failed");
        logger.warn("Source " + source.name() + " failed: " + message);
        this.metrics.poll(source.name(), outcome);
        this.sources.failed(source.id(), now, now.plus(wait), message, remembered);
    }

    /**
     * The wait before the next poll of a failing source: its interval doubled for each
     * failure in a row, at least the {@code Retry-After}, at most the maximum backoff.
     */
    Duration backoff(Source source, @Nullable Duration retryAfter) {
        int failures = Math.min(source.status().consecutiveFailures(), 16);
        Duration doubled = source.interval().multipliedBy(1L << failures);
        Duration wait = (retryAfter != null && retryAfter.compareTo(doubled) > 0) ? retryAfter : doubled;
        return (wait.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : wait;
    }

    /** The entries of the document, and of the pages back to the last one seen. */
    private Entries entries(Source source, FeedResponse response) {
        FeedReader reader = source.kind().reader();
        List<FeedEntry> entries = new ArrayList<>(reader.read(Objects.requireNonNull(response.body()), source.url()));
        if (source.firstPoll() || entries.isEmpty() || reachedSeen(source, entries)) {
            return new Entries(entries, null);
        }
        if (!source.kind().pages()) {
            return new Entries(entries, gap(source, entries, "feed"));
        }
        List<FeedEntry> page = entries;
        for (int pages = 1; pages < this.properties.maxPages(); pages++) {
            URI next = UriComponentsBuilder.fromUri(source.url())
                .replaceQueryParam("start", entries.size())
                .build(true)
                .toUri();
            FeedResponse more = this.fetcher.fetch(next, null, null);
            if (!more.ok()) {
                return new Entries(entries, gap(source, entries,
                        "search results (page " + (pages + 1) + " answered HTTP " + more.status() + ")"));
            }
            page = reader.read(Objects.requireNonNull(more.body()), next);
            if (page.isEmpty()) {
                return new Entries(entries, null);
            }
            entries.addAll(page);
            if (reachedSeen(source, page)) {
                return new Entries(entries, null);
            }
        }
        return new Entries(entries, gap(source, entries, "first " + this.properties.maxPages() + " pages of results"));
    }

    /**
     * Whether {@code entries} reach what the source saw before: an entry seen, or one no
     * newer than the newest seen.
     */
    private boolean reachedSeen(Source source, List<FeedEntry> entries) {
        Instant newestSeen = source.status().lastEntryAt();
        if (newestSeen != null && entries.stream()
            .anyMatch((entry) -> entry.changedAt() != null && !entry.changedAt().isAfter(newestSeen))) {
            return true;
        }
        return !this.seen.seen(source.id(), entries.stream().map(FeedEntry::key).toList()).isEmpty();
    }

    private static String gap(Source source, List<FeedEntry> entries, String where) {
        Instant oldest = entries.stream()
            .map(FeedEntry::changedAt)
            .filter(Objects::nonNull)
            .min(Instant::compareTo)
            .orElse(null);
        return "Possible gap: none of the " + entries.size() + " entries in the " + where
                + " had been seen before; entries after " + source.status().lastEntryAt()
                + ((oldest != null) ? " and before " + oldest : "") + " may have been missed";
    }

    /** Publishes the entries not seen before, oldest first. */
    private Outcome publish(Source source, List<FeedEntry> entries, Instant now) {
        Set<String> seenBefore = this.seen.seen(source.id(), entries.stream().map(FeedEntry::key).toList());
        List<FeedEntry> oldestFirst = new ArrayList<>(entries);
        Collections.reverse(oldestFirst);
        Instant cutoff = now.minus(this.properties.firstPollMaxAge());
        int remembered = 0;
        Counts counts = new Counts();
        Instant newest = null;
        for (FeedEntry entry : oldestFirst) {
            if (seenBefore.contains(entry.key())) {
                continue;
            }
            AnnouncementSubmission submission = entry.submission().withSource(source.name());
            Set<ConstraintViolation<AnnouncementSubmission>> violations = this.validator.validate(submission);
            if (!violations.isEmpty()) {
                counts.invalid++;
                logger.warn("Source " + source.name() + " has an invalid entry (" + entry.key() + "): "
                        + describe(violations));
                continue;
            }
            UUID announcement = submission.announcementId();
            Instant time = (entry.changedAt() != null) ? entry.changedAt() : submission.publishedAt();
            String outcome;
            if (source.firstPoll() && time != null && time.isBefore(cutoff)) {
                outcome = "old";
                counts.old++;
            }
            else {
                outcome = publish(source, entry, submission, announcement, remembered);
                counts.count(outcome);
            }
            if (this.seen.remember(source.id(), entry.key(), announcement, time, outcome, now)) {
                remembered++;
                seenBefore.add(entry.key());
            }
            if (time != null && (newest == null || time.isAfter(newest))) {
                newest = time;
            }
        }
        counts.report(this.metrics, source.name());
        return new Outcome(remembered, newest);
    }

    private String publish(Source source, FeedEntry entry, AnnouncementSubmission submission, UUID announcement,
            int remembered) {
        try {
            Publication publication = this.seen.listed(source.id(), announcement) ? this.publishing
                .publishUpdate(submission, source.kind().updateType(), entry.changeNote(), entry.changedAt())
                    : this.publishing.publishEntry(submission, entry.changedAt());
            return publication.duplicate() ? "duplicate" : publication.updated() ? "updated" : "published";
        }
        catch (PublishingUnavailableException ex) {
            throw new PollFailedException("Publishing is unavailable (" + ex.getMessage()
                    + "); the entries not published are tried again at the next poll", remembered);
        }
    }

    private static String describe(Set<ConstraintViolation<AnnouncementSubmission>> violations) {
        return violations.stream()
            .map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
            .sorted()
            .collect(Collectors.joining(", "));
    }

    private record Entries(List<FeedEntry> entries, @Nullable String gap) {
    }

    private record Outcome(int remembered, @Nullable Instant newest) {
    }

    private static final class Counts {

        int published;

        int updated;

        int duplicate;

        int old;

        int invalid;

        void count(String outcome) {
            switch (outcome) {
                case "published" -> this.published++;
                case "updated" -> this.updated++;
                default -> this.duplicate++;
            }
        }

        void report(SourceMetrics metrics, String source) {
            metrics.entries(source, "published", this.published);
            metrics.entries(source, "updated", this.updated);
            metrics.entries(source, "duplicate", this.duplicate);
            metrics.entries(source, "old", this.old);
            metrics.entries(source, "invalid", this.invalid);
        }

    }

    /** A poll that stopped part way, having remembered some entries. */
    private static final class PollFailedException extends RuntimeException {

        private final int remembered;

        PollFailedException(String message, int remembered) {
            super(message);
            this.remembered = remembered;
        }

    }

}
