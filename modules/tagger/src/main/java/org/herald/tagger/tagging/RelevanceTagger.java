package org.herald.tagger.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.tagger.taxonomy.Field;
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

    private final RelevanceRules rules;

    private final ScoredTerm[] scoredTerms;

    private final ThreadLocal<TermMatches> matches;

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
        this.rules = new RelevanceRules(taxonomy);
        this.scoredTerms = this.index.terms()
            .stream()
            .map((term) -> ScoredTerm.of(term, taxonomy))
            .toArray(ScoredTerm[]::new);
        int terms = this.scoredTerms.length;
        int tags = taxonomy.tags().size();
        this.matches = ThreadLocal.withInitial(() -> new TermMatches(terms, tags));
        this.implications = Implications.of(taxonomy);
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
     * the texts may be {@code null}. The terms are words of the text: the address is not
     * read.
     */
    @Override
    public Tagging tag(@Nullable String title, @Nullable String summary, @Nullable String body, @Nullable String url) {
        TermMatches matches = this.matches.get();
        try {
            match(matches, title, summary, body);
            List<TagMatch> tags = tags(matches);
            return new Tagging(tags, this.rules.relevance(tags, matches.scores), this.taxonomy.version());
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
        TermMatches matches = this.matches.get();
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

    private void match(TermMatches matches, String title, String summary, String body) {
        String[] texts = { title, summary, body };
        for (Field field : FIELDS) {
            this.index.read(texts[field.ordinal()], matches.tokens);
            this.index.find(matches.tokens, (target) -> matches.record(target, field));
        }
    }

    /** Per tag, the evidence of its terms found (null for none), vetoed tags left out. */
    private List<Evidence>[] evidence(TermMatches matches) {
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

    private List<TagMatch> tags(TermMatches matches) {
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
            if (passed[tag] && this.rules.hasCompanion(tag, passed)) {
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

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    @Override
    public void close() {
        this.analysis.close();
    }

}
