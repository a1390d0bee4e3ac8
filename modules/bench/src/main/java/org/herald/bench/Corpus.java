package org.herald.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announcements of 1 to 3 KB made from real ones: each keeps the title and summary of an
 * item of the development set and gets a body composed of other items' summaries, up to a
 * size drawn evenly from 1 to 3 KB. Deterministic (a fixed seed). Only titles and
 * summaries are read, never the labels.
 */
final class Corpus {

    static final int MIN_BYTES = 1024;

    static final int MAX_BYTES = 3 * 1024;

    private static final String RESOURCE = "/bench/announcements-dev.jsonl";

    private Corpus() {
    }

    /** {@code copies} announcements for each item of the development set. */
    static List<Announcement> compose(int copies, long seed) {
        List<String[]> items = devSet();
        Random random = new Random(seed);
        List<Announcement> announcements = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            for (int i = 0; i < items.size(); i++) {
                String title = items.get(i)[0];
                String summary = items.get(i)[1];
                int target = MIN_BYTES + random.nextInt(MAX_BYTES - MIN_BYTES + 1);
                int fixed = new Announcement(title, summary, null).bytes();
                StringBuilder body = new StringBuilder();
                for (int next = i + 1 + random.nextInt(items.size()); fixed + body.length() < target; next++) {
                    String other = items.get(next % items.size())[1];
                    if (other != null && next % items.size() != i) {
                        body.append(other).append("\n\n");
                    }
                }
                body.setLength(Math.max(0, Math.min(body.length(), target - fixed)));
                announcements.add(new Announcement(title, summary, body.toString()));
            }
        }
        return announcements;
    }

    private static List<String[]> devSet() {
        try (InputStream in = Corpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The development set " + RESOURCE + " is not on the class path");
            }
            List<String[]> items = new ArrayList<>();
            JsonMapper json = JsonMapper.shared();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    JsonNode summary = node.get("summary");
                    items.add(new String[] { node.get("title").stringValue(),
                            (summary != null && !summary.isNull()) ? summary.stringValue() : null });
                }
            }
            return items;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
