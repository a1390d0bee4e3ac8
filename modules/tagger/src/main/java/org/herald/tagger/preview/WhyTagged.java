package org.herald.tagger.preview;

import org.herald.events.EvidenceWords;
import org.herald.events.TagMatch;

/**
 * A tag's evidence in plain words, one line per tag, for people trying the taxonomy:
 * <ul>
 * <li>{@code critical-minerals: "critical minerals" in the title; "mineral supply" in the
 * summary}</li>
 * <li>{@code aluminium — implied by critical-minerals (matched "critical minerals" in the
 * title): Aluminium is on the UK Critical Minerals List}</li>
 * <li>a similarity: {@code resembles: <example> (similarity 0.71) — "<sentence>"}</li>
 * </ul>
 * The words are those of {@link EvidenceWords}, which the notifier's emails use too.
 */
final class WhyTagged {

    private WhyTagged() {
    }

    static String line(TagMatch tag) {
        String explanation = EvidenceWords.explanation(tag.evidence());
        if (explanation.isEmpty()) {
            return tag.tag();
        }
        return tag.tag() + (tag.implied() ? " — " : ": ") + explanation;
    }

}
