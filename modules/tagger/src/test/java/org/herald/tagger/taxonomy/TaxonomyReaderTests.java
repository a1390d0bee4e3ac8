package org.herald.tagger.taxonomy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TaxonomyReaderTests {

    private static final String VALID = """
            fields: {title: 2, summary: 1, body: 0.5}
            unstemmed: [packaging]
            definitions:
              metals: &metals [steel, copper]
            tags:
              aluminium:
                threshold: 1
                terms:
                  - aluminium
                  - {term: smelter, weight: 0.5, synonyms: [smelting], context: [*metals, aluminium]}
                  - {term: steel cans, weight: -1}
                vetoes: [aluminium foil art]
              consultation:
                threshold: 1.5
                only-with: [aluminium]
                terms: [consultation]
            relevance:
              - {relevance: 3, any: [aluminium], min-score: 2}
              - {relevance: 1, all: [aluminium, consultation]}
            """;

    @Test
    void readsTagsTermsAndRules() {
        Taxonomy taxonomy = read(VALID);

        assertThat(taxonomy.weight(Field.TITLE)).isEqualTo(2.0);
        assertThat(taxonomy.unstemmed()).containsExactly("packaging");
        TagDefinition aluminium = taxonomy.tags().get(0);
        assertThat(aluminium.name()).isEqualTo("aluminium");
        assertThat(aluminium.terms()).extracting(TermDefinition::term)
            .containsExactly("aluminium", "smelter", "steel cans");
        assertThat(aluminium.terms().get(0).weight()).isEqualTo(1.0);
        assertThat(aluminium.terms().get(1).context()).containsExactly("steel", "copper", "aluminium");
        assertThat(aluminium.terms().get(2).weight()).isEqualTo(-1.0);
        assertThat(aluminium.vetoes()).containsExactly("aluminium foil art");
        assertThat(taxonomy.tags().get(1).onlyWith()).containsExactly("aluminium");
        assertThat(taxonomy.relevanceRules()).extracting(RelevanceRule::relevance).containsExactly(3, 1);
        assertThat(taxonomy.relevanceRules().get(0).minScore()).isEqualTo(2.0);
    }

    @Test
    void readsATagsDescriptionAndExampleSentences() {
        Taxonomy taxonomy = read(
                VALID.replace("  aluminium:\n    threshold: 1\n", "  aluminium:\n    description: Aluminium itself.\n"
                        + "    examples: [A smelter opens., Imports of foil are investigated.]\n    threshold: 1\n"));

        TagDefinition aluminium = taxonomy.tags().get(0);
        assertThat(aluminium.description()).isEqualTo("Aluminium itself.");
        assertThat(aluminium.examples()).containsExactly("A smelter opens.", "Imports of foil are investigated.");
        assertThat(aluminium.prose()).containsExactly("Aluminium itself.", "A smelter opens.",
                "Imports of foil are investigated.");
        assertThat(taxonomy.tags().get(1).prose()).isEmpty();
    }

    @Test
    void readsTheAddressesThatAreASignOfATag() {
        Taxonomy taxonomy = read(VALID.replace("    only-with: [aluminium]\n",
                "    only-with: [aluminium]\n    addresses: [/consultations/, call-for-evidence]\n"));

        assertThat(taxonomy.tags().get(1).addresses()).containsExactly("/consultations/", "call-for-evidence");
        assertThat(taxonomy.tags().get(0).addresses()).isEmpty();
    }

    @Test
    void refusesAnAddressInUpperCaseOrWithSpaces() {
        for (String address : new String[] { "/Consultations/", "call for evidence" }) {
            assertThatExceptionOfType(InvalidTaxonomyException.class)
                .isThrownBy(() -> read(VALID.replace("    only-with: [aluminium]\n",
                        "    only-with: [aluminium]\n    addresses: [\"" + address + "\"]\n")))
                .withMessageContaining("tags.consultation.addresses: lists pieces of an address in lower case "
                        + "without spaces, not '" + address + "'");
        }
    }

    @Test
    void theVersionOfATaxonomyAndItsWeightsHashesBoth() {
        byte[] taxonomy = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] weights = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(TaxonomyReader.version(taxonomy)).isEqualTo(read(VALID).version());
        assertThat(TaxonomyReader.version(taxonomy, weights)).matches("[0-9a-f]{12}")
            .isNotEqualTo(TaxonomyReader.version(taxonomy))
            .isNotEqualTo(TaxonomyReader.version(taxonomy, "{ }".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void versionIsAContentHashOfTheFile() {
        String version = read(VALID).version();

        assertThat(version).matches("[0-9a-f]{12}");
        assertThat(read(VALID).version()).isEqualTo(version);
        assertThat(read(VALID + "# a comment\n").version()).isNotEqualTo(version);
    }

    @Test
    void namesAnUnknownKeyAndWhereItIs() {
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(VALID.replace("weight: 0.5", "wieght: 0.5")))
            .withMessageContaining("test.yaml")
            .withMessageContaining("tags.aluminium.terms[1]: unknown key 'wieght'");
    }

    @Test
    void namesAMissingKey() {
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(VALID.replace("    threshold: 1.5\n", "")))
            .withMessageContaining("tags.consultation: missing 'threshold'");
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(VALID.replace("fields: {title: 2, summary: 1, body: 0.5}", "")))
            .withMessageContaining("missing 'fields'");
    }

    @Test
    void refusesAWeightOfZeroAndAThresholdBelowZero() {
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(VALID.replace("weight: 0.5", "weight: 0")))
            .withMessageContaining("tags.aluminium.terms[1].weight: must be a number other than 0");
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(VALID.replace("threshold: 1.5", "threshold: -1")))
            .withMessageContaining("tags.consultation.threshold: must be a number above 0");
    }

    @Test
    void refusesARuleOrOnlyWithNamingAnUndefinedTag() {
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(VALID.replace("all: [aluminium, consultation]", "all: [aluminum]")))
            .withMessageContaining("relevance[1].all: names tag 'aluminum'");
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(VALID.replace("only-with: [aluminium]", "only-with: [steel]")))
            .withMessageContaining("tags.consultation.only-with: names tag 'steel'");
    }

    @Test
    void refusesARelevanceOutsideOneToThree() {
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(VALID.replace("relevance: 3", "relevance: 4")))
            .withMessageContaining("relevance[0].relevance: must be a whole number from 1 to 3");
    }

    @Test
    void refusesDuplicateKeysAndBrokenYaml() {
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(VALID.replace("  consultation:\n", "  aluminium:\n")))
            .withMessageContaining("duplicate key aluminium");
        assertThatExceptionOfType(InvalidTaxonomyException.class).isThrownBy(() -> read("tags: [unclosed"))
            .withMessageContaining("not valid YAML");
    }

    @Test
    void refusesTagNamesThatAreNotLowerCaseWords() {
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(VALID.replace("  consultation:\n", "  Consultation Tag:\n")
                .replace("all: [aluminium, consultation]", "all: [aluminium]")))
            .withMessageContaining("tag names are lower-case words joined by '-'");
    }

    private static final String IMPLYING = """
            fields: {title: 2, summary: 1, body: 0.5}
            tags:
              critical-minerals:
                threshold: 1
                terms: [critical minerals]
                implies:
                  - {tag: aluminium, weight: 0.8, reason: Aluminium is on the UK Critical Minerals List}
                  - {tag: steel-metals, reason: Steelmaking needs critical minerals}
              aluminium:
                threshold: 1
                terms: [aluminium]
              steel-metals:
                threshold: 1
                terms: [steel]
            relevance:
              - {relevance: 2, any: [critical-minerals]}
            """;

    @Test
    void readsImplicationsWithTheirWeightAndReason() {
        Taxonomy taxonomy = read(IMPLYING);

        assertThat(taxonomy.implications()).containsExactly(
                new Implication("critical-minerals", "aluminium", 0.8, "Aluminium is on the UK Critical Minerals List"),
                new Implication("critical-minerals", "steel-metals", 1.0, "Steelmaking needs critical minerals"));
        assertThat(read(VALID).implications()).isEmpty();
    }

    @Test
    void refusesAnImplicationOfAnUndefinedTag() {
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(IMPLYING.replace("{tag: aluminium,", "{tag: aluminum,")))
            .withMessageContaining("test.yaml is invalid")
            .withMessageContaining(
                    "tags.critical-minerals.implies[0].tag: names tag 'aluminum', which 'tags' does " + "not define");
    }

    @Test
    void refusesImplicationsThatGoRoundInACircle() {
        String twoTags = IMPLYING.replace("    terms: [aluminium]\n",
                "    terms: [aluminium]\n    implies: [{tag: critical-minerals, reason: Smelters use critical minerals}]\n");
        assertThatExceptionOfType(InvalidTaxonomyException.class).isThrownBy(() -> read(twoTags))
            .withMessageContaining("tags.aluminium.implies[0].tag: 'aluminium' implies 'critical-minerals', and the "
                    + "implications go round in a circle (critical-minerals -> aluminium -> critical-minerals)");
        String threeTags = IMPLYING
            .replace("    terms: [aluminium]\n",
                    "    terms: [aluminium]\n    implies: [{tag: steel-metals, reason: Alloys}]\n")
            .replace("    terms: [steel]\n",
                    "    terms: [steel]\n    implies: [{tag: critical-minerals, reason: Alloys again}]\n")
            .replace("      - {tag: steel-metals, reason: Steelmaking needs critical minerals}\n", "");
        assertThatExceptionOfType(InvalidTaxonomyException.class).isThrownBy(() -> read(threeTags))
            .withMessageContaining("tags.steel-metals.implies[0].tag")
            .withMessageContaining("(critical-minerals -> aluminium -> steel-metals -> critical-minerals)");
    }

    @Test
    void refusesATagImplyingItselfOrAnotherTwiceAndAnImplicationWithoutAReason() {
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(IMPLYING.replace("{tag: steel-metals,", "{tag: critical-minerals,")))
            .withMessageContaining("tags.critical-minerals.implies[1].tag: a tag cannot imply itself");
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(IMPLYING.replace("{tag: steel-metals,", "{tag: aluminium,")))
            .withMessageContaining("tags.critical-minerals.implies[1].tag: implies 'aluminium' a second time");
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(IMPLYING.replace(", reason: Steelmaking needs critical minerals", "")))
            .withMessageContaining("tags.critical-minerals.implies[1]: missing 'reason'");
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(IMPLYING.replace("weight: 0.8", "weight: 1.5")))
            .withMessageContaining("tags.critical-minerals.implies[0].weight: must be a number above 0 and at most 1");
        assertThatExceptionOfType(InvalidTaxonomyException.class)
            .isThrownBy(() -> read(IMPLYING.replace("weight: 0.8", "wieght: 0.8")))
            .withMessageContaining(
                    "tags.critical-minerals.implies[0]: unknown key 'wieght' (known keys: reason, tag, " + "weight)");
    }

    @Test
    void readsTheBundledTaxonomy() {
        Taxonomy taxonomy = TaxonomyReader.read(getClass().getResourceAsStream("/taxonomy/default.yaml"),
                "default.yaml");

        assertThat(taxonomy.tags()).extracting(TagDefinition::name)
            .containsExactlyInAnyOrder("aluminium", "critical-minerals", "steel-metals", "trade-tariffs", "sanctions",
                    "recycling-circularity", "energy-costs", "decarbonisation-carbon-pricing", "investment-funding",
                    "regulation-standards", "consultation", "defence-aerospace", "automotive-transport", "construction",
                    "packaging");
        assertThat(taxonomy.implications()).contains(new Implication("critical-minerals", "aluminium", 0.8,
                "Aluminium is on the UK Critical Minerals List"));
    }

    private static Taxonomy read(String yaml) {
        return TaxonomyReader.read(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

}
