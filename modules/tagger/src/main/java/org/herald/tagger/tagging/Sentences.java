package org.herald.tagger.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.herald.tagger.taxonomy.Field;
import org.jspecify.annotations.Nullable;

/**
 * The sentences of an announcement that the learned signal reads: the title as one
 * sentence, then the summary's and the body's sentences, each field up to the model's
 * window of 256 word pieces (estimated as 4 per 3 words), so that a long body costs no
 * more than one window; the body's sentences are joined into passages of up to
 * {@value #BODY_PASSAGE_WORDS} words.
 */
final class Sentences {

    /** all-MiniLM-L6-v2 was trained on texts of up to 256 word pieces. */
    static final int WINDOW_TOKENS = 256;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\s*\\R\\s*");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The body is read in passages of up to this many words. */
    static final int BODY_PASSAGE_WORDS = 60;

    private Sentences() {
    }

    /** A sentence and the field it stands in. */
    record Sentence(Field field, String text) {
    }

    static List<Sentence> of(@Nullable String title, @Nullable String summary, @Nullable String body) {
        List<Sentence> sentences = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            sentences.add(new Sentence(Field.TITLE, title.strip()));
        }
        addWindow(sentences, Field.SUMMARY, summary, 0);
        addWindow(sentences, Field.BODY, body, BODY_PASSAGE_WORDS);
        return sentences;
    }

    /**
     * The sentences joined in order into one text, as far as the model's window holds
     * them (at least the first): the announcement read as a whole, which the model embeds
     * with each sentence in the context of the others.
     */
    static String opening(List<Sentence> sentences) {
        StringBuilder text = new StringBuilder();
        int tokens = 0;
        for (Sentence sentence : sentences) {
            int estimate = tokens(WHITESPACE.split(sentence.text()).length);
            if (tokens > 0 && tokens + estimate > WINDOW_TOKENS) {
                break;
            }
            tokens += estimate;
            text.append((text.length() > 0) ? " " : "").append(sentence.text());
        }
        return text.toString();
    }

    /** The word pieces of {@code words} words, estimated as 4 per 3 words. */
    static int tokens(int words) {
        return (words * 4 + 2) / 3;
    }

    /**
     * Adds the sentences of {@code text} up to the window; consecutive sentences are
     * joined into passages of up to {@code passageWords} words (0: each sentence alone),
     * so that a long body costs a few embeddings, not one per sentence.
     */
    private static void addWindow(List<Sentence> sentences, Field field, @Nullable String text, int passageWords) {
        if (text == null || text.isBlank()) {
            return;
        }
        int tokens = 0;
        StringBuilder passage = new StringBuilder();
        int passageLength = 0;
        for (String sentence : SENTENCE_END.split(text.strip())) {
            String stripped = sentence.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            int words = WHITESPACE.split(stripped).length;
            if (tokens > 0 && tokens + tokens(words) > WINDOW_TOKENS) {
                break;
            }
            tokens += tokens(words);
            if (passageLength > 0 && passageLength + words > passageWords) {
                sentences.add(new Sentence(field, passage.toString()));
                passage.setLength(0);
                passageLength = 0;
            }
            passage.append((passage.length() > 0) ? " " : "").append(stripped);
            passageLength += words;
        }
        if (passageLength > 0) {
            sentences.add(new Sentence(field, passage.toString()));
        }
    }

}
