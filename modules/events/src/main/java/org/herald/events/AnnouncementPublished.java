package org.herald.events;

import java.time.Instant;
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
 * @param receivedAt when Herald accepted it
 */
public record AnnouncementPublished(UUID id, String source, @Nullable String externalId, String url, String title,
        @Nullable String summary, @Nullable String body, @Nullable Instant publishedAt, @Nullable String organisation,
        @Nullable String documentType, Instant receivedAt) {

    public AnnouncementPublished {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

}
