package org.herald.publisher.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.herald.publisher.announcement.AnnouncementSubmission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SyndicationFeedTests {

    private static final URI LOCATION = URI.create("https://www.gov.uk/search/news-and-communications.atom");

    private final SyndicationFeed feed = new SyndicationFeed();

    @Test
    void readsEachEntryWithItsIdAndUpdateTimeAsKey() {
        List<FeedEntry> read = this.feed.read(SampleFeeds.bytes(SampleFeeds.ATOM), LOCATION);

        assertThat(read).hasSize(3);
        assertThat(read.get(0).key()).isEqualTo(SampleFeeds.MOU_URL + "#2026-02-04T09:30:00Z 2026-02-04T09:30:00Z");
        assertThat(read.get(0).changedAt()).isEqualTo(Instant.parse("2026-02-04T09:30:00Z"));
        List<AnnouncementSubmission> entries = submissions(read);
        AnnouncementSubmission mou = entries.get(0);
        assertThat(mou.url()).isEqualTo(SampleFeeds.MOU_URL);
        assertThat(mou.externalId()).isEqualTo(SampleFeeds.MOU_URL + "#2026-02-04T09:30:00Z");
        assertThat(mou.title()).isEqualTo("UK and US sign Memorandum of Understanding on critical minerals");
        assertThat(mou.publishedAt()).isEqualTo(Instant.parse("2026-02-04T09:30:00Z"));
        assertThat(mou.body()).isNull();
    }

    @Test
    void turnsHtmlSummariesIntoText() {
        List<AnnouncementSubmission> entries = submissions(
                this.feed.read(SampleFeeds.bytes(SampleFeeds.ATOM), LOCATION));

        assertThat(entries.get(0).summary()).isEqualTo(
                "The UK and US will secure critical mineral supply chains & invest in mining, processing and recycling capacity.");
        assertThat(entries.get(1).summary()).isEqualTo("Views sought on battery recycling capacity.");
    }

    @Test
    void resolvesRelativeLinksAgainstTheFeedAndLeavesMissingOnesMissing() {
        List<AnnouncementSubmission> entries = submissions(
                this.feed.read(SampleFeeds.bytes(SampleFeeds.ATOM), LOCATION));

        assertThat(entries.get(1).url())
            .isEqualTo("https://www.gov.uk/government/consultations/sample-battery-recycling-call-for-evidence");
        assertThat(entries.get(2).url()).isNull();
    }

    @Test
    void resolvesGovUkRelativeLinksAgainstGovUkWhereverTheFeedCameFrom() {
        List<FeedEntry> entries = new SyndicationFeed(GovUkSearchResults.GOV_UK)
            .read(SampleFeeds.bytes(SampleFeeds.ATOM), URI.create("http://127.0.0.1:8080/feed.atom"));

        assertThat(entries.get(1).submission().url())
            .isEqualTo("https://www.gov.uk/government/consultations/sample-battery-recycling-call-for-evidence");
    }

    @Test
    void keepsALongEntryIdInTheKeyButNotAsExternalId() {
        String page = "https://www.gov.uk/government/news/" + "a-very-long-slug-".repeat(12);
        String atom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><id>x</id><title>t</title><updated>2026-11-20T09:30:00Z</updated>
                  <entry><id>%1$s#2026-11-20T09:30:00Z</id><updated>2026-11-20T09:30:00Z</updated>
                    <link rel="alternate" href="%1$s"/><title>Long</title></entry>
                </feed>
                """
            .formatted(page);

        FeedEntry entry = this.feed.read(atom.getBytes(StandardCharsets.UTF_8), LOCATION).get(0);

        assertThat(entry.submission().externalId()).isNull();
        assertThat(entry.key()).startsWith(page + "#2026-11-20T09:30:00Z");
        assertThat(entry.submission().url()).isEqualTo(page);
    }

    @Test
    void readsRss() {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Regulator news</title><link>https://regulator.example/</link>
                  <item><title>Levy rates 2027</title><link>https://regulator.example/news/levy-2027</link>
                    <guid>https://regulator.example/news/levy-2027</guid>
                    <pubDate>Tue, 17 Nov 2026 10:00:00 GMT</pubDate>
                    <description>&lt;p&gt;New &lt;em&gt;levy&lt;/em&gt; rates.&lt;/p&gt;</description></item>
                </channel></rss>
                """;

        FeedEntry entry = this.feed
            .read(rss.getBytes(StandardCharsets.UTF_8), URI.create("https://regulator.example/rss"))
            .get(0);

        assertThat(entry.submission().url()).isEqualTo("https://regulator.example/news/levy-2027");
        assertThat(entry.submission().summary()).isEqualTo("New levy rates.");
        assertThat(entry.key()).isEqualTo("https://regulator.example/news/levy-2027 2026-11-17T10:00:00Z");
    }

    @Test
    void refusesADocumentThatIsNotAFeed() {
        assertThatExceptionOfType(InvalidFeedException.class).isThrownBy(() -> this.feed
            .read("<html><body>Maintenance</body></html>".getBytes(StandardCharsets.UTF_8), LOCATION));
        assertThatExceptionOfType(InvalidFeedException.class)
            .isThrownBy(() -> this.feed.read("not xml".getBytes(StandardCharsets.UTF_8), LOCATION));
    }

    @Test
    void refusesDoctypesSoNoExternalEntityIsRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>&secret;</title></feed>
                """;

        assertThatExceptionOfType(InvalidFeedException.class)
            .isThrownBy(() -> this.feed.read(xxe.getBytes(StandardCharsets.UTF_8), LOCATION));
    }

    private static List<AnnouncementSubmission> submissions(List<FeedEntry> entries) {
        return entries.stream().map(FeedEntry::submission).toList();
    }

}
