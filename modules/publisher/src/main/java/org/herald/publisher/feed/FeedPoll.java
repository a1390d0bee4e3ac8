package org.herald.publisher.feed;

/**
 * What one poll of a feed did.
 *
 * @param entries the entries the feed listed
 * @param published entries published for the first time
 * @param duplicates entries published before
 * @param invalid entries refused by validation (logged, never retried)
 * @param failed entries that could not be published now; the next poll tries them again
 * @param error why the poll failed as a whole, or null
 */
record FeedPoll(int entries, int published, int duplicates, int invalid, int failed, String error) {

    static FeedPoll failed(String error) {
        return new FeedPoll(0, 0, 0, 0, 0, error);
    }

}
