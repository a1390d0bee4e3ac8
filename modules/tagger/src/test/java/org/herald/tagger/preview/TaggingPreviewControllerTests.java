package org.herald.tagger.preview;

import org.herald.support.HeraldSupportAutoConfiguration;
import org.herald.tagger.tagging.CombinedTagger;
import org.herald.tagger.tagging.MiniLmEmbedder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(TaggingPreviewController.class)
@ImportAutoConfiguration(HeraldSupportAutoConfiguration.class)
@TestPropertySource(properties = "herald.admin-api-keys=admin-key")
class TaggingPreviewControllerTests {

    private static final String PATH = "/api/v1/tagging/preview";

    private static final String MOU = """
            {"title": "UK and US sign Memorandum of Understanding on critical minerals",
             "summary": "Securing critical mineral supply chains; responsible sourcing and processing; investment in mining, processing and recycling capacity.",
             "body": null}
            """;

    @Autowired
    private MockMvc mvc;

    @Test
    void answersTheTagsEvidenceRelevanceAndTaxonomyVersion() throws Exception {
        this.mvc
            .perform(post(PATH).header("Authorization", "Bearer admin-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content(MOU))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.tags[0].tag").value("critical-minerals"))
            .andExpect(jsonPath("$.tags[0].evidence[0].term").value("critical minerals"))
            .andExpect(jsonPath("$.tags[0].evidence[0].field").value("title"))
            .andExpect(jsonPath("$.tags[0].evidence[0].weight").isNumber())
            .andExpect(jsonPath("$.tags[0].evidence[?(@.kind == 'SIMILARITY')].sentence").isNotEmpty())
            .andExpect(jsonPath("$.tags[0].evidence[?(@.kind == 'SIMILARITY')].example").isNotEmpty())
            .andExpect(jsonPath("$.tags[0].evidence[?(@.kind == 'SIMILARITY')].weight").isNotEmpty())
            .andExpect(jsonPath("$.relevance").value(2))
            .andExpect(jsonPath("$.taxonomyVersion", matchesPattern("[0-9a-f]{12}")));
    }

    @Test
    void showsAnImpliedTagWithItsChainInPlainWords() throws Exception {
        this.mvc
            .perform(post(PATH).header("Authorization", "Bearer admin-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content(MOU))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.tags[?(@.tag == 'aluminium')].implied").value(true))
            .andExpect(jsonPath("$.tags[?(@.tag == 'aluminium')].evidence[-1:].kind").value("IMPLIED"))
            .andExpect(jsonPath("$.tags[?(@.tag == 'aluminium')].evidence[-1:].term").value("critical-minerals"))
            .andExpect(jsonPath("$.tags[?(@.tag == 'aluminium')].evidence[-1:].field").value("tag"))
            .andExpect(jsonPath("$.tags[?(@.tag == 'critical-minerals')].implied").value(false))
            .andExpect(jsonPath("$.why",
                    hasItem(matchesPattern("critical-minerals: \"critical minerals\" in the title; .*"))))
            .andExpect(jsonPath("$.why", hasItem(matchesPattern("aluminium — implied by critical-minerals \\(matched "
                    + "\"critical minerals\" in the title; .*\\): Aluminium is on the UK Critical Minerals List"))))
            .andExpect(jsonPath("$.relevance").value(2));
    }

    /**
     * A consultation's address is evidence for {@code consultation} (the tag's
     * {@code addresses}), shown beside its terms; without the address it is not.
     */
    @Test
    void showsTheAddressAsEvidenceWhenItIsASignOfTheTag() throws Exception {
        String consultation = """
                {"title": "Steel safeguard: consultation on extending the measure",
                 "summary": "The government seeks views from steel producers and importers on extending the steel safeguard for two more years.",
                 "url": "https://www.gov.uk/government/consultations/steel-safeguard-extension"}
                """;
        this.mvc
            .perform(post(PATH).header("Authorization", "Bearer admin-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content(consultation))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.tags[?(@.tag == 'consultation')].evidence[?(@.field == 'address')].term")
                .value("consult"))
            .andExpect(jsonPath("$.why", hasItem(matchesPattern("consultation: .*\"consult\" in the address.*"))));
        this.mvc
            .perform(post(PATH).header("Authorization", "Bearer admin-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content(consultation.replace("consultations/", "news/")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.tags[?(@.tag == 'consultation')]").isNotEmpty())
            .andExpect(jsonPath("$.tags[?(@.tag == 'consultation')].evidence[?(@.field == 'address')]").isEmpty());
    }

    @Test
    void refusesARequestWithoutAKey() throws Exception {
        this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(MOU))
            .andExpect(status().isUnauthorized())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesAnUnknownKey() throws Exception {
        this.mvc
            .perform(post(PATH).header("Authorization", "Bearer not-a-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content(MOU))
            .andExpect(status().isUnauthorized());
    }

    @Test
    void listsEachInvalidFieldInAProblem() throws Exception {
        this.mvc
            .perform(post(PATH).header("Authorization", "Bearer admin-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \" \", \"summary\": \"Critical minerals\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(400))
            .andExpect(jsonPath("$.errors[0].field").value("title"))
            .andExpect(jsonPath("$.errors[*].message", hasItem("must not be blank")));
    }

    @Test
    void answersABodyThatIsNotJsonWithAProblem() throws Exception {
        this.mvc
            .perform(post(PATH).header("Authorization", "Bearer admin-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": "))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesAContentTypeThatIsNotJson() throws Exception {
        this.mvc
            .perform(post(PATH).header("Authorization", "Bearer admin-key")
                .contentType(MediaType.TEXT_PLAIN)
                .content("critical minerals"))
            .andExpect(status().isUnsupportedMediaType())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class BundledTaxonomy {

        @Bean
        CombinedTagger combinedTagger() throws java.io.IOException {
            try (var taxonomy = BundledTaxonomy.class.getResourceAsStream("/taxonomy/default.yaml");
                    var weights = BundledTaxonomy.class.getResourceAsStream("/taxonomy/default.weights.json")) {
                return CombinedTagger.load(taxonomy.readAllBytes(), "default.yaml", weights.readAllBytes(),
                        "default.weights.json", MiniLmEmbedder.bundled());
            }
        }

    }

}
