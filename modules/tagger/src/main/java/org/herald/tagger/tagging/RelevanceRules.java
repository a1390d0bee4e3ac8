package org.herald.tagger.tagging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.herald.events.TagMatch;
import org.herald.tagger.taxonomy.RelevanceRule;
import org.herald.tagger.taxonomy.Taxonomy;

/**
 * A taxonomy's rules over tags, by tag index: each tag's {@code only-with} tags, and the
 * relevance rules that turn the tags given into an overall relevance.
 */
final class RelevanceRules {

    /** Per tag, the indexes of its {@code only-with} tags. */
    private final int[][] onlyWith;

    private final List<CompiledRule> rules;

    RelevanceRules(Taxonomy taxonomy) {
        Map<String, Integer> tagIndexes = new HashMap<>();
        taxonomy.tags().forEach((tag) -> tagIndexes.put(tag.name(), tagIndexes.size()));
        this.onlyWith = taxonomy.tags()
            .stream()
            .map((tag) -> indexes(tag.onlyWith(), tagIndexes))
            .toArray(int[][]::new);
        this.rules = taxonomy.relevanceRules()
            .stream()
            .map((rule) -> new CompiledRule(rule.relevance(), indexes(rule.any(), tagIndexes),
                    indexes(rule.all(), tagIndexes), rule.minScore()))
            .toList();
    }

    private static int[] indexes(List<String> tags, Map<String, Integer> tagIndexes) {
        return tags.stream().mapToInt(tagIndexes::get).toArray();
    }

    /**
     * Whether a tag with {@code only-with} has one of those tags (always, for a tag
     * without).
     */
    boolean hasCompanion(int tag, boolean[] passed) {
        int[] companions = this.onlyWith[tag];
        if (companions.length == 0) {
            return true;
        }
        for (int companion : companions) {
            if (passed[companion]) {
                return true;
            }
        }
        return false;
    }

    /** The highest relevance rule that holds; 1 for tags without one, 0 without tags. */
    int relevance(List<TagMatch> tags, double[] scores) {
        if (tags.isEmpty()) {
            return 0;
        }
        int relevance = 1;
        for (CompiledRule rule : this.rules) {
            if (rule.relevance() > relevance && rule.holds(scores)) {
                relevance = rule.relevance();
            }
        }
        return relevance;
    }

    /**
     * A {@link RelevanceRule} over tag indexes: it holds when one of {@code any} (if
     * given) and all of {@code all} have a score of at least {@code minScore}; a score of
     * 0 means the tag was not given.
     */
    private record CompiledRule(int relevance, int[] any, int[] all, double minScore) {

        boolean holds(double[] scores) {
            boolean any = this.any.length == 0;
            for (int tag : this.any) {
                any |= has(scores, tag);
            }
            boolean all = true;
            for (int tag : this.all) {
                all &= has(scores, tag);
            }
            return any && all;
        }

        private boolean has(double[] scores, int tag) {
            return scores[tag] > 0 && scores[tag] >= this.minScore;
        }

    }

}
