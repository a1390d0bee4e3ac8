package org.herald.tagger.tagging;

import org.herald.events.Evidence;
import org.herald.events.TagMatch;
import org.herald.tagger.taxonomy.TaxonomyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled taxonomy on the kinds of text that trap a naive tagger. The texts are
 * written for these tests, not taken from the evaluation data.
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

    /**
     * The MoU as GOV.UK published it (the README's text): it never says "aluminium", yet
     * aluminium follows from critical-minerals, implied, and the relevance stays that of
     * critical-minerals.
     */
    @Test
    void impliesAluminiumForTheMouAsPublishedWithoutRaisingItsRelevance() {
        String summary = "The UK and US have signed a Memorandum of Understanding to secure critical mineral supply "
                + "chains: responsible sourcing and processing, investment in mining, processing and recycling "
                + "capacity, and sharing policy and regulatory practice. A Mining, Minerals and Metals Investment "
                + "Ministerial will follow within six months.";
        assertThat(summary).doesNotContainIgnoringCase("alumin");

        Tagging tagging = Implications.tag(this.tagger,
                "UK and US sign Memorandum of Understanding on critical minerals", summary, null, null);

        TagMatch aluminium = tagging.tags().get(tagging.tagNames().indexOf("aluminium"));
        assertThat(aluminium.implied()).isTrue();
        assertThat(aluminium.evidence()).extracting(Evidence::kind)
            .startsWith(Evidence.Kind.TERM)
            .endsWith(Evidence.Kind.IMPLIED);
        assertThat(tagging.tags().stream().filter((tag) -> !tag.implied()).map(TagMatch::tag))
            .contains("critical-minerals")
            .doesNotContain("aluminium");
        assertThat(tagging.relevance()).isEqualTo(2);
    }

    @Test
    void benefitSanctionsAreNotSanctions() {
        Tagging tagging = this.tagger
            .tag("Benefit sanctions data published",
                    "Figures show how many Universal Credit claimants had a sanction applied, including those "
                            + "who failed to attend a jobcentre appointment or refused to take up an offer of work.",
                    null);

        assertThat(tagging.tagNames()).doesNotContain("sanctions");
    }

    /** "Non-domestic" is how energy rules name business customers. */
    @Test
    void energyBillsOfNonDomesticCustomersAreEnergyCosts() {
        Tagging tagging = this.tagger.tag("Help with energy bills for non-domestic customers",
                "Suppliers will cut the energy bills of non-domestic customers on fixed contracts this winter.", null);

        assertThat(tagging.tagNames()).contains("energy-costs");
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

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            textBlock = """
                    NHS to get 250 million for new hospital buildings | The funding will pay for new wards and repairs to buildings across England.
                    Police get 100 million to tackle knife crime | Forces will receive an extra 100 million in funding to combat violent crime.
                    Armed Forces Day celebrated across the country | Veterans and serving members of the armed forces were thanked at events in every region.
                    Ministry of Defence launches armed forces recruitment campaign | The MOD wants more recruits for the army, navy and RAF.
                    Council approves plans for new leisure centre | The council has given the go-ahead for the pool on the site of the former library.
                    Two million people waiting for GP appointments | Patients in England wait weeks for appointments.
                    Rail fares to rise in March | Train passengers will pay more for season tickets.
                    State pension age review: proposals published | The government proposes raising the state pension age and invites views.
                    """)
    void leavesAnnouncementsOutsideTheSectorIrrelevant(String title, String summary) {
        Tagging tagging = this.tagger.tag(title, summary, null);

        assertThat(tagging.tags()).as(title).isEmpty();
        assertThat(tagging.relevance()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            textBlock = """
                    Defence procurement boost for UK supply chains | The Ministry of Defence will buy more munitions from British manufacturers. | defence-aerospace
                    Aerospace supply chain gets new support | Aircraft component makers will benefit from a programme to raise productivity. | defence-aerospace
                    Zero emission vehicle mandate: changes confirmed | New targets for manufacturers' sales of cars and vans. | automotive-transport
                    New trains to be built in the Midlands | The rolling stock order secures manufacturing jobs. | automotive-transport
                    Construction products reform | Government seeks views on the regulation of construction products. | construction
                    Funding competition opens for low carbon manufacturing | Grants are available to manufacturers. | investment-funding
                    Call for evidence on industrial electricity prices | Government seeks views from energy intensive industries. | consultation
                    """)
    void recognisesTheSectorsVocabulary(String title, String summary, String tag) {
        assertThat(this.tagger.tag(title, summary, null).tagNames()).as(title).contains(tag);
    }

}
