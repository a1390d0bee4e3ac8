package org.herald.tagger.preview;

import java.util.List;

import org.herald.events.TagMatch;
import org.herald.tagger.tagging.Tagging;

/**
 * What the preview answers: the tags, relevance and taxonomy version exactly as the
 * pipeline would publish them, and the same tags' evidence in plain words.
 *
 * @param tags the direct tags, highest score first, then the implied ones
 * @param relevance overall relevance, from the direct tags
 * @param taxonomyVersion the taxonomy that decided it
 * @param why one line per tag, in the order of {@code tags}, e.g.
 * {@code aluminium — implied by critical-minerals (matched "critical minerals" in the
 * title): Aluminium is on the UK Critical Minerals List}
 */
record PreviewResponse(List<TagMatch> tags, int relevance, String taxonomyVersion, List<String> why) {

    static PreviewResponse of(Tagging tagging) {
        return new PreviewResponse(tagging.tags(), tagging.relevance(), tagging.taxonomyVersion(),
                tagging.tags().stream().map(WhyTagged::line).toList());
    }

}
