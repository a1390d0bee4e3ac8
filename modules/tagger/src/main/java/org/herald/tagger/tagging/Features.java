package org.herald.tagger.tagging;

import java.util.List;

import org.herald.tagger.taxonomy.TagDefinition;

/**
 * The features of one (announcement, tag) pair that the fitted weights combine, the same
 * when fitting and when tagging:
 * <ol start="0">
 * <li>{@code bias}: 1;</li>
 * <li>{@code term}: the tag's term score over its threshold, from 0 to 3;</li>
 * <li>{@code passed}: 1 when the term score reaches the threshold (the taxonomy alone
 * would give the tag), else 0;</li>
 * <li>{@code similarity}: the highest cosine similarity of a sentence of the announcement
 * to the tag's description or an example sentence, less the mean of that highest
 * similarity over all the tags ({@link #relativeSimilarity}): how much more the
 * announcement resembles this tag than the tags in general;</li>
 * <li>{@code centroid}: the cosine similarity of the announcement's mean embedding to the
 * mean of the labelled announcements that have the tag (0 without them);</li>
 * <li>{@code neighbours}: the similarity-weighted share of the announcement's nearest
 * labelled announcements that have the tag ({@link Neighbours});</li>
 * <li>{@code nearest}: the similarity of the nearest labelled announcement that has the
 * tag;</li>
 * <li>{@code words}: the tag's score by the {@link WordModel} (about -1 to 1);</li>
 * <li>{@code address}: 1 when the announcement's address contains one of the tag's
 * {@code addresses} (GOV.UK's {@code /consultations/}), else 0.</li>
 * </ol>
 */
public final class Features {

    /** The features' names, in order: the keys of the weights file's coefficients. */
    public static final String[] NAMES = { "bias", "term", "passed", "similarity", "centroid", "neighbours", "nearest",
            "words", "address" };

    /** The index of the {@code address} feature. */
    static final int ADDRESS = List.of(NAMES).indexOf("address");

    private static final double MAX_TERM_RATIO = 3.0;

    private Features() {
    }

    /** The features of tag number {@code tag} (defined by {@code definition}). */
    public static double[] of(Signals signals, int tag, TagDefinition definition, float[] centroid,
            Neighbours.Neighbourhood neighbourhood, double words) {
        double score = signals.terms().scores()[tag];
        double ratio = Math.max(0, Math.min(MAX_TERM_RATIO, score / definition.threshold()));
        double passed = (score > 0 && score >= definition.threshold()) ? 1 : 0;
        float[] document = signals.reading().document();
        double centroidSimilarity = (centroid.length > 0 && document.length == centroid.length)
                ? Embedder.cosine(document, centroid) : 0;
        return new double[] { 1, ratio, passed, relativeSimilarity(signals.reading().similarity(), tag),
                centroidSimilarity, neighbourhood.vote()[tag], neighbourhood.nearest()[tag], words,
                (signals.addresses()[tag] != null) ? 1 : 0 };
    }

    /**
     * Tag number {@code tag}'s highest sentence similarity less the mean over all the
     * tags of theirs. The sentence model's embeddings share a common direction, so every
     * cosine is well above 0 and longer or more formal announcements resemble every tag
     * more; less the announcement's own mean, the feature says which tags it resembles
     * more than the others, whatever its general level (docs/tagging.md).
     */
    static double relativeSimilarity(double[] similarities, int tag) {
        double sum = 0;
        for (double similarity : similarities) {
            sum += similarity;
        }
        return similarities[tag] - sum / similarities.length;
    }

    /**
     * The logistic function of the dot product of {@code coefficients} and
     * {@code features}.
     */
    public static double probability(double[] coefficients, double[] features) {
        double z = 0;
        for (int i = 0; i < features.length; i++) {
            z += coefficients[i] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

}
