package org.herald.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An announcement the publisher accepted and wrote to {@link Topics#ANNOUNCEMENTS}.
 *
 * @param id the stable id, {@link AnnouncementIds#idFor(String)} of {@code url}
 * @param source the system that sent it (e.g. {@code gov-uk-atom}, {@code api:alfed-cms})
 * @param externalId the sender's own id for it, if any
 * @param url the announcement's page, absolute http(s)
 * @param title the title
 * @param summary a short summary, if any
 * @param body the body text, if any
 * @param publishedAt when the government published it, if known
 * @param organisation the department or body that published it, if known
 * @param documentType e.g. {@code press_release}, {@code consultation}, if known
 * @param receivedAt when Herald accepted it (this revision of it)
 * @param revision never null after construction (absent reads as 0): 0 for the
 * announcement as first published, then 1, 2, ... for each update of it; records written
 * before revisions existed read as 0
 * @param updateType for an update ({@code revision > 0}): {@link UpdateType#MAJOR} or
 * {@link UpdateType#MINOR}; null for revision 0
 * @param changeNote for an update, what changed, when the source says so
 * @param commentary the association's commentary on it, "what this means for members"
 * (markdown), when staff gave one with the announcement; absent in records written before
 * it existed
 * @param follows never null after construction (absent reads as empty): the ids of
 * earlier announcements this one follows up (the Investment Ministerial follows the MoU),
 * as staff or the publisher named them
 */
public record AnnouncementPublished(UUID id, String source, @Nullable String externalId, String url, String title,
        @Nullable String summary, @Nullable String body, @Nullable Instant publishedAt, @Nullable String organisation,
        @Nullable String documentType, Instant receivedAt, Integer revision, @Nullable UpdateType updateType,
        @Nullable String changeNote, @Nullable String commentary, List<UUID> follows) {

    public AnnouncementPublished {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(receivedAt, "receivedAt");
        // Absent in records written before revisions existed (Jackson passes null for a
        // missing Integer; a missing int would fail).
        revision = (revision != null) ? revision : Integer.valueOf(0);
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

    /** An announcement that follows up none. */
    public AnnouncementPublished(UUID id, String source, @Nullable String externalId, String url, String title,
            @Nullable String summary, @Nullable String body, @Nullable Instant publishedAt,
            @Nullable String organisation, @Nullable String documentType, Instant receivedAt, Integer revision,
            @Nullable UpdateType updateType, @Nullable String changeNote, @Nullable String commentary) {
        this(id, source, externalId, url, title, summary, body, publishedAt, organisation, documentType, receivedAt,
                revision, updateType, changeNote, commentary, List.of());
    }

    /** An announcement without commentary. */
    public AnnouncementPublished(UUID id, String source, @Nullable String externalId, String url, String title,
            @Nullable String summary, @Nullable String body, @Nullable Instant publishedAt,
            @Nullable String organisation, @Nullable String documentType, Instant receivedAt, Integer revision,
            @Nullable UpdateType updateType, @Nullable String changeNote) {
        this(id, source, externalId, url, title, summary, body, publishedAt, organisation, documentType, receivedAt,
                revision, updateType, changeNote, null);
    }

    /** The announcement as first published: revision 0. */
    public AnnouncementPublished(UUID id, String source, @Nullable String externalId, String url, String title,
            @Nullable String summary, @Nullable String body, @Nullable Instant publishedAt,
            @Nullable String organisation, @Nullable String documentType, Instant receivedAt) {
        this(id, source, externalId, url, title, summary, body, publishedAt, organisation, documentType, receivedAt, 0,
                null, null, null);
    }

    /** Whether this is an update of an announcement published before. */
    public boolean isUpdate() {
        return this.revision > 0;
    }

}
