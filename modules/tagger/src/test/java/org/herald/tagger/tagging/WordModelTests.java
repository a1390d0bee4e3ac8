package org.herald.tagger.tagging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.tagger.taxonomy.Field;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The word signal: learnt from labelled texts (written for this test), it scores unseen
 * texts by the words the labelled ones with a tag share, and it gives the fit each
 * labelled text's score as if that text had been left out.
 */
class WordModelTests {

    private static final List<String> TAGS = List.of("trade-tariffs", "packaging");

    private final Words words = new Words(List.of("packaging"),
            Map.of(Field.TITLE, 2.0, Field.SUMMARY, 1.0, Field.BODY, 0.5));

    private final List<Map<String, Double>> bags = new ArrayList<>();

    private final List<Set<String>> labels = new ArrayList<>();

    WordModelTests() {
        add("Import duties on steel wire are reviewed", "The quota for imports will be set by the department.",
                "trade-tariffs");
        add("Quota on imports of aluminium sheet extended", "Importers pay higher duties above the quota.",
                "trade-tariffs");
        add("Duties on imports of ceramic tiles confirmed", "Imports from two countries pay the duties.",
                "trade-tariffs");
        add("Producers report the packaging they supply", "Packaging fees depend on the material.", "packaging");
        add("Packaging fees for glass and metal published", "Producers pay fees for the packaging they place.",
                "packaging");
        add("Council publishes library opening hours", "Libraries open later on Thursdays.");
        add("Hospital waiting lists fall", "More patients were seen within the target.");
        add("Library opening hours extended", "The council keeps its libraries open in the summer.");
    }

    private void add(String title, String summary, String... tags) {
        this.bags.add(this.words.of(title, summary, null));
        this.labels.add(Set.of(tags));
    }

    @Test
    void scoresAnUnseenTextByTheWordsItsTagShares() {
        WordModel model = WordModel.fit(this.bags, this.labels, TAGS, new double[this.bags.size()][TAGS.size()]);

        double[] tariff = model.scores(this.words.of("New duties on imports of bicycles", null, null), TAGS);
        double[] unrelated = model.scores(this.words.of("Library opening hours change", null, null), TAGS);

        assertThat(tariff[0]).isGreaterThan(0).isGreaterThan(tariff[1]);
        assertThat(unrelated[0]).isLessThan(0);
        assertThat(unrelated[1]).isLessThan(0);
    }

    /**
     * The fit's features are leave-one-out scores: a labelled text's own label counts for
     * nothing in its score, so a tagged text scores lower, and an untagged one higher,
     * than in-sample.
     */
    @Test
    void givesEachLabelledTextItsScoreWithoutItsOwnLabel() {
        double[][] leaveOneOut = new double[this.bags.size()][TAGS.size()];
        WordModel model = WordModel.fit(this.bags, this.labels, TAGS, leaveOneOut);

        for (int i = 0; i < this.bags.size(); i++) {
            double[] inSample = model.scores(this.bags.get(i), TAGS);
            for (int t = 0; t < TAGS.size(); t++) {
                if (this.labels.get(i).contains(TAGS.get(t))) {
                    assertThat(leaveOneOut[i][t]).isLessThan(inSample[t]);
                }
                else {
                    assertThat(leaveOneOut[i][t]).isGreaterThan(inSample[t]);
                }
            }
        }
    }

    @Test
    void survivesTheWeightsFile() {
        WordModel model = WordModel.fit(this.bags, this.labels, TAGS, new double[this.bags.size()][TAGS.size()]);
        TagWeights weights = new TagWeights(MiniLmEmbedder.BUNDLED, 0.3, Map.of(), Map.of(), Neighbours.none(), model);

        TagWeights read = TagWeights.read(weights.toJson().getBytes(StandardCharsets.UTF_8), "test");

        Map<String, Double> text = this.words.of("Duties on imports of packaging", null, null);
        double[] expected = model.scores(text, TAGS);
        double[] actual = read.words().scores(text, TAGS);
        assertThat(actual[0]).isCloseTo(expected[0], within(1e-4));
        assertThat(actual[1]).isCloseTo(expected[1], within(1e-4));
        assertThat(read.words().vocabulary()).isEqualTo(model.vocabulary());
    }

    @Test
    void aWordModelThatDoesNotAddUpIsRefusedNamingThePlace() {
        WordModel model = WordModel.fit(this.bags, this.labels, TAGS, new double[this.bags.size()][TAGS.size()]);
        String json = new TagWeights(MiniLmEmbedder.BUNDLED, 0.3, Map.of(), Map.of(), Neighbours.none(), model).toJson()
            .replaceFirst("\"idf\" : \\[", "\"idf\" : [ 1.0,");

        assertThatThrownBy(() -> TagWeights.read(json.getBytes(StandardCharsets.UTF_8), "[mine.weights.json]"))
            .isInstanceOf(InvalidTaxonomyException.class)
            .hasMessageContaining("mine.weights.json")
            .hasMessageContaining("words.idf")
            .hasMessageContaining("refit");
    }

}
