package org.herald.tagger.taxonomy;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

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
 * @param description what the tag is about, for people and for the learned signal (its
 * sentences are compared with the announcement's); null when the file gives none
 * @param examples sentences staff wrote of the kind of text that gets the tag, compared
 * with the announcement's sentences by the learned signal (never taken from labelled
 * announcements)
 * @param addresses pieces of text (lower case) that, found anywhere in the announcement's
 * address, are a sign of the tag (GOV.UK's {@code /consultations/}, a consultation hub's
 * {@code consult.}): the fitted weights' {@code address} feature
 */
public record TagDefinition(String name, double threshold, List<TermDefinition> terms, List<String> vetoes,
        List<String> onlyWith, @Nullable String description, List<String> examples, List<String> addresses) {

    public TagDefinition {
        Objects.requireNonNull(name, "name");
        terms = List.copyOf(terms);
        vetoes = List.copyOf(vetoes);
        onlyWith = List.copyOf(onlyWith);
        examples = List.copyOf(examples);
        addresses = List.copyOf(addresses);
    }

    /** A tag whose address is no sign of it. */
    public TagDefinition(String name, double threshold, List<TermDefinition> terms, List<String> vetoes,
            List<String> onlyWith, @Nullable String description, List<String> examples) {
        this(name, threshold, terms, vetoes, onlyWith, description, examples, List.of());
    }

    /** A tag without description or examples. */
    public TagDefinition(String name, double threshold, List<TermDefinition> terms, List<String> vetoes,
            List<String> onlyWith) {
        this(name, threshold, terms, vetoes, onlyWith, null, List.of());
    }

    /** The description (if any) and the examples: the texts the learned signal reads. */
    public List<String> prose() {
        return (this.description != null) ? Stream.concat(Stream.of(this.description), this.examples.stream()).toList()
                : this.examples;
    }

}
