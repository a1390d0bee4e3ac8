package org.herald.tagger.system;

import java.io.IOException;

import org.herald.tagger.tagging.RelevanceTagger;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.herald.tagger.taxonomy.Taxonomy;
import org.herald.tagger.taxonomy.TaxonomyReader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * Reads the taxonomy at start-up and makes the {@link RelevanceTagger} of it. A missing or invalid
 * taxonomy fails start-up with a message that names the problem.
 */
@Configuration(proxyBeanMethods = false)
class TaggingConfiguration {

    @Bean
    Taxonomy taxonomy(TaggingProperties properties) {
        Resource resource = properties.taxonomy();
        if (!resource.exists()) {
            throw new InvalidTaxonomyException("Taxonomy " + resource.getDescription()
                    + " does not exist (set herald.tagger.taxonomy to a file such as file:/path/taxonomy.yaml)");
        }
        try {
            return TaxonomyReader.read(resource.getInputStream(), resource.getDescription());
        }
        catch (IOException ex) {
            throw new InvalidTaxonomyException("Cannot read taxonomy " + resource.getDescription(), ex);
        }
    }

    @Bean
    RelevanceTagger relevanceTagger(Taxonomy taxonomy) {
        return new RelevanceTagger(taxonomy);
    }

}
