package org.herald.publisher.feed;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.herald.publisher.announcement.AnnouncementSubmission;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads GOV.UK Search API results ({@code /api/search.json} with fields {@code title},
 * {@code link}, {@code description}, {@code public_timestamp}, {@code organisations},
 * {@code content_store_document_type}): one submission per result, from source
 * {@code gov-uk-search}, with the link as external id and, resolved against
 * {@code https://www.gov.uk/} (the Search API's links are paths on GOV.UK, whichever host
 * serves the API), as URL.
 */
class GovUkSearchResults implements FeedReader {

    static final String SOURCE = "gov-uk-search";

    static final URI GOV_UK = URI.create("https://www.gov.uk/");

    private static final JsonMapper JSON = JsonMapper.shared();

    @Override
    public List<AnnouncementSubmission> read(byte[] document, URI location) {
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

    private static AnnouncementSubmission submission(JsonNode result) {
        String link = text(result, "link");
        return new AnnouncementSubmission(SOURCE, link, FeedLinks.resolve(GOV_UK, link), oneLine(text(result, "title")),
                text(result, "description"), null, instant(text(result, "public_timestamp")),
                oneLine(organisation(result.path("organisations"))), text(result, "content_store_document_type"));
    }

    private static String organisation(JsonNode organisations) {
        if (!organisations.isArray() || organisations.isEmpty()) {
            return null;
        }
        JsonNode first = organisations.get(0);
        return first.isString() ? first.asString() : text(first, "title");
    }

    private static Instant instant(String timestamp) {
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

    private static String oneLine(String text) {
        return (text != null) ? text.replaceAll("\\s+", " ").strip() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

}
