package org.herald.tagger.tagging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weights for a test taxonomy that trust its terms alone: a tag is given exactly when its
 * term score reaches its threshold (bias -5, {@code passed} +10, every other feature 0),
 * so that a test of reloading or watching can reason about terms as before.
 */
public final class TermsOnlyWeights {

    private TermsOnlyWeights() {
    }

    /** The weights file's JSON for {@code tags}. */
    public static String json(String... tags) {
        Map<String, TagWeights.TagModel> models = new LinkedHashMap<>();
        for (String tag : tags) {
            models.put(tag, new TagWeights.TagModel(new double[] { -5, 0, 10, 0, 0, 0, 0, 0, 0 }, new float[0]));
        }
        return new TagWeights(MiniLmEmbedder.BUNDLED, 0.5, Map.of(), models, Neighbours.none()).toJson();
    }

    /** Writes the weights file beside {@code taxonomy} and returns it. */
    public static Path writeBeside(Path taxonomy, String... tags) {
        Path weights = taxonomy.resolveSibling(TagWeights.fileNameBeside(taxonomy.getFileName().toString()));
        try {
            return Files.writeString(weights, json(tags), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
