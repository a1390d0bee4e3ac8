package org.herald.events;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnnouncementTaggedTests {

    private final AnnouncementPublished published = new AnnouncementPublished(
            AnnouncementIds.idFor("https://www.gov.uk/a"), "test", null, "https://www.gov.uk/a", "Title", null, null,
            null, null, null, Instant.parse("2026-02-04T10:00:00Z"));

    @Test
    void carriesEveryFieldOfThePublishedAnnouncement() {
        TagMatch tag = new TagMatch("aluminium", 3.0, List.of(new Evidence("aluminium", "title", 3.0)));
        AnnouncementTagged tagged = AnnouncementTagged.of(this.published, List.of(tag), 3, "v1", Instant.now());
        assertThat(tagged.id()).isEqualTo(this.published.id());
        assertThat(tagged.url()).isEqualTo(this.published.url());
        assertThat(tagged.receivedAt()).isEqualTo(this.published.receivedAt());
        assertThat(tagged.tagNames()).containsExactly("aluminium");
    }

    @Test
    void carriesTheRevisionOfAnUpdate() {
        AnnouncementPublished update = new AnnouncementPublished(this.published.id(), "test", null,
                this.published.url(), "Title", null, null, null, null, null, Instant.parse("2026-02-05T10:00:00Z"), 1,
                UpdateType.MAJOR, "Tariff rates corrected");
        AnnouncementTagged tagged = AnnouncementTagged.of(update, List.of(), 0, "v1", Instant.now());
        assertThat(tagged.isUpdate()).isTrue();
        assertThat(tagged.revision()).isEqualTo(1);
        assertThat(tagged.updateType()).isEqualTo(UpdateType.MAJOR);
        assertThat(tagged.changeNote()).isEqualTo("Tariff rates corrected");
    }

    @Test
    void carriesTheAssociationsCommentary() {
        AnnouncementPublished withCommentary = new AnnouncementPublished(this.published.id(), "test", null,
                this.published.url(), "Title", null, null, null, null, null, this.published.receivedAt(), 0, null, null,
                "We will monitor developments.");
        AnnouncementTagged tagged = AnnouncementTagged.of(withCommentary, List.of(), 0, "v1", Instant.now());
        assertThat(tagged.commentary()).isEqualTo("We will monitor developments.");
        assertThat(AnnouncementTagged.of(this.published, List.of(), 0, "v1", Instant.now()).commentary()).isNull();
    }

    @Test
    void carriesTheAnnouncementsItFollowsUp() {
        java.util.UUID mou = AnnouncementIds.idFor("https://www.gov.uk/mou");
        AnnouncementPublished followUp = new AnnouncementPublished(this.published.id(), "test", null,
                this.published.url(), "Title", null, null, null, null, null, this.published.receivedAt(), 0, null, null,
                null, List.of(mou));
        assertThat(AnnouncementTagged.of(followUp, List.of(), 0, "v1", Instant.now()).follows()).containsExactly(mou);
        assertThat(AnnouncementTagged.of(this.published, List.of(), 0, "v1", Instant.now()).follows()).isEmpty();
    }

    @Test
    void readsAFirstPublicationAsRevisionZeroWithoutUpdateType() {
        AnnouncementTagged tagged = AnnouncementTagged.of(this.published, List.of(), 0, "v1", Instant.now());
        assertThat(tagged.isUpdate()).isFalse();
        assertThat(tagged.revision()).isZero();
        assertThat(tagged.updateType()).isNull();
    }

    @Test
    void rejectsRelevanceOutsideZeroToThree() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> AnnouncementTagged.of(this.published, List.of(), 4, "v1", Instant.now()));
    }

}
