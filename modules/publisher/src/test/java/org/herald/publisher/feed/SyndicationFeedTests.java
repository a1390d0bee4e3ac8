package org.herald.publisher.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.herald.publisher.announcement.AnnouncementSubmission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GovUkAtomFeedTests {

    private static final URI LOCATION = URI.create("https://www.gov.uk/search/news-and-communications.atom");

    private final GovUkAtomFeed feed = new GovUkAtomFeed();

    @Test
    void readsEachEntryAsASubmissionFromGovUkAtom() {
        List<AnnouncementSubmission> entries = this.feed.read(SampleFeeds.bytes(SampleFeeds.ATOM), LOCATION);

        assertThat(entries).hasSize(3).allSatisfy((entry) -> assertThat(entry.source()).isEqualTo("gov-uk-atom"));
        AnnouncementSubmission mou = entries.get(0);
        assertThat(mou.url()).isEqualTo(SampleFeeds.MOU_URL);
        assertThat(mou.externalId()).isEqualTo(SampleFeeds.MOU_URL + "#2026-02-04T09:30:00Z");
        assertThat(mou.title()).isEqualTo("UK and US sign Memorandum of Understanding on critical minerals");
        assertThat(mou.publishedAt()).isEqualTo(Instant.parse("2026-02-04T09:30:00Z"));
        assertThat(mou.body()).isNull();
    }

    @Test
    void turnsHtmlSummariesIntoText() {
        List<AnnouncementSubmission> entries = this.feed.read(SampleFeeds.bytes(SampleFeeds.ATOM), LOCATION);

        assertThat(entries.get(0).summary()).isEqualTo(
                "The UK and US will secure critical mineral supply chains & invest in mining, processing and recycling capacity.");
        assertThat(entries.get(1).summary()).isEqualTo("Views sought on battery recycling capacity.");
    }

    @Test
    void resolvesRelativeLinksAgainstTheFeedAndLeavesMissingOnesMissing() {
        List<AnnouncementSubmission> entries = this.feed.read(SampleFeeds.bytes(SampleFeeds.ATOM), LOCATION);

        assertThat(entries.get(1).url())
            .isEqualTo("https://www.gov.uk/government/consultations/sample-battery-recycling-call-for-evidence");
        assertThat(entries.get(2).url()).isNull();
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

}
