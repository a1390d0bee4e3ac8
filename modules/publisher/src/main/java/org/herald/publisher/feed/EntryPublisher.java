package org.herald.publisher.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

/**
 * Publishes the entries of a source not seen before, oldest first, through the same path
 * as the HTTP API: a page listed before by this source under another key is an update of
 * it, and a first poll announces nothing older than the first-poll age (it marks it
 * seen).
 */
final class EntryPublisher {

    private static final Log logger = LogFactory.getLog(SourcePoller.class);

    private final SeenEntries seen;

    private final Validator validator;

    private final Publishing publishing;

    private final Duration firstPollMaxAge;

    private final SourceMetrics metrics;

    EntryPublisher(SeenEntries seen, Validator validator, Publishing publishing, Duration firstPollMaxAge,
            SourceMetrics metrics) {
        this.seen = seen;
        this.validator = validator;
        this.publishing = publishing;
        this.firstPollMaxAge = firstPollMaxAge;
        this.metrics = metrics;
    }

    /**
     * Publishes the entries not seen before, oldest first.
     * @throws PollFailedException if publishing became unavailable part way
     */
    Outcome publish(Source source, List<FeedEntry> entries, Instant now) {
        Set<String> seenBefore = this.seen.seen(source.id(), entries.stream().map(FeedEntry::key).toList());
        List<FeedEntry> oldestFirst = new ArrayList<>(entries);
        Collections.reverse(oldestFirst);
        Instant cutoff = now.minus(this.firstPollMaxAge);
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

    /** How many entries were remembered, and the time of the newest. */
    record Outcome(int remembered, @Nullable Instant newest) {
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

}
