package org.herald.tagger.tagging;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.herald.tagger.taxonomy.Field;
import org.jspecify.annotations.Nullable;

/**
 * The words of an announcement for the {@link WordModel}: every word of the title,
 * summary and body after the terms' own analysis ({@link TextAnalysis}: lower case,
 * folded, Krovetz-stemmed), each counted once per field with that field's weight, so that
 * a word of the title counts as much as the taxonomy says a title counts. Thread safe.
 */
final class Words implements AutoCloseable {

    private final TextAnalysis analysis;

    private final double[] fieldWeights;

    /**
     * Words analysed as the taxonomy's terms are ({@code unstemmed} kept), weighted by
     * {@code fieldWeights} (title, summary, body).
     */
    Words(Collection<String> unstemmed, Map<Field, Double> fieldWeights) {
        this.analysis = new TextAnalysis(unstemmed);
        this.fieldWeights = new double[Field.values().length];
        for (Field field : Field.values()) {
            this.fieldWeights[field.ordinal()] = fieldWeights.getOrDefault(field, 1.0);
        }
    }

    /** Each word's summed field weight over the fields it occurs in. */
    Map<String, Double> of(@Nullable String title, @Nullable String summary, @Nullable String body) {
        Map<String, Double> bag = new TreeMap<>();
        String[] texts = { title, summary, body };
        for (Field field : Field.values()) {
            String text = texts[field.ordinal()];
            if (text == null || text.isBlank()) {
                continue;
            }
            Set<String> seen = new HashSet<>(this.analysis.tokens(text));
            for (String word : seen) {
                bag.merge(word, this.fieldWeights[field.ordinal()], Double::sum);
            }
        }
        return bag;
    }

    @Override
    public void close() {
        this.analysis.close();
    }

}
