package org.herald.tagger.tagging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSON of a {@link TagWeights weights file}; a problem in a file is
 * an {@link IllegalArgumentException} naming the place, e.g.
 * {@code tags.aluminium.centroid[3]}.
 */
final class TagWeightsJson {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private TagWeightsJson() {
    }

    /**
     * The weights in {@code content}.
     * @throws tools.jackson.core.JacksonException if it is not JSON
     */
    static TagWeights read(byte[] content) {
        return parse(JSON.readTree(content));
    }

    private static TagWeights parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the file must be a JSON object");
        }
        check(root, "",
                Set.of("model", "threshold", "fittedOn", "features", "tags", "neighbours", "words", "relevance"));
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
        Map<String, TagWeights.TagModel> models = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : tags.properties()) {
            models.put(entry.getKey(), tagModel(entry.getValue(), "tags." + entry.getKey()));
        }
        WordModel words = words(root.get("words"));
        return new TagWeights(model, threshold, fittedOn, models, neighbours(root.get("neighbours")), words,
                relevance(root.get("relevance"), words));
    }

    private static RelevanceGate relevance(JsonNode node, WordModel words) {
        if (node == null) {
            return RelevanceGate.none();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(
                    "relevance: must be an object with threshold, coefficients, words and embedding");
        }
        check(node, "relevance.", Set.of("threshold", "coefficients", "words", "embedding"));
        double threshold = number(node.get("threshold"), "relevance.threshold");
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("relevance.threshold: must be above 0 and below 1, was " + threshold);
        }
        JsonNode coefficients = node.get("coefficients");
        if (!coefficients.isObject()) {
            throw new IllegalArgumentException("relevance.coefficients: must be an object of feature names to numbers");
        }
        check(coefficients, "relevance.coefficients.", Set.of(RelevanceGate.NAMES));
        double[] values = new double[RelevanceGate.NAMES.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(coefficients.get(RelevanceGate.NAMES[i]),
                    "relevance.coefficients." + RelevanceGate.NAMES[i]);
        }
        double[] wordWeights = numbers(node.get("words"), "relevance.words");
        if (wordWeights.length != words.vocabulary().size()) {
            throw new IllegalArgumentException("relevance.words: one number per word of words.vocabulary ("
                    + words.vocabulary().size() + "), was " + wordWeights.length);
        }
        double[] embedding = numbers(node.get("embedding"), "relevance.embedding");
        float[] vector = new float[embedding.length];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) embedding[i];
        }
        return new RelevanceGate(values, threshold, wordWeights, vector);
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

    private static WordModel words(JsonNode node) {
        if (node == null) {
            return WordModel.none();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("words: must be an object with vocabulary, idf and tags");
        }
        check(node, "words.", Set.of("vocabulary", "idf", "tags"));
        List<String> vocabulary = texts(node.get("vocabulary"), "words.vocabulary");
        double[] idf = numbers(node.get("idf"), "words.idf");
        JsonNode tags = node.get("tags");
        if (!tags.isObject()) {
            throw new IllegalArgumentException("words.tags: must be an object of tag names to lists of numbers");
        }
        Map<String, double[]> weights = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : tags.properties()) {
            weights.put(entry.getKey(), numbers(entry.getValue(), "words.tags." + entry.getKey()));
        }
        return new WordModel(vocabulary, idf, weights);
    }

    private static double[] numbers(JsonNode node, String path) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(path + ": must be a list of numbers");
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(node.get(i), path + "[" + i + "]");
        }
        return values;
    }

    private static TagWeights.TagModel tagModel(JsonNode node, String path) {
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
        return new TagWeights.TagModel(values, vector);
    }

    private static void check(JsonNode node, String path, Set<String> required) {
        for (String key : node.propertyNames()) {
            if (!required.contains(key) && !(path.isEmpty() && key.equals("fittedOn"))
                    && !(path.isEmpty() && key.equals("features"))) {
                throw new IllegalArgumentException(path + key + ": unknown key");
            }
        }
        for (String key : required) {
            if (!node.has(key) && !(path.isEmpty() && (key.equals("fittedOn") || key.equals("features")
                    || key.equals("words") || key.equals("relevance")))) {
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

    /** The JSON of a weights file with {@code weights}. */
    static String write(TagWeights weights) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", weights.model());
        json.put("threshold", weights.threshold());
        json.put("fittedOn", new java.util.TreeMap<>(weights.fittedOn()));
        json.put("features", List.of(Features.NAMES));
        Map<String, Object> tags = new LinkedHashMap<>();
        weights.tags().forEach((name, tag) -> {
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
        for (int i = 0; i < weights.neighbours().vectors().size(); i++) {
            float[] vector = weights.neighbours().vectors().get(i);
            ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(vector);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("tags", new java.util.TreeSet<>(weights.neighbours().tags().get(i)));
            entry.put("vector", Base64.getEncoder().encodeToString(bytes.array()));
            neighbours.add(entry);
        }
        json.put("neighbours", neighbours);
        Map<String, Object> words = new LinkedHashMap<>();
        words.put("vocabulary", weights.words().vocabulary());
        words.put("idf", rounded(weights.words().idf(), 1e5));
        Map<String, Object> wordTags = new LinkedHashMap<>();
        weights.words().tags().forEach((name, values) -> wordTags.put(name, rounded(values, 1e5)));
        words.put("tags", wordTags);
        json.put("words", words);
        RelevanceGate gate = weights.relevance();
        if (!gate.isNone()) {
            Map<String, Object> relevance = new LinkedHashMap<>();
            relevance.put("threshold", gate.threshold());
            Map<String, Object> coefficients = new LinkedHashMap<>();
            gate.named().forEach((name, value) -> coefficients.put(name, round(value, 1e4)));
            relevance.put("coefficients", coefficients);
            relevance.put("words", rounded(gate.words(), 1e5));
            double[] embedding = new double[gate.embedding().length];
            for (int i = 0; i < embedding.length; i++) {
                embedding[i] = gate.embedding()[i];
            }
            relevance.put("embedding", rounded(embedding, 1e5));
            json.put("relevance", relevance);
        }
        return JSON.writeValueAsString(json) + "\n";
    }

    private static List<Double> rounded(double[] values, double scale) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(round(value, scale));
        }
        return list;
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }

}
