package org.herald.tagger.reload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.herald.tagger.tagging.Embedder;
import org.herald.tagger.tagging.MiniLmEmbedder;
import org.herald.tagger.tagging.ReloadableTagger;
import org.herald.tagger.tagging.TermsOnlyWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Watching a taxonomy file: an edit takes effect within the interval; a broken edit
 * leaves the taxonomy in use, and the next good one takes effect again.
 */
class TaxonomyWatcherTests {

    private static final String TAXONOMY = """
            fields: {title: 2.0, summary: 1.0, body: 0.5}
            tags:
              steel-metals:
                threshold: 1.0
                terms: [%s]
            relevance:
              - {relevance: 2, any: [steel-metals]}
            """;

    private static final Embedder EMBEDDER = MiniLmEmbedder.bundled();

    @TempDir
    Path dir;

    @Test
    void anEditedFileTakesEffectWithinTheInterval() throws IOException {
        Path file = write("steel");
        ReloadableTagger tagger = tagger(file);

        try (TaxonomyWatcher watcher = new TaxonomyWatcher(reloading(file, tagger), Duration.ofMillis(50))) {
            assertThat(tagger.tag("Copper prices rise", null, null).tags()).isEmpty();
            write("steel, copper");

            await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(tagger.tag("Copper prices rise", null, null).tagNames())
                    .containsExactly("steel-metals"));
        }
    }

    @Test
    void aBrokenEditLeavesTheTaxonomyInUseUntilTheFileIsMended() throws IOException {
        Path file = write("steel");
        ReloadableTagger tagger = tagger(file);
        String first = tagger.taxonomyVersion();

        try (TaxonomyWatcher watcher = new TaxonomyWatcher(reloading(file, tagger), Duration.ofMillis(50))) {
            Files.writeString(file, "fields: [not, a, mapping", StandardCharsets.UTF_8);
            watcher.check();
            assertThat(tagger.taxonomyVersion()).isEqualTo(first);
            assertThat(tagger.tag("Steel output falls", null, null).tagNames()).containsExactly("steel-metals");

            write("nickel");
            await().atMost(Duration.ofSeconds(10)).until(() -> !tagger.taxonomyVersion().equals(first));
            assertThat(tagger.tag("Nickel output falls", null, null).tagNames()).containsExactly("steel-metals");
        }
    }

    @Test
    void aZeroIntervalWatchesNothing() throws IOException {
        Path file = write("steel");
        ReloadableTagger tagger = tagger(file);
        String first = tagger.taxonomyVersion();

        try (TaxonomyWatcher watcher = new TaxonomyWatcher(reloading(file, tagger), Duration.ZERO)) {
            write("copper");
            await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(1))
                .until(() -> tagger.taxonomyVersion().equals(first));
        }
    }

    private Path write(String terms) throws IOException {
        Path file = this.dir.resolve("taxonomy.yaml");
        TermsOnlyWeights.writeBeside(file, "steel-metals");
        return Files.writeString(file, TAXONOMY.formatted(terms), StandardCharsets.UTF_8);
    }

    private static ReloadableTagger tagger(Path file) {
        return new ReloadableTagger(TaxonomyReloading.load(source(file), EMBEDDER));
    }

    private static TaxonomyReloading reloading(Path file, ReloadableTagger tagger) {
        return new TaxonomyReloading(source(file), tagger, EMBEDDER);
    }

    private static TaxonomySource source(Path file) {
        return new TaxonomySource(new FileSystemResource(file));
    }

}
