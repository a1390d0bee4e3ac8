package org.herald.notifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.herald.events.AnnouncementIds;
import org.herald.events.AnnouncementTagged;
import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.events.UpdateType;
import org.jspecify.annotations.Nullable;

/**
 * Tagged announcements for tests; the pipeline issue's MoU announcement first.
 */
public final class Announcements {

    public static final String MOU_URL = "https://www.gov.uk/government/news/uk-and-us-sign-memorandum-of-understanding-on-critical-minerals";

    private Announcements() {
    }

    /**
     * "UK and US sign Memorandum of Understanding on critical minerals", tagged
     * critical-minerals, relevance 2.
     */
    public static AnnouncementTagged criticalMineralsMou() {
        return criticalMineralsMou(MOU_URL);
    }

    /** The MoU announcement at another URL, so with another id. */
    public static AnnouncementTagged criticalMineralsMou(String url) {
        return new AnnouncementTagged(AnnouncementIds.idFor(url), "gov-uk-atom", "mou-2026-02-04", url,
                "UK and US sign Memorandum of Understanding on critical minerals",
                "Securing critical mineral supply chains; responsible sourcing and processing; investment in mining, "
                        + "processing and recycling capacity; sharing policy and regulatory practice.",
                "The Department for Business and Trade announced a Memorandum of Understanding. A Mining, Minerals "
                        + "and Metals Investment Ministerial will take place within six months.",
                Instant.parse("2026-02-04T10:00:00Z"), "Department for Business and Trade", "press_release",
                Instant.parse("2026-02-04T10:05:00Z"), List.of(
                        new TagMatch("critical-minerals", 7.5,
                                List.of(new Evidence("critical minerals", "title", 4.5),
                                        new Evidence("mineral supply chains", "summary", 3.0))),
                        new TagMatch("trade-policy", 2.0,
                                List.of(new Evidence("memorandum of understanding", "title", 2.0)))),
                2, "sha256:test", Instant.parse("2026-02-04T10:06:00Z"));
    }

    /**
     * Revision {@code revision} of {@code announcement}: an update of {@code updateType}
     * with {@code changeNote} and a new summary.
     */
    public static AnnouncementTagged update(AnnouncementTagged a, int revision, UpdateType updateType,
            @Nullable String changeNote, String summary) {
        return new AnnouncementTagged(a.id(), a.source(), a.externalId(), a.url(), a.title(), summary, a.body(),
                a.publishedAt(), a.organisation(), a.documentType(), Instant.now(), a.tags(), a.relevance(),
                a.taxonomyVersion(), Instant.now(), revision, updateType, changeNote, a.commentary());
    }

    /** {@code announcement} with the association's commentary. */
    public static AnnouncementTagged withCommentary(AnnouncementTagged a, String commentary) {
        return new AnnouncementTagged(a.id(), a.source(), a.externalId(), a.url(), a.title(), a.summary(), a.body(),
                a.publishedAt(), a.organisation(), a.documentType(), a.receivedAt(), a.tags(), a.relevance(),
                a.taxonomyVersion(), a.taggedAt(), a.revision(), a.updateType(), a.changeNote(), commentary);
    }

    /** A short random word for names and tags of one test, so tests never meet. */
    public static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** An announcement with one tag, each call at a new URL. */
    public static AnnouncementTagged taggedWith(String tag, int relevance) {
        String url = "https://www.gov.uk/government/news/test-" + UUID.randomUUID();
        return new AnnouncementTagged(AnnouncementIds.idFor(url), "test", null, url, "About " + tag, "A summary", null,
                null, null, null, Instant.now(),
                List.of(new TagMatch(tag, 3.0, List.of(new Evidence(tag.replace('-', ' '), "title", 3.0)))), relevance,
                "sha256:test", Instant.now());
    }

}
