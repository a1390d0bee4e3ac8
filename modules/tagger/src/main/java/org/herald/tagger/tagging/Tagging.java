package org.herald.tagger.tagging;

import java.util.List;
import java.util.Objects;

import org.herald.events.TagMatch;

/**
 * What the tagger decided about one announcement.
 *
 * @param tags the tags that reached their threshold, highest score first, each with its
 * evidence; then, once {@link Implications} are applied, the tags they imply (marked
 * {@link TagMatch#implied() implied}), highest score first
 * @param relevance overall relevance to the sector, 0 to 3, from the direct tags only
 * @param taxonomyVersion the content hash of the taxonomy that decided it
 */
public record Tagging(List<TagMatch> tags, int relevance, String taxonomyVersion) {

    public Tagging {
        tags = List.copyOf(tags);
        Objects.requireNonNull(taxonomyVersion, "taxonomyVersion");
    }

    /** The names of the tags, in order. */
    public List<String> tagNames() {
        return this.tags.stream().map(TagMatch::tag).toList();
    }

}
