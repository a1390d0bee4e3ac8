package org.herald.tagger.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a taxonomy file (YAML, the format is described in {@code docs/tagging.md} and in
 * the bundled {@code taxonomy/default.yaml}) and checks it: unknown keys, missing or
 * mistyped values, tags named in relevance rules or implications that the file does not
 * define, implications that go round in a circle. Every problem is an
 * {@link InvalidTaxonomyException} whose message names the file and the place in it, e.g.
 * {@code tags.aluminium.terms[2]}.
 */
public final class TaxonomyReader {

    private static final int VERSION_HEX_DIGITS = 12;

    private TaxonomyReader() {
    }

    /** Reads the taxonomy file at {@code path}. */
    public static Taxonomy read(Path path) {
        try {
            return read(Files.readAllBytes(path), path.toString());
        }
        catch (IOException ex) {
            throw new InvalidTaxonomyException("Cannot read taxonomy " + path + ": " + ex.getMessage(), ex);
        }
    }

    /** Reads a taxonomy from {@code in}; {@code origin} names it in error messages. */
    public static Taxonomy read(InputStream in, String origin) {
        try (in) {
            return read(in.readAllBytes(), origin);
        }
        catch (IOException ex) {
            throw new InvalidTaxonomyException("Cannot read taxonomy " + origin + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Reads a taxonomy from the bytes of its file; {@code origin} names it in error
     * messages.
     */
    public static Taxonomy read(byte[] content, String origin) {
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(1000);
            document = new Yaml(new SafeConstructor(options)).load(new String(content, StandardCharsets.UTF_8));
        }
        catch (YAMLException ex) {
            throw new InvalidTaxonomyException("Taxonomy " + origin + " is not valid YAML: " + ex.getMessage(), ex);
        }
        try {
            return parse(Node.root(document), version(content));
        }
        catch (InvalidTaxonomyException ex) {
            throw new InvalidTaxonomyException("Taxonomy " + origin + " is invalid: " + ex.getMessage());
        }
    }

    /**
     * The version of a taxonomy file (and of the files versioned with it, such as its
     * fitted weights): the first 12 hex digits of the SHA-256 of their bytes, one after
     * the other.
     */
    public static String version(byte[]... contents) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] content : contents) {
                digest.update(content);
            }
            byte[] hash = digest.digest();
            return HexFormat.of().formatHex(hash).substring(0, VERSION_HEX_DIGITS);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }

    private static Taxonomy parse(Node root, String version) {
        Map<String, Node> top = root.object(Set.of("definitions", "fields", "tags", "relevance", "unstemmed"),
                Set.of("fields", "tags", "relevance"));
        if (top.containsKey("definitions")) {
            top.get("definitions").map().values().forEach(Node::texts);
        }
        Map<Field, Double> fieldWeights = fieldWeights(top.get("fields"));
        List<TagDefinition> tags = new ArrayList<>();
        Map<String, Node> tagNodes = top.get("tags").map();
        if (tagNodes.isEmpty()) {
            throw top.get("tags").invalid("must define at least one tag");
        }
        tagNodes.forEach((name, node) -> tags.add(TagParser.tag(name, node)));
        Set<String> tagNames = new LinkedHashSet<>(tagNodes.keySet());
        TagParser.checkOnlyWith(tags, tagNodes, tagNames);
        List<Implication> implications = ImplicationParser.implications(tagNodes, tagNames);
        List<RelevanceRule> rules = new ArrayList<>();
        for (Node rule : top.get("relevance").list()) {
            rules.add(TagParser.rule(rule, tagNames));
        }
        List<String> unstemmed = top.containsKey("unstemmed") ? top.get("unstemmed").texts() : List.of();
        return new Taxonomy(fieldWeights, tags, rules, unstemmed, version, implications);
    }

    private static Map<Field, Double> fieldWeights(Node node) {
        Set<String> keys = Set.of("title", "summary", "body");
        Map<String, Node> fields = node.object(keys, keys);
        Map<Field, Double> weights = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            weights.put(field, fields.get(field.key()).positiveNumber());
        }
        return weights;
    }

}
