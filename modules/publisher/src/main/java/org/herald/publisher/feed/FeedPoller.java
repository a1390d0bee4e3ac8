package org.herald.publisher.feed;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.herald.publisher.announcement.AnnouncementSubmission;
import org.herald.publisher.announcement.Publication;
import org.herald.publisher.announcement.Publishing;
import org.herald.publisher.announcement.PublishingUnavailableException;

/**
 * Polls one feed: fetches it, reads its entries and publishes each valid one. Publishing
 * is idempotent, so every poll simply offers the whole feed; an entry that could not be
 * published now is offered again by the next poll, and once publishing fails the rest of
 * the poll is left to the next one.
 */
class FeedPoller {

    private static final Log logger = LogFactory.getLog(FeedPoller.class);

    private final String name;

    private final URI url;

    private final FeedFetcher fetcher;

    private final FeedReader reader;

    private final Validator validator;

    private final Publishing publishing;

    FeedPoller(String name, URI url, FeedFetcher fetcher, FeedReader reader, Validator validator,
            Publishing publishing) {
        this.name = name;
        this.url = url;
        this.fetcher = fetcher;
        this.reader = reader;
        this.validator = validator;
        this.publishing = publishing;
    }

    String name() {
        return this.name;
    }

    /** Polls the feed once; never throws. */
    FeedPoll poll() {
        List<AnnouncementSubmission> entries;
        try {
            entries = this.reader.read(this.fetcher.fetch(this.url), this.url);
        }
        catch (InvalidFeedException ex) {
            logger.warn("Feed " + this.name + " failed: " + ex.getMessage());
            return FeedPoll.failed(ex.getMessage());
        }
        int published = 0;
        int duplicates = 0;
        int invalid = 0;
        int failed = 0;
        for (AnnouncementSubmission entry : entries) {
            if (failed > 0) {
                failed++;
                continue;
            }
            Set<ConstraintViolation<AnnouncementSubmission>> violations = this.validator.validate(entry);
            if (!violations.isEmpty()) {
                invalid++;
                logger.warn("Feed " + this.name + " has an invalid entry (" + entry.externalId() + "): "
                        + describe(violations));
                continue;
            }
            try {
                Publication publication = this.publishing.publish(entry);
                if (publication.duplicate()) {
                    duplicates++;
                }
                else {
                    published++;
                }
            }
            catch (PublishingUnavailableException ex) {
                failed++;
            }
        }
        FeedPoll poll = new FeedPoll(entries.size(), published, duplicates, invalid, failed, null);
        logger.info("Feed " + this.name + " polled: " + poll);
        return poll;
    }

    private static String describe(Set<ConstraintViolation<AnnouncementSubmission>> violations) {
        return violations.stream()
            .map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
            .sorted()
            .collect(Collectors.joining(", "));
    }

}
