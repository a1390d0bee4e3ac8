package org.herald.tagger.taxonomy;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A weighted term or phrase of a tag.
 *
 * @param term the term as written in the taxonomy; reported as the evidence when it or a
 * synonym matches
 * @param weight what a match adds to the tag's score, before the field weight; negative
 * for a phrase that contains another term of the tag but means something else ("steel
 * cans" against "steel")
 * @param synonyms other spellings, abbreviations and phrasings that count as {@code term}
 * @param context when not empty, the term counts only if one of these also occurs in the
 * announcement
 */
public record TermDefinition(String term, double weight, List<String> synonyms, List<String> context) {

    public TermDefinition {
        Objects.requireNonNull(term, "term");
        synonyms = List.copyOf(synonyms);
        context = List.copyOf(context);
    }

    /** The term and its synonyms. */
    public List<String> forms() {
        return Stream.concat(Stream.of(this.term), this.synonyms.stream()).toList();
    }

}
