package org.herald.tagger.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.herald.tagger.tagging.Neighbours;
import org.herald.tagger.tagging.RelevanceGate;
import org.herald.tagger.tagging.Signals;

/**
 * Fits the {@link RelevanceGate} on labelled announcements: those with tags (relevance 1
 * to 3) against those without (relevance 0). Its word and embedding scores are ridge
 * regressions of +1 / -1, and the logistic model is fitted on each announcement's
 * leave-one-out scores and its vote by the other announcements' neighbours, so that it
 * learns how far to trust them on text they have not seen. Deterministic.
 */
final class RelevanceFitting {

    /** The probability an announcement needs to get tags. */
    static final double THRESHOLD = 0.5;

    /** The ridge penalty of the embedding score. */
    static final double EMBEDDING_PENALTY = 1.0;

    /** The L2 penalty of the logistic model's coefficients (not the bias). */
    static final double PENALTY = 1.0;

    /** The name under which the word model's fit carries the gate's label. */
    static final String RELEVANT = "(relevant)";

    private RelevanceFitting() {
    }

    /**
     * The labels for the word model's fit with the gate's own: {@code labelled} with
     * {@value #RELEVANT} added to every announcement that has a tag.
     */
    static List<Set<String>> withRelevant(List<Set<String>> labelled) {
        List<Set<String>> labels = new ArrayList<>(labelled.size());
        for (Set<String> tags : labelled) {
            Set<String> with = new HashSet<>(tags);
            if (!tags.isEmpty()) {
                with.add(RELEVANT);
            }
            labels.add(with);
        }
        return labels;
    }

    /**
     * Fits the gate.
     * @param signals the announcements' signals
     * @param labelled their tags
     * @param thresholds the taxonomy's tag thresholds
     * @param neighbours the labelled announcements (the same, in the same order)
     * @param wordWeights the gate's word weights, fitted with the word model
     * @param wordLeaveOneOut each announcement's leave-one-out word score
     */
    static RelevanceGate fit(List<Signals> signals, List<Set<String>> labelled, double[] thresholds,
            Neighbours neighbours, double[] wordWeights, double[] wordLeaveOneOut) {
        int n = signals.size();
        double[] y = new double[n];
        boolean[] relevant = new boolean[n];
        for (int i = 0; i < n; i++) {
            relevant[i] = !labelled.get(i).isEmpty();
            y[i] = relevant[i] ? 1 : -1;
        }
        int dimension = 0;
        for (Signals read : signals) {
            dimension = Math.max(dimension, read.reading().document().length);
        }
        double[][] documents = new double[n][dimension];
        for (int i = 0; i < n; i++) {
            float[] document = signals.get(i).reading().document();
            for (int j = 0; j < document.length && document.length == dimension; j++) {
                documents[i][j] = document[j];
            }
        }
        double[] embeddingLeaveOneOut = new double[n];
        double[] embeddingWeights = DualRidge.fit(documents, y, EMBEDDING_PENALTY, embeddingLeaveOneOut);
        float[] embedding = new float[dimension];
        for (int j = 0; j < dimension; j++) {
            embedding[j] = (float) embeddingWeights[j];
        }
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double vote = neighbours.relevantVote(signals.get(i).reading().document(), i);
            rows[i] = RelevanceGate.features(signals.get(i), thresholds, vote, wordLeaveOneOut[i], new float[0]);
            rows[i][5] = embeddingLeaveOneOut[i];
        }
        double[] penalty = new double[RelevanceGate.NAMES.length];
        for (int j = 1; j < penalty.length; j++) {
            penalty[j] = PENALTY;
        }
        double[] coefficients = LogisticRegression.fit(rows, relevant, penalty);
        return new RelevanceGate(coefficients, THRESHOLD, wordWeights, embedding);
    }

}
