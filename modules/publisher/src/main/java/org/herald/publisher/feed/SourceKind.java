package org.herald.publisher.feed;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.herald.events.UpdateType;

/**
 * The kinds of source, by their names in the API and the database.
 */
enum SourceKind {

    /**
     * A GOV.UK Atom feed, e.g. a search feed such as
     * {@code /search/news-and-communications.atom?organisations[]=...}; an entry id
     * carries the page's update time, which GOV.UK moves only for a major change;
     * relative links are pages on {@code https://www.gov.uk/}.
     */
    GOV_UK_ATOM("gov-uk-atom", UpdateType.MAJOR, false),

    /**
     * The GOV.UK Search API ({@code /api/search.json} with {@code filter_*},
     * {@code order=-public_timestamp} and {@code fields}); pages back with {@code start}
     * after an outage.
     */
    GOV_UK_SEARCH("gov-uk-search", UpdateType.MAJOR, true),

    /**
     * Any other RSS or Atom feed: its updated times say nothing of how much changed, so
     * its updates are minor (partners hear of them, members are not emailed).
     */
    FEED("feed", UpdateType.MINOR, false);

    private final String value;

    private final UpdateType updateType;

    private final boolean pages;

    SourceKind(String value, UpdateType updateType, boolean pages) {
        this.value = value;
        this.updateType = updateType;
        this.pages = pages;
    }

    String value() {
        return this.value;
    }

    /** The type of the updates its entries show. */
    UpdateType updateType() {
        return this.updateType;
    }

    /** Whether it can be paged back ({@code start=}) after an outage. */
    boolean pages() {
        return this.pages;
    }

    FeedReader reader() {
        return switch (this) {
            case GOV_UK_SEARCH -> new GovUkSearchResults();
            case GOV_UK_ATOM -> new SyndicationFeed(GovUkSearchResults.GOV_UK);
            case FEED -> new SyndicationFeed();
        };
    }

    static Optional<SourceKind> of(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter((kind) -> kind.value.equals(wanted)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(SourceKind::value).toList());
    }

}
