package org.herald.tagger.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.tagger.taxonomy.Field;
import org.herald.tagger.taxonomy.RelevanceRule;
import org.herald.tagger.taxonomy.TagDefinition;
import org.herald.tagger.taxonomy.Taxonomy;

/**
 * Tags an announcement from a {@link Taxonomy}: each field is analysed ({@link TextAnalysis}) and
 * searched for every phrase of the taxonomy at once ({@link PhraseIndex}); a term found in a field adds
 * its weight times the field's weight to its tag's score, once per field however often it occurs; a
 * term with context terms counts only when one of them occurs somewhere in the announcement; a veto
 * found anywhere rules its tag out; a tag whose score reaches its threshold is given (a tag with
 * {@code only-with} only beside one of those tags), and the relevance rules turn the tags into an
 * overall relevance.
 * <p>
 * Thread-safe and free of Spring and Kafka.
 */
public final class RelevanceTagger implements AutoCloseable {

    private static final Field[] FIELDS = Field.values();

    private static final Comparator<Evidence> STRONGEST_EVIDENCE_FIRST = Comparator
        .comparingDouble(Evidence::weight)
        .reversed();

    private static final Comparator<TagMatch> HIGHEST_SCORE_FIRST = Comparator.comparingDouble(TagMatch::score)
        .reversed();

    private final Taxonomy taxonomy;

    private final TextAnalysis analysis;

    private final PhraseIndex index;

    private final Map<String, List<String>> onlyWith = new HashMap<>();

    /**
     * A tagger for {@code taxonomy}.
     * @throws org.herald.tagger.taxonomy.InvalidTaxonomyException if a term has no words once analysed
     */
    public RelevanceTagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.analysis = new TextAnalysis(taxonomy.unstemmed());
        this.index = new PhraseIndex(taxonomy, this.analysis);
        taxonomy.tags().forEach((tag) -> this.onlyWith.put(tag.name(), tag.onlyWith()));
    }

    /** The version (content hash) of the taxonomy this tagger uses. */
    public String taxonomyVersion() {
        return this.taxonomy.version();
    }

    /** Tags an announcement; any of the texts may be {@code null}. */
    public Tagging tag(String title, String summary, String body) {
        Matches matches = new Matches(this.index.terms().size(), this.taxonomy.tags().size());
        StringBuilder analysed = new StringBuilder(256);
        String[] texts = { title, summary, body };
        for (Field field : FIELDS) {
            analysed.setLength(0);
            this.analysis.appendTokens(texts[field.ordinal()], analysed);
            this.index.find(analysed, (target) -> matches.record(target, field));
        }
        List<TagMatch> tags = tags(matches);
        return new Tagging(tags, relevance(tags), this.taxonomy.version());
    }

    private List<TagMatch> tags(Matches matches) {
        List<List<Evidence>> evidence = new ArrayList<>();
        for (int tag = 0; tag < this.taxonomy.tags().size(); tag++) {
            evidence.add(new ArrayList<>());
        }
        List<PhraseIndex.IndexedTerm> terms = this.index.terms();
        for (int term = 0; term < terms.size(); term++) {
            PhraseIndex.IndexedTerm indexed = terms.get(term);
            if (matches.vetoed[indexed.tag()]
                    || (!indexed.definition().context().isEmpty() && !matches.inContext[term])) {
                continue;
            }
            for (Field field : FIELDS) {
                if (matches.found[term][field.ordinal()]) {
                    double weight = round(indexed.definition().weight() * this.taxonomy.weight(field));
                    evidence.get(indexed.tag()).add(new Evidence(indexed.definition().term(), field.key(), weight));
                }
            }
        }
        List<TagMatch> passed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int tag = 0; tag < evidence.size(); tag++) {
            TagDefinition definition = this.taxonomy.tags().get(tag);
            double score = round(evidence.get(tag).stream().mapToDouble(Evidence::weight).sum());
            if (score > 0 && score >= definition.threshold()) {
                List<Evidence> strongestFirst = new ArrayList<>(evidence.get(tag));
                strongestFirst.sort(STRONGEST_EVIDENCE_FIRST);
                passed.add(new TagMatch(definition.name(), score, strongestFirst));
                names.add(definition.name());
            }
        }
        List<TagMatch> tags = new ArrayList<>();
        for (TagMatch match : passed) {
            List<String> onlyWith = this.onlyWith.get(match.tag());
            if (onlyWith.isEmpty() || onlyWith.stream().anyMatch(names::contains)) {
                tags.add(match);
            }
        }
        tags.sort(HIGHEST_SCORE_FIRST);
        return tags;
    }

    private int relevance(List<TagMatch> tags) {
        if (tags.isEmpty()) {
            return 0;
        }
        Map<String, Double> scores = new HashMap<>();
        tags.forEach((match) -> scores.put(match.tag(), match.score()));
        int relevance = 1;
        for (RelevanceRule rule : this.taxonomy.relevanceRules()) {
            if (rule.relevance() > relevance && holds(rule, scores)) {
                relevance = rule.relevance();
            }
        }
        return relevance;
    }

    private static boolean holds(RelevanceRule rule, Map<String, Double> scores) {
        boolean any = rule.any().isEmpty() || rule.any().stream().anyMatch((tag) -> has(scores, tag, rule));
        boolean all = rule.all().stream().allMatch((tag) -> has(scores, tag, rule));
        return any && all;
    }

    private static boolean has(Map<String, Double> scores, String tag, RelevanceRule rule) {
        Double score = scores.get(tag);
        return score != null && score >= rule.minScore();
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    @Override
    public void close() {
        this.analysis.close();
    }

    /** What was found in one announcement. */
    private static final class Matches {

        final boolean[][] found;

        final boolean[] inContext;

        final boolean[] vetoed;

        Matches(int terms, int tags) {
            this.found = new boolean[terms][FIELDS.length];
            this.inContext = new boolean[terms];
            this.vetoed = new boolean[tags];
        }

        void record(PhraseIndex.Target target, Field field) {
            switch (target.kind()) {
                case TERM -> this.found[target.index()][field.ordinal()] = true;
                case CONTEXT -> this.inContext[target.index()] = true;
                case VETO -> this.vetoed[target.index()] = true;
            }
        }

    }

}
