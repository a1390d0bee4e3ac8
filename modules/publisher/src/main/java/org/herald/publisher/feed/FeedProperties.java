package org.herald.publisher.feed;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

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
record FeedProperties(@DefaultValue Feed govUkAtom, @DefaultValue Feed govUkSearch,
        @DefaultValue("10s") Duration timeout, @DefaultValue("5242880") long maxBytes) {

    static final URI GOV_UK_ATOM_URL = URI.create("https://www.gov.uk/search/news-and-communications.atom");

    static final URI GOV_UK_SEARCH_URL = URI.create("https://www.gov.uk/api/search.json"
            + "?filter_content_purpose_supergroup=news_and_communications&order=-public_timestamp&count=50"
            + "&fields=title,link,description,public_timestamp,organisations,content_store_document_type");

    FeedProperties {
        govUkAtom = govUkAtom.withDefaultUrl(GOV_UK_ATOM_URL);
        govUkSearch = govUkSearch.withDefaultUrl(GOV_UK_SEARCH_URL);
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
     * @param enabled whether it is polled
     * @param url where it is fetched from (http or https); the feed's own URL when unset
     * @param interval the pause between the end of one poll and the start of the next
     */
    record Feed(@DefaultValue("false") boolean enabled, @Nullable URI url, @DefaultValue("5m") Duration interval) {

        Feed {
            if (url != null && !"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("A feed URL must be http or https: " + url);
            }
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("A feed interval must be positive");
            }
        }

        Feed withDefaultUrl(URI defaultUrl) {
            return (this.url != null) ? this : new Feed(this.enabled, defaultUrl, this.interval);
        }

    }

}
