package org.herald.publisher.feed;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.herald.publisher.announcement.AnnouncementSubmission;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads GOV.UK Search API results ({@code /api/search.json} with fields {@code title},
 * {@code link}, {@code description}, {@code public_timestamp}, {@code organisations},
 * {@code content_store_document_type}): one submission per result, from source
 * {@code gov-uk-search}, with the link as external id and, resolved against
 * {@code https://www.gov.uk/} (the Search API's links are paths on GOV.UK, whichever host
 * serves the API), as URL; the link and public timestamp are its key, as GOV.UK moves the
 * timestamp on a major change only.
 */
class GovUkSearchResults implements FeedReader {

    static final String SOURCE = "gov-uk-search";

    static final URI GOV_UK = URI.create("https://www.gov.uk/");

    private static final JsonMapper JSON = JsonMapper.shared();

    @Override
    public List<FeedEntry> read(byte[] document, URI location) {
        JsonNode results;
        try {
            results = JSON.readTree(document).path("results");
        }
        catch (JacksonException ex) {
            throw new InvalidFeedException("Not readable search results: " + ex.getOriginalMessage(), ex);
        }
        if (!results.isArray()) {
            throw new InvalidFeedException("Search results without a results array");
        }
        return results.valueStream().map(GovUkSearchResults::submission).toList();
    }

    private static FeedEntry submission(JsonNode result) {
        String link = text(result, "link");
        Instant timestamp = instant(text(result, "public_timestamp"));
        AnnouncementSubmission submission = new AnnouncementSubmission(SOURCE, FeedLinks.externalId(link),
                FeedLinks.resolve(GOV_UK, link), oneLine(text(result, "title")), text(result, "description"), null,
                timestamp, oneLine(organisation(result.path("organisations"))),
                text(result, "content_store_document_type"));
        String key = ((link != null) ? link : "") + ((timestamp != null) ? " " + timestamp : "");
        return new FeedEntry(submission, key, timestamp, null);
    }

    private static @Nullable String organisation(JsonNode organisations) {
        if (!organisations.isArray() || organisations.isEmpty()) {
            return null;
        }
        JsonNode first = organisations.get(0);
        return first.isString() ? first.asString() : text(first, "title");
    }

    private static @Nullable Instant instant(@Nullable String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static @Nullable String oneLine(@Nullable String text) {
        return (text != null) ? text.replaceAll("\\s+", " ").strip() : null;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

}
