package org.herald.tagger.tagging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The relevance gate: whether an announcement may get tags at all, from its features, and
 * how it is kept in the weights file.
 */
class RelevanceGateTests {

    private static final double[] THRESHOLDS = { 1.0, 2.0 };

    private static final WordModel WORDS = new WordModel(List.of("duty", "library"), new double[] { 1.0, 1.0 },
            Map.of());

    /**
     * Open when the terms would give a tag or the words lean to the sector, else closed.
     */
    private static final RelevanceGate GATE = new RelevanceGate(new double[] { -3, 0, 4, 0, 4, 0 }, 0.5,
            new double[] { 1.0, -1.0 }, new float[] { 0, 0, 0 });

    private static Signals signals(double[] termScores, Map<String, Double> words) {
        TermScores terms = new TermScores(termScores, new boolean[termScores.length], List.of(List.of(), List.of()));
        LearnedSignal.Reading reading = new LearnedSignal.Reading(new double[termScores.length],
                new LearnedSignal.Resemblance[termScores.length], new float[] { 1, 0, 0 });
        return new Signals(terms, reading, words);
    }

    @Test
    void opensForTheSectorsKindOfTextAndStaysClosedForOthers() {
        double terms = GATE.probability(signals(new double[] { 0, 2.5 }, Map.of()), THRESHOLDS, Neighbours.none(),
                WORDS);
        double words = GATE.probability(signals(new double[] { 0, 0 }, Map.of("duty", 1.0)), THRESHOLDS,
                Neighbours.none(), WORDS);
        double neither = GATE.probability(signals(new double[] { 0.5, 1.5 }, Map.of("library", 1.0)), THRESHOLDS,
                Neighbours.none(), WORDS);

        assertThat(terms).isGreaterThanOrEqualTo(GATE.threshold());
        assertThat(words).isGreaterThanOrEqualTo(GATE.threshold());
        assertThat(neither).isLessThan(GATE.threshold());
        assertThat(RelevanceGate.none()
            .probability(signals(new double[] { 0, 0 }, Map.of()), THRESHOLDS, Neighbours.none(), WORDS))
            .isEqualTo(1.0);
    }

    @Test
    void survivesTheWeightsFile() {
        TagWeights weights = new TagWeights(MiniLmEmbedder.BUNDLED, 0.3, Map.of(), Map.of(), Neighbours.none(), WORDS,
                GATE);

        TagWeights read = TagWeights.read(weights.toJson().getBytes(StandardCharsets.UTF_8), "test");

        assertThat(read.relevance().coefficients()).containsExactly(GATE.coefficients());
        assertThat(read.relevance().words()).containsExactly(GATE.words());
        assertThat(read.relevance().embedding()).containsExactly(GATE.embedding());
        assertThat(read.relevance().threshold()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void weightsWithoutAGateLetEveryAnnouncementThrough() {
        String json = new TagWeights(MiniLmEmbedder.BUNDLED, 0.3, Map.of(), Map.of(), Neighbours.none(), WORDS)
            .toJson();

        assertThat(json).doesNotContain("\"relevance\"");
        assertThat(TagWeights.read(json.getBytes(StandardCharsets.UTF_8), "test").relevance().isNone()).isTrue();
    }

    @Test
    void aGateThatDoesNotAddUpIsRefusedNamingThePlace() {
        String json = new TagWeights(MiniLmEmbedder.BUNDLED, 0.3, Map.of(), Map.of(), Neighbours.none(), WORDS, GATE)
            .toJson()
            .replaceFirst("\"words\" : \\[", "\"words\" : [ 3.0,");

        assertThatThrownBy(() -> TagWeights.read(json.getBytes(StandardCharsets.UTF_8), "[mine.weights.json]"))
            .isInstanceOf(InvalidTaxonomyException.class)
            .hasMessageContaining("mine.weights.json")
            .hasMessageContaining("relevance.words")
            .hasMessageContaining("refit");
    }

}
