package org.herald.tagger.tagging;

import java.util.Objects;

import org.herald.tagger.taxonomy.Taxonomy;
import org.jspecify.annotations.Nullable;

/**
 * Reads the signals of an announcement for every tag of a taxonomy: its terms (the
 * {@link RelevanceTagger}'s scorer) and the learned signal ({@link LearnedSignal}).
 * Independent of any fitted weights, so that fitting and cross-validation read each
 * labelled announcement once. Thread-safe.
 */
public final class SignalReader implements AutoCloseable {

    private final Taxonomy taxonomy;

    private final RelevanceTagger terms;

    private final LearnedSignal learned;

    private final Embedder embedder;

    private final Words words;

    /**
     * A reader of {@code taxonomy}'s signals; embeds the tags' descriptions and examples
     * with {@code embedder}.
     * @throws org.herald.tagger.taxonomy.InvalidTaxonomyException if a term has no words
     * once analysed
     */
    public SignalReader(Taxonomy taxonomy, Embedder embedder) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.terms = new RelevanceTagger(taxonomy);
        this.learned = new LearnedSignal(taxonomy, embedder);
        this.embedder = embedder;
        this.words = new Words(taxonomy.unstemmed(), taxonomy.fieldWeights());
    }

    /** The taxonomy read. */
    public Taxonomy taxonomy() {
        return this.taxonomy;
    }

    /** The embedding model. */
    public Embedder embedder() {
        return this.embedder;
    }

    /** Reads an announcement; any of the texts may be {@code null}. */
    public Signals read(@Nullable String title, @Nullable String summary, @Nullable String body) {
        return new Signals(this.terms.termScores(title, summary, body), this.learned.read(title, summary, body),
                this.words.of(title, summary, body));
    }

    @Override
    public void close() {
        this.terms.close();
        this.words.close();
    }

}
