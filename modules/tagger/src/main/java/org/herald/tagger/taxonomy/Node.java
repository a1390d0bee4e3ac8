package org.herald.tagger.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A value of the parsed YAML document with its path (e.g.
 * {@code tags.aluminium.terms[2].weight}), so that every check can say where the problem
 * is.
 */
record Node(String path, Object value) {

    static Node root(Object document) {
        return new Node("", document);
    }

    InvalidTaxonomyException invalid(String problem) {
        return new InvalidTaxonomyException((this.path.isEmpty() ? "the file" : this.path) + ": " + problem);
    }

    /** The entries of a mapping. */
    Map<String, Node> map() {
        if (!(this.value instanceof Map<?, ?> map)) {
            throw invalid("must be a mapping of keys to values, was " + describe(this.value));
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw invalid("keys must be text, found " + describe(key));
            }
            entries.put(name, new Node(child(name), value));
        });
        return entries;
    }

    /**
     * The entries of a mapping whose keys must be among {@code known} and include
     * {@code required}.
     */
    Map<String, Node> object(Set<String> known, Set<String> required) {
        Map<String, Node> entries = map();
        for (String key : entries.keySet()) {
            if (!known.contains(key)) {
                throw invalid(
                        "unknown key '" + key + "' (known keys: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        for (String key : new TreeSet<>(required)) {
            if (!entries.containsKey(key) || entries.get(key).value() == null) {
                throw invalid("missing '" + key + "'");
            }
        }
        return entries;
    }

    /** The items of a list. */
    List<Node> list() {
        if (!(this.value instanceof List<?> items)) {
            throw invalid("must be a list, was " + describe(this.value));
        }
        List<Node> nodes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            nodes.add(new Node(this.path + "[" + i + "]", items.get(i)));
        }
        return nodes;
    }

    /**
     * The items of a list of non-blank texts; an item that is itself a list (a YAML alias
     * such as {@code *industry} of a list defined under {@code definitions}) contributes
     * its items.
     */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (Node item : list()) {
            if (item.value() instanceof List<?>) {
                item.list().forEach((nested) -> texts.add(nested.text()));
            }
            else {
                texts.add(item.text());
            }
        }
        return texts;
    }

    String text() {
        if (!(this.value instanceof String text) || text.isBlank()) {
            throw invalid("must be non-blank text, was " + describe(this.value));
        }
        return text.strip();
    }

    double positiveNumber() {
        if (!(this.value instanceof Number number) || !(number.doubleValue() > 0)
                || Double.isInfinite(number.doubleValue())) {
            throw invalid("must be a number above 0, was " + describe(this.value));
        }
        return number.doubleValue();
    }

    double fraction() {
        if (!(this.value instanceof Number number) || !(number.doubleValue() > 0) || number.doubleValue() > 1) {
            throw invalid("must be a number above 0 and at most 1, was " + describe(this.value));
        }
        return number.doubleValue();
    }

    double nonZeroNumber() {
        if (!(this.value instanceof Number number) || number.doubleValue() == 0 || Double.isNaN(number.doubleValue())
                || Double.isInfinite(number.doubleValue())) {
            throw invalid("must be a number other than 0, was " + describe(this.value));
        }
        return number.doubleValue();
    }

    int integer(int min, int max) {
        if (!(this.value instanceof Integer number) || number < min || number > max) {
            throw invalid("must be a whole number from " + min + " to " + max + ", was " + describe(this.value));
        }
        return number;
    }

    private String child(String key) {
        return this.path.isEmpty() ? key : this.path + "." + key;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "empty";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String) {
            return "'" + value + "'";
        }
        return String.valueOf(value);
    }

}
