package org.herald.publisher.feed;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the feed pollers; every feed is off unless enabled.
 *
 * @param govUkAtom {@code herald.publisher.feeds.gov-uk-atom.*}: GOV.UK's Atom feed of
 * news and communications
 * @param govUkSearch {@code herald.publisher.feeds.gov-uk-search.*}: GOV.UK's Search API,
 * newest news and communications first
 * @param timeout {@code herald.publisher.feeds.timeout}: how long one fetch of a feed may
 * take
 * @param maxBytes {@code herald.publisher.feeds.max-bytes}: the largest feed document
 * read; a larger one fails the poll
 */
@ConfigurationProperties("herald.publisher.feeds")
record FeedProperties(Feed govUkAtom, Feed govUkSearch, @DefaultValue("10s") Duration timeout,
        @DefaultValue("5242880") long maxBytes) {

    static final URI GOV_UK_ATOM_URL = URI.create("https://www.gov.uk/search/news-and-communications.atom");

    static final URI GOV_UK_SEARCH_URL = URI.create("https://www.gov.uk/api/search.json"
            + "?filter_content_purpose_supergroup=news_and_communications&order=-public_timestamp&count=50"
            + "&fields=title,link,description,public_timestamp,organisations,content_store_document_type");

    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    FeedProperties {
        govUkAtom = Feed.withDefaults(govUkAtom, GOV_UK_ATOM_URL);
        govUkSearch = Feed.withDefaults(govUkSearch, GOV_UK_SEARCH_URL);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("herald.publisher.feeds.timeout must be positive");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("herald.publisher.feeds.max-bytes must be positive");
        }
    }

    /**
     * One feed.
     *
     * @param enabled whether it is polled (default false)
     * @param url where it is fetched from (http or https)
     * @param interval the pause between the end of one poll and the start of the next
     * (default 5m)
     */
    record Feed(boolean enabled, URI url, Duration interval) {

        Feed {
            if (url != null && !"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("A feed URL must be http or https: " + url);
            }
            if (interval != null && (interval.isNegative() || interval.isZero())) {
                throw new IllegalArgumentException("A feed interval must be positive");
            }
        }

        static Feed withDefaults(Feed feed, URI defaultUrl) {
            if (feed == null) {
                return new Feed(false, defaultUrl, DEFAULT_INTERVAL);
            }
            return new Feed(feed.enabled(), (feed.url() != null) ? feed.url() : defaultUrl,
                    (feed.interval() != null) ? feed.interval() : DEFAULT_INTERVAL);
        }

    }

}
