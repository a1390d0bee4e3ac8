package org.herald.tagger.tagging;

import org.herald.events.Evidence;
import org.herald.tagger.taxonomy.Field;
import org.herald.tagger.taxonomy.Taxonomy;

/**
 * A term with what it is reported as: its tag, whether it needs context, and its evidence
 * in each field (weight times field weight), made once for the taxonomy.
 */
record ScoredTerm(int tag, boolean needsContext, Evidence[] evidence) {

    private static final Field[] FIELDS = Field.values();

    /** A term of {@code taxonomy}'s index, scored. */
    static ScoredTerm of(PhraseIndex.IndexedTerm term, Taxonomy taxonomy) {
        Evidence[] evidence = new Evidence[FIELDS.length];
        for (Field field : FIELDS) {
            double weight = RelevanceTagger.round(term.definition().weight() * taxonomy.weight(field));
            evidence[field.ordinal()] = new Evidence(term.definition().term(), field.key(), weight);
        }
        return new ScoredTerm(term.tag(), !term.definition().context().isEmpty(), evidence);
    }

}
