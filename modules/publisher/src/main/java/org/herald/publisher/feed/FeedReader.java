package org.herald.publisher.feed;

import java.net.URI;
import java.util.List;

import org.herald.publisher.announcement.AnnouncementSubmission;

/**
 * Turns one kind of feed document into submissions.
 */
interface FeedReader {

    /**
     * The entries of {@code document}, fetched from {@code location} (relative links
     * resolve against it); entries it cannot make sense of come back incomplete, for
     * validation to refuse.
     * @throws InvalidFeedException if the document as a whole cannot be read
     */
    List<AnnouncementSubmission> read(byte[] document, URI location);

}
