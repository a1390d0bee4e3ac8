package org.herald.tagger.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

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
 * @param model {@code herald.tagger.model}: an ONNX sentence-embedding model file
 * ({@code file:...}) to use instead of the bundled all-MiniLM-L6-v2 (quantised); unset by
 * default
 * @param modelTokenizer {@code herald.tagger.model-tokenizer}: that model's Hugging Face
 * {@code tokenizer.json} ({@code file:...}); required with {@code model}
 */
@Validated
@ConfigurationProperties("herald.tagger")
record TaggingProperties(@DefaultValue("classpath:taxonomy/default.yaml") @NotNull Resource taxonomy,
        @DefaultValue("0s") @NotNull Duration reloadInterval, @Nullable Resource model,
        @Nullable Resource modelTokenizer) {

    TaggingProperties {
        if (reloadInterval != null && reloadInterval.isNegative()) {
            throw new IllegalArgumentException(
                    "herald.tagger.reload-interval must not be negative, was " + reloadInterval);
        }
        if ((model == null) != (modelTokenizer == null)) {
            throw new IllegalArgumentException(
                    "herald.tagger.model and herald.tagger.model-tokenizer go together: set both or neither");
        }
    }

}
