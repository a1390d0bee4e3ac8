package org.herald.tagger.system;

import org.herald.tagger.reload.TaxonomyReloading;
import org.herald.tagger.reload.TaxonomySource;
import org.herald.tagger.reload.TaxonomyWatcher;
import org.herald.tagger.tagging.RelevanceTagger;
import org.herald.tagger.tagging.ReloadableTagger;
import org.herald.tagger.taxonomy.TaxonomyReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the taxonomy at start-up and makes the tagger of it, which
 * {@link TaxonomyReloading} can give a new taxonomy later (from the reload endpoint, or
 * from a {@link TaxonomyWatcher} when {@code herald.tagger.reload-interval} is set). A
 * missing or invalid taxonomy fails start-up with a message that names the problem.
 */
@Configuration(proxyBeanMethods = false)
class TaggingConfiguration {

    @Bean
    TaxonomySource taxonomySource(TaggingProperties properties) {
        return new TaxonomySource(properties.taxonomy());
    }

    @Bean
    ReloadableTagger relevanceTagger(TaxonomySource source) {
        return new ReloadableTagger(new RelevanceTagger(TaxonomyReader.read(source.content(), source.description())));
    }

    @Bean
    TaxonomyReloading taxonomyReloading(TaxonomySource source, ReloadableTagger tagger) {
        return new TaxonomyReloading(source, tagger);
    }

    @Bean
    TaxonomyWatcher taxonomyWatcher(TaxonomyReloading reloading, TaggingProperties properties) {
        return new TaxonomyWatcher(reloading, properties.reloadInterval());
    }

}
