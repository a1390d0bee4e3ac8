package org.herald.tagger.taxonomy;

import java.util.List;
import java.util.Objects;

/**
 * One tag of the taxonomy.
 *
 * @param name the tag, e.g. {@code critical-minerals}
 * @param threshold the score the evidence must reach for the announcement to get the tag
 * @param terms the weighted terms and phrases that are evidence for it
 * @param vetoes terms and phrases that, found anywhere in the announcement, rule the tag
 * out
 * @param onlyWith when not empty, the tag is given only to an announcement that also has
 * one of these tags (for tags such as {@code consultation} that say nothing about the
 * sector on their own)
 */
public record TagDefinition(String name, double threshold, List<TermDefinition> terms, List<String> vetoes,
        List<String> onlyWith) {

    public TagDefinition {
        Objects.requireNonNull(name, "name");
        terms = List.copyOf(terms);
        vetoes = List.copyOf(vetoes);
        onlyWith = List.copyOf(onlyWith);
    }

}
