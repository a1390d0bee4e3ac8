package org.herald.publisher.feed;

import java.net.URI;
import java.util.List;

/**
 * Turns one kind of feed document into entries.
 */
interface FeedReader {

    /**
     * The entries of {@code document}, fetched from {@code location} (relative links
     * resolve against it), in the document's order; entries it cannot make sense of come
     * back incomplete, for validation to refuse.
     * @throws InvalidFeedException if the document as a whole cannot be read
     */
    List<FeedEntry> read(byte[] document, URI location);

}
