package org.herald.tagger.evaluation;

import java.util.Set;

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

}
