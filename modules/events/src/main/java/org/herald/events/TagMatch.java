package org.herald.events;

import java.util.List;
import java.util.Objects;

/**
 * One tag given to an announcement, with its score and the evidence for it.
 *
 * @param tag the tag, e.g. {@code critical-minerals}
 * @param score the tag's score: the summed weight of its term evidence, or the fitted
 * model's probability where the tagger combines signals
 * @param evidence what matched, strongest first
 * @param implied true when the tag was not found in the text but follows from another tag
 * through the taxonomy's implications (its evidence is then the chain: the implying tag's
 * evidence, then an {@link Evidence.Kind#IMPLIED} item with the reason)
 */
public record TagMatch(String tag, double score, List<Evidence> evidence, boolean implied) {

    public TagMatch {
        Objects.requireNonNull(tag, "tag");
        evidence = (evidence != null) ? List.copyOf(evidence) : List.of();
    }

    /** A tag found in the text itself. */
    public TagMatch(String tag, double score, List<Evidence> evidence) {
        this(tag, score, evidence, false);
    }

}
