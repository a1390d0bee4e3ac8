package org.herald.tagger.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Where the taxonomy is, and whether to watch it.
 *
 * @param taxonomy {@code herald.tagger.taxonomy}: the taxonomy file, a Spring resource
 * location such as {@code file:/etc/herald/taxonomy.yaml}; the bundled
 * {@code classpath:taxonomy/default.yaml} by default
 * @param reloadInterval {@code herald.tagger.reload-interval}: how often to read the file
 * again and, if its content changed, tag with it from then on (e.g. {@code 10s});
 * {@code 0s}, the default, never (the file is then reloaded by
 * {@code POST /api/v1/tagging/taxonomy/reload} or a restart)
 */
@Validated
@ConfigurationProperties("herald.tagger")
record TaggingProperties(@DefaultValue("classpath:taxonomy/default.yaml") @NotNull Resource taxonomy,
        @DefaultValue("0s") @NotNull Duration reloadInterval) {

    TaggingProperties {
        if (reloadInterval != null && reloadInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "herald.tagger.reload-interval must not be negative, was " + reloadInterval);
        }
    }

}
