package org.herald.tagger.tagging;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.tagger.taxonomy.Taxonomy;
import org.herald.tagger.taxonomy.TaxonomyReader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ImplicationsTests {

    private static final String TAXONOMY = """
            fields: {title: 2, summary: 1, body: 0.5}
            tags:
              critical-minerals:
                threshold: 1
                terms:
                  - {term: critical minerals, weight: 2}
                  - lithium
                implies:
                  - {tag: aluminium, weight: 0.8, reason: Aluminium is on the UK Critical Minerals List}
              aluminium:
                threshold: 1
                terms: [aluminium]
                implies:
                  - {tag: packaging, reason: Drinks cans are aluminium}
              steel-metals:
                threshold: 1
                terms: [steel]
                implies:
                  - {tag: aluminium, weight: 0.5, reason: Metals markets move together}
              packaging:
                threshold: 1
                terms: [packaging]
              consultation:
                threshold: 1
                only-with: [aluminium]
                terms: [consultation]
            relevance:
              - {relevance: 3, any: [aluminium]}
              - {relevance: 2, any: [critical-minerals]}
            """;

    private final Taxonomy taxonomy = TaxonomyReader.read(TAXONOMY.getBytes(StandardCharsets.UTF_8), "test.yaml");

    private final RelevanceTagger tagger = new RelevanceTagger(this.taxonomy);

    @Test
    void addsTheImpliedTagWithTheChainAsEvidence() {
        Tagging tagging = tag("UK and US sign deal on critical minerals", "Lithium supply");

        assertThat(tagging.tagNames()).containsExactly("critical-minerals", "aluminium");
        TagMatch direct = tagging.tags().get(0);
        TagMatch implied = tagging.tags().get(1);
        assertThat(direct.implied()).isFalse();
        assertThat(implied.implied()).isTrue();
        assertThat(implied.score()).isEqualTo(direct.score() * 0.8);
        assertThat(implied.evidence()).hasSize(direct.evidence().size() + 1);
        assertThat(implied.evidence().subList(0, direct.evidence().size())).isEqualTo(direct.evidence());
        assertThat(implied.evidence().get(direct.evidence().size())).isEqualTo(new Evidence(Evidence.Kind.IMPLIED,
                "critical-minerals", "tag", 0.8, "Aluminium is on the UK Critical Minerals List", null));
    }

    @Test
    void leavesTheRelevanceAsTheDirectTagsMadeIt() {
        Tagging direct = this.tagger.tag("Critical minerals strategy", null, null);
        Tagging tagging = this.tagger.implications().apply(direct);

        assertThat(tagging.tagNames()).contains("aluminium");
        assertThat(tagging.relevance()).as("not 3, the rule for aluminium").isEqualTo(2).isEqualTo(direct.relevance());
        assertThat(tagging.taxonomyVersion()).isEqualTo(direct.taxonomyVersion());
    }

    @Test
    void impliesNothingFurtherFromAnImpliedTag() {
        Tagging tagging = tag("Critical minerals strategy", null);

        assertThat(tagging.tagNames()).as("aluminium implies packaging, but only when found in the text")
            .containsExactly("critical-minerals", "aluminium");
        assertThat(tag("Aluminium output rises", null).tagNames()).containsExactly("aluminium", "packaging");
    }

    @Test
    void neverFeedsOnlyWith() {
        assertThat(tag("Consultation on critical minerals", null).tagNames())
            .as("consultation is only-with aluminium, which is only implied")
            .containsExactly("critical-minerals", "aluminium");
        assertThat(tag("Consultation on aluminium", null).tagNames()).contains("aluminium", "consultation");
    }

    @Test
    void doesNotImplyATagFoundInTheText() {
        Tagging tagging = tag("Critical minerals and aluminium", null);

        TagMatch aluminium = tagging.tags().stream().filter((tag) -> tag.tag().equals("aluminium")).findFirst().get();
        assertThat(aluminium.implied()).isFalse();
        assertThat(aluminium.evidence()).extracting(Evidence::kind).containsOnly(Evidence.Kind.TERM);
        assertThat(tagging.tagNames()).containsOnlyOnce("aluminium");
        assertThat(tagging.relevance()).isEqualTo(3);
    }

    @Test
    void takesATagImpliedTwiceFromTheImplicationThatScoresHighest() {
        Tagging tagging = tag("Critical minerals and steel", null);

        List<TagMatch> implied = tagging.tags().stream().filter(TagMatch::implied).toList();
        assertThat(implied).extracting(TagMatch::tag).containsExactly("aluminium");
        assertThat(implied.get(0).evidence()).last()
            .extracting(Evidence::term)
            .as("critical minerals scores 4 x 0.8, steel 2 x 0.5")
            .isEqualTo("critical-minerals");
        assertThat(tagging.tagNames()).as("direct tags first").startsWith("critical-minerals", "steel-metals");
    }

    @Test
    void changesNothingWithoutADirectTagThatImplies() {
        Tagging direct = this.tagger.tag("Packaging rules", null, null);

        assertThat(this.tagger.implications().apply(direct)).isEqualTo(direct);
        Tagging none = this.tagger.tag("Wimbledon ballot opens", null, null);
        assertThat(this.tagger.implications().apply(none).tags()).isEmpty();
    }

    @Test
    void refusesATaggingOfAnotherTaxonomy() {
        Tagging other = new Tagging(List.of(), 0, "0123456789ab");

        assertThatIllegalArgumentException().isThrownBy(() -> this.tagger.implications().apply(other))
            .withMessageContaining("0123456789ab");
    }

    @Test
    void tagsAgainWhenTheTaxonomyIsReplacedBetweenTaggingAndImplying() {
        RelevanceTagger replacement = new RelevanceTagger(
                TaxonomyReader.read((TAXONOMY + "# edited\n").getBytes(StandardCharsets.UTF_8), "test.yaml"));
        ReloadableTagger reloadable = new ReloadableTagger(this.tagger);
        Tagger reloadedMidway = new Tagger() {

            private boolean reloaded;

            @Override
            public Tagging tag(@Nullable String title, @Nullable String summary, @Nullable String body,
                    @Nullable String url) {
                if (!this.reloaded) {
                    this.reloaded = true;
                    reloadable.replace(replacement);
                }
                return reloadable.tag(title, summary, body, url);
            }

            @Override
            public String taxonomyVersion() {
                return reloadable.taxonomyVersion();
            }

            @Override
            public Implications implications() {
                return reloadable.implications();
            }

        };

        Tagging tagging = Implications.tag(reloadedMidway, "Critical minerals", null, null, null);

        assertThat(tagging.taxonomyVersion()).isEqualTo(replacement.taxonomyVersion())
            .isNotEqualTo(this.tagger.taxonomyVersion());
        assertThat(tagging.tagNames()).containsExactly("critical-minerals", "aluminium");
    }

    private Tagging tag(String title, @Nullable String summary) {
        return Implications.tag(this.tagger, title, summary, null, null);
    }

}
