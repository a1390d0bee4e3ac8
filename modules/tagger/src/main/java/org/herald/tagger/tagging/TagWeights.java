package org.herald.tagger.tagging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;

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
 * @param words the word model fitted on them, for the {@code words} feature
 * @param relevance the gate that decides whether an announcement may get tags at all
 * ({@link RelevanceGate#none()} for none)
 */
public record TagWeights(String model, double threshold, Map<String, String> fittedOn, Map<String, TagModel> tags,
        Neighbours neighbours, WordModel words, RelevanceGate relevance) {

    public TagWeights {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(neighbours, "neighbours");
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(relevance, "relevance");
        fittedOn = Map.copyOf(fittedOn);
        tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** Weights without a relevance gate. */
    public TagWeights(String model, double threshold, Map<String, String> fittedOn, Map<String, TagModel> tags,
            Neighbours neighbours, WordModel words) {
        this(model, threshold, fittedOn, tags, neighbours, words, RelevanceGate.none());
    }

    /** Weights without a word model (its feature is then 0) or relevance gate. */
    public TagWeights(String model, double threshold, Map<String, String> fittedOn, Map<String, TagModel> tags,
            Neighbours neighbours) {
        this(model, threshold, fittedOn, tags, neighbours, WordModel.none());
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
            return TagWeightsJson.read(content);
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

    /** The weights as the JSON of a weights file. */
    public String toJson() {
        return TagWeightsJson.write(this);
    }

}
