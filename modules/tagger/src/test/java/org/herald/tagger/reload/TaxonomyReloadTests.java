package org.herald.tagger.reload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

import org.herald.tagger.tagging.TermsOnlyWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole tagger started on a taxonomy file: changing a term in the file and reloading
 * changes the tags the preview endpoint shows, and the taxonomy version with them; a
 * broken file is refused and the taxonomy in use stays.
 */
@SpringBootTest(properties = { "herald.admin-api-keys=admin-key", "herald.kafka.partitions=1" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, brokerProperties = { "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1", "auto.create.topics.enable=false" })
class TaxonomyReloadTests {

    private static final String TAXONOMY = """
            fields: {title: 2.0, summary: 1.0, body: 0.5}
            tags:
              aluminium:
                threshold: 1.0
                terms: [aluminium%s]
            relevance:
              - {relevance: 3, any: [aluminium]}
            """;

    private static final String SMELTER_NEWS = """
            {"title": "New smelter opens in the Highlands", "summary": "Production starts next year."}
            """;

    @TempDir
    static Path dir;

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void taxonomyFile(DynamicPropertyRegistry registry) throws IOException {
        write("");
        registry.add("herald.tagger.taxonomy", () -> "file:" + taxonomyFile());
    }

    @Test
    void aChangedTermChangesTheTagsAndTheVersionAfterAReload() throws Exception {
        write("");
        reload().andExpect(status().isOk());
        String before = version(
                preview().andExpect(jsonPath("$.tags").isEmpty()).andExpect(jsonPath("$.relevance").value(0)));

        write(", smelter");
        reload().andExpect(status().isOk())
            .andExpect(jsonPath("$.previousVersion").value(before))
            .andExpect(jsonPath("$.version", not(before)))
            .andExpect(jsonPath("$.changed").value(true));

        String after = version(preview().andExpect(jsonPath("$.tags[0].tag").value("aluminium"))
            .andExpect(jsonPath("$.tags[0].evidence[0].term").value("smelter"))
            .andExpect(jsonPath("$.relevance").value(3)));
        assertThat(after).isNotEqualTo(before).matches("[0-9a-f]{12}");

        reload().andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(after))
            .andExpect(jsonPath("$.changed").value(false));
    }

    @Test
    void aBrokenFileIsRefusedWithAProblemAndTheTaxonomyInUseStays() throws Exception {
        write(", smelter");
        reload().andExpect(status().isOk());
        String inUse = version(preview().andExpect(jsonPath("$.tags[0].tag").value("aluminium")));

        Files.writeString(taxonomyFile(), TAXONOMY.formatted("").replace("threshold", "treshold"),
                StandardCharsets.UTF_8);
        reload().andExpect(status().isUnprocessableContent())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.detail", containsString("unknown key 'treshold'")))
            .andExpect(jsonPath("$.detail", containsString(taxonomyFile().getFileName().toString())))
            .andExpect(jsonPath("$.taxonomyVersion").value(inUse));

        preview().andExpect(jsonPath("$.tags[0].tag").value("aluminium"))
            .andExpect(jsonPath("$.taxonomyVersion").value(inUse));
    }

    @Test
    void reloadingNeedsAnAdminKey() throws Exception {
        this.mvc.perform(post("/api/v1/tagging/taxonomy/reload")).andExpect(status().isUnauthorized());
        this.mvc.perform(post("/api/v1/tagging/taxonomy/reload").header("Authorization", "Bearer not-a-key"))
            .andExpect(status().isUnauthorized());
    }

    private ResultActions preview() throws Exception {
        return this.mvc
            .perform(post("/api/v1/tagging/preview").header("Authorization", "Bearer admin-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content(SMELTER_NEWS))
            .andExpect(status().isOk());
    }

    private ResultActions reload() throws Exception {
        return this.mvc.perform(post("/api/v1/tagging/taxonomy/reload").header("Authorization", "Bearer admin-key"));
    }

    private static String version(ResultActions preview) throws Exception {
        String json = preview.andReturn().getResponse().getContentAsString();
        return JsonMapper.shared().readTree(json).get("taxonomyVersion").stringValue();
    }

    @Test
    void brokenWeightsAreRefusedWithAProblemAndTheTaxonomyInUseStays() throws Exception {
        write(", smelter");
        reload().andExpect(status().isOk());
        String inUse = version(preview().andExpect(jsonPath("$.tags[0].tag").value("aluminium")));

        Path weights = TermsOnlyWeights.writeBeside(taxonomyFile(), "aluminium");
        Files.writeString(weights, Files.readString(weights).replace("\"passed\"", "\"pased\""));
        reload().andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail", containsString("taxonomy.weights.json")))
            .andExpect(jsonPath("$.detail", containsString("pased")))
            .andExpect(jsonPath("$.taxonomyVersion").value(inUse));

        Files.delete(weights);
        reload().andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail", containsString("do not exist")))
            .andExpect(jsonPath("$.taxonomyVersion").value(inUse));
        preview().andExpect(jsonPath("$.taxonomyVersion").value(inUse));
        TermsOnlyWeights.writeBeside(taxonomyFile(), "aluminium");
    }

    @Test
    void theVersionHashesTheWeightsToo() throws Exception {
        write(", smelter");
        reload().andExpect(status().isOk());
        String before = version(preview());

        Path weights = TermsOnlyWeights.writeBeside(taxonomyFile(), "aluminium");
        Files.writeString(weights, Files.readString(weights).replace("\"threshold\" : 0.5", "\"threshold\" : 0.6"));
        reload().andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(true));
        assertThat(version(preview())).isNotEqualTo(before);
        TermsOnlyWeights.writeBeside(taxonomyFile(), "aluminium");
    }

    private static void write(String extraTerms) throws IOException {
        TermsOnlyWeights.writeBeside(taxonomyFile(), "aluminium");
        Files.writeString(taxonomyFile(), TAXONOMY.formatted(extraTerms), StandardCharsets.UTF_8);
    }

    private static Path taxonomyFile() {
        return dir.resolve("taxonomy.yaml");
    }

}
