package org.herald.tagger.tagging;

import java.util.List;

import org.herald.events.Evidence;

/**
 * What the taxonomy's terms say of one announcement, per tag in taxonomy order, before
 * thresholds, {@code only-with} and relevance.
 *
 * @param scores the summed weight of each tag's term evidence (0 when none, or vetoed)
 * @param vetoed whether a veto of the tag was found
 * @param evidence each tag's term evidence, strongest first (empty when none, or vetoed)
 */
public record TermScores(double[] scores, boolean[] vetoed, List<List<Evidence>> evidence) {

    public TermScores {
        evidence = List.copyOf(evidence);
    }

}
