package org.herald.tagger.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.herald.tagger.tagging.TagWeights;
import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.jspecify.annotations.Nullable;

/**
 * The taxonomy and weights files the commands read: the bundled ones, or a taxonomy file
 * given with {@code --taxonomy} and the weights beside it (or given with
 * {@code --weights}).
 */
final class TaggerFiles {

    /** Where the bundled taxonomy is on the class path. */
    static final String DEFAULT_TAXONOMY = "taxonomy/default.yaml";

    /** Where the bundled weights are on the class path. */
    static final String DEFAULT_WEIGHTS = "taxonomy/" + TagWeights.fileNameBeside("default.yaml");

    private TaggerFiles() {
    }

    /** A file's bytes and its name for messages. */
    record Content(byte[] bytes, String origin) {
    }

    static Content taxonomy(@Nullable Path path) {
        return (path != null) ? file(path, "taxonomy") : bundled(DEFAULT_TAXONOMY, "taxonomy");
    }

    static Content weights(@Nullable Path taxonomy, @Nullable Path weights) {
        if (weights != null) {
            return file(weights, "weights");
        }
        if (taxonomy != null) {
            return file(besideTaxonomy(taxonomy), "weights");
        }
        return bundled(DEFAULT_WEIGHTS, "weights");
    }

    /** The weights file beside a taxonomy file. */
    static Path besideTaxonomy(Path taxonomy) {
        return taxonomy.resolveSibling(TagWeights.fileNameBeside(taxonomy.getFileName().toString()));
    }

    private static Content file(Path path, String what) {
        try {
            return new Content(Files.readAllBytes(path), path.toString());
        }
        catch (IOException ex) {
            throw new InvalidTaxonomyException("Cannot read " + what + " " + path + ": " + ex.getMessage()
                    + ("weights".equals(what) ? " (fit them with the fit command, docs/tagging.md)" : ""), ex);
        }
    }

    private static Content bundled(String resource, String what) {
        try (InputStream in = TaggerFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidTaxonomyException("The bundled " + what + " " + resource + " is missing");
            }
            return new Content(in.readAllBytes(), "classpath:" + resource);
        }
        catch (IOException ex) {
            throw new InvalidTaxonomyException("Cannot read the bundled " + what + " " + resource, ex);
        }
    }

}
