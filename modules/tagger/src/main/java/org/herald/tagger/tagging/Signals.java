package org.herald.tagger.tagging;

import java.util.Map;

/**
 * Everything the combined tagger reads in one announcement before its fitted weights
 * decide: the taxonomy's term evidence, the learned signal's reading and the words for
 * the {@link WordModel}.
 *
 * @param terms per tag, the term score, veto and evidence
 * @param reading per tag, the highest sentence similarity and where it came from; the
 * announcement's embedding (its sentences and its opening, {@link LearnedSignal})
 * @param words each analysed word's summed field weight ({@link Words})
 */
public record Signals(TermScores terms, LearnedSignal.Reading reading, Map<String, Double> words) {

    public Signals {
        words = Map.copyOf(words);
    }

    /** Signals without words (the word model then scores 0). */
    public Signals(TermScores terms, LearnedSignal.Reading reading) {
        this(terms, reading, Map.of());
    }

}
