package org.herald.tagger.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.herald.tagger.tagging.Embedder;
import org.herald.tagger.tagging.Features;
import org.herald.tagger.tagging.Neighbours;
import org.herald.tagger.tagging.RelevanceGate;
import org.herald.tagger.tagging.Signals;
import org.herald.tagger.tagging.TagWeights;
import org.herald.tagger.tagging.WordModel;
import org.herald.tagger.taxonomy.TagDefinition;
import org.herald.tagger.taxonomy.Taxonomy;

/**
 * Fits the weights of the combined tagger on labelled announcements. One logistic
 * regression over every (announcement, tag) pair, with coefficients shared by all tags
 * plus, per tag, its own deviations, held near zero by a stronger penalty: a tag with few
 * labelled announcements leans on what the others show, one with many finds its own
 * balance. A tag's centroid is the mean embedding of the announcements labelled with it;
 * an announcement's own embedding is left out of the centroid it is compared with while
 * fitting, so that the fit sees the centroid as it works on unseen text. Pairs whose tag
 * was vetoed are left out: a veto decides them. The {@link WordModel} is fitted on the
 * same announcements, and each announcement's {@code words} feature is its leave-one-out
 * score, for the same reason. The {@link RelevanceGate}, which decides whether an
 * announcement gets tags at all, is fitted on the same announcements
 * ({@link RelevanceFitting}). Deterministic.
 */
final class WeightsFitting {

    /**
     * The probability at which a tag is given: below one half, because a missed tag costs
     * a member more than an extra one; chosen by cross-validation (docs/tagging.md).
     */
    static final double THRESHOLD = 0.3;

    /** Penalty of the shared coefficients (not the bias). */
    static final double SHARED_PENALTY = 0.1;

    /** Penalty of each tag's deviations from the shared coefficients. */
    static final double TAG_PENALTY = 1.0;

    private WeightsFitting() {
    }

    /**
     * Fits weights on {@code items}, whose signals (read by a reader of {@code taxonomy})
     * are {@code signals}, in the same order.
     */
    static TagWeights fit(Taxonomy taxonomy, String model, List<LabelledAnnouncement> items, List<Signals> signals,
            Map<String, String> fittedOn) {
        List<TagDefinition> tags = taxonomy.tags();
        int f = Features.NAMES.length;
        int dimension = dimension(signals);
        float[][] sums = new float[tags.size()][dimension];
        int[] counts = new int[tags.size()];
        for (int i = 0; i < items.size(); i++) {
            float[] document = signals.get(i).reading().document();
            for (int t = 0; t < tags.size(); t++) {
                if (items.get(i).tags().contains(tags.get(t).name()) && document.length == dimension) {
                    add(sums[t], document, 1);
                    counts[t]++;
                }
            }
        }
        List<float[]> vectors = new java.util.ArrayList<>();
        List<java.util.Set<String>> labelled = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            vectors.add(signals.get(i).reading().document());
            labelled.add(items.get(i).tags());
        }
        Neighbours neighbours = new Neighbours(vectors, labelled);
        List<String> tagNames = tags.stream().map(TagDefinition::name).toList();
        List<String> wordTags = new java.util.ArrayList<>(tagNames);
        wordTags.add(RelevanceFitting.RELEVANT);
        double[][] wordScores = new double[items.size()][wordTags.size()];
        WordModel fitted = WordModel.fit(signals.stream().map(Signals::words).toList(),
                RelevanceFitting.withRelevant(labelled), wordTags, wordScores);
        Map<String, double[]> tagWords = new LinkedHashMap<>(fitted.tags());
        double[] relevantWords = tagWords.remove(RelevanceFitting.RELEVANT);
        WordModel words = new WordModel(fitted.vocabulary(), fitted.idf(), tagWords);
        double[] relevantLeaveOneOut = new double[items.size()];
        for (int i = 0; i < items.size(); i++) {
            relevantLeaveOneOut[i] = wordScores[i][tags.size()];
        }
        double[] thresholds = tags.stream().mapToDouble(TagDefinition::threshold).toArray();
        RelevanceGate gate = RelevanceFitting.fit(signals, labelled, thresholds, neighbours, relevantWords,
                relevantLeaveOneOut);
        int width = f * (1 + tags.size());
        List<double[]> rows = new java.util.ArrayList<>();
        List<Boolean> labels = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Signals read = signals.get(i);
            Neighbours.Neighbourhood neighbourhood = neighbours.near(read.reading().document(), tagNames, i);
            for (int t = 0; t < tags.size(); t++) {
                if (read.terms().vetoed()[t]) {
                    continue;
                }
                boolean has = items.get(i).tags().contains(tags.get(t).name());
                float[] centroid = centroid(sums[t], has ? read.reading().document() : null);
                double[] features = Features.of(read, t, tags.get(t), centroid, neighbourhood, wordScores[i][t]);
                double[] row = new double[width];
                System.arraycopy(features, 0, row, 0, f);
                System.arraycopy(features, 0, row, f * (1 + t), f);
                rows.add(row);
                labels.add(has);
            }
        }
        double[] penalty = new double[width];
        for (int j = 1; j < f; j++) {
            penalty[j] = SHARED_PENALTY;
        }
        for (int j = f; j < width; j++) {
            penalty[j] = TAG_PENALTY;
        }
        boolean[] y = new boolean[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        double[] w = LogisticRegression.fit(rows.toArray(double[][]::new), y, penalty);
        Map<String, TagWeights.TagModel> models = new LinkedHashMap<>();
        for (int t = 0; t < tags.size(); t++) {
            double[] coefficients = new double[f];
            for (int j = 0; j < f; j++) {
                coefficients[j] = w[j] + w[f * (1 + t) + j];
            }
            float[] centroid = (counts[t] > 0) ? centroid(sums[t], null) : new float[0];
            models.put(tags.get(t).name(), new TagWeights.TagModel(coefficients, centroid));
        }
        return new TagWeights(model, THRESHOLD, fittedOn, models, neighbours, words, gate);
    }

    private static int dimension(List<Signals> signals) {
        for (Signals read : signals) {
            if (read.reading().document().length > 0) {
                return read.reading().document().length;
            }
        }
        return 0;
    }

    /** The unit mean of {@code sum}, less {@code without} when given. */
    private static float[] centroid(float[] sum, float[] without) {
        float[] vector = sum.clone();
        if (without != null && without.length == vector.length) {
            add(vector, without, -1);
        }
        return Embedder.normalise(vector);
    }

    private static void add(float[] sum, float[] vector, int sign) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += sign * vector[i];
        }
    }

}
