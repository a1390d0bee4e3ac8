package org.herald.publisher.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The saved sample feeds in {@code src/test/resources/feeds}.
 */
final class SampleFeeds {

    static final String ATOM = "gov-uk-news-and-communications.atom";

    static final String SEARCH = "gov-uk-search.json";

    static final String MOU_URL = "https://www.gov.uk/government/news/uk-and-us-sign-memorandum-of-understanding-on-critical-minerals";

    private SampleFeeds() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = SampleFeeds.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No sample feed " + name);
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
