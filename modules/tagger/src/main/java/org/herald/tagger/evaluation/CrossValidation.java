package org.herald.tagger.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.herald.tagger.tagging.CombinedTagger;
import org.herald.tagger.tagging.SignalReader;
import org.herald.tagger.tagging.Signals;
import org.herald.tagger.tagging.TagWeights;
import org.herald.tagger.tagging.Tagging;

/**
 * K-fold cross-validation of the combined tagger: the labelled announcements are shuffled
 * with a fixed seed and dealt into {@code k} folds; each fold is tagged with weights (and
 * centroids, neighbours and word model) fitted on the other folds only, so no
 * announcement is tagged by weights that saw its labels. The tags' descriptions and
 * examples come from the taxonomy file, never from the labels. Each announcement's
 * signals are read once and reused by every fold.
 */
final class CrossValidation {

    /** The seed of the shuffle: the same data always gives the same folds. */
    static final long SEED = 20261202L;

    private CrossValidation() {
    }

    static EvaluationReport run(SignalReader reader, List<LabelledAnnouncement> items, int k) {
        return run(reader, items, k, SEED);
    }

    /** The same with another seed of the shuffle, to see how much the figures vary. */
    static EvaluationReport run(SignalReader reader, List<LabelledAnnouncement> items, int k, long seed) {
        return run(reader, items, LabelledAnnouncement.signals(reader, items), k, seed);
    }

    /**
     * The same over {@code items} whose signals (read by {@code reader}, in the same
     * order) are {@code signals}: several runs over the same items read them once.
     */
    static EvaluationReport run(SignalReader reader, List<LabelledAnnouncement> items, List<Signals> signals, int k,
            long seed) {
        if (k < 2 || k > items.size()) {
            throw new IllegalArgumentException(
                    "--cross-validate needs 2 to " + items.size() + " folds (one item each at most), was " + k);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[items.size()];
        for (int position = 0; position < order.size(); position++) {
            fold[order.get(position)] = position % k;
        }
        Tagging[] taggings = new Tagging[items.size()];
        String version = reader.taxonomy().version() + "+cv" + k;
        for (int f = 0; f < k; f++) {
            List<LabelledAnnouncement> trainItems = new ArrayList<>();
            List<Signals> trainSignals = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (fold[i] != f) {
                    trainItems.add(items.get(i));
                    trainSignals.add(signals.get(i));
                }
            }
            TagWeights weights = WeightsFitting.fit(reader.taxonomy(), reader.embedder().model(), trainItems,
                    trainSignals, Map.of());
            CombinedTagger tagger = new CombinedTagger(reader, weights, version, "fold " + (f + 1));
            for (int i = 0; i < items.size(); i++) {
                if (fold[i] == f) {
                    taggings[i] = tagger.decide(signals.get(i));
                }
            }
        }
        return Evaluation.score(items, Arrays.asList(taggings), version);
    }

}
