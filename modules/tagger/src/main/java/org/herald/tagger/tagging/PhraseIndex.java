package org.herald.tagger.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.herald.tagger.taxonomy.InvalidTaxonomyException;
import org.herald.tagger.taxonomy.TagDefinition;
import org.herald.tagger.taxonomy.Taxonomy;
import org.herald.tagger.taxonomy.TermDefinition;

/**
 * Every phrase of a taxonomy (terms, synonyms, context and veto terms), analysed into a
 * sequence of tokens, in one trie over tokens, so that one pass over a field finds them
 * all, overlapping ones included. A phrase matches only whole tokens in order: "steel"
 * never matches "steely", and "anti dumping" matches "anti-dumping".
 * <p>
 * The words of the taxonomy form its vocabulary, each with a number. A text is read as
 * the numbers of its tokens (a word outside the vocabulary breaks every phrase), and the
 * trie is walked from each token. What a surface token (as written in the text) becomes
 * once analysed is remembered per thread, so a word is lower-cased, folded and stemmed
 * once rather than at every occurrence; that memory is dropped when it grows past
 * {@value #MAX_REMEMBERED} words.
 */
final class PhraseIndex {

    /** Surface tokens remembered per thread before the memory is cleared. */
    static final int MAX_REMEMBERED = 50_000;

    private static final int OUTSIDE = -1;

    /** What finding a phrase means. */
    enum Kind {

        /** Evidence for term {@code index}. */
        TERM,
        /** A context term of term {@code index}. */
        CONTEXT,
        /** A veto of tag {@code index}. */
        VETO

    }

    record Target(Kind kind, int index) {
    }

    /** A term of the taxonomy with the index of its tag. */
    record IndexedTerm(int tag, TermDefinition definition) {
    }

    private final List<IndexedTerm> terms = new ArrayList<>();

    private final TextAnalysis analysis;

    private final Map<String, Integer> vocabulary = new HashMap<>();

    /** The trie's first level, by token number. */
    private final Node[] roots;

    private final ThreadLocal<TokenMemory> remembered = ThreadLocal.withInitial(() -> new TokenMemory(4096));

    PhraseIndex(Taxonomy taxonomy, TextAnalysis analysis) {
        this.analysis = analysis;
        Map<String, List<Target>> targets = new LinkedHashMap<>();
        for (int tag = 0; tag < taxonomy.tags().size(); tag++) {
            TagDefinition definition = taxonomy.tags().get(tag);
            for (TermDefinition term : definition.terms()) {
                int index = this.terms.size();
                this.terms.add(new IndexedTerm(tag, term));
                for (String form : term.forms()) {
                    add(targets, definition, form, new Target(Kind.TERM, index));
                }
                for (String context : term.context()) {
                    add(targets, definition, context, new Target(Kind.CONTEXT, index));
                }
            }
            for (String veto : definition.vetoes()) {
                add(targets, definition, veto, new Target(Kind.VETO, tag));
            }
        }
        Map<String, int[]> phrases = new LinkedHashMap<>();
        for (String phrase : targets.keySet()) {
            phrases.put(phrase, Arrays.stream(phrase.split(" ")).mapToInt(this::number).toArray());
        }
        this.roots = new Node[this.vocabulary.size()];
        phrases.forEach((phrase, tokens) -> insert(tokens, targets.get(phrase).toArray(Target[]::new)));
    }

    private void add(Map<String, List<Target>> targets, TagDefinition tag, String text, Target target) {
        String phrase = this.analysis.phrase(text);
        if (phrase.isEmpty()) {
            throw new InvalidTaxonomyException(
                    "Taxonomy tag '" + tag.name() + "': '" + text + "' has no words to match once analysed");
        }
        targets.computeIfAbsent(phrase, (key) -> new ArrayList<>()).add(target);
    }

    private int number(String token) {
        return this.vocabulary.computeIfAbsent(token, (key) -> this.vocabulary.size());
    }

    private void insert(int[] tokens, Target[] targets) {
        Node node = this.roots[tokens[0]];
        if (node == null) {
            node = new Node();
            this.roots[tokens[0]] = node;
        }
        for (int i = 1; i < tokens.length; i++) {
            node = node.childOrNew(tokens[i]);
        }
        node.targets = targets;
    }

    List<IndexedTerm> terms() {
        return this.terms;
    }

    /**
     * Reads {@code text} into {@code tokens}: the vocabulary number of each token, or -1
     * for a word outside the vocabulary.
     */
    void read(String text, TokenNumbers tokens) {
        tokens.clear();
        TokenMemory remembered = this.remembered.get();
        this.analysis.surfaceTokens(text, (buffer, length) -> {
            int number = remembered.get(buffer, length);
            if (number == TokenMemory.ABSENT) {
                number = numberOf(buffer, length, remembered);
            }
            tokens.add(number);
        });
    }

    private int numberOf(char[] buffer, int length, TokenMemory remembered) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        int number = this.vocabulary.getOrDefault(this.analysis.stem(new String(buffer, 0, length)), OUTSIDE);
        remembered.put(buffer, length, number);
        return number;
    }

    /** Calls {@code sink} with every target of every phrase found in {@code tokens}. */
    void find(TokenNumbers tokens, TargetSink sink) {
        int[] numbers = tokens.numbers;
        int size = tokens.size;
        for (int start = 0; start < size; start++) {
            int number = numbers[start];
            Node node = (number == OUTSIDE) ? null : this.roots[number];
            int next = start + 1;
            while (node != null) {
                if (node.targets != null) {
                    for (Target target : node.targets) {
                        sink.found(target);
                    }
                }
                if (next == size || numbers[next] == OUTSIDE) {
                    break;
                }
                node = node.child(numbers[next++]);
            }
        }
    }

    @FunctionalInterface
    interface TargetSink {

        void found(Target target);

    }

    /** The token numbers of a text; reused from text to text. */
    static final class TokenNumbers {

        private int[] numbers = new int[512];

        private int size;

        void clear() {
            this.size = 0;
        }

        void add(int number) {
            if (this.size == this.numbers.length) {
                this.numbers = Arrays.copyOf(this.numbers, this.size * 2);
            }
            this.numbers[this.size++] = number;
        }

    }

    /** A node of the trie below the first level: few children, searched in order. */
    private static final class Node {

        private int[] keys = new int[0];

        private Node[] children = new Node[0];

        private Target[] targets;

        Node child(int number) {
            int[] keys = this.keys;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == number) {
                    return this.children[i];
                }
            }
            return null;
        }

        Node childOrNew(int number) {
            Node child = child(number);
            if (child == null) {
                child = new Node();
                this.keys = Arrays.copyOf(this.keys, this.keys.length + 1);
                this.children = Arrays.copyOf(this.children, this.children.length + 1);
                this.keys[this.keys.length - 1] = number;
                this.children[this.children.length - 1] = child;
            }
            return child;
        }

    }

}
