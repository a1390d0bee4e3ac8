package org.herald.tagger.tagging;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Everything the combined tagger reads in one announcement before its fitted weights
 * decide: the taxonomy's term evidence, the learned signal's reading and the words for
 * the {@link WordModel}.
 *
 * @param terms per tag, the term score, veto and evidence
 * @param reading per tag, the highest sentence similarity and where it came from; the
 * announcement's embedding (its sentences and its opening, {@link LearnedSignal})
 * @param words each analysed word's summed field weight ({@link Words})
 * @param addresses per tag, the piece of the tag's {@code addresses} that the
 * announcement's address contains, or null (not copied: read-only by convention)
 */
public record Signals(TermScores terms, LearnedSignal.Reading reading, Map<String, Double> words,
        @Nullable String[] addresses) {

    public Signals {
        words = Map.copyOf(words);
        Objects.requireNonNull(addresses, "addresses");
    }

    /** Signals of an announcement whose address says nothing of its tags. */
    public Signals(TermScores terms, LearnedSignal.Reading reading, Map<String, Double> words) {
        this(terms, reading, words, new String[terms.scores().length]);
    }

    /** Signals without words (the word model then scores 0) and without an address. */
    public Signals(TermScores terms, LearnedSignal.Reading reading) {
        this(terms, reading, Map.of());
    }

}
