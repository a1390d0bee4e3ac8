package org.herald.tagger.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.tagger.taxonomy.Field;
import org.herald.tagger.taxonomy.RelevanceRule;
import org.herald.tagger.taxonomy.TagDefinition;
import org.herald.tagger.taxonomy.Taxonomy;
import org.jspecify.annotations.Nullable;

/**
 * Tags an announcement from a {@link Taxonomy}: each field is analysed
 * ({@link TextAnalysis}) and searched for every phrase of the taxonomy at once
 * ({@link PhraseIndex}); a term found in a field adds its weight times the field's weight
 * to its tag's score, once per field however often it occurs; a term with context terms
 * counts only when one of them occurs somewhere in the announcement; a veto found
 * anywhere rules its tag out; a tag whose score reaches its threshold is given (a tag
 * with {@code only-with} only beside one of those tags), and the relevance rules turn the
 * tags into an overall relevance. It gives direct tags only: the taxonomy's implications
 * are added afterwards ({@link Implications}).
 * <p>
 * Thread-safe and free of Spring and Kafka. Each thread keeps its own working arrays
 * (sized by the taxonomy) and its memory of stems, reused from announcement to
 * announcement, so tagging allocates little beyond its result.
 */
public final class RelevanceTagger implements Tagger, AutoCloseable {

    private static final Field[] FIELDS = Field.values();

    private static final Comparator<Evidence> STRONGEST_EVIDENCE_FIRST = Comparator.comparingDouble(Evidence::weight)
        .reversed();

    private static final Comparator<TagMatch> HIGHEST_SCORE_FIRST = Comparator.comparingDouble(TagMatch::score)
        .reversed();

    private final Taxonomy taxonomy;

    private final TextAnalysis analysis;

    private final PhraseIndex index;

    /** Per tag, the indexes of its {@code only-with} tags. */
    private final int[][] onlyWith;

    private final List<CompiledRule> rules;

    private final ScoredTerm[] scoredTerms;

    private final ThreadLocal<Matches> matches;

    private final Implications implications;

    /**
     * A tagger for {@code taxonomy}.
     * @throws org.herald.tagger.taxonomy.InvalidTaxonomyException if a term has no words
     * once analysed
     */
    public RelevanceTagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.analysis = new TextAnalysis(taxonomy.unstemmed());
        this.index = new PhraseIndex(taxonomy, this.analysis);
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
        this.scoredTerms = this.index.terms().stream().map(this::scored).toArray(ScoredTerm[]::new);
        int terms = this.scoredTerms.length;
        int tags = taxonomy.tags().size();
        this.matches = ThreadLocal.withInitial(() -> new Matches(terms, tags));
        this.implications = Implications.of(taxonomy);
    }

    private static int[] indexes(List<String> tags, Map<String, Integer> tagIndexes) {
        return tags.stream().mapToInt(tagIndexes::get).toArray();
    }

    private ScoredTerm scored(PhraseIndex.IndexedTerm term) {
        Evidence[] evidence = new Evidence[FIELDS.length];
        for (Field field : FIELDS) {
            double weight = round(term.definition().weight() * this.taxonomy.weight(field));
            evidence[field.ordinal()] = new Evidence(term.definition().term(), field.key(), weight);
        }
        return new ScoredTerm(term.tag(), !term.definition().context().isEmpty(), evidence);
    }

    /** The version (content hash) of the taxonomy this tagger uses. */
    @Override
    public String taxonomyVersion() {
        return this.taxonomy.version();
    }

    @Override
    public Implications implications() {
        return this.implications;
    }

    /**
     * Tags an announcement with the tags found in its text (never implied ones); any of
     * the texts may be {@code null}.
     */
    @Override
    public Tagging tag(@Nullable String title, @Nullable String summary, @Nullable String body) {
        Matches matches = this.matches.get();
        try {
            match(matches, title, summary, body);
            List<TagMatch> tags = tags(matches);
            return new Tagging(tags, relevance(tags, matches.scores), this.taxonomy.version());
        }
        finally {
            matches.clear();
        }
    }

    /**
     * The term evidence of every tag of the taxonomy, before thresholds,
     * {@code only-with} and relevance: what a tagger that combines the terms with other
     * signals reads. Any of the texts may be {@code null}.
     */
    public TermScores termScores(String title, String summary, String body) {
        Matches matches = this.matches.get();
        try {
            match(matches, title, summary, body);
            List<Evidence>[] evidence = evidence(matches);
            int tagCount = evidence.length;
            double[] scores = new double[tagCount];
            List<List<Evidence>> lists = new ArrayList<>(tagCount);
            for (int tag = 0; tag < tagCount; tag++) {
                List<Evidence> items = (evidence[tag] != null) ? evidence[tag] : List.of();
                double sum = 0;
                for (Evidence item : items) {
                    sum += item.weight();
                }
                scores[tag] = round(sum);
                if (evidence[tag] != null) {
                    evidence[tag].sort(STRONGEST_EVIDENCE_FIRST);
                }
                lists.add(items);
            }
            return new TermScores(scores, matches.vetoed.clone(), lists);
        }
        finally {
            matches.clear();
        }
    }

    private void match(Matches matches, String title, String summary, String body) {
        String[] texts = { title, summary, body };
        for (Field field : FIELDS) {
            this.index.read(texts[field.ordinal()], matches.tokens);
            this.index.find(matches.tokens, (target) -> matches.record(target, field));
        }
    }

    /** Per tag, the evidence of its terms found (null for none), vetoed tags left out. */
    private List<Evidence>[] evidence(Matches matches) {
        int tagCount = this.taxonomy.tags().size();
        @SuppressWarnings("unchecked")
        List<Evidence>[] evidence = new List[tagCount];
        for (int term : matches.foundTerms()) {
            ScoredTerm scored = this.scoredTerms[term];
            if (matches.vetoed[scored.tag()] || (scored.needsContext() && !matches.inContext[term])) {
                continue;
            }
            for (Field field : FIELDS) {
                if ((matches.fields[term] & (1 << field.ordinal())) != 0) {
                    if (evidence[scored.tag()] == null) {
                        evidence[scored.tag()] = new ArrayList<>(4);
                    }
                    evidence[scored.tag()].add(scored.evidence()[field.ordinal()]);
                }
            }
        }
        return evidence;
    }

    private List<TagMatch> tags(Matches matches) {
        int tagCount = this.taxonomy.tags().size();
        List<Evidence>[] evidence = evidence(matches);
        double[] scores = new double[tagCount];
        boolean[] passed = new boolean[tagCount];
        for (int tag = 0; tag < tagCount; tag++) {
            if (evidence[tag] != null) {
                double sum = 0;
                for (Evidence item : evidence[tag]) {
                    sum += item.weight();
                }
                scores[tag] = round(sum);
                passed[tag] = scores[tag] > 0 && scores[tag] >= this.taxonomy.tags().get(tag).threshold();
            }
        }
        List<TagMatch> tags = new ArrayList<>();
        for (int tag = 0; tag < tagCount; tag++) {
            if (passed[tag] && hasCompanion(tag, passed)) {
                evidence[tag].sort(STRONGEST_EVIDENCE_FIRST);
                tags.add(new TagMatch(this.taxonomy.tags().get(tag).name(), scores[tag], evidence[tag]));
            }
            else {
                scores[tag] = 0;
            }
        }
        tags.sort(HIGHEST_SCORE_FIRST);
        matches.scores = scores;
        return tags;
    }

    /**
     * Whether a tag with {@code only-with} has one of those tags (always, for a tag
     * without).
     */
    private boolean hasCompanion(int tag, boolean[] passed) {
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
    private int relevance(List<TagMatch> tags, double[] scores) {
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

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    @Override
    public void close() {
        this.analysis.close();
    }

    /**
     * A term with what it is reported as: its tag, whether it needs context, and its
     * evidence in each field (weight times field weight), made once for the taxonomy.
     */
    private record ScoredTerm(int tag, boolean needsContext, Evidence[] evidence) {
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

    /**
     * What was found in one announcement, and the token numbers of the field being read.
     * One per thread, reused: {@link #clear} undoes only what was recorded.
     */
    private static final class Matches {

        final PhraseIndex.TokenNumbers tokens = new PhraseIndex.TokenNumbers();

        /** Per term, a bit per field in which it was found. */
        final byte[] fields;

        final boolean[] inContext;

        final boolean[] vetoed;

        /** The scores of the tags given (0 for the others), for the relevance rules. */
        double[] scores;

        /** Terms with a field or context recorded, in the order first recorded. */
        private int[] touched = new int[64];

        private int touchedCount;

        Matches(int terms, int tags) {
            this.fields = new byte[terms];
            this.inContext = new boolean[terms];
            this.vetoed = new boolean[tags];
        }

        void record(PhraseIndex.Target target, Field field) {
            int index = target.index();
            switch (target.kind()) {
                case TERM -> {
                    touch(index);
                    this.fields[index] |= (byte) (1 << field.ordinal());
                }
                case CONTEXT -> {
                    touch(index);
                    this.inContext[index] = true;
                }
                case VETO -> this.vetoed[index] = true;
            }
        }

        private void touch(int term) {
            if (this.fields[term] == 0 && !this.inContext[term]) {
                if (this.touchedCount == this.touched.length) {
                    this.touched = Arrays.copyOf(this.touched, this.touchedCount * 2);
                }
                this.touched[this.touchedCount++] = term;
            }
        }

        /** The terms found in some field, in taxonomy order. */
        int[] foundTerms() {
            int[] found = new int[this.touchedCount];
            int count = 0;
            for (int i = 0; i < this.touchedCount; i++) {
                if (this.fields[this.touched[i]] != 0) {
                    found[count++] = this.touched[i];
                }
            }
            found = Arrays.copyOf(found, count);
            Arrays.sort(found);
            return found;
        }

        void clear() {
            for (int i = 0; i < this.touchedCount; i++) {
                this.fields[this.touched[i]] = 0;
                this.inContext[this.touched[i]] = false;
            }
            this.touchedCount = 0;
            Arrays.fill(this.vetoed, false);
        }

    }

}
