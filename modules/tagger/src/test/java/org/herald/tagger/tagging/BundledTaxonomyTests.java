package org.herald.tagger.tagging;

import org.herald.tagger.taxonomy.TaxonomyReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled taxonomy on the kinds of text that trap a naive tagger. The texts are written for these
 * tests, not taken from the evaluation data.
 */
class BundledTaxonomyTests {

    private final RelevanceTagger tagger = new RelevanceTagger(
            TaxonomyReader.read(getClass().getResourceAsStream("/taxonomy/default.yaml"), "default.yaml"));

    @Test
    void givesTheCriticalMineralsMouCriticalMineralsAndNeighbouringRelevance() {
        Tagging tagging = this.tagger.tag("UK and US sign Memorandum of Understanding on critical minerals",
                "Securing critical mineral supply chains; responsible sourcing and processing; investment in mining, "
                        + "processing and recycling capacity; sharing policy and regulatory practice; a Mining, "
                        + "Minerals and Metals Investment Ministerial within six months.",
                null);

        assertThat(tagging.tagNames()).first().isEqualTo("critical-minerals");
        assertThat(tagging.relevance()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void benefitSanctionsAreNotSanctions() {
        Tagging tagging = this.tagger.tag("Benefit sanctions data published",
                "Figures show how many Universal Credit claimants had a sanction applied, including those "
                        + "who failed to attend a jobcentre appointment or refused to take up an offer of work.",
                null);

        assertThat(tagging.tagNames()).doesNotContain("sanctions");
    }

    @Test
    void householdPriceCapIsNotIndustrialEnergyCosts() {
        Tagging tagging = this.tagger.tag("Energy price cap to fall from April",
                "The regulator confirmed the household energy price cap will fall, lowering typical energy bills.",
                null);

        assertThat(tagging.tagNames()).doesNotContain("energy-costs");
        assertThat(tagging.relevance()).isZero();
    }

    @Test
    void producerResponsibilityForTextilesIsNotPackaging() {
        Tagging tagging = this.tagger.tag("Extended producer responsibility for textiles",
                "Government seeks views on making clothing producers pay for the collection and recycling of "
                        + "textiles at the end of their life.",
                null);

        assertThat(tagging.tagNames()).contains("recycling-circularity").doesNotContain("packaging");
    }

    @Test
    void aluminiumTariffsAreDirectlyRelevant() {
        Tagging tagging = this.tagger.tag("US raises Section 232 tariffs on aluminium imports",
                "Aluminum and steel derivative products face higher duties.", null);

        assertThat(tagging.tagNames()).contains("aluminium", "trade-tariffs", "steel-metals");
        assertThat(tagging.relevance()).isEqualTo(3);
    }

    @Test
    void aConsultationOnSomethingElseIsIrrelevant() {
        Tagging tagging = this.tagger.tag("Consultation on school uniform guidance",
                "The Department for Education seeks views on new statutory guidance for schools.", null);

        assertThat(tagging.tags()).isEmpty();
        assertThat(tagging.relevance()).isZero();
    }

    @Test
    void tradeDefencesAreNotDefence() {
        Tagging tagging = this.tagger.tag("New trade strategy strengthens trade defences",
                "Tougher trade defence tools will protect producers from unfair imports.", null);

        assertThat(tagging.tagNames()).contains("trade-tariffs").doesNotContain("defence-aerospace");
    }

}
