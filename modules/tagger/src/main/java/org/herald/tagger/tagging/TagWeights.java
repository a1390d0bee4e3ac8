package org.herald.tagger.tagging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.herald.tagger.taxonomy.InvalidTaxonomyException;

/**
 * The fitted weights that combine the signals of each tag into a probability: per tag,
 * one coefficient per {@link Features feature} and the centroid (mean embedding) of the
 * labelled announcements that have the tag. Kept in a JSON file beside the taxonomy
 * ({@code default.yaml} has {@code default.weights.json}), written by the {@code fit}
 * command, and versioned with the taxonomy: the tagger's taxonomy version hashes both.
 *
 * @param model the embedding model the weights were fitted with
 * @param threshold a tag is given when its probability reaches this
 * @param fittedOn how they were fitted, for people: the taxonomy file's version, the
 * labels file and its number of items
 * @param tags per tag name, its coefficients and centroid
 * @param neighbours the labelled announcements fitted on (embeddings and tags), for the
 * neighbour features
 */
public record TagWeights(String model, double threshold, Map<String, String> fittedOn, Map<String, TagModel> tags,
        Neighbours neighbours) {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public TagWeights {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(neighbours, "neighbours");
        fittedOn = Map.copyOf(fittedOn);
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /**
     * One tag's fitted model.
     *
     * @param coefficients one per feature, in the order of {@link Features#NAMES}
     * @param centroid the unit-length mean embedding of the labelled announcements with
     * the tag; empty when there were none
     */
    public record TagModel(double[] coefficients, float[] centroid) {
    }

    /**
     * The name of the weights file beside a taxonomy file: {@code default.yaml} has
     * {@code default.weights.json}.
     */
    public static String fileNameBeside(String taxonomyFileName) {
        String base = taxonomyFileName.replaceFirst("\\.(yaml|yml)$", "");
        return base + ".weights.json";
    }

    /**
     * Reads a weights file; {@code origin} names it in messages.
     * @throws InvalidTaxonomyException if it is not a valid weights file
     */
    public static TagWeights read(byte[] content, String origin) {
        try {
            return parse(JSON.readTree(content));
        }
        catch (JacksonException ex) {
            throw new InvalidTaxonomyException(
                    "Weights " + origin + " are not valid JSON: " + ex.getOriginalMessage() + refit(), ex);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidTaxonomyException("Weights " + origin + " are invalid: " + ex.getMessage() + refit());
        }
    }

    private static String refit() {
        return " (refit them with: java -jar herald-tagger.jar fit --labels LABELS.jsonl --taxonomy TAXONOMY.yaml --out WEIGHTS.json)";
    }

    private static TagWeights parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the file must be a JSON object");
        }
        check(root, "", Set.of("model", "threshold", "fittedOn", "features", "tags", "neighbours"));
        String model = text(root.get("model"), "model");
        double threshold = number(root.get("threshold"), "threshold");
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold: must be above 0 and below 1, was " + threshold);
        }
        JsonNode features = root.get("features");
        if (features != null && !List.of(Features.NAMES).equals(texts(features, "features"))) {
            throw new IllegalArgumentException("features: must be " + List.of(Features.NAMES) + ", was " + features);
        }
        Map<String, String> fittedOn = new LinkedHashMap<>();
        JsonNode fitted = root.get("fittedOn");
        if (fitted != null) {
            if (!fitted.isObject()) {
                throw new IllegalArgumentException("fittedOn: must be an object");
            }
            for (Map.Entry<String, JsonNode> entry : fitted.properties()) {
                fittedOn.put(entry.getKey(), entry.getValue().asString());
            }
        }
        JsonNode tags = root.get("tags");
        if (tags == null || !tags.isObject()) {
            throw new IllegalArgumentException("tags: must be an object of tag names to their weights");
        }
        Map<String, TagModel> models = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : tags.properties()) {
            models.put(entry.getKey(), tagModel(entry.getValue(), "tags." + entry.getKey()));
        }
        return new TagWeights(model, threshold, fittedOn, models, neighbours(root.get("neighbours")));
    }

    private static Neighbours neighbours(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("neighbours: must be a list of {tags, vector}");
        }
        List<float[]> vectors = new ArrayList<>();
        List<Set<String>> tags = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "neighbours[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject() || !item.has("tags") || !item.has("vector")) {
                throw new IllegalArgumentException(path + ": must be an object with tags and vector");
            }
            tags.add(Set.copyOf(texts(item.get("tags"), path + ".tags")));
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text(item.get("vector"), path + ".vector"));
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(path + ".vector: must be base64 (" + ex.getMessage() + ")");
            }
            if (bytes.length % Float.BYTES != 0) {
                throw new IllegalArgumentException(path + ".vector: not a list of 32-bit floats");
            }
            float[] vector = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
            vectors.add(vector);
        }
        return new Neighbours(vectors, tags);
    }

    private static TagModel tagModel(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(path + ": must be an object");
        }
        check(node, path + ".", Set.of("coefficients", "centroid"));
        JsonNode coefficients = node.get("coefficients");
        if (!coefficients.isObject()) {
            throw new IllegalArgumentException(path + ".coefficients: must be an object of feature names to numbers");
        }
        check(coefficients, path + ".coefficients.", Set.of(Features.NAMES));
        double[] values = new double[Features.NAMES.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(coefficients.get(Features.NAMES[i]), path + ".coefficients." + Features.NAMES[i]);
        }
        JsonNode centroid = node.get("centroid");
        if (!centroid.isArray()) {
            throw new IllegalArgumentException(path + ".centroid: must be a list of numbers");
        }
        float[] vector = new float[centroid.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) number(centroid.get(i), path + ".centroid[" + i + "]");
        }
        return new TagModel(values, vector);
    }

    private static void check(JsonNode node, String path, Set<String> required) {
        for (String key : node.propertyNames()) {
            if (!required.contains(key) && !(path.isEmpty() && key.equals("fittedOn"))
                    && !(path.isEmpty() && key.equals("features"))) {
                throw new IllegalArgumentException(path + key + ": unknown key");
            }
        }
        for (String key : required) {
            if (!node.has(key) && !(path.isEmpty() && (key.equals("fittedOn") || key.equals("features")))) {
                throw new IllegalArgumentException(path + key + ": missing");
            }
        }
    }

    private static String text(JsonNode node, String path) {
        if (node == null || !node.isString() || node.stringValue().isBlank()) {
            throw new IllegalArgumentException(path + ": must be non-blank text");
        }
        return node.stringValue();
    }

    private static List<String> texts(JsonNode node, String path) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(path + ": must be a list");
        }
        List<String> texts = new ArrayList<>();
        node.forEach((item) -> texts.add(text(item, path)));
        return texts;
    }

    private static double number(JsonNode node, String path) {
        if (node == null || !node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException(path + ": must be a number");
        }
        return node.doubleValue();
    }

    /** The weights as the JSON of a weights file. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", this.model);
        json.put("threshold", this.threshold);
        json.put("fittedOn", new java.util.TreeMap<>(this.fittedOn));
        json.put("features", List.of(Features.NAMES));
        Map<String, Object> tags = new LinkedHashMap<>();
        this.tags.forEach((name, tag) -> {
            Map<String, Object> coefficients = new LinkedHashMap<>();
            for (int i = 0; i < Features.NAMES.length; i++) {
                coefficients.put(Features.NAMES[i], round(tag.coefficients()[i], 1e4));
            }
            List<Double> centroid = new ArrayList<>(tag.centroid().length);
            for (float value : tag.centroid()) {
                centroid.add(round(value, 1e5));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("coefficients", coefficients);
            entry.put("centroid", centroid);
            tags.put(name, entry);
        });
        json.put("tags", tags);
        List<Object> neighbours = new ArrayList<>();
        for (int i = 0; i < this.neighbours.vectors().size(); i++) {
            float[] vector = this.neighbours.vectors().get(i);
            ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(vector);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("tags", new java.util.TreeSet<>(this.neighbours.tags().get(i)));
            entry.put("vector", Base64.getEncoder().encodeToString(bytes.array()));
            neighbours.add(entry);
        }
        json.put("neighbours", neighbours);
        return JSON.writeValueAsString(json) + "\n";
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }

}
