package org.herald.publisher.announcement;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.herald.events.AnnouncementIds;
import org.herald.events.AnnouncementPublished;
import org.herald.events.UpdateType;
import org.jspecify.annotations.Nullable;

/**
 * An announcement as a sender submits it: the body of {@code POST /api/v1/announcements},
 * and what the feed pollers make of a feed entry. {@code source}, {@code url} and
 * {@code title} are required. Text carries no control characters (none at all in one-line
 * fields; tab and line breaks only in {@code summary} and {@code body}), so nothing
 * downstream meets a NUL or a header-splitting line break.
 *
 * @param source the system that sent it, e.g. {@code gov-uk-atom} or
 * {@code api:alfed-cms}
 * @param externalId the sender's own id for it, if any
 * @param url the announcement's page, an absolute http(s) URL; its canonical form gives
 * the id
 * @param title the title
 * @param summary a short summary, if any
 * @param body the body text, if any
 * @param publishedAt when the government published it, if known
 * @param organisation the department or body that published it, if known
 * @param documentType e.g. {@code press_release}, if known
 * @param updateType {@code major} or {@code minor} (the default): how much this changes
 * the announcement, if it was published before with other content from the same source
 * @param changeNote what changed, for an update
 * @param commentary the association's commentary on it, "what this means for members"
 * (markdown; the notifier renders it safely), to go out with the first email; not part of
 * the content that makes a post an update
 * @param follows earlier announcements this one follows up, each by its id or its page's
 * URL (at most {@value #MAX_FOLLOWS})
 */
public record AnnouncementSubmission(@NotBlank @Size(max = MAX_SOURCE) @SingleLine String source,
        @Size(max = MAX_EXTERNAL_ID) @SingleLine @Nullable String externalId,
        @NotBlank @Size(max = MAX_URL) @HttpUrl String url, @NotBlank @Size(max = MAX_TITLE) @SingleLine String title,
        @Size(max = MAX_SUMMARY) @PlainText @Nullable String summary,
        @Size(max = MAX_BODY) @PlainText @Nullable String body, @Nullable Instant publishedAt,
        @Size(max = MAX_ORGANISATION) @SingleLine @Nullable String organisation,
        @Size(max = MAX_DOCUMENT_TYPE) @SingleLine @Nullable String documentType,
        @Pattern(regexp = "major|minor", message = "must be major or minor") @Nullable String updateType,
        @Size(max = MAX_CHANGE_NOTE) @PlainText @Nullable String changeNote,
        @Size(max = MAX_COMMENTARY) @PlainText @Nullable String commentary,
        @Size(max = MAX_FOLLOWS) @Nullable List<@NotBlank @Size(max = MAX_URL) String> follows) {

    static final int MAX_SOURCE = 100;

    static final int MAX_EXTERNAL_ID = 200;

    static final int MAX_URL = 2048;

    static final int MAX_TITLE = 500;

    static final int MAX_SUMMARY = 5_000;

    static final int MAX_BODY = 200_000;

    static final int MAX_ORGANISATION = 200;

    static final int MAX_DOCUMENT_TYPE = 100;

    static final int MAX_CHANGE_NOTE = 2_000;

    /** As the notifier's commentary API allows. */
    static final int MAX_COMMENTARY = 4_000;

    static final int MAX_FOLLOWS = 20;

    /** A submission that says nothing of updates (a feed entry, or a first post). */
    public AnnouncementSubmission(String source, @Nullable String externalId, String url, String title,
            @Nullable String summary, @Nullable String body, @Nullable Instant publishedAt,
            @Nullable String organisation, @Nullable String documentType) {
        this(source, externalId, url, title, summary, body, publishedAt, organisation, documentType, null, null);
    }

    /** A submission without commentary. */
    public AnnouncementSubmission(String source, @Nullable String externalId, String url, String title,
            @Nullable String summary, @Nullable String body, @Nullable Instant publishedAt,
            @Nullable String organisation, @Nullable String documentType, @Nullable String updateType,
            @Nullable String changeNote) {
        this(source, externalId, url, title, summary, body, publishedAt, organisation, documentType, updateType,
                changeNote, null, null);
    }

    /**
     * Whether each of {@code follows} is an announcement id or an absolute http(s) URL.
     */
    @AssertTrue(message = "follows must hold announcement ids or absolute http(s) URLs")
    public boolean isFollowsValid() {
        try {
            followedIds();
            return true;
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            return false;
        }
    }

    /** The ids of the announcements this one follows up, without repeats. */
    List<UUID> followedIds() {
        if (this.follows == null) {
            return List.of();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String followed : this.follows) {
            String value = followed.strip();
            if (value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
                ids.add(UUID.fromString(value));
            }
            else {
                ids.add(AnnouncementIds.idFor(value));
            }
        }
        ids.remove(announcementId());
        return List.copyOf(ids);
    }

    /** The id this submission gets: that of its URL's canonical form. */
    public UUID announcementId() {
        return AnnouncementIds.idFor(this.url);
    }

    /**
     * The event announcing this submission, received at {@code receivedAt}: text stripped
     * of surrounding white space, blank optional fields absent.
     * @throws IllegalArgumentException if the URL is not an absolute http(s) URL
     */
    AnnouncementPublished toEvent(Instant receivedAt) {
        return toEvent(receivedAt, 0, null, null);
    }

    /**
     * The event announcing revision {@code revision} of this submission (0: the first).
     */
    AnnouncementPublished toEvent(Instant receivedAt, int revision, @Nullable UpdateType updateType,
            @Nullable String changeNote) {
        return new AnnouncementPublished(announcementId(), this.source.strip(), optional(this.externalId),
                this.url.strip(), this.title.strip(), optional(this.summary), optional(this.body), this.publishedAt,
                optional(this.organisation), optional(this.documentType), receivedAt, revision, updateType,
                optional(changeNote), optional(this.commentary), followedIds());
    }

    /** The update type it states: {@code major} or, by default, minor. */
    UpdateType statedUpdateType() {
        return "major".equals(this.updateType) ? UpdateType.MAJOR : UpdateType.MINOR;
    }

    /** The same submission from {@code source}. */
    public AnnouncementSubmission withSource(String source) {
        return new AnnouncementSubmission(source, this.externalId, this.url, this.title, this.summary, this.body,
                this.publishedAt, this.organisation, this.documentType, this.updateType, this.changeNote,
                this.commentary, this.follows);
    }

    private static @Nullable String optional(@Nullable String value) {
        return (value == null || value.isBlank()) ? null : value.strip();
    }

}
