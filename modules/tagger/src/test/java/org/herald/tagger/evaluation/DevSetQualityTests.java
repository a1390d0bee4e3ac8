package org.herald.tagger.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.herald.tagger.tagging.RelevanceTagger;
import org.herald.tagger.taxonomy.TaxonomyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality gate: the bundled taxonomy on the labelled development set. Deterministic: the same
 * taxonomy and data always give the same figures.
 */
class DevSetQualityTests {

    @TempDir
    Path dir;

    @Test
    void bundledTaxonomyMeetsTheQualityTargetsOnTheDevelopmentSet() throws IOException {
        Path labels = this.dir.resolve("announcements-dev.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/data/announcements-dev.jsonl")) {
            Files.copy(in, labels);
        }
        EvaluationReport report;
        try (RelevanceTagger tagger = new RelevanceTagger(
                TaxonomyReader.read(getClass().getResourceAsStream("/taxonomy/default.yaml"), "default.yaml"))) {
            report = Evaluation.run(tagger, LabelsFile.read(labels));
        }

        assertThat(report.items()).isEqualTo(61);
        assertThat(report.microF1()).as("micro-F1").isGreaterThanOrEqualTo(0.85);
        assertThat(report.relevantAccuracy()).as("relevant-vs-irrelevant accuracy").isGreaterThanOrEqualTo(0.95);
    }

}
