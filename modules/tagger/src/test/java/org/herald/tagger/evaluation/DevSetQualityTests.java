package org.herald.tagger.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.herald.tagger.tagging.MiniLmEmbedder;
import org.herald.tagger.tagging.RelevanceTagger;
import org.herald.tagger.tagging.SignalReader;
import org.herald.tagger.tagging.Signals;
import org.herald.tagger.taxonomy.TaxonomyReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality gate, on cross-validated figures: the bundled taxonomy and the combined
 * tagger, 5-fold cross-validated over the committed labelled set
 * ({@code data/labelled.jsonl}), each fold tagged with weights fitted on the other four
 * only. In-sample figures (the bundled weights on the items they were fitted on) flatter
 * the tagger and are not asserted on. Deterministic: the same taxonomy and data always
 * give the same folds and figures.
 */
class DevSetQualityTests {

    @TempDir
    static Path dir;

    private static EvaluationReport crossValidated;

    /** The same over the 589 items labelled before the {@code l13-} round. */
    private static EvaluationReport crossValidatedBefore;

    @BeforeAll
    static void crossValidate() throws IOException {
        Path labels = dir.resolve("labelled.jsonl");
        try (InputStream in = DevSetQualityTests.class.getResourceAsStream("/data/labelled.jsonl")) {
            Files.copy(in, labels);
        }
        try (SignalReader reader = new SignalReader(TaxonomyReader
            .read(DevSetQualityTests.class.getResourceAsStream("/taxonomy/default.yaml"), "default.yaml"),
                MiniLmEmbedder.bundled())) {
            List<LabelledAnnouncement> items = LabelsFile.read(labels);
            List<Signals> signals = LabelledAnnouncement.signals(reader, items);
            crossValidated = CrossValidation.run(reader, items, signals, 5, CrossValidation.SEED);
            List<LabelledAnnouncement> before = new ArrayList<>();
            List<Signals> beforeSignals = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).id().matches("l1[345]-.*")) {
                    before.add(items.get(i));
                    beforeSignals.add(signals.get(i));
                }
            }
            crossValidatedBefore = CrossValidation.run(reader, before, beforeSignals, 5, CrossValidation.SEED);
        }
    }

    /**
     * The level reached by cross-validation, less a margin of a few decisions: the
     * combined tagger (terms, embeddings, the word model, the address and the relevance
     * gate) reaches micro-F1 0.897 and relevant-vs-irrelevant accuracy 0.965 over the 733
     * labelled items (0.895 and 0.965, 0.903 and 0.966 on two other shufflings of the
     * folds), with the 48 {@code l13-}, 49 {@code l14-} and 47 {@code l15-} items added
     * to the 589 (docs/tagging.md). Over the 589 it was 0.892 and 0.973 (0.898 and 0.973,
     * 0.893 and 0.973), when the floors were 0.889 and 0.970 over at least 585 items;
     * they are now three decisions below this shuffling's figures (the new items are
     * harder for the gate: look-alikes in the sector's words and terse relevant texts).
     * The target is 0.90 and 0.97; raise this ratchet as the model, the
     * taxonomy's examples and the labelled set improve.
     */
    @Test
    void theCombinedTaggerKeepsItsCrossValidatedLevel() {
        assertThat(crossValidated.items()).isGreaterThanOrEqualTo(725);
        assertThat(crossValidated.microF1()).as("cross-validated micro-F1").isGreaterThanOrEqualTo(0.894);
        assertThat(crossValidated.relevantAccuracy()).as("cross-validated relevant-vs-irrelevant accuracy")
            .isGreaterThanOrEqualTo(0.962);
    }

    /**
     * The floors of the 589 items labelled before the {@code l13-} round hold on them
     * still: the floors above are lower because the items added since are harder (terse
     * relevant texts, look-alikes in the sector's words), not because the tagger lost
     * ground on the items it had (0.896 and 0.973 on them, docs/tagging.md).
     */
    @Test
    void theItemsLabelledBeforeKeepTheirFloors() {
        assertThat(crossValidatedBefore.items()).isEqualTo(589);
        assertThat(crossValidatedBefore.microF1()).as("cross-validated micro-F1 over the 589")
            .isGreaterThanOrEqualTo(0.889);
        assertThat(crossValidatedBefore.relevantAccuracy())
            .as("cross-validated relevant-vs-irrelevant accuracy over the 589")
            .isGreaterThanOrEqualTo(0.970);
    }

    /**
     * The learned signal must earn its place: it beats the terms alone on unseen folds.
     */
    @Test
    void theCombinedTaggerBeatsTheTermsAlone() throws IOException {
        Path labels = dir.resolve("labelled.jsonl");
        try (RelevanceTagger terms = new RelevanceTagger(TaxonomyReader
            .read(DevSetQualityTests.class.getResourceAsStream("/taxonomy/default.yaml"), "default.yaml"))) {
            EvaluationReport termsOnly = Evaluation.run(terms, LabelsFile.read(labels));
            assertThat(crossValidated.microF1()).isGreaterThan(termsOnly.microF1());
            assertThat(crossValidated.microRecall()).isGreaterThan(termsOnly.microRecall());
        }
    }

}
