package org.herald.publisher.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.herald.publisher.announcement.AnnouncementSubmission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GovUkSearchResultsTests {

    private static final URI LOCATION = URI.create("http://localhost:1234/api/search.json?count=50");

    private final GovUkSearchResults results = new GovUkSearchResults();

    @Test
    void readsEachResultAsASubmissionFromGovUkSearch() {
        List<FeedEntry> read = this.results.read(SampleFeeds.bytes(SampleFeeds.SEARCH), LOCATION);
        List<AnnouncementSubmission> entries = read.stream().map(FeedEntry::submission).toList();

        assertThat(entries).hasSize(3).allSatisfy((entry) -> assertThat(entry.source()).isEqualTo("gov-uk-search"));
        assertThat(read.get(0).key()).isEqualTo(
                "/government/news/uk-and-us-sign-memorandum-of-understanding-on-critical-minerals 2026-02-04T09:30:00Z");
        AnnouncementSubmission mou = entries.get(0);
        assertThat(mou.url()).isEqualTo(SampleFeeds.MOU_URL);
        assertThat(mou.externalId())
            .isEqualTo("/government/news/uk-and-us-sign-memorandum-of-understanding-on-critical-minerals");
        assertThat(mou.title()).isEqualTo("UK and US sign Memorandum of Understanding on critical minerals");
        assertThat(mou.summary()).startsWith("The UK and US have agreed");
        assertThat(mou.publishedAt()).isEqualTo(Instant.parse("2026-02-04T09:30:00Z"));
        assertThat(mou.organisation()).isEqualTo("Department for Business and Trade");
        assertThat(mou.documentType()).isEqualTo("press_release");
    }

    @Test
    void leavesOutWhatAResultLacks() {
        AnnouncementSubmission untitled = this.results.read(SampleFeeds.bytes(SampleFeeds.SEARCH), LOCATION)
            .get(2)
            .submission();

        assertThat(untitled.title()).isNull();
        assertThat(untitled.organisation()).isNull();
        assertThat(untitled.publishedAt()).isNull();
    }

    @Test
    void givesTheSamePageTheSameIdAsTheAtomFeed() {
        AnnouncementSubmission fromSearch = this.results.read(SampleFeeds.bytes(SampleFeeds.SEARCH), LOCATION)
            .get(0)
            .submission();
        AnnouncementSubmission fromAtom = new SyndicationFeed()
            .read(SampleFeeds.bytes(SampleFeeds.ATOM), URI.create("https://www.gov.uk/x.atom"))
            .get(0)
            .submission();

        assertThat(fromSearch.announcementId()).isEqualTo(fromAtom.announcementId());
    }

    @Test
    void refusesADocumentWithoutResults() {
        assertThatExceptionOfType(InvalidFeedException.class)
            .isThrownBy(() -> this.results.read("{\"error\":\"x\"}".getBytes(StandardCharsets.UTF_8), LOCATION));
        assertThatExceptionOfType(InvalidFeedException.class)
            .isThrownBy(() -> this.results.read("<html>".getBytes(StandardCharsets.UTF_8), LOCATION));
    }

}
