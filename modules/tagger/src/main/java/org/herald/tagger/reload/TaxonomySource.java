package org.herald.tagger.reload;

import java.io.IOException;
import java.util.Objects;

import org.herald.tagger.taxonomy.InvalidTaxonomyException;

import org.springframework.core.io.Resource;

/**
 * The taxonomy file named by {@code herald.tagger.taxonomy} (a Spring resource location
 * such as {@code file:/etc/herald/taxonomy.yaml} or
 * {@code classpath:taxonomy/default.yaml}), read afresh on every call.
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
