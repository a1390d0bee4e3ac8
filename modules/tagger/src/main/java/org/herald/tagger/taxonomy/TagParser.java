package org.herald.tagger.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tags of a taxonomy file (their terms, vetoes and {@code only-with}) and its
 * relevance rules, for {@link TaxonomyReader}.
 */
final class TagParser {

    private TagParser() {
    }

    static TagDefinition tag(String name, Node node) {
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw node.invalid("tag names are lower-case words joined by '-', not '" + name + "'");
        }
        Map<String, Node> fields = node.object(
                Set.of("description", "examples", "threshold", "terms", "vetoes", "only-with", "implies", "addresses"),
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
        List<String> addresses = fields.containsKey("addresses") ? addresses(fields.get("addresses")) : List.of();
        return new TagDefinition(name, fields.get("threshold").positiveNumber(), terms, vetoes, onlyWith, description,
                examples, addresses);
    }

    /**
     * Pieces of an address: lower case, without spaces, as they are matched against an
     * address in lower case.
     */
    private static List<String> addresses(Node node) {
        List<String> addresses = node.texts();
        for (String address : addresses) {
            if (!address.equals(address.toLowerCase(Locale.ROOT))
                    || address.chars().anyMatch(Character::isWhitespace)) {
                throw node.invalid("lists pieces of an address in lower case without spaces, not '" + address + "'");
            }
        }
        return addresses;
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
    static void checkOnlyWith(List<TagDefinition> tags, Map<String, Node> tagNodes, Set<String> tagNames) {
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

    static RelevanceRule rule(Node node, Set<String> tagNames) {
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
