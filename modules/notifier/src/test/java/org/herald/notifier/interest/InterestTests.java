package org.herald.notifier.interest;

import java.util.ArrayList;
import java.util.List;

import org.herald.events.AnnouncementTagged;
import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.notifier.Announcements;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InterestTests {

    private final AnnouncementTagged mou = Announcements.criticalMineralsMou();

    @Test
    void anyMatchesWhenOneTagIsPresentAndNamesOnlyThatTag() {
        Interest interest = Interest.of(List.of("critical-minerals", "defence"), "any", 1);
        assertThat(interest.match(this.mou)).contains(List.of("critical-minerals"));
    }

    @Test
    void anyDoesNotMatchWhenNoTagIsPresent() {
        assertThat(Interest.of(List.of("defence", "aerospace"), "any", 0).match(this.mou)).isEmpty();
    }

    @Test
    void allNeedsEveryTag() {
        assertThat(Interest.of(List.of("critical-minerals", "defence"), "all", 0).match(this.mou)).isEmpty();
        assertThat(Interest.of(List.of("trade-policy", "critical-minerals"), "all", 0).match(this.mou))
            .contains(List.of("critical-minerals", "trade-policy"));
    }

    @Test
    void skipsAnnouncementsBelowTheLeastRelevance() {
        assertThat(Interest.of(List.of("critical-minerals"), "any", 3).match(this.mou)).isEmpty();
        assertThat(Interest.of(List.of("critical-minerals"), "any", 2).match(this.mou)).isPresent();
    }

    @Test
    void comparesTagsWithoutRegardToCase() {
        assertThat(Interest.of(List.of("Critical-Minerals"), "ALL", 0).match(this.mou))
            .contains(List.of("critical-minerals"));
    }

    @Test
    void noTagsMatchesEveryAnnouncementOfEnoughRelevance() {
        assertThat(Interest.of(List.of(), "any", 2).match(this.mou))
            .contains(List.of("critical-minerals", "trade-policy"));
        assertThat(Interest.of(List.of(), "any", 3).match(this.mou)).isEmpty();
    }

    @Test
    void countsAnImpliedTagUnlessTheInterestTurnsImpliedTagsOff() {
        AnnouncementTagged implied = withImpliedAluminium(this.mou);

        assertThat(Interest.of(List.of("aluminium"), "any", 1).match(implied)).contains(List.of("aluminium"));
        assertThat(Interest.of(List.of("aluminium"), "any", 1, true).match(implied)).contains(List.of("aluminium"));
        assertThat(Interest.of(List.of("aluminium"), "any", 1, false).match(implied)).isEmpty();
        assertThat(Interest.of(List.of("aluminium", "critical-minerals"), "any", 1, false).match(implied))
            .contains(List.of("critical-minerals"));
        assertThat(Interest.of(List.of("aluminium", "critical-minerals"), "all", 1, false).match(implied)).isEmpty();
        assertThat(Interest.of(List.of("aluminium", "critical-minerals"), "all", 1, true).match(implied))
            .contains(List.of("critical-minerals", "aluminium"));
        assertThat(Interest.of(List.of(), "any", 0, false).match(implied))
            .as("an interest in everything names the direct tags only")
            .contains(List.of("critical-minerals", "trade-policy"));
    }

    @Test
    void anAnnouncementWithoutTagsMatchesNoTaggedInterest() {
        AnnouncementTagged untagged = Announcements.taggedWith("x", 3);
        untagged = new AnnouncementTagged(untagged.id(), untagged.source(), null, untagged.url(), untagged.title(),
                null, null, null, null, null, untagged.receivedAt(), List.of(), 3, "v", untagged.taggedAt());
        assertThat(Interest.of(List.of("critical-minerals"), "any", 0).match(untagged)).isEmpty();
        assertThat(Interest.of(List.of("critical-minerals"), "all", 0).match(untagged)).isEmpty();
    }

    private static AnnouncementTagged withImpliedAluminium(AnnouncementTagged announcement) {
        List<TagMatch> tags = new ArrayList<>(announcement.tags());
        tags.add(new TagMatch("aluminium", 6.0,
                List.of(new Evidence("critical minerals", "title", 4.5),
                        new Evidence(Evidence.Kind.IMPLIED, "critical-minerals", "tag", 0.8, "On the list", null)),
                true));
        return new AnnouncementTagged(announcement.id(), announcement.source(), announcement.externalId(),
                announcement.url(), announcement.title(), announcement.summary(), announcement.body(),
                announcement.publishedAt(), announcement.organisation(), announcement.documentType(),
                announcement.receivedAt(), tags, announcement.relevance(), announcement.taxonomyVersion(),
                announcement.taggedAt());
    }

}
