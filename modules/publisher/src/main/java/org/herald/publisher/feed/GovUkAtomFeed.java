package org.herald.publisher.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.herald.publisher.announcement.AnnouncementSubmission;
import org.jsoup.Jsoup;

/**
 * Reads GOV.UK's Atom feeds (e.g. {@code /search/news-and-communications.atom}): one
 * submission per entry, from source {@code gov-uk-atom}, with the entry's id as external
 * id, its alternate link as URL, and its summary as plain text.
 */
class GovUkAtomFeed implements FeedReader {

    static final String SOURCE = "gov-uk-atom";

    @Override
    public List<AnnouncementSubmission> read(byte[] document, URI location) {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(document))) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(reader);
        }
        catch (FeedException | IOException | IllegalArgumentException ex) {
            throw new InvalidFeedException("Not a readable feed: " + ex.getMessage(), ex);
        }
        return feed.getEntries().stream().map((entry) -> submission(entry, location)).toList();
    }

    private static AnnouncementSubmission submission(SyndEntry entry, URI location) {
        Date published = (entry.getPublishedDate() != null) ? entry.getPublishedDate() : entry.getUpdatedDate();
        return new AnnouncementSubmission(SOURCE, entry.getUri(), FeedLinks.resolve(location, entry.getLink()),
                text(entry.getTitle()), summary(entry.getDescription()), null,
                (published != null) ? published.toInstant() : null, null, null);
    }

    private static String summary(SyndContent content) {
        if (content == null || content.getValue() == null) {
            return null;
        }
        String type = content.getType();
        return (type == null || type.contains("html")) ? text(content.getValue()) : content.getValue().strip();
    }

    private static String text(String html) {
        return (html != null) ? Jsoup.parse(html).text() : null;
    }

}
