package org.herald.notifier.matching;

import java.util.List;

import org.herald.events.AnnouncementTagged;
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
    void anAnnouncementWithoutTagsMatchesNoTaggedInterest() {
        AnnouncementTagged untagged = Announcements.taggedWith("x", 3);
        untagged = new AnnouncementTagged(untagged.id(), untagged.source(), null, untagged.url(), untagged.title(),
                null, null, null, null, null, untagged.receivedAt(), List.of(), 3, "v", untagged.taggedAt());
        assertThat(Interest.of(List.of("critical-minerals"), "any", 0).match(untagged)).isEmpty();
        assertThat(Interest.of(List.of("critical-minerals"), "all", 0).match(untagged)).isEmpty();
    }

}
