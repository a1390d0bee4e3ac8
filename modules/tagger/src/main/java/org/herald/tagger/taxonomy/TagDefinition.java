package org.herald.tagger.taxonomy;

import java.util.List;
import java.util.Objects;

/**
 * One tag of the taxonomy.
 *
 * @param name the tag, e.g. {@code critical-minerals}
 * @param threshold the score the evidence must reach for the announcement to get the tag
 * @param terms the weighted terms and phrases that are evidence for it
 * @param vetoes terms and phrases that, found anywhere in the announcement, rule the tag out
 */
public record TagDefinition(String name, double threshold, List<TermDefinition> terms, List<String> vetoes) {

    public TagDefinition {
        Objects.requireNonNull(name, "name");
        terms = List.copyOf(terms);
        vetoes = List.copyOf(vetoes);
    }

}
