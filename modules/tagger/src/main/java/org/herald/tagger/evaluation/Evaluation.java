package org.herald.tagger.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.herald.tagger.evaluation.EvaluationReport.Miss;
import org.herald.tagger.evaluation.EvaluationReport.TagScore;
import org.herald.tagger.tagging.Tagger;
import org.herald.tagger.tagging.Tagging;

/**
 * Tags labelled announcements and compares what it predicted with the labels. The tagger
 * sees only the title, summary and body: never the labels.
 */
final class Evaluation {

    private Evaluation() {
    }

    static EvaluationReport run(Tagger tagger, List<LabelledAnnouncement> items) {
        List<Tagging> taggings = new ArrayList<>(items.size());
        for (LabelledAnnouncement item : items) {
            taggings.add(tagger.tag(item.title(), item.summary(), item.body(), item.url()));
        }
        return score(items, taggings, tagger.taxonomyVersion());
    }

    /**
     * Compares {@code taggings} (one per item, in the same order, however they were made:
     * by one tagger, or fold by fold in cross-validation) with the labels.
     */
    static EvaluationReport score(List<LabelledAnnouncement> items, List<Tagging> taggings, String taxonomyVersion) {
        Map<String, int[]> counts = new TreeMap<>();
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int exact = 0;
        int withinOne = 0;
        int relevantRight = 0;
        List<Miss> misses = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            LabelledAnnouncement item = items.get(i);
            Tagging tagging = taggings.get(i);
            Set<String> predicted = new HashSet<>(tagging.tagNames());
            for (String tag : union(predicted, item.tags())) {
                int[] count = counts.computeIfAbsent(tag, (key) -> new int[3]);
                boolean labelled = item.tags().contains(tag);
                boolean given = predicted.contains(tag);
                int kind = (labelled && given) ? 0 : (given ? 1 : 2);
                count[kind]++;
            }
            Set<String> missing = difference(item.tags(), predicted);
            Set<String> unexpected = difference(predicted, item.tags());
            truePositives += item.tags().size() - missing.size();
            falsePositives += unexpected.size();
            falseNegatives += missing.size();
            exact += (tagging.relevance() == item.relevance()) ? 1 : 0;
            withinOne += (Math.abs(tagging.relevance() - item.relevance()) <= 1) ? 1 : 0;
            boolean relevantCallRight = (tagging.relevance() > 0) == (item.relevance() > 0);
            relevantRight += relevantCallRight ? 1 : 0;
            if (!missing.isEmpty() || !unexpected.isEmpty() || !relevantCallRight) {
                misses.add(new Miss(item.id(), missing, unexpected, item.relevance(), tagging.relevance()));
            }
        }
        Map<String, TagScore> perTag = new TreeMap<>();
        counts.forEach((tag, count) -> perTag.put(tag, TagScore.of(count[0], count[1], count[2])));
        TagScore micro = TagScore.of(truePositives, falsePositives, falseNegatives);
        double macroF1 = perTag.values().stream().mapToDouble(TagScore::f1).average().orElse(0);
        int n = items.size();
        return new EvaluationReport(n, taxonomyVersion, perTag, micro.precision(), micro.recall(), micro.f1(), macroF1,
                EvaluationReport.ratio(exact, n), EvaluationReport.ratio(withinOne, n),
                EvaluationReport.ratio(relevantRight, n), misses);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> difference = new TreeSet<>(a);
        difference.removeAll(b);
        return difference;
    }

}
