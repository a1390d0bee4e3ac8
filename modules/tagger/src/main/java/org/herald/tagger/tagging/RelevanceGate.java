package org.herald.tagger.tagging;

import java.util.Map;

/**
 * Decides whether an announcement concerns the sector at all, before any tag is given: a
 * logistic model, fitted on the labelled announcements with and without tags, over six
 * features of the whole announcement:
 * <ol start="0">
 * <li>{@code bias}: 1;</li>
 * <li>{@code term}: the highest term score over its tag's threshold, from 0 to 3;</li>
 * <li>{@code passed}: 1 when the terms alone would give some tag, else 0;</li>
 * <li>{@code neighbours}: the similarity-weighted share of the announcement's nearest
 * labelled announcements that have any tag ({@link Neighbours#relevantVote});</li>
 * <li>{@code words}: a ridge-regression score of the announcement's words (the
 * {@link WordModel}'s vocabulary and weighting), fitted to +1 for announcements with tags
 * and -1 for those without;</li>
 * <li>{@code embedding}: the same, of its embedding
 * ({@link LearnedSignal.Reading#document}).</li>
 * </ol>
 * When its probability is below {@link #threshold()} the announcement gets no tag and
 * relevance 0, whatever the tags' own models say: a household foil tip or a council
 * energy rebate shares words with a sector's tag, but not the sector's kind of text.
 *
 * @param coefficients one per feature, in the order of {@link #NAMES}; empty for no gate
 * @param threshold the probability an announcement needs to get tags
 * @param words one weight per word of the weights' vocabulary
 * @param embedding one weight per dimension of the model's embeddings
 */
public record RelevanceGate(double[] coefficients, double threshold, double[] words, float[] embedding) {

    /** The features' names, in order: the keys of the weights file's coefficients. */
    public static final String[] NAMES = { "bias", "term", "passed", "neighbours", "words", "embedding" };

    private static final double MAX_TERM_RATIO = 3.0;

    /** No gate: every announcement may get tags. */
    public static RelevanceGate none() {
        return new RelevanceGate(new double[0], 0.5, new double[0], new float[0]);
    }

    /** Whether this gate lets every announcement through. */
    public boolean isNone() {
        return this.coefficients.length == 0;
    }

    /**
     * The features of an announcement with {@code signals} for tags of
     * {@code thresholds}, given its {@code neighbours} vote and its {@code wordScore}.
     */
    public static double[] features(Signals signals, double[] thresholds, double neighbours, double wordScore,
            float[] embedding) {
        double[] scores = signals.terms().scores();
        double ratio = 0;
        double passed = 0;
        for (int t = 0; t < scores.length; t++) {
            ratio = Math.max(ratio, Math.max(0, Math.min(MAX_TERM_RATIO, scores[t] / thresholds[t])));
            if (scores[t] > 0 && scores[t] >= thresholds[t]) {
                passed = 1;
            }
        }
        float[] document = signals.reading().document();
        double embeddingScore = (embedding.length == document.length && document.length > 0)
                ? Embedder.cosine(document, embedding) : 0;
        return new double[] { 1, ratio, passed, neighbours, wordScore, embeddingScore };
    }

    /**
     * The probability that an announcement with {@code signals} concerns the sector (1
     * without a gate).
     */
    public double probability(Signals signals, double[] thresholds, Neighbours neighbours, WordModel words) {
        if (isNone()) {
            return 1;
        }
        double vote = neighbours.relevantVote(signals.reading().document(), -1);
        double wordScore = words.score(signals.words(), this.words);
        return Features.probability(this.coefficients, features(signals, thresholds, vote, wordScore, this.embedding));
    }

    /** The coefficients by feature name. */
    public Map<String, Double> named() {
        Map<String, Double> named = new java.util.LinkedHashMap<>();
        for (int i = 0; i < this.coefficients.length; i++) {
            named.put(NAMES[i], this.coefficients[i]);
        }
        return named;
    }

}
