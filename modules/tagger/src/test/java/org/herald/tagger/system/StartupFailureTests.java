package org.herald.tagger.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.herald.tagger.TaggerApplication;
import org.herald.tagger.tagging.InvalidModelException;
import org.herald.tagger.tagging.TermsOnlyWeights;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A tagger whose model, taxonomy or weights cannot be used does not start, and says why
 * in a short report (the failure analyzers) rather than a stack trace. The failure comes
 * before any broker is contacted.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

    private static final String TAXONOMY = """
            fields: {title: 2.0, summary: 1.0, body: 0.5}
            tags:
              aluminium: {threshold: 1.0, terms: [aluminium]}
            relevance:
              - {relevance: 3, any: [aluminium]}
            """;

    @TempDir
    Path dir;

    @Test
    void aModelFileThatIsNotAModelFailsStartUpNamingIt(CapturedOutput output) throws IOException {
        Path model = Files.writeString(this.dir.resolve("model.onnx"), "not an ONNX model");
        Path tokenizer = Files.writeString(this.dir.resolve("tokenizer.json"), "{}");

        assertThatThrownBy(
                () -> start("--herald.tagger.model=file:" + model, "--herald.tagger.model-tokenizer=file:" + tokenizer))
            .hasStackTraceContaining(InvalidModelException.class.getName());
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("The embedding model " + model)
            .contains("cannot be loaded")
            .contains("herald.tagger.model");
    }

    @Test
    void missingWeightsBesideTheTaxonomyFailStartUpNamingThem(CapturedOutput output) throws IOException {
        Path taxonomy = Files.writeString(this.dir.resolve("taxonomy.yaml"), TAXONOMY, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> start("--herald.tagger.taxonomy=file:" + taxonomy))
            .hasRootCauseInstanceOf(InvalidTaxonomyException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("taxonomy.weights.json")
            .contains("do not exist")
            .contains("fit");
    }

    @Test
    void weightsForAnotherTaxonomyFailStartUpNamingTheTag(CapturedOutput output) throws IOException {
        Path taxonomy = Files.writeString(this.dir.resolve("taxonomy.yaml"), TAXONOMY, StandardCharsets.UTF_8);
        TermsOnlyWeights.writeBeside(taxonomy, "steel-metals");

        assertThatThrownBy(() -> start("--herald.tagger.taxonomy=file:" + taxonomy))
            .hasRootCauseInstanceOf(InvalidTaxonomyException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("no weights for tag 'aluminium'")
            .contains("refit");
    }

    private static void start(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--spring.kafka.bootstrap-servers=127.0.0.1:1";
        all[args.length + 2] = "--spring.kafka.admin.fail-fast=false";
        new SpringApplicationBuilder(TaggerApplication.class).run(all).close();
    }

}
