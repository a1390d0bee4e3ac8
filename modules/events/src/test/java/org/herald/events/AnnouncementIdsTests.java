package org.herald.events;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnnouncementIdsTests {

    private static final String MOU = "https://www.gov.uk/government/news/uk-and-us-sign-memorandum-of-understanding-on-critical-minerals";

    @Test
    void canonicalisesSchemeHostQueryFragmentAndTrailingSlash() {
        assertThat(AnnouncementIds.canonicalUrl("http://WWW.GOV.UK/government/news/x/?utm_source=a#top"))
            .isEqualTo("https://www.gov.uk/government/news/x");
        assertThat(AnnouncementIds.canonicalUrl("https://user@www.gov.uk:443/a//")).isEqualTo("https://www.gov.uk/a");
        assertThat(AnnouncementIds.canonicalUrl("https://example.org:8443/a")).isEqualTo("https://example.org:8443/a");
        assertThat(AnnouncementIds.canonicalUrl("https://www.gov.uk/")).isEqualTo("https://www.gov.uk");
    }

    @Test
    void keepsPathCase() {
        assertThat(AnnouncementIds.canonicalUrl("https://example.org/News/A")).isEqualTo("https://example.org/News/A");
    }

    @Test
    void givesTheSameIdToEverySpellingOfOnePage() {
        UUID id = AnnouncementIds.idFor(MOU);
        assertThat(AnnouncementIds.idFor(
                "http://www.gov.uk/government/news/uk-and-us-sign-memorandum-of-understanding-on-critical-minerals/?x=1"))
            .isEqualTo(id);
        assertThat(AnnouncementIds.idFor("https://www.gov.uk/government/news/another")).isNotEqualTo(id);
    }

    @Test
    void isAVersionFiveNameBasedUuid() {
        UUID id = AnnouncementIds.idFor(MOU);
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void matchesTheRfc9562Example() {
        // RFC 9562 appendix A.4: name "www.example.com" in the DNS namespace.
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(AnnouncementIds.nameBased(dns, "www.example.com"))
            .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void rejectsUrlsThatAreNotAbsoluteHttp() {
        assertThatIllegalArgumentException().isThrownBy(() -> AnnouncementIds.canonicalUrl("ftp://example.org/a"));
        assertThatIllegalArgumentException().isThrownBy(() -> AnnouncementIds.canonicalUrl("/relative/path"));
        assertThatIllegalArgumentException().isThrownBy(() -> AnnouncementIds.canonicalUrl("https:///nohost"));
        assertThatIllegalArgumentException().isThrownBy(() -> AnnouncementIds.canonicalUrl("not a url"));
        assertThatIllegalArgumentException().isThrownBy(() -> AnnouncementIds.canonicalUrl(" "));
    }

}
