package org.herald.tagger.pipeline;

import java.time.Clock;

import org.herald.events.AnnouncementPublished;
import org.herald.events.AnnouncementTagged;
import org.herald.tagger.tagging.Implications;
import org.herald.tagger.tagging.Tagger;
import org.herald.tagger.tagging.Tagging;

/**
 * The use-case: an accepted announcement becomes a tagged announcement, its direct tags
 * followed by the tags they imply. Plain Java.
 */
final class TaggingAnnouncements {

    private final Tagger tagger;

    private final Clock clock;

    TaggingAnnouncements(Tagger tagger, Clock clock) {
        this.tagger = tagger;
        this.clock = clock;
    }

    AnnouncementTagged tag(AnnouncementPublished announcement) {
        Tagging tagging = Implications.tag(this.tagger, announcement.title(), announcement.summary(),
                announcement.body(), announcement.url());
        return AnnouncementTagged.of(announcement, tagging.tags(), tagging.relevance(), tagging.taxonomyVersion(),
                this.clock.instant());
    }

}
