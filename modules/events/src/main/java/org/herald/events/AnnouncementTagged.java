package org.herald.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An announcement with the sector's tags, written by the tagger to
 * {@link Topics#ANNOUNCEMENTS_TAGGED}: every field of {@link AnnouncementPublished}, then
 * the tags with their scores and evidence, the overall relevance and the version of the
 * taxonomy that decided them.
 *
 * @param tags the tags that passed their threshold, highest score first; empty when none
 * did
 * @param relevance overall relevance to the sector: 0 irrelevant, 1 distant, 2
 * neighbouring, 3 direct
 * @param taxonomyVersion content hash of the taxonomy file used
 * @param taggedAt when the tagger tagged it
 * @param revision never null after construction (absent reads as 0); as in
 * {@link AnnouncementPublished#revision()}: 0 unless an update
 * @param updateType as in {@link AnnouncementPublished#updateType()}
 * @param changeNote as in {@link AnnouncementPublished#changeNote()}
 * @param commentary as in {@link AnnouncementPublished#commentary()}
 * @param follows as in {@link AnnouncementPublished#follows()}; never null
 */
public record AnnouncementTagged(UUID id, String source, @Nullable String externalId, String url, String title,
        @Nullable String summary, @Nullable String body, @Nullable Instant publishedAt, @Nullable String organisation,
        @Nullable String documentType, Instant receivedAt, List<TagMatch> tags, int relevance, String taxonomyVersion,
        Instant taggedAt, Integer revision, @Nullable UpdateType updateType, @Nullable String changeNote,
        @Nullable String commentary, List<UUID> follows) {

    public AnnouncementTagged {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(taxonomyVersion, "taxonomyVersion");
        tags = (tags != null) ? List.copyOf(tags) : List.of();
        // Absent in records written before revisions existed (Jackson passes null for a
        // missing Integer; a missing int would fail).
        revision = (revision != null) ? revision : Integer.valueOf(0);
        if (relevance < 0 || relevance > 3) {
            throw new IllegalArgumentException("relevance must be 0 to 3, was " + relevance);
        }
        if (revision < 0) {
            throw new IllegalArgumentException("revision must not be negative, was " + revision);
        }
        if (revision > 0 && updateType == null) {
            updateType = UpdateType.MINOR;
        }
        if (revision == 0) {
            updateType = null;
            changeNote = null;
        }
        follows = (follows != null) ? List.copyOf(follows) : List.of();
    }

    /** A tagged announcement that follows up none. */
    public AnnouncementTagged(UUID id, String source, @Nullable String externalId, String url, String title,
            @Nullable String summary, @Nullable String body, @Nullable Instant publishedAt,
            @Nullable String organisation, @Nullable String documentType, Instant receivedAt, List<TagMatch> tags,
            int relevance, String taxonomyVersion, Instant taggedAt, Integer revision, @Nullable UpdateType updateType,
            @Nullable String changeNote, @Nullable String commentary) {
        this(id, source, externalId, url, title, summary, body, publishedAt, organisation, documentType, receivedAt,
                tags, relevance, taxonomyVersion, taggedAt, revision, updateType, changeNote, commentary, List.of());
    }

    /** A tagged announcement without commentary. */
    public AnnouncementTagged(UUID id, String source, @Nullable String externalId, String url, String title,
            @Nullable String summary, @Nullable String body, @Nullable Instant publishedAt,
            @Nullable String organisation, @Nullable String documentType, Instant receivedAt, List<TagMatch> tags,
            int relevance, String taxonomyVersion, Instant taggedAt, Integer revision, @Nullable UpdateType updateType,
            @Nullable String changeNote) {
        this(id, source, externalId, url, title, summary, body, publishedAt, organisation, documentType, receivedAt,
                tags, relevance, taxonomyVersion, taggedAt, revision, updateType, changeNote, null);
    }

    /** The tagged form of an announcement as first published: revision 0. */
    public AnnouncementTagged(UUID id, String source, @Nullable String externalId, String url, String title,
            @Nullable String summary, @Nullable String body, @Nullable Instant publishedAt,
            @Nullable String organisation, @Nullable String documentType, Instant receivedAt, List<TagMatch> tags,
            int relevance, String taxonomyVersion, Instant taggedAt) {
        this(id, source, externalId, url, title, summary, body, publishedAt, organisation, documentType, receivedAt,
                tags, relevance, taxonomyVersion, taggedAt, 0, null, null, null);
    }

    /** The tagged form of {@code announcement}. */
    public static AnnouncementTagged of(AnnouncementPublished announcement, List<TagMatch> tags, int relevance,
            String taxonomyVersion, Instant taggedAt) {
        return new AnnouncementTagged(announcement.id(), announcement.source(), announcement.externalId(),
                announcement.url(), announcement.title(), announcement.summary(), announcement.body(),
                announcement.publishedAt(), announcement.organisation(), announcement.documentType(),
                announcement.receivedAt(), tags, relevance, taxonomyVersion, taggedAt, announcement.revision(),
                announcement.updateType(), announcement.changeNote(), announcement.commentary(),
                announcement.follows());
    }

    /** Whether this is an update of an announcement published before. */
    public boolean isUpdate() {
        return this.revision > 0;
    }

    /** The names of the tags, in order. */
    public List<String> tagNames() {
        return this.tags.stream().map(TagMatch::tag).toList();
    }

}
