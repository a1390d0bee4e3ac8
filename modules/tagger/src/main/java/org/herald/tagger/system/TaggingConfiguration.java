package org.herald.tagger.system;

import org.herald.tagger.reload.TaxonomyReloading;
import org.herald.tagger.reload.TaxonomySource;
import org.herald.tagger.reload.TaxonomyWatcher;
import java.io.IOException;

import org.herald.tagger.tagging.Embedder;
import org.herald.tagger.tagging.InvalidModelException;
import org.herald.tagger.tagging.MiniLmEmbedder;
import org.herald.tagger.tagging.ReloadableTagger;

import org.springframework.core.io.Resource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the embedding model and reads the taxonomy and its fitted weights at start-up,
 * and makes the tagger of them, which {@link TaxonomyReloading} can give a new taxonomy
 * later (from the reload endpoint, or from a {@link TaxonomyWatcher} when
 * {@code herald.tagger.reload-interval} is set). A missing or invalid taxonomy, weights
 * file or model fails start-up with a message that names the problem.
 */
@Configuration(proxyBeanMethods = false)
class TaggingConfiguration {

    @Bean
    TaxonomySource taxonomySource(TaggingProperties properties) {
        return new TaxonomySource(properties.taxonomy());
    }

    @Bean
    Embedder embedder(TaggingProperties properties) {
        if (properties.model() == null || properties.modelTokenizer() == null) {
            return MiniLmEmbedder.bundled();
        }
        return MiniLmEmbedder.fromFiles(file(properties.model(), "herald.tagger.model"),
                file(properties.modelTokenizer(), "herald.tagger.model-tokenizer"));
    }

    private static java.nio.file.Path file(Resource resource, String key) {
        try {
            return resource.getFile().toPath();
        }
        catch (IOException ex) {
            throw new InvalidModelException(
                    key + " must be a file in the file system (file:...), was " + resource.getDescription(), ex);
        }
    }

    @Bean
    ReloadableTagger relevanceTagger(TaxonomySource source, Embedder embedder) {
        return new ReloadableTagger(TaxonomyReloading.load(source, embedder));
    }

    @Bean
    TaxonomyReloading taxonomyReloading(TaxonomySource source, ReloadableTagger tagger, Embedder embedder) {
        return new TaxonomyReloading(source, tagger, embedder);
    }

    @Bean
    TaxonomyWatcher taxonomyWatcher(TaxonomyReloading reloading, TaggingProperties properties) {
        return new TaxonomyWatcher(reloading, properties.reloadInterval());
    }

}
