package org.herald.tagger.evaluation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.herald.events.TagMatch;
import org.herald.tagger.tagging.Tagger;
import org.herald.tagger.tagging.Tagging;

/**
 * The taxonomy's implications measured apart from the direct tags, whose figures they
 * never change: for each implied tag, how often it was implied and how often the labels
 * agree (the item is labelled with it). An implied tag reaches members and partners who
 * take implied tags, so a low agreement here means an implication that sends more than
 * the labels would.
 *
 * @param perTag the figures of each tag that was implied at least once, by tag name
 */
record ImpliedTagsReport(Map<String, ImpliedScore> perTag) {

    /** No implied tags measured. */
    static ImpliedTagsReport none() {
        return new ImpliedTagsReport(Map.of());
    }

    static ImpliedTagsReport run(Tagger tagger, List<LabelledAnnouncement> items) {
        Map<String, int[]> counts = new TreeMap<>();
        for (LabelledAnnouncement item : items) {
            Tagging direct = tagger.tag(item.title(), item.summary(), item.body(), item.url());
            for (TagMatch tag : tagger.implications().apply(direct).tags()) {
                if (tag.implied()) {
                    int[] count = counts.computeIfAbsent(tag.tag(), (key) -> new int[2]);
                    count[0]++;
                    count[1] += item.tags().contains(tag.tag()) ? 1 : 0;
                }
            }
        }
        Map<String, ImpliedScore> perTag = new TreeMap<>();
        counts.forEach((tag, count) -> perTag.put(tag, new ImpliedScore(count[0], count[1])));
        return new ImpliedTagsReport(perTag);
    }

    /**
     * One implied tag's figures.
     *
     * @param implied how many announcements it was implied for
     * @param labelled how many of those are labelled with it
     */
    record ImpliedScore(int implied, int labelled) {

        /** The share of the implications the labels agree with. */
        double precision() {
            return EvaluationReport.ratio(this.labelled, this.implied);
        }

    }

}
