package org.herald.tagger.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ahocorasick.trie.PayloadTrie;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.herald.tagger.taxonomy.TagDefinition;
import org.herald.tagger.taxonomy.Taxonomy;
import org.herald.tagger.taxonomy.TermDefinition;

/**
 * Every phrase of a taxonomy (terms, synonyms, context and veto terms), analysed and put in one
 * Aho-Corasick automaton over the analysed token sequence, so one pass over a field finds them all.
 * A phrase is its analysed tokens joined by single spaces and matches only whole tokens.
 */
final class PhraseIndex {

    /** What finding a phrase means. */
    enum Kind {

        /** Evidence for term {@code index}. */
        TERM,
        /** A context term of term {@code index}. */
        CONTEXT,
        /** A veto of tag {@code index}. */
        VETO

    }

    record Target(Kind kind, int index) {
    }

    /** A term of the taxonomy with the index of its tag. */
    record IndexedTerm(int tag, TermDefinition definition) {
    }

    private final List<IndexedTerm> terms = new ArrayList<>();

    private final PayloadTrie<Target[]> trie;

    PhraseIndex(Taxonomy taxonomy, TextAnalysis analysis) {
        Map<String, List<Target>> targets = new LinkedHashMap<>();
        for (int tag = 0; tag < taxonomy.tags().size(); tag++) {
            TagDefinition definition = taxonomy.tags().get(tag);
            for (TermDefinition term : definition.terms()) {
                int index = this.terms.size();
                this.terms.add(new IndexedTerm(tag, term));
                for (String form : term.forms()) {
                    add(targets, analysis, definition, form, new Target(Kind.TERM, index));
                }
                for (String context : term.context()) {
                    add(targets, analysis, definition, context, new Target(Kind.CONTEXT, index));
                }
            }
            for (String veto : definition.vetoes()) {
                add(targets, analysis, definition, veto, new Target(Kind.VETO, tag));
            }
        }
        PayloadTrie.PayloadTrieBuilder<Target[]> builder = PayloadTrie.<Target[]>builder()
            .onlyWholeWordsWhiteSpaceSeparated();
        targets.forEach((phrase, list) -> builder.addKeyword(phrase, list.toArray(Target[]::new)));
        this.trie = builder.build();
    }

    private static void add(Map<String, List<Target>> targets, TextAnalysis analysis, TagDefinition tag, String text,
            Target target) {
        String phrase = analysis.phrase(text);
        if (phrase.isEmpty()) {
            throw new InvalidTaxonomyException(
                    "Taxonomy tag '" + tag.name() + "': '" + text + "' has no words to match once analysed");
        }
        targets.computeIfAbsent(phrase, (key) -> new ArrayList<>()).add(target);
    }

    List<IndexedTerm> terms() {
        return this.terms;
    }

    /** Calls {@code sink} with every target of every phrase found in {@code analysedText}. */
    void find(CharSequence analysedText, TargetSink sink) {
        this.trie.parseText(analysedText, (emit) -> {
            for (Target target : emit.getPayload()) {
                sink.found(target);
            }
            return true;
        });
    }

    @FunctionalInterface
    interface TargetSink {

        void found(Target target);

    }

}
