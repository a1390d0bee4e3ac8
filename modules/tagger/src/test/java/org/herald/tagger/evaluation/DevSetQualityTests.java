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
 * The quality gate: the bundled taxonomy on the labelled development set. Deterministic:
 * the same taxonomy and data always give the same figures. The first test holds the
 * issue's thresholds (micro-F1 0.85, relevant-vs-irrelevant accuracy 0.95); the second
 * the level achieved, less a small margin.
 */
class DevSetQualityTests {

    @TempDir
    Path dir;

    @Test
    void bundledTaxonomyMeetsTheQualityTargetsOnTheDevelopmentSet() throws IOException {
        EvaluationReport report = evaluateBundledTaxonomy();

        assertThat(report.items()).isEqualTo(61);
        assertThat(report.microF1()).as("micro-F1").isGreaterThanOrEqualTo(0.85);
        assertThat(report.relevantAccuracy()).as("relevant-vs-irrelevant accuracy").isGreaterThanOrEqualTo(0.95);
    }

    /**
     * A ratchet above the gate, at the "done" level: the bundled taxonomy reaches
     * micro-F1 0.911 and relevant-vs-irrelevant accuracy 1.000 on this set, and must keep
     * micro-F1 0.90 and accuracy 0.97. The margin (about one tag decision of F1, one
     * announcement's relevance call) leaves room for a change that trades one decision
     * for a better one elsewhere. Raise it when the taxonomy improves; docs/tagging.md
     * says so.
     */
    @Test
    void bundledTaxonomyKeepsItsAchievedLevelOnTheDevelopmentSet() throws IOException {
        EvaluationReport report = evaluateBundledTaxonomy();

        assertThat(report.microF1()).as("micro-F1").isGreaterThanOrEqualTo(0.90);
        assertThat(report.relevantAccuracy()).as("relevant-vs-irrelevant accuracy").isGreaterThanOrEqualTo(0.97);
    }

    private EvaluationReport evaluateBundledTaxonomy() throws IOException {
        Path labels = this.dir.resolve("announcements-dev.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/data/announcements-dev.jsonl")) {
            Files.copy(in, labels);
        }
        try (RelevanceTagger tagger = new RelevanceTagger(
                TaxonomyReader.read(getClass().getResourceAsStream("/taxonomy/default.yaml"), "default.yaml"))) {
            return Evaluation.run(tagger, LabelsFile.read(labels));
        }
    }

}
