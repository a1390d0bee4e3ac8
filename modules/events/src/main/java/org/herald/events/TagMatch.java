package org.herald.events;

import java.util.List;
import java.util.Objects;

/**
 * One tag given to an announcement, with its score and the evidence for it.
 *
 * @param tag the tag, e.g. {@code critical-minerals}
 * @param score the summed weight of the evidence
 * @param evidence what matched, strongest first
 */
public record TagMatch(String tag, double score, List<Evidence> evidence) {

    public TagMatch {
        Objects.requireNonNull(tag, "tag");
        evidence = (evidence != null) ? List.copyOf(evidence) : List.of();
    }

}
