package org.herald.tagger.evaluation;

import java.util.List;
import java.util.Set;

import org.herald.tagger.tagging.SignalReader;
import org.herald.tagger.tagging.Signals;

import org.jspecify.annotations.Nullable;

/**
 * One line of a labels file: an announcement's text and the tags and relevance people
 * gave it.
 *
 * @param line the line number in the file, from 1
 * @param id the item's id, or the line number when it has none
 * @param title the title
 * @param summary the summary, possibly null
 * @param body the body, possibly null
 * @param tags the labelled tags
 * @param relevance the labelled relevance, 0 to 3
 * @param url the announcement's address, possibly null
 */
record LabelledAnnouncement(int line, String id, String title, @Nullable String summary, @Nullable String body,
        Set<String> tags, int relevance, @Nullable String url) {

    LabelledAnnouncement {
        tags = Set.copyOf(tags);
    }

    /** The signals of each of {@code items}, read once by {@code reader}, in order. */
    static List<Signals> signals(SignalReader reader, List<LabelledAnnouncement> items) {
        return items.stream()
            .map((item) -> reader.read(item.title(), item.summary(), item.body(), item.url()))
            .toList();
    }

}
