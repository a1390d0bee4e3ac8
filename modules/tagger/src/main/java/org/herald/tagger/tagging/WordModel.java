package org.herald.tagger.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The word signal: per tag, a linear model over the announcement's words (TF-IDF, unit
 * length), fitted on labelled announcements by ridge regression of the labels (+1 with
 * the tag, -1 without). It learns the vocabulary of each tag from the labels, beside the
 * taxonomy's hand-written terms: words the staff did not write down but that the labelled
 * announcements with a tag share. Only words found in at least
 * {@value #MIN_ANNOUNCEMENTS} of the announcements fitted on count, weighted by their
 * inverse document frequency there. Fitted in the dual (one kernel matrix of the
 * announcements), which gives each announcement's leave-one-out score exactly, so that
 * the combination's weights are fitted on the word scores as they are on unseen text.
 *
 * Thread-safe.
 */
public final class WordModel {

    /** A word counts when this many announcements fitted on have it. */
    public static final int MIN_ANNOUNCEMENTS = 2;

    /** The ridge penalty; chosen by cross-validation (docs/tagging.md). */
    public static final double PENALTY = 2.0;

    private final List<String> vocabulary;

    private final double[] idf;

    private final Map<String, double[]> tags;

    private final Map<String, Integer> index = new HashMap<>();

    public WordModel(List<String> vocabulary, double[] idf, Map<String, double[]> tags) {
        this.vocabulary = List.copyOf(vocabulary);
        this.idf = idf.clone();
        this.tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        for (int i = 0; i < this.vocabulary.size(); i++) {
            this.index.put(this.vocabulary.get(i), i);
        }
        if (idf.length != vocabulary.size()) {
            throw new IllegalArgumentException("words.idf: one number per word of the vocabulary");
        }
        for (Map.Entry<String, double[]> tag : tags.entrySet()) {
            if (tag.getValue().length != vocabulary.size()) {
                throw new IllegalArgumentException(
                        "words.tags." + tag.getKey() + ": one number per word of the vocabulary");
            }
        }
    }

    /** The words that count. */
    public List<String> vocabulary() {
        return this.vocabulary;
    }

    /** The inverse document frequency of each word of the vocabulary. */
    public double[] idf() {
        return this.idf.clone();
    }

    /** Per tag name, one weight per word of the vocabulary. */
    public Map<String, double[]> tags() {
        return this.tags;
    }

    /** No words: every score is 0. */
    public static WordModel none() {
        return new WordModel(List.of(), new double[0], Map.of());
    }

    /** Per tag of {@code tagNames}, the score of the announcement with {@code words}. */
    public double[] scores(Map<String, Double> words, List<String> tagNames) {
        double[] scores = new double[tagNames.size()];
        Map<Integer, Double> vector = vector(words);
        for (int t = 0; t < scores.length; t++) {
            double[] weights = this.tags.get(tagNames.get(t));
            if (weights == null) {
                continue;
            }
            double sum = 0;
            for (Map.Entry<Integer, Double> entry : vector.entrySet()) {
                sum += weights[entry.getKey()] * entry.getValue();
            }
            scores[t] = sum;
        }
        return scores;
    }

    /**
     * The score of the announcement with {@code words} by a linear model with one weight
     * per word of the vocabulary ({@code weights}; 0 when their number differs).
     */
    public double score(Map<String, Double> words, double[] weights) {
        if (weights.length != this.vocabulary.size()) {
            return 0;
        }
        double sum = 0;
        for (Map.Entry<Integer, Double> entry : vector(words).entrySet()) {
            sum += weights[entry.getKey()] * entry.getValue();
        }
        return sum;
    }

    /** The unit TF-IDF vector of {@code words}, sparse: vocabulary index to value. */
    private Map<Integer, Double> vector(Map<String, Double> words) {
        Map<Integer, Double> vector = new TreeMap<>();
        double norm = 0;
        for (Map.Entry<String, Double> word : words.entrySet()) {
            Integer i = this.index.get(word.getKey());
            if (i != null) {
                double value = word.getValue() * this.idf[i];
                vector.put(i, value);
                norm += value * value;
            }
        }
        if (norm > 0) {
            double length = Math.sqrt(norm);
            vector.replaceAll((i, value) -> value / length);
        }
        return vector;
    }

    /**
     * Fits a word model on announcements with {@code words} and {@code labels}.
     * @param leaveOneOut filled with, per announcement and tag (in {@code tagNames}
     * order), its score by the model fitted on the others
     */
    public static WordModel fit(List<Map<String, Double>> words, List<Set<String>> labels, List<String> tagNames,
            double[][] leaveOneOut) {
        int n = words.size();
        Map<String, Integer> frequency = new TreeMap<>();
        for (Map<String, Double> bag : words) {
            bag.keySet().forEach((word) -> frequency.merge(word, 1, Integer::sum));
        }
        List<String> vocabulary = new ArrayList<>();
        frequency.forEach((word, count) -> {
            if (count >= MIN_ANNOUNCEMENTS) {
                vocabulary.add(word);
            }
        });
        double[] idf = new double[vocabulary.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = Math.log((n + 1.0) / (frequency.get(vocabulary.get(i)) + 1.0));
        }
        WordModel empty = new WordModel(vocabulary, idf, Map.of());
        List<Map<Integer, Double>> vectors = new ArrayList<>(n);
        for (Map<String, Double> bag : words) {
            vectors.add(empty.vector(bag));
        }
        double[][] kernel = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                kernel[i][j] = dot(vectors.get(i), vectors.get(j));
                kernel[j][i] = kernel[i][j];
            }
            kernel[i][i] += PENALTY;
        }
        double[][] inverse = Matrices.invert(kernel);
        Map<String, double[]> tags = new LinkedHashMap<>();
        for (int t = 0; t < tagNames.size(); t++) {
            String tag = tagNames.get(t);
            double[] alpha = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    alpha[i] += inverse[i][j] * (labels.get(j).contains(tag) ? 1 : -1);
                }
            }
            double[] weights = new double[vocabulary.size()];
            for (int i = 0; i < n; i++) {
                double y = labels.get(i).contains(tag) ? 1 : -1;
                leaveOneOut[i][t] = y - alpha[i] / inverse[i][i];
                for (Map.Entry<Integer, Double> entry : vectors.get(i).entrySet()) {
                    weights[entry.getKey()] += alpha[i] * entry.getValue();
                }
            }
            tags.put(tag, weights);
        }
        return new WordModel(vocabulary, idf, tags);
    }

    private static double dot(Map<Integer, Double> a, Map<Integer, Double> b) {
        Map<Integer, Double> small = (a.size() <= b.size()) ? a : b;
        Map<Integer, Double> large = (small == a) ? b : a;
        double sum = 0;
        for (Map.Entry<Integer, Double> entry : small.entrySet()) {
            Double other = large.get(entry.getKey());
            if (other != null) {
                sum += entry.getValue() * other;
            }
        }
        return sum;
    }

}
