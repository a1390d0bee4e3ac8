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
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
        tagNodes.forEach((name, node) -> tags.add(tag(name, node)));
        Set<String> tagNames = new LinkedHashSet<>(tagNodes.keySet());
        checkOnlyWith(tags, tagNodes, tagNames);
        List<Implication> implications = implications(tagNodes, tagNames);
        List<RelevanceRule> rules = new ArrayList<>();
        for (Node rule : top.get("relevance").list()) {
            rules.add(rule(rule, tagNames));
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

    private static TagDefinition tag(String name, Node node) {
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw node.invalid("tag names are lower-case words joined by '-', not '" + name + "'");
        }
        Map<String, Node> fields = node.object(
                Set.of("description", "examples", "threshold", "terms", "vetoes", "only-with", "implies"),
                Set.of("threshold", "terms"));
        String description = fields.containsKey("description") ? fields.get("description").text() : null;
        List<String> examples = fields.containsKey("examples") ? fields.get("examples").texts() : List.of();
        List<TermDefinition> terms = new ArrayList<>();
        for (Node term : fields.get("terms").list()) {
            terms.add(term(term));
        }
        if (terms.isEmpty()) {
            throw fields.get("terms").invalid("must list at least one term");
        }
        List<String> vetoes = fields.containsKey("vetoes") ? fields.get("vetoes").texts() : List.of();
        List<String> onlyWith = fields.containsKey("only-with") ? fields.get("only-with").texts() : List.of();
        return new TagDefinition(name, fields.get("threshold").positiveNumber(), terms, vetoes, onlyWith, description,
                examples);
    }

    private static TermDefinition term(Node node) {
        if (node.value() instanceof String) {
            return new TermDefinition(node.text(), 1.0, List.of(), List.of());
        }
        Map<String, Node> fields = node.object(Set.of("term", "weight", "synonyms", "context"), Set.of("term"));
        double weight = fields.containsKey("weight") ? fields.get("weight").nonZeroNumber() : 1.0;
        List<String> synonyms = fields.containsKey("synonyms") ? fields.get("synonyms").texts() : List.of();
        List<String> context = fields.containsKey("context") ? fields.get("context").texts() : List.of();
        return new TermDefinition(fields.get("term").text(), weight, synonyms, context);
    }

    /**
     * A tag's {@code only-with} names defined tags that have no {@code only-with} of
     * their own.
     */
    private static void checkOnlyWith(List<TagDefinition> tags, Map<String, Node> tagNodes, Set<String> tagNames) {
        Set<String> dependent = new LinkedHashSet<>();
        tags.stream().filter((tag) -> !tag.onlyWith().isEmpty()).forEach((tag) -> dependent.add(tag.name()));
        for (TagDefinition tag : tags) {
            for (String other : tag.onlyWith()) {
                Node node = tagNodes.get(tag.name()).map().get("only-with");
                if (!tagNames.contains(other)) {
                    throw node.invalid("names tag '" + other + "', which 'tags' does not define");
                }
                if (dependent.contains(other)) {
                    throw node.invalid("names tag '" + other
                            + "', which has an 'only-with' of its own; list the tags it depends on instead");
                }
            }
        }
    }

    /**
     * The tags' {@code implies} lists: each item names a defined tag other than its own,
     * once, with a reason and an optional weight (default 1); and no chain of
     * implications comes back to where it started.
     */
    private static List<Implication> implications(Map<String, Node> tagNodes, Set<String> tagNames) {
        List<Implication> implications = new ArrayList<>();
        Map<Implication, Node> places = new HashMap<>();
        tagNodes.forEach((name, node) -> {
            Node implies = node.map().get("implies");
            if (implies == null) {
                return;
            }
            Set<String> seen = new HashSet<>();
            for (Node item : implies.list()) {
                Map<String, Node> fields = item.object(Set.of("tag", "weight", "reason"), Set.of("tag", "reason"));
                Node tag = fields.get("tag");
                String implied = tag.text();
                if (!tagNames.contains(implied)) {
                    throw tag.invalid("names tag '" + implied + "', which 'tags' does not define");
                }
                if (implied.equals(name)) {
                    throw tag.invalid("a tag cannot imply itself");
                }
                if (!seen.add(implied)) {
                    throw tag.invalid("implies '" + implied + "' a second time");
                }
                double weight = fields.containsKey("weight") ? fields.get("weight").fraction() : 1.0;
                Implication implication = new Implication(name, implied, weight, fields.get("reason").text());
                implications.add(implication);
                places.put(implication, tag);
            }
        });
        checkNoCycle(implications, places);
        return implications;
    }

    /**
     * Refuses implications that come back to a tag they started from ({@code a} implies
     * {@code b}, {@code b} implies {@code a}), naming the implication that closes the
     * circle and the circle itself.
     */
    private static void checkNoCycle(List<Implication> implications, Map<Implication, Node> places) {
        Map<String, List<Implication>> from = new LinkedHashMap<>();
        implications.forEach(
                (implication) -> from.computeIfAbsent(implication.tag(), (tag) -> new ArrayList<>()).add(implication));
        Set<String> done = new HashSet<>();
        for (String start : from.keySet()) {
            findCycle(start, from, new ArrayList<>(), done, places);
        }
    }

    private static void findCycle(String tag, Map<String, List<Implication>> from, List<String> path, Set<String> done,
            Map<Implication, Node> places) {
        if (done.contains(tag)) {
            return;
        }
        path.add(tag);
        for (Implication implication : from.getOrDefault(tag, List.of())) {
            int start = path.indexOf(implication.implied());
            if (start >= 0) {
                List<String> circle = new ArrayList<>(path.subList(start, path.size()));
                circle.add(implication.implied());
                throw places.get(implication)
                    .invalid("'" + implication.tag() + "' implies '" + implication.implied()
                            + "', and the implications go round in a circle (" + String.join(" -> ", circle)
                            + "); remove one of them");
            }
            findCycle(implication.implied(), from, path, done, places);
        }
        path.remove(path.size() - 1);
        done.add(tag);
    }

    private static RelevanceRule rule(Node node, Set<String> tagNames) {
        Map<String, Node> fields = node.object(Set.of("relevance", "any", "all", "min-score"), Set.of("relevance"));
        int relevance = fields.get("relevance").integer(1, 3);
        List<String> any = fields.containsKey("any") ? fields.get("any").texts() : List.of();
        List<String> all = fields.containsKey("all") ? fields.get("all").texts() : List.of();
        if (any.isEmpty() && all.isEmpty()) {
            throw node.invalid("needs 'any' or 'all' (a list of tags)");
        }
        for (String key : List.of("any", "all")) {
            if (fields.containsKey(key)) {
                for (String tag : fields.get(key).texts()) {
                    if (!tagNames.contains(tag)) {
                        throw fields.get(key).invalid("names tag '" + tag + "', which 'tags' does not define");
                    }
                }
            }
        }
        double minScore = fields.containsKey("min-score") ? fields.get("min-score").positiveNumber() : 0.0;
        return new RelevanceRule(relevance, any, all, minScore);
    }

}
