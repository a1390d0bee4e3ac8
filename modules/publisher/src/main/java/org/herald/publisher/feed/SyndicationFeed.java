package org.herald.publisher.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.herald.publisher.announcement.AnnouncementSubmission;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;

/**
 * Reads Atom and RSS feeds with Rome, GOV.UK's (e.g.
 * {@code /search/news-and-communications.atom}) and any other: one entry per item, with
 * its id (RSS: its guid, else its link) and updated time as key, its alternate link as
 * URL, and its title and summary as plain text (HTML cleaned with jsoup). Doctypes are
 * refused, so no external entity is read.
 */
class SyndicationFeed implements FeedReader {

    static final String SOURCE = "feed";

    private final @Nullable URI base;

    /** A reader resolving relative links against the feed's own location. */
    SyndicationFeed() {
        this(null);
    }

    /**
     * A reader resolving relative links against {@code base} (GOV.UK's feeds: its site,
     * wherever the feed was fetched from), or the feed's location when null.
     */
    SyndicationFeed(@Nullable URI base) {
        this.base = base;
    }

    @Override
    public List<FeedEntry> read(byte[] document, URI location) {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(document))) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(reader);
        }
        catch (FeedException | IOException | IllegalArgumentException ex) {
            throw new InvalidFeedException("Not a readable feed: " + ex.getMessage(), ex);
        }
        URI links = (this.base != null) ? this.base : location;
        return feed.getEntries().stream().map((entry) -> entry(entry, links)).toList();
    }

    private static FeedEntry entry(SyndEntry entry, URI location) {
        Instant published = instant(entry.getPublishedDate());
        Instant updated = instant(entry.getUpdatedDate());
        Instant changedAt = (updated != null) ? updated : published;
        String url = FeedLinks.resolve(location, entry.getLink());
        String id = (entry.getUri() != null && !entry.getUri().isBlank()) ? entry.getUri().strip() : url;
        AnnouncementSubmission submission = new AnnouncementSubmission(SOURCE, FeedLinks.externalId(id), url,
                text(entry.getTitle()), summary(entry.getDescription()), null,
                (published != null) ? published : updated, null, null);
        String key = ((id != null) ? id : "") + ((changedAt != null) ? " " + changedAt : "");
        return new FeedEntry(submission, key, changedAt, null);
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return (date != null) ? date.toInstant() : null;
    }

    private static @Nullable String summary(@Nullable SyndContent content) {
        if (content == null || content.getValue() == null) {
            return null;
        }
        String type = content.getType();
        return (type == null || type.contains("html")) ? text(content.getValue()) : content.getValue().strip();
    }

    private static @Nullable String text(@Nullable String html) {
        return (html != null) ? Jsoup.parse(html).text() : null;
    }

}
