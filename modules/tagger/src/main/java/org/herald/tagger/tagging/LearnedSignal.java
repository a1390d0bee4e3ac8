package org.herald.tagger.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.herald.tagger.tagging.Sentences.Sentence;
import org.herald.tagger.taxonomy.Field;
import org.herald.tagger.taxonomy.TagDefinition;
import org.herald.tagger.taxonomy.Taxonomy;
import org.jspecify.annotations.Nullable;

/**
 * The learned signal: how much an announcement's sentences resemble what each tag is
 * about. Each tag's description and example sentences (written by staff in the taxonomy
 * file) are embedded once; an announcement's sentences ({@link Sentences}: title, summary
 * and body up to the model's window) are embedded as it is read, and for each tag the
 * highest cosine similarity between a sentence and one of the tag's texts is kept, with
 * the pair that gave it. The mean of the sentence embeddings with the embedding of the
 * announcement's opening read as one text stands for the whole announcement (compared
 * with the labelled announcements' centroids, neighbours and the relevance gate by the
 * fitted weights). Thread-safe.
 */
public final class LearnedSignal {

    private final Embedder embedder;

    /** Per tag, its prose texts (description, then examples). */
    private final List<List<String>> prose;

    /** Per tag, the embeddings of its prose texts. */
    private final List<float[][]> proseVectors;

    /** Per tag, whether its first text is its description. */
    private final boolean[] hasDescription;

    /**
     * Embeds every tag's description and examples with {@code embedder}.
     */
    public LearnedSignal(Taxonomy taxonomy, Embedder embedder) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.prose = new ArrayList<>();
        this.proseVectors = new ArrayList<>();
        this.hasDescription = new boolean[taxonomy.tags().size()];
        for (TagDefinition tag : taxonomy.tags()) {
            this.hasDescription[this.prose.size()] = tag.description() != null;
            List<String> texts = tag.prose();
            this.prose.add(texts);
            this.proseVectors.add(texts.stream().map(embedder::embed).toArray(float[][]::new));
        }
    }

    /** The model's name. */
    public String model() {
        return this.embedder.model();
    }

    /** Reads an announcement; any of the texts may be {@code null}. */
    public Reading read(@Nullable String title, @Nullable String summary, @Nullable String body) {
        List<Sentence> sentences = Sentences.of(title, summary, body);
        float[][] vectors = new float[sentences.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = this.embedder.embed(sentences.get(i).text());
        }
        int tags = this.prose.size();
        double[] similarity = new double[tags];
        Resemblance[] best = new Resemblance[tags];
        for (int tag = 0; tag < tags; tag++) {
            float[][] examples = this.proseVectors.get(tag);
            double highest = 0;
            for (int s = 0; s < vectors.length; s++) {
                for (int e = 0; e < examples.length; e++) {
                    double cosine = Embedder.cosine(vectors[s], examples[e]);
                    if (best[tag] == null || cosine > highest) {
                        highest = cosine;
                        best[tag] = new Resemblance(sentences.get(s).field(), sentences.get(s).text(), label(tag, e),
                                this.prose.get(tag).get(e));
                    }
                }
            }
            similarity[tag] = highest;
        }
        return new Reading(similarity, best, document(sentences, vectors));
    }

    /** "description" for a tag's description, "example N" (from 1) for its examples. */
    private String label(int tag, int index) {
        if (this.hasDescription[tag]) {
            return (index == 0) ? "description" : "example " + index;
        }
        return "example " + (index + 1);
    }

    /**
     * The announcement's embedding: the mean of its sentences' embeddings and the
     * embedding of its opening read as one text ({@link Sentences#opening}), summed and
     * scaled to unit length. The mean weighs every sentence alike; the whole text gives
     * each sentence in the context of the others, as the model was trained to read a
     * passage. Together they tagged better under cross-validation than either alone
     * (docs/tagging.md). An opening of one sentence (the announcement's only one, or a
     * first one that fills the window) is that sentence's embedding, not embedded again.
     */
    private float[] document(List<Sentence> sentences, float[][] vectors) {
        float[] mean = mean(vectors);
        if (vectors.length < 2) {
            return mean;
        }
        String opening = Sentences.opening(sentences);
        float[] whole = opening.equals(sentences.get(0).text()) ? vectors[0] : this.embedder.embed(opening);
        float[] sum = mean.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += whole[i];
        }
        return Embedder.normalise(sum);
    }

    private static float[] mean(float[][] vectors) {
        if (vectors.length == 0) {
            return new float[0];
        }
        float[] sum = new float[vectors[0].length];
        for (float[] vector : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += vector[i];
            }
        }
        return Embedder.normalise(sum);
    }

    /**
     * What the learned signal read in one announcement.
     *
     * @param similarity per tag (taxonomy order), the highest cosine similarity of a
     * sentence to one of the tag's texts; 0 for a tag without texts or a text without
     * sentences
     * @param best per tag, the sentence and the text that gave it; null where there was
     * none
     * @param document the announcement's embedding: the mean of the sentence embeddings
     * and the embedding of its opening as one text, summed, of unit length (empty for no
     * sentences)
     */
    public record Reading(double[] similarity, @Nullable Resemblance[] best, float[] document) {
    }

    /**
     * The announcement's sentence that resembled a tag most, and the tag's text it
     * resembled.
     *
     * @param field where the sentence stands
     * @param sentence the sentence
     * @param label "description" or "example N"
     * @param example the tag's description or example sentence
     */
    public record Resemblance(Field field, String sentence, String label, String example) {
    }

}
