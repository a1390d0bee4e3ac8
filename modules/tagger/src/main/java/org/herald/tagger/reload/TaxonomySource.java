package org.herald.tagger.reload;

import java.io.IOException;
import java.util.Objects;

import org.herald.tagger.tagging.TagWeights;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;

import org.springframework.core.io.Resource;

/**
 * The taxonomy file named by {@code herald.tagger.taxonomy} (a Spring resource location
 * such as {@code file:/etc/herald/taxonomy.yaml} or
 * {@code classpath:taxonomy/default.yaml}) and the fitted weights beside it
 * ({@code taxonomy.weights.json}, {@code default.weights.json}), read afresh on every
 * call.
 */
public final class TaxonomySource {

    private final Resource resource;

    public TaxonomySource(Resource resource) {
        this.resource = Objects.requireNonNull(resource, "resource");
    }

    /**
     * The file's bytes.
     * @throws InvalidTaxonomyException if it does not exist or cannot be read
     */
    public byte[] content() {
        if (!this.resource.exists()) {
            throw new InvalidTaxonomyException("Taxonomy " + description()
                    + " does not exist (set herald.tagger.taxonomy to a file such as file:/path/taxonomy.yaml)");
        }
        try {
            return this.resource.getContentAsByteArray();
        }
        catch (IOException ex) {
            throw new InvalidTaxonomyException("Cannot read taxonomy " + description() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * The bytes of the weights file beside the taxonomy.
     * @throws InvalidTaxonomyException if it does not exist or cannot be read
     */
    public byte[] weightsContent() {
        Resource weights = weights();
        if (!weights.exists()) {
            throw new InvalidTaxonomyException("Weights " + weights.getDescription()
                    + " do not exist: the taxonomy needs its fitted weights beside it (fit them with"
                    + " java -jar herald-tagger.jar fit --labels LABELS.jsonl --taxonomy TAXONOMY.yaml; docs/tagging.md)");
        }
        try {
            return weights.getContentAsByteArray();
        }
        catch (IOException ex) {
            throw new InvalidTaxonomyException(
                    "Cannot read weights " + weights.getDescription() + ": " + ex.getMessage(), ex);
        }
    }

    /** The weights file's location, for messages. */
    public String weightsDescription() {
        return weights().getDescription();
    }

    private Resource weights() {
        String name = this.resource.getFilename();
        try {
            return this.resource.createRelative(TagWeights.fileNameBeside((name != null) ? name : "taxonomy.yaml"));
        }
        catch (IOException ex) {
            throw new InvalidTaxonomyException(
                    "Cannot locate the weights beside taxonomy " + description() + ": " + ex.getMessage(), ex);
        }
    }

    /** The location, for messages: e.g. {@code URL [file:/etc/herald/taxonomy.yaml]}. */
    public String description() {
        return this.resource.getDescription();
    }

    /**
     * Whether the taxonomy is a file in the file system (which can change while the
     * tagger runs).
     */
    public boolean isFile() {
        return this.resource.isFile();
    }

}
