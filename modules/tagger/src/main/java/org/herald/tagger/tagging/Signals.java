package org.herald.tagger.tagging;

/**
 * Everything the combined tagger reads in one announcement before its fitted weights
 * decide: the taxonomy's term evidence and the learned signal's reading.
 *
 * @param terms per tag, the term score, veto and evidence
 * @param reading per tag, the highest sentence similarity and where it came from; the
 * announcement's mean embedding
 */
public record Signals(TermScores terms, LearnedSignal.Reading reading) {
}
