package org.herald.tagger.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a labels file: JSON Lines, one announcement a line with {@code title} (required),
 * {@code summary}, {@code body} and {@code url} (optional, may be null: the tagger reads
 * the address for the tags' {@code addresses}), {@code tags} (a list of tag names) and
 * {@code relevance} (0 to 3). Other keys ({@code id}, {@code published},
 * {@code text_licence}, ...) are allowed; blank lines are skipped.
 */
final class LabelsFile {

    private static final JsonMapper JSON = JsonMapper.shared();

    private LabelsFile() {
    }

    static List<LabelledAnnouncement> read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new InvalidLabelsException("Cannot read labels file " + path + ": " + ex.getMessage(), ex);
        }
        List<LabelledAnnouncement> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                items.add(item(path, i + 1, lines.get(i)));
            }
        }
        if (items.isEmpty()) {
            throw new InvalidLabelsException("Labels file " + path + " has no items");
        }
        return items;
    }

    private static LabelledAnnouncement item(Path path, int line, String text) {
        String where = path + " line " + line + ": ";
        JsonNode node;
        try {
            node = JSON.readTree(text);
        }
        catch (JacksonException ex) {
            throw new InvalidLabelsException(where + "not valid JSON (" + ex.getOriginalMessage() + ")", ex);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidLabelsException(where + "must be a JSON object");
        }
        String title = text(node, "title", true, where);
        if (title.isBlank()) {
            throw new InvalidLabelsException(where + "'title' must not be blank");
        }
        JsonNode tags = node.get("tags");
        if (tags == null || !tags.isArray()) {
            throw new InvalidLabelsException(where + "'tags' must be a list of tag names");
        }
        Set<String> tagNames = new LinkedHashSet<>();
        for (JsonNode tag : tags) {
            if (!tag.isString()) {
                throw new InvalidLabelsException(where + "'tags' must be a list of tag names");
            }
            tagNames.add(tag.stringValue());
        }
        JsonNode relevance = node.get("relevance");
        if (relevance == null || !relevance.isInt() || relevance.intValue() < 0 || relevance.intValue() > 3) {
            throw new InvalidLabelsException(where + "'relevance' must be a whole number from 0 to 3");
        }
        String id = text(node, "id", false, where);
        return new LabelledAnnouncement(line, (id != null) ? id : "line " + line, title,
                text(node, "summary", false, where), text(node, "body", false, where), tagNames, relevance.intValue(),
                text(node, "url", false, where));
    }

    private static String text(JsonNode node, String key, boolean required, String where) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidLabelsException(where + "missing '" + key + "'");
            }
            return null;
        }
        if (!value.isString()) {
            throw new InvalidLabelsException(where + "'" + key + "' must be text");
        }
        return value.stringValue();
    }

}
