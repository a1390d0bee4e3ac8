package org.herald.tagger.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.tagger.tagging.LearnedSignal.Resemblance;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.herald.tagger.taxonomy.RelevanceRule;
import org.herald.tagger.taxonomy.TagDefinition;
import org.herald.tagger.taxonomy.Taxonomy;
import org.herald.tagger.taxonomy.TaxonomyReader;
import org.jspecify.annotations.Nullable;

/**
 * Tags an announcement from two signals combined by fitted weights: the taxonomy's terms
 * (scored as the {@link RelevanceTagger} scores them) and the learned signal (how much
 * the announcement's sentences resemble each tag's description and examples, and the
 * labelled announcements that have it). For each tag, the {@link Features} go through the
 * tag's logistic model ({@link TagWeights}); a tag is given when its probability reaches
 * the weights' threshold, unless one of its vetoes was found or the weights'
 * {@link RelevanceGate} says the announcement does not concern the sector at all (then it
 * gets no tag and relevance 0). ({@code only-with} is a rule of the terms alone: the
 * fitted weights have learnt from the labels when a process tag such as
 * {@code regulation-standards} holds on its own.) The relevance rules turn the tags into
 * the overall relevance as before ({@code min-score} compares a tag's term score).
 * <p>
 * Each tag given carries its term evidence (strongest first), the piece of its
 * {@code addresses} found in the announcement's URL if any (a term item whose field is
 * {@code address}), and one {@link Evidence.Kind#SIMILARITY} item: the announcement's
 * sentence that resembled the tag most, the description or example it resembled, and the
 * cosine similarity. Its score is the probability. Thread-safe.
 */
public final class CombinedTagger implements Tagger, AutoCloseable {

    private static final Comparator<TagMatch> HIGHEST_SCORE_FIRST = Comparator.comparingDouble(TagMatch::score)
        .reversed();

    /** The field of an address's evidence: {@code "consult" in the address}. */
    static final String ADDRESS = "address";

    private final SignalReader reader;

    private final Taxonomy taxonomy;

    private final TagWeights weights;

    private final String version;

    private final double[][] coefficients;

    private final float[][] centroids;

    private final Map<String, Integer> tagIndexes = new HashMap<>();

    private final List<String> tagNames;

    private final Implications implications;

    private final double[] thresholds;

    /**
     * A tagger of {@code reader}'s taxonomy with {@code weights}; {@code version} is the
     * taxonomy version it reports.
     * @throws InvalidTaxonomyException if the weights do not fit the taxonomy or the
     * model
     */
    public CombinedTagger(SignalReader reader, TagWeights weights, String version, String weightsOrigin) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.taxonomy = reader.taxonomy();
        this.weights = Objects.requireNonNull(weights, "weights");
        this.version = Objects.requireNonNull(version, "version");
        this.implications = Implications.of(this.taxonomy.withVersion(version));
        String model = reader.embedder().model();
        if (!weights.model().equals(model)) {
            throw new InvalidTaxonomyException("Weights " + weightsOrigin + " were fitted with the model '"
                    + weights.model() + "', not with '" + model + "'; refit them (docs/tagging.md)");
        }
        List<TagDefinition> tags = this.taxonomy.tags();
        this.tagNames = tags.stream().map(TagDefinition::name).toList();
        this.coefficients = new double[tags.size()][];
        this.centroids = new float[tags.size()][];
        for (int i = 0; i < tags.size(); i++) {
            String name = tags.get(i).name();
            this.tagIndexes.put(name, i);
            TagWeights.TagModel tag = weights.tags().get(name);
            if (tag == null) {
                throw new InvalidTaxonomyException("Weights " + weightsOrigin + " have no weights for tag '" + name
                        + "' of the taxonomy; refit them (docs/tagging.md)");
            }
            if (tag.centroid().length != 0 && tag.centroid().length != reader.embedder().dimension()) {
                throw new InvalidTaxonomyException("Weights " + weightsOrigin + ": tags." + name + ".centroid has "
                        + tag.centroid().length + " numbers, the model's embeddings " + reader.embedder().dimension()
                        + "; refit them (docs/tagging.md)");
            }
            this.coefficients[i] = tag.coefficients();
            this.centroids[i] = tag.centroid();
        }
        for (float[] vector : weights.neighbours().vectors()) {
            if (vector.length != reader.embedder().dimension()) {
                throw new InvalidTaxonomyException("Weights " + weightsOrigin + ": a neighbour has " + vector.length
                        + " numbers, the model's embeddings " + reader.embedder().dimension()
                        + "; refit them (docs/tagging.md)");
            }
        }
        RelevanceGate gate = weights.relevance();
        if (!gate.isNone() && gate.embedding().length != reader.embedder().dimension()) {
            throw new InvalidTaxonomyException("Weights " + weightsOrigin + ": relevance.embedding has "
                    + gate.embedding().length + " numbers, the model's embeddings " + reader.embedder().dimension()
                    + "; refit them (docs/tagging.md)");
        }
        this.thresholds = tags.stream().mapToDouble(TagDefinition::threshold).toArray();
        for (String name : weights.words().tags().keySet()) {
            if (!this.tagIndexes.containsKey(name)) {
                throw new InvalidTaxonomyException("Weights " + weightsOrigin + " have word weights for tag '" + name
                        + "', which the taxonomy does not define; refit them (docs/tagging.md)");
            }
        }
        for (String name : weights.tags().keySet()) {
            if (!this.tagIndexes.containsKey(name)) {
                throw new InvalidTaxonomyException("Weights " + weightsOrigin + " have weights for tag '" + name
                        + "', which the taxonomy does not define; refit them (docs/tagging.md)");
            }
        }
    }

    /**
     * Reads a taxonomy file and the weights file beside it into a tagger whose version
     * hashes both files.
     * @throws InvalidTaxonomyException if either is invalid or they do not fit each other
     */
    public static CombinedTagger load(byte[] taxonomy, String taxonomyOrigin, byte[] weights, String weightsOrigin,
            Embedder embedder) {
        String version = TaxonomyReader.version(taxonomy, weights);
        Taxonomy read = TaxonomyReader.read(taxonomy, taxonomyOrigin).withVersion(version);
        TagWeights tagWeights = TagWeights.read(weights, weightsOrigin);
        SignalReader reader = new SignalReader(read, embedder);
        try {
            return new CombinedTagger(reader, tagWeights, version, weightsOrigin);
        }
        catch (RuntimeException ex) {
            reader.close();
            throw ex;
        }
    }

    /** The version of the taxonomy and weights: a hash of both files. */
    @Override
    public String taxonomyVersion() {
        return this.version;
    }

    @Override
    public Implications implications() {
        return this.implications;
    }

    /** The weights in use. */
    public TagWeights weights() {
        return this.weights;
    }

    @Override
    public Tagging tag(@Nullable String title, @Nullable String summary, @Nullable String body, @Nullable String url) {
        return decide(this.reader.read(title, summary, body, url));
    }

    /** Tags an announcement whose signals have been read (by this tagger's reader). */
    public Tagging decide(Signals signals) {
        List<TagDefinition> definitions = this.taxonomy.tags();
        int count = definitions.size();
        double[] probability = new double[count];
        boolean[] passed = new boolean[count];
        Neighbours.Neighbourhood neighbourhood = this.weights.neighbours()
            .near(signals.reading().document(), this.tagNames, -1);
        double[] words = this.weights.words().scores(signals.words(), this.tagNames);
        boolean open = this.weights.relevance()
            .probability(signals, this.thresholds, this.weights.neighbours(),
                    this.weights.words()) >= this.weights.relevance().threshold();
        for (int tag = 0; tag < count; tag++) {
            double[] features = Features.of(signals, tag, definitions.get(tag), this.centroids[tag], neighbourhood,
                    words[tag]);
            probability[tag] = Features.probability(this.coefficients[tag], features);
            passed[tag] = open && !signals.terms().vetoed()[tag] && probability[tag] >= this.weights.threshold();
        }
        boolean[] given = new boolean[count];
        List<TagMatch> tags = new ArrayList<>();
        for (int tag = 0; tag < count; tag++) {
            given[tag] = passed[tag];
            if (given[tag]) {
                tags.add(new TagMatch(definitions.get(tag).name(), round(probability[tag]), evidence(signals, tag)));
            }
        }
        tags.sort(HIGHEST_SCORE_FIRST);
        return new Tagging(tags, relevance(given, signals.terms().scores()), this.version);
    }

    private List<Evidence> evidence(Signals signals, int tag) {
        List<Evidence> evidence = new ArrayList<>(signals.terms().evidence().get(tag));
        String address = signals.addresses()[tag];
        if (address != null) {
            evidence.add(new Evidence(address, ADDRESS, round(this.coefficients[tag][Features.ADDRESS])));
        }
        Resemblance best = signals.reading().best()[tag];
        if (best != null) {
            evidence.add(new Evidence(Evidence.Kind.SIMILARITY, best.label(), best.field().key(),
                    round(signals.reading().similarity()[tag]), best.sentence(), best.example()));
        }
        return evidence;
    }

    /** The highest relevance rule that holds; 1 for tags without one, 0 without tags. */
    private int relevance(boolean[] given, double[] termScores) {
        boolean any = false;
        for (boolean tag : given) {
            any |= tag;
        }
        if (!any) {
            return 0;
        }
        int relevance = 1;
        for (RelevanceRule rule : this.taxonomy.relevanceRules()) {
            if (rule.relevance() > relevance && holds(rule, given, termScores)) {
                relevance = rule.relevance();
            }
        }
        return relevance;
    }

    private boolean holds(RelevanceRule rule, boolean[] given, double[] termScores) {
        boolean any = rule.any().isEmpty();
        for (String name : rule.any()) {
            any |= has(this.tagIndexes.get(name), rule, given, termScores);
        }
        boolean all = true;
        for (String name : rule.all()) {
            all &= has(this.tagIndexes.get(name), rule, given, termScores);
        }
        return any && all;
    }

    private static boolean has(int tag, RelevanceRule rule, boolean[] given, double[] termScores) {
        return given[tag] && (rule.minScore() == 0 || termScores[tag] >= rule.minScore());
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    @Override
    public void close() {
        this.reader.close();
    }

}
