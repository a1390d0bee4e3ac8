package org.herald.tagger.tagging;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.herald.tagger.taxonomy.TagDefinition;
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

    /**
     * Reads an announcement and its address ({@code url}); any of them may be
     * {@code null}.
     */
    public Signals read(@Nullable String title, @Nullable String summary, @Nullable String body, @Nullable String url) {
        return new Signals(this.terms.termScores(title, summary, body), this.learned.read(title, summary, body),
                this.words.of(title, summary, body), addresses(url));
    }

    /** Per tag, the first of its {@code addresses} that {@code url} contains, or null. */
    private @Nullable String[] addresses(@Nullable String url) {
        List<TagDefinition> tags = this.taxonomy.tags();
        String[] found = new String[tags.size()];
        if (url == null) {
            return found;
        }
        String address = url.toLowerCase(Locale.ROOT);
        for (int tag = 0; tag < found.length; tag++) {
            for (String piece : tags.get(tag).addresses()) {
                if (address.contains(piece)) {
                    found[tag] = piece;
                    break;
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        this.terms.close();
        this.words.close();
    }

}
