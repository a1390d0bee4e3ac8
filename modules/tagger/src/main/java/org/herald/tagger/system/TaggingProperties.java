package org.herald.tagger.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the taxonomy is.
 *
 * @param taxonomy {@code herald.tagger.taxonomy}: the taxonomy file, a Spring resource location such as
 * {@code file:/etc/herald/taxonomy.yaml}; the bundled {@code classpath:taxonomy/default.yaml} by default
 */
@ConfigurationProperties("herald.tagger")
record TaggingProperties(@DefaultValue("classpath:taxonomy/default.yaml") Resource taxonomy) {
}
