package org.herald.tagger.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of one evaluation run.
 *
 * @param items how many announcements were tagged
 * @param taxonomyVersion the taxonomy's content hash
 * @param perTag precision, recall and F1 of each tag, by tag name in alphabetical order
 * @param microPrecision precision over all (announcement, tag) decisions
 * @param microRecall recall over all (announcement, tag) decisions
 * @param microF1 F1 over all (announcement, tag) decisions
 * @param macroF1 the mean of the per-tag F1 over the tags that were labelled or predicted
 * at least once
 * @param relevanceExactAccuracy share of announcements whose relevance was predicted
 * exactly
 * @param relevanceWithinOneAccuracy share whose predicted relevance is at most one away
 * @param relevantAccuracy share whose relevant (1 to 3) or irrelevant (0) call was right
 * @param misses the announcements whose tags or relevant-or-irrelevant call were wrong
 */
record EvaluationReport(int items, String taxonomyVersion, Map<String, TagScore> perTag, double microPrecision,
        double microRecall, double microF1, double macroF1, double relevanceExactAccuracy,
        double relevanceWithinOneAccuracy, double relevantAccuracy, List<Miss> misses) {

    /** Counts and figures of one tag; a figure with nothing to divide by is 0. */
    record TagScore(int truePositives, int falsePositives, int falseNegatives, double precision, double recall,
            double f1) {

        static TagScore of(int truePositives, int falsePositives, int falseNegatives) {
            double precision = ratio(truePositives, truePositives + falsePositives);
            double recall = ratio(truePositives, truePositives + falseNegatives);
            return new TagScore(truePositives, falsePositives, falseNegatives, precision, recall,
                    EvaluationReport.f1(precision, recall));
        }

        /** How many announcements were labelled with the tag. */
        int support() {
            return this.truePositives + this.falseNegatives;
        }

    }

    /** An announcement the tagger got wrong, for people tuning the taxonomy. */
    record Miss(String id, Set<String> missing, Set<String> unexpected, int labelledRelevance, int predictedRelevance) {
    }

    static double ratio(double numerator, double denominator) {
        return (denominator == 0) ? 0 : numerator / denominator;
    }

    static double f1(double precision, double recall) {
        return (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
    }

}
