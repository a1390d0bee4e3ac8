package org.herald.tagger.tagging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.herald.tagger.taxonomy.TaxonomyReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RelevanceTaggerTests {

    private static final String TAXONOMY = """
            fields: {title: 2, summary: 1, body: 0.5}
            tags:
              critical-minerals:
                threshold: 1
                terms:
                  - {term: critical minerals, weight: 2}
                  - {term: rare earths, synonyms: [rare earth elements]}
                  - {term: mining, weight: 0.5, context: [lithium, cobalt]}
              sanctions:
                threshold: 1
                terms:
                  - {term: sanctions, context: [russia, russian]}
                vetoes: [benefit sanctions]
              steel-metals:
                threshold: 1
                terms:
                  - steel
                  - {term: steel cans, weight: -1}
              consultation:
                threshold: 1
                only-with: [critical-minerals, steel-metals]
                terms: [consultation]
            relevance:
              - {relevance: 2, any: [critical-minerals]}
              - {relevance: 3, all: [critical-minerals, consultation], min-score: 1.5}
            """;

    private final RelevanceTagger tagger = new RelevanceTagger(
            TaxonomyReader.read(TAXONOMY.getBytes(StandardCharsets.UTF_8), "test.yaml"));

    @Test
    void matchesPhrasesOverAnalysedTokensWithFieldWeights() {
        Tagging tagging = this.tagger.tag("UK signs deal on Critical Minerals", "Critical-minerals supply chains",
                null);

        TagMatch match = tagging.tags().get(0);
        assertThat(match.tag()).isEqualTo("critical-minerals");
        assertThat(match.evidence()).containsExactly(new Evidence("critical minerals", "title", 4.0),
                new Evidence("critical minerals", "summary", 2.0));
        assertThat(match.score()).isEqualTo(6.0);
        assertThat(tagging.relevance()).isEqualTo(2);
        assertThat(tagging.taxonomyVersion()).matches("[0-9a-f]{12}");
    }

    @Test
    void countsATermOncePerFieldAndReportsSynonymsUnderTheirTerm() {
        Tagging tagging = this.tagger.tag("Rare earths", "rare earth elements and rare earths, again rare earths",
                null);

        assertThat(tagging.tags().get(0).evidence()).extracting(Evidence::term, Evidence::field)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("rare earths", "title"),
                    org.assertj.core.groups.Tuple.tuple("rare earths", "summary"));
    }

    @Test
    void matchesWholeTokensOnlyNeverSubstrings() {
        assertThat(this.tagger.tag("Steely resolve", "Steelworkers study critical mineralogy", null).tags()).isEmpty();
    }

    @Test
    void countsAContextTermOnlyWhenItsContextIsPresent() {
        assertThat(this.tagger.tag("Mining jobs", null, "Coal mining in Wales").tagNames()).isEmpty();
        assertThat(this.tagger.tag("Mining jobs", null, "Lithium and cobalt mining").tagNames())
            .containsExactly("critical-minerals");
    }

    @Test
    void vetoRulesATagOutWherePresent() {
        assertThat(this.tagger.tag("New sanctions on Russian metals", null, null).tagNames())
            .containsExactly("sanctions");
        assertThat(this.tagger.tag("Benefit sanctions rise", "Claimants from Russia", null).tagNames()).isEmpty();
    }

    @Test
    void negativeWeightsCancelAPhraseThatMeansSomethingElse() {
        assertThat(this.tagger.tag("Recycling steel cans", null, null).tagNames()).isEmpty();
        assertThat(this.tagger.tag("Steel output rises", null, null).tagNames()).containsExactly("steel-metals");
    }

    @Test
    void onlyWithTagsNeedOneOfTheirCompanions() {
        assertThat(this.tagger.tag("Consultation on pensions", null, null).tags()).isEmpty();
        Tagging tagging = this.tagger.tag("Consultation on critical minerals", null, null);
        assertThat(tagging.tagNames()).containsExactly("critical-minerals", "consultation");
        assertThat(tagging.relevance()).isEqualTo(3);
    }

    @Test
    void relevanceIsOneForTagsWithoutARuleAndZeroWithoutTags() {
        assertThat(this.tagger.tag("Steel output rises", null, null).relevance()).isEqualTo(1);
        assertThat(this.tagger.tag("Wimbledon ballot opens", "Tickets", "").relevance()).isZero();
    }

    @Test
    void refusesATermWithNoWordsToMatch() {
        String taxonomy = TAXONOMY.replace("terms: [consultation]", "terms: [\"--\"]");
        assertThatExceptionOfType(InvalidTaxonomyException.class).isThrownBy(
                () -> new RelevanceTagger(TaxonomyReader.read(taxonomy.getBytes(StandardCharsets.UTF_8), "test.yaml")))
            .withMessageContaining("'--' has no words to match");
    }

    @Test
    void findsOverlappingPhrasesAndForgetsNothingBetweenAnnouncements() {
        Tagging first = this.tagger.tag("Russian sanctions on steel cans", "Critical minerals", null);
        Tagging second = this.tagger.tag("Steel output", null, null);

        assertThat(first.tagNames()).containsExactly("critical-minerals", "sanctions");
        assertThat(second.tagNames()).containsExactly("steel-metals");
        assertThat(second.tags().get(0).evidence()).containsExactly(new Evidence("steel", "title", 2.0));
    }

    @Test
    void givesTheSameAnswerOnManyThreadsAtOnce() throws Exception {
        String title = "Critical minerals consultation";
        String summary = "Russian sanctions; lithium mining; not benefit sanctions";
        Tagging expected = this.tagger.tag(title, summary, "Steel cans and steel");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Tagging>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(threads.submit(() -> this.tagger.tag(title, summary, "Steel cans and steel")));
            }
            for (Future<Tagging> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
        finally {
            threads.shutdown();
        }
    }

}
